# CALL_ISINSTANCE in compiled code: exact-class instances inline; subclasses, builtins, tuples,
# a metaclass with __instancecheck__ and a rebound isinstance through the runtime function.
class A: pass
class B(A): pass
class M(type):
    def __instancecheck__(cls, o): return True
class C(metaclass=M): pass
objs = [A(), B(), 3, "s", C(), None]
def f(n):
    r = []
    for i in range(n):
        o = objs[i % len(objs)]
        r.append((isinstance(o, A), isinstance(o, B), isinstance(o, C), isinstance(o, int), isinstance(o, (str, int))))
    return r
res = f(600)
print(res[:6], sum(map(sum, res)))
def g(n):
    s = 0
    for i in range(n):
        s += isinstance(objs[0], A)
        if i == n // 2:
            globals()['isinstance'] = lambda o, c: False
    return s
print(g(1000))
