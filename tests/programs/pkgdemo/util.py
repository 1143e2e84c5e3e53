print("util loaded", __name__, __package__)
from .consts import SCALE


def scale(x):
    return x * SCALE
