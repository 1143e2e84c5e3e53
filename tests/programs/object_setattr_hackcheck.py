# object.__setattr__ / __delattr__ applied to a class raise CPython's hackcheck TypeError
# (a class's setattr is type.__setattr__): cpjit raised AttributeError or stored the value.
class M(type): pass
class C(metaclass=M): pass
class D: pass
class E(type):
    def __setattr__(self, n, v): print('E.setattr', n)
class F(metaclass=E): pass
class G:
    def __setattr__(self, n, v):
        print('G.setattr', n)
        object.__setattr__(self, n, v)
cases = [
    lambda: object.__setattr__(int, 'x', 1),
    lambda: object.__setattr__(type('C', (), {}), 'x', 1),
    lambda: object.__delattr__(D, 'x'),
    lambda: int.__setattr__(D, 'x', 1),
    lambda: int.__delattr__(int, 'x'),
    lambda: object.__setattr__(C, 'x', 1),
    lambda: object.__setattr__(F, 'x', 1),
    lambda: object.__delattr__(F, 'x'),
    lambda: object.__setattr__(D, 5, 1),
    lambda: object.__delattr__(int, 5),
    lambda: object.__setattr__(object, 'x', 1),
    lambda: object.__setattr__(M, 'x', 1),
    lambda: object.__setattr__(type, '__doc__', 1),
    lambda: D.__setattr__(D, 'x', 1),
    lambda: D.__delattr__(D, 'x'),
    lambda: G.__setattr__(G, 'x', 1),
    lambda: type.__setattr__(D(), 'x', 1),
    lambda: BaseException.__setattr__(D, 'x', 1),
    lambda: object.__setattr__(1, 'x', 1),
    lambda: object.__setattr__(D(), 'x', 1),
    lambda: object.__delattr__(D(), 'x'),
    lambda: G().__setattr__('y', 2),
    lambda: type.__setattr__(D, 'w', 4),
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except Exception as e:
        print(i, type(e).__name__, e)
print(hasattr(D, 'x'), hasattr(D, 'w'), hasattr(int, 'x'), hasattr(C, 'x'))
