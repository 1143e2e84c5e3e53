"""sys.getrefcount: cpjit has a tracing GC and no reference counts; its getrefcount counts the
references its collector finds from the roots, the frames and every reachable object (the call's
argument included), so the changes a program makes to the count are the ones CPython shows."""
import sys
def t(label, f):
    try:
        r = f()
        print(label, 'ok', type(r).__name__, r >= 1 if isinstance(r, int) else r)
    except Exception as e:
        print(label, type(e).__name__, e)
t(1, lambda: sys.getrefcount())
t(2, lambda: sys.getrefcount(1, 2))
t(3, lambda: sys.getrefcount([3, 1, 2]))
t(4, lambda: sys.getrefcount(x=1))
t(5, lambda: sys.getrefcount(type))
t(6, lambda: sys.getrefcount(1))
class C: pass
a = C()
n0 = sys.getrefcount(a)
b = [a, a, a]
d = {'k': a}
n1 = sys.getrefcount(a)
print(n1 - n0)
del b
print(sys.getrefcount(a) - n0)
fresh = object()
print(sys.getrefcount(fresh) >= 2)
e = C()
base = sys.getrefcount(e)
holder = C()
holder.attr = e
t2 = (e, e)
print(sys.getrefcount(e) - base)
holder.attr = None
del t2
print(sys.getrefcount(e) - base)
def f(x):
    return sys.getrefcount(x)
print(f(e) - base)
