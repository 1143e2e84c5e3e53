# Issue 12: super(T) with one argument is an unbound super object; its __get__ binds it.
class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return ("A.c", cls.__name__)
class B(A):
    def f(self): return "B.f"
sb = super(B)
print(sb, repr(sb))
print(sb.__thisclass__, sb.__self__, sb.__self_class__)
bound = sb.__get__(B())
print(bound, bound.f(), bound.__self_class__)
print(sb.__get__(None, B) is sb, bound.__get__(B()) is bound)
print(super(B, None))
try: sb.f
except AttributeError as e: print("AttributeError", e)
class C(B):
    sup = super(B)   # unbound super as a class attribute binds on access
print(C().sup.f())
print(super(B, B()).__self_class__, super(B, B).__self_class__, super(B, B).c())
try: super(B, 1)
except TypeError as e: print("TypeError", e)
try: super(1)
except TypeError as e: print("TypeError", e)
