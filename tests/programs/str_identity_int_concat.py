# Which strs are new objects, as in CPython: an int's str/repr/format is a new object even for
# one character (CPython caches one-character strs, but its int formatting does not use the
# cache), and a concatenation with an empty str gives the other operand itself when it is an
# exact str. pickle's memo goes by identity, so pickles of such values have CPython's bytes.
import pickle

a = 5
print(str(a) is str(a), repr(a) is repr(a), format(a) is format(a), f"{a}" is f"{a}")
print(str(-3) is str(-3), str(2**70) is str(2**70), str(True) == "True")
s = str(7)
print(("" + s) is s, (s + "") is s, ("" + "") == "")


class S(str):
    pass


t = S("x")
for r in ("" + t, t + "", t + t):
    print(type(r).__name__, r is t, r)
print(pickle.dumps([str(i % 3) for i in range(6)], 4))
print(pickle.dumps(["" + str(i % 2) for i in range(4)], 4))
print(pickle.dumps(["a", "a", "b" + "", str(9), str(9)], 4))
keys = {}
for i in range(5):
    keys[str(i % 2)] = i
print(pickle.dumps(keys, 2))
