# Exceptions raised inside specialized sites, caught inside and outside the loop.
def f(xs):
    t = 0
    for x in xs:
        try:
            t += 10 // x
        except ZeroDivisionError:
            t -= 1
    return t
print(f(list(range(-5, 6)) * 20))
def g(d, keys):
    out = []
    for k in keys:
        out.append(d[k])
    return out
try:
    g({1: 2, 3: 4}, [1, 3, 1, 5])
except KeyError as e:
    print("KeyError:", e)
class P:
    pass
def h(objs):
    return [o.a for o in objs]
p = P(); p.a = 1
try:
    h([p] * 10 + [P()])
except AttributeError as e:
    print("AttributeError:", e)
