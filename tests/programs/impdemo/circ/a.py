# a imports b, which imports a back while a is half-initialized (as in CPython).
A_EARLY = "a-early"
from . import b
A_LATE = "a-late"


def from_b():
    return b.B_VALUE
