# BaseException.__setstate__ takes a dict subclass (PyDict_Check) and reads its own items.
class MyDict(dict):
    def items(self):
        return [("overridden", 1)]


e = ValueError("x")
ArithmeticError.__setstate__(e, MyDict(k=1, note="n"))
print(e.k, e.note, hasattr(e, "overridden"), e.args)
e.__setstate__(None)
for bad in ([("k", 1)], "s", 5):
    try:
        e.__setstate__(bad)
    except TypeError as x:
        print(type(bad).__name__, x)
try:
    e.__setstate__(MyDict({1: 2}))
except TypeError as x:
    print(x)
