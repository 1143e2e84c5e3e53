from .. import util
from . import BASE_SCALE


def area(side):
    return util.scale(side) * side + BASE_SCALE
