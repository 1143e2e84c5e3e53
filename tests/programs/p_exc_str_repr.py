for e in [KeyError("k"), KeyError(1, 2), KeyError(), ValueError("v"), ValueError(), IndexError("list index out of range"), Exception("a", "b"), OSError(2, "No such file"), StopIteration(5), SystemExit(3), ZeroDivisionError("division by zero")]:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print(e, repr(e))
try:
    {}[""]
except KeyError as e:
    print(e)
