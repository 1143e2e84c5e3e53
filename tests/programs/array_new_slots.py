# array(): keyword arguments for subclasses only, None is not an initializer, += takes only
# arrays, and arrays have no instance dict (a subclass with __slots__ neither).
import array, weakref
try: array.array('b', None)
except TypeError as e: print(e)
try: array.array('b', [1]).__iadd__('bad')
except TypeError as e: print(e)
try: array.array('b', x=1)
except TypeError as e: print(e)
class A(array.array):
    def __new__(cls, tc, newarg=None):
        return array.array.__new__(cls, tc)
    def __init__(self, tc, newarg=None):
        self.newarg = newarg
a = A('b', newarg=3); print(a.newarg, type(a).__name__)
class S(array.array):
    __slots__ = ['offset']
s = S('b', [1])
try: s.color = 1
except AttributeError as e: print('AttributeError')
try: array.array('b').x = 1
except AttributeError as e: print('AttributeError')
r = weakref.ref(array.array('b')); print(type(r).__name__)
b = array.array('i', [1, 2]); b += array.array('i', [3]); print(b)
