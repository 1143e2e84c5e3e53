# float(x) checks what x.__float__() returns: a non-float is a TypeError, a float subclass's
# instance gives its value with a DeprecationWarning (PyNumber_Float).
import warnings
class F:
    def __float__(self): return None
try: float(F())
except TypeError as e: print(e)
class G(float): pass
class H:
    def __float__(self): return G(2.5)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    r = float(H())
    print(r, type(r).__name__, [str(x.message)[:40] for x in w], [x.category.__name__ for x in w])
warnings.simplefilter('error')
try: print(float(H()))
except DeprecationWarning as e: print(str(e)[:50])
