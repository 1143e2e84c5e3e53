# Assigning a class's __name__/__qualname__ renames that class only (not its subclasses), as unittest
# suites that add suffixes to test-class names do.
class A: pass
class B(A): pass
A.__name__ += "_x"
A.__qualname__ += "_x"
print(A.__name__, B.__name__, A.__qualname__, B.__qualname__)
B.__name__ += "_y"
B.__qualname__ += "_y"
print(A.__name__, B.__name__, A.__qualname__, B.__qualname__, '__name__' in A.__dict__, '__qualname__' in A.__dict__)
print(A, B, repr(B()).split(' ')[0])
import unittest
class T(unittest.TestCase):
    def test_a(self): pass
class U(T): pass
T.__name__ += "_P"; U.__name__ += "_P"
T.__qualname__ += "_P"; U.__qualname__ += "_P"
print(unittest.TestLoader().loadTestsFromTestCase(U))
class C: pass
for v in (1, 'a\x00b'):
    for n in ('__name__', '__qualname__'):
        try:
            setattr(C, n, v)
        except Exception as e:
            print(type(e).__name__, e)
print(C.__name__, C.__qualname__)
