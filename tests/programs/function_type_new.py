# Issue 12: types.FunctionType(code, globals[, name[, argdefs[, closure]]]) builds a function as CPython.
import types
gl = 4
def f(a, b=2):
    "doc of f"
    return a + b + gl
g = types.FunctionType(f.__code__, {"gl": 10, "__name__": "mod"})
print(g(1, 2), g.__name__, g.__qualname__, g.__module__, g.__doc__, g.__defaults__)
h = types.FunctionType(f.__code__, {"gl": 0}, "renamed", (5, 6))
print(h(), h(1), h.__name__, h.__qualname__, h.__defaults__, h.__module__)
def outer():
    x = 7
    def inner():
        return x
    return inner
inn = outer()
k = types.FunctionType(inn.__code__, {}, None, None, inn.__closure__)
print(k(), k.__closure__ == inn.__closure__)
for bad in [(1, {}), (f.__code__, 1), (f.__code__, {}, 1), (f.__code__, {}, None, [1]),
            (inn.__code__, {}), (inn.__code__, {}, None, None, (1,)), (inn.__code__, {}, None, None, ()),
            (f.__code__, {}, None, None, None, 1)]:
    try:
        types.FunctionType(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(types.FunctionType(code=f.__code__, globals={"gl": 1})(0, 0))
print(type(f)(f.__code__, globals())(1, 1))
