# `*x` and `**x` of a value that is not iterable / not a mapping, and unpacking one, raise
# CPython's messages (found by the jit_vm differential fuzz): "Value after * must be an
# iterable" for displays, the callee named as _PyObject_FunctionStr names it for calls
# ("__main__.f()", "print()", "int.bit_length()"), "cannot unpack non-iterable" for `a, *b = x`.
# Errors raised while iterating pass through unchanged.
import math

def star(*a, **k):
    return a, k

class K:
    def m(self, *a):
        return a

class Bad:
    def __iter__(self):
        raise KeyError('inner')

def run(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

for t in [5, None, 2.5, Bad(), (1, 2), [3], 'ab']:
    run(lambda: [*t, 1])
    run(lambda: (*t,))
    run(lambda: {*t})
    run(lambda: star(*t))
    run(lambda: print(*t, sep='|'))
    run(lambda: (5).bit_length(*t))
    run(lambda: math.sqrt(*t))
    run(lambda: K().m(*t))
    run(lambda: K(*t))
    run(lambda: star(**t))
    run(lambda: {**t})
    def ex():
        a, *b = t
        return a, b
    def seq():
        a, b = t
        return a, b
    run(ex)
    run(seq)
print(len.__qualname__, (5).bit_length.__qualname__, [].append.__qualname__,
      dict.fromkeys.__qualname__, math.sqrt.__qualname__)
for i in range(40):
    t = [None, (i,), 7][i % 3]
    try:
        star(*t)
        x, *y = t
    except TypeError as e:
        if i < 3:
            print(e)
