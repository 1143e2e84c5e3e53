# sys.settrace/sys.setprofile with None (what doctest does around every run) and the getters.
import sys

print(sys.gettrace(), sys.getprofile())
old = sys.gettrace()
sys.settrace(old)
sys.setprofile(None)
print(sys.gettrace(), sys.getprofile())
for f in (sys.settrace, sys.setprofile):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
    try:
        f(None, None)
    except TypeError as e:
        print("TypeError", e)

import doctest


def square(x):
    """
    >>> square(3)
    9
    >>> [square(i) for i in range(4)]
    [0, 1, 4, 9]
    """
    return x * x


print(doctest.testmod(verbose=False))
