import helpers.mod_util
from helpers import mod_util
from helpers.mod_util import double, Point as P
import helpers.mod_util as mu
print(mod_util.GREETING, double(21), P(1, 2), mu is mod_util)
print(mod_util.calls, helpers.mod_util.double("ab"), mu.calls)
print(mod_util.__name__)
