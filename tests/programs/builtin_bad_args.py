# Built-in calls with wrong arguments that used to panic or crash cpjit (issue 12 and the call
# fuzzer): each must raise CPython's exception with CPython's message.
import math

CASES = [
    lambda: str.__new__(),
    lambda: dict.__new__(),
    lambda: set.__new__(),
    lambda: frozenset.__new__(),
    lambda: range.__new__(),
    lambda: complex.__new__(),
    lambda: type('abc', (), None),
    lambda: type(1, (), {}),
    lambda: type('abc', [], {}),
    lambda: BaseException.__new__(2.5),
    lambda: ValueError.__new__(KeyError),
    lambda: int.__new__(str),
    lambda: int.__new__(bool, 3),
    lambda: object.__new__(int),
    lambda: frozenset(2.5),
    lambda: math.prod(),
    lambda: math.prod([1], x=2),
    lambda: math.factorial(2**64),
    lambda: math.comb(2**70, 2**65),
    lambda: str.__repr__('', 1),
    lambda: (1).__add__(),
    lambda: str.format(errors=''),
]
for case in CASES:
    try:
        r = case()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(type('a', (), {}), ''.__repr__(), str.__repr__('x'), [1].__repr__(), range(3).__repr__())
print(int.__new__(int, 7), (5).__new__(int, 8), math.comb(2**64, 2), math.perm(5), math.prod([2, 3], start=2))
