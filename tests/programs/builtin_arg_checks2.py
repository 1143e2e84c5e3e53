# Argument checks of built-ins found by the call fuzzer (issue 12): attribute names must be str,
# per-type __getattribute__ descriptors, no-argument sys functions, sys.intern, globals/locals.
from helpers.show import show
class L(list):
    def __getattribute__(self, n):
        if n == 'magic':
            return 42
        return super().__getattribute__(n)
x = L([1]); x.a = 3
print(x.magic, x.a, len(x))
class E(Exception):
    def __setattr__(self, n, v):
        super().__setattr__(n, v * 2)
e = E(); e.q = 4; print(e.q)
del e.q; print(hasattr(e, 'q'))
class S(str): pass
s = S('a'); s.z = 1; print(str.__getattribute__(s, 'z'), object.__getattribute__(s, 'z'))
show("str.__getattribute__(NotImplemented)", lambda: str.__getattribute__(NotImplemented, 'x'))
show("tuple.__getattribute__(object)", lambda: tuple.__getattribute__(object, 'abc'))
show("str.__getattribute__ int name", lambda: str.__getattribute__('a', 5))
show("object.__getattribute__ int name", lambda: object.__getattribute__('a', 5))
show("object.__setattr__ float name", lambda: object.__setattr__(e, 2.5, 1))
show("object.__delattr__ None name", lambda: object.__delattr__(e, None))
show("ArithmeticError.__setattr__(int)", lambda: ArithmeticError.__setattr__(int, 'x', 1))
show("type.__delattr__ int name", lambda: type.__delattr__(E, 5))
show("type.__setattr__ int name", lambda: type.__setattr__(E, 5, 1))
show("str.__getattribute__ ok", lambda: str.__getattribute__('a', 'upper')())
show("object.__format__ float", lambda: object.__format__(e, 2.0))
show("object.__format__ nonempty", lambda: object.__format__(e, 'x'))
show("object.__reduce_ex__ float", lambda: object.__reduce_ex__(e, 2.0))
show("type.mro arg", lambda: type.mro(int, 1))
show("type.mro", lambda: type.mro(bool))
import sys
for name in ['exc_info', 'exception', 'getprofile', 'gettrace', 'getswitchinterval', 'is_finalizing',
             'get_int_max_str_digits', 'getdefaultencoding', 'getfilesystemencoding',
             'getfilesystemencodeerrors']:
    show("sys." + name + "(1)", lambda: getattr(sys, name)(1))
    show("sys." + name + "(x=1)", lambda: getattr(sys, name)(x=1))
show("sys.audit kw", lambda: sys.audit('e', x=1))
show("sys.audit none", lambda: sys.audit())
show("sys.audit ok", lambda: sys.audit('e', 1, 2))
show("sys.intern subclass", lambda: sys.intern(S('a')))
show("sys.intern int", lambda: sys.intern(5))
show("globals(1)", lambda: globals(1))
show("locals(x=1)", lambda: locals(x=1))
