cases = [
    lambda: 1 / 0,
    lambda: [][1],
    lambda: {}["k"],
    lambda: int("z"),
    lambda: None.foo,
    lambda: undefined_name,
    lambda: "a" + 1,
    lambda: iter([]).__next__(),
    lambda: [].pop(),
    lambda: (1).bit_length(1),
]
for c in cases:
    try:
        c()
    except ArithmeticError as e:
        print("Arithmetic", type(e).__name__, e)
    except LookupError as e:
        print("Lookup", type(e).__name__, e)
    except Exception as e:
        print("Exception", type(e).__name__, e)
for cls in (ZeroDivisionError, IndexError, KeyError, UnboundLocalError, RecursionError, StopIteration, KeyboardInterrupt, SystemExit, NotImplementedError, ModuleNotFoundError):
    print(cls.__name__, [k.__name__ for k in cls.__mro__[1:]])
