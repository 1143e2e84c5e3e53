try:
    raise KeyError("k")
except LookupError as e:
    print(type(e).__name__, e.args, str(e), repr(e))
try:
    raise OSError("disk")
except EnvironmentError as e:
    print("OSError alias ok", e)
for exc in [ValueError, TypeError, IndexError, KeyError, ZeroDivisionError, AttributeError,
            NameError, UnboundLocalError, RecursionError, StopIteration, NotImplementedError]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__])
e = ValueError("a", 1)
print(e.args, str(e), repr(e))
print(str(KeyError()), repr(KeyError("x", "y")), str(KeyError("x")))
try:
    try:
        raise ValueError("inner")
    finally:
        print("finally before propagate")
except ValueError as e:
    print("outer caught", e)
def g():
    try:
        raise TypeError("t")
    except TypeError:
        raise
try:
    g()
except TypeError as e:
    print("reraised", e)
try:
    raise ValueError("v") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
