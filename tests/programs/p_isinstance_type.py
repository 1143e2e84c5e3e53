class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, int)), isinstance(b, (C, A)), isinstance(3, object))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, int), issubclass(B, (C, A)), issubclass(A, object))
print(type(b) is B, type(b) == A, type(3), type(3.0), type("s"), type([]), type(()), type({}), type(None))
print(type(type), type(A), type(len), type(lambda: 0).__name__)
print(isinstance(True, int), isinstance(1, bool), isinstance([], (list, tuple)))
T = type("T", (A,), {"x": 5})
print(T.__name__, T().x, isinstance(T(), A))
print(int.__name__, B.__name__, B.__mro__[1].__name__)
print(type(1 + 2.0).__name__, type(1 // 1).__name__, type(1 / 1).__name__, type(2 ** -1).__name__)
