# Issue 12: BaseExceptionGroup / ExceptionGroup (PEP 654) and except*.
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(repr(eg), str(eg), eg.message, eg.exceptions, eg.args[0])
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))), eg.subgroup(OSError))
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), ExceptionGroup.__mro__)
try:
    raise eg
except* ValueError as e:
    print("caught ValueError part", repr(e))
except* TypeError as e:
    print("caught TypeError part", repr(e))
except* KeyError as e:
    print("caught KeyError part", repr(e))
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked wrapped", repr(e), repr(e.exceptions[0]))
        raise
except ExceptionGroup as outer:
    print("reraised", repr(outer))
except ValueError as v:
    print("reraised naked", repr(v))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled values")
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as r2:
    print("raised in handler", repr(r2), repr(r2.exceptions[0].__context__))
except RuntimeError as r3:
    print("raised directly", repr(r3), repr(r3.__context__))
for bad in ['ExceptionGroup("x", [])', 'ExceptionGroup(1, [ValueError()])', 'ExceptionGroup("x", [1])',
            'ExceptionGroup("x", [KeyboardInterrupt()])', 'ExceptionGroup("x", ValueError())', 'ExceptionGroup("x")']:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    try:
        raise ValueError
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError", e)
try:
    try:
        raise ValueError
    except* int:
        pass
except TypeError as e:
    print("TypeError", e)


class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)


g = MyEG("mine", [ValueError(1), TypeError(2)])
m, r = g.split((TypeError, KeyError))
print(type(m).__name__, repr(m), repr(r))
try:
    try:
        raise MyEG("mine", [ValueError(1), TypeError(2), OSError(3)])
    except* (ValueError, TypeError) as e:
        print("tuple clause", type(e).__name__, repr(e))
except Exception as rest:
    print("left", type(rest).__name__, repr(rest))


def nested():
    try:
        raise ExceptionGroup("outer", [ExceptionGroup("mid", [ValueError("deep")]), KeyError("k")])
    except* KeyError as e:
        print("keys", repr(e))
        raise IndexError("during")
    except* ValueError as e:
        print("values", repr(e))
        raise


try:
    nested()
except BaseExceptionGroup as e:
    print("final", repr(e))
    for x in e.exceptions:
        print("  ", repr(x), repr(x.__context__) if isinstance(x, IndexError) else "")
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
except* KeyboardInterrupt:
    print("keyboard part")
except* ValueError:
    print("value part")
eg = ExceptionGroup("tb", [ValueError()])
try:
    raise eg
except ExceptionGroup as e:
    print(e is eg, e.__traceback__ is not None, eg.split(ValueError)[0].__traceback__ is not None)
print(ExceptionGroup[int], isinstance(eg, BaseExceptionGroup))
