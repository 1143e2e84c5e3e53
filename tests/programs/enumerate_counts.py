# enumerate's count: small ints in place, past the small-int range, big starts, and starts of
# int subclasses and objects with their own +.
import sys
print(list(enumerate("abc")), list(enumerate("ab", 2**47 - 2)), list(enumerate("abc", 2**63 - 2)))
print(list(enumerate("ab", -2**47 - 1)), list(enumerate("ab", -1)), list(enumerate("ab", True)))
class I(int):
    def __add__(self, o):
        return "added"
print(list(enumerate("abc", I(5))))
try:
    list(enumerate("ab", 1.5))
except TypeError as e:
    print("TypeError", e)
s = 0
for i, x in enumerate(range(100000), 2**47 - 50000):
    s += i - x
print(s, i, sys.maxsize - i > 0)
