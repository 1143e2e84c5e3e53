# __slots__ values live in the instance values array, indexed by the MRO's slot names (sorted per
# class, base classes first, as CPython lays them out): get/set/delete, subclasses with and
# without __dict__, __class__ assignment between classes with the same or other slots.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x
class Q(P):
    __slots__ = ('z',)
class R(P):
    pass
class S:
    __slots__ = ('y', 'x')
class T:
    __slots__ = ('x', 'y')
p = P(1)
print(p.x, hasattr(p, 'y'))
try: p.y
except AttributeError as e: print(e)
p.y = 2; print(p.y)
del p.y
try: del p.y
except AttributeError as e: print(e)
q = Q(3); q.z = 4; q.y = 5; print(q.x, q.y, q.z)
r = R(6); r.w = 7; print(vars(r), r.x)
try: p.w = 1
except AttributeError as e: print(e)
try: vars(p)
except TypeError as e: print(e)
print(P.x, type(P.x).__name__)
t = T(); t.x = 1
try:
    t.__class__ = S
except TypeError as e: print(e)
t.__class__ = P
print(t.x, type(t).__name__)
try: p.__class__ = Q
except TypeError as e: print(e)
for i in range(5):
    pts = [P(j) for j in range(10)]
    for pt in pts: pt.y = pt.x * 2
    print(sum(pt.x + pt.y for pt in pts))
import copy
c = copy.copy(q); print(c.x, c.y, c.z)
print(sorted(n for n in dir(q) if not n.startswith('__')))
