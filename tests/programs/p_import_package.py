import pkgdemo
print(pkgdemo.VERSION, pkgdemo.util.scale(3))
import pkgdemo.shapes.square
print(pkgdemo.shapes.square.area(2), pkgdemo.shapes.BASE_SCALE)
from pkgdemo.shapes import square
print(square is pkgdemo.shapes.square, square.__name__, square.__package__)
from pkgdemo import consts, util as u
print(consts.SCALE, u.scale(5))
import pkgdemo.shapes.square as sq
print(sq is square)
try:
    import pkgdemo.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from pkgdemo import nothing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import pkgdemo.consts.inner
except ModuleNotFoundError as e:
    print(e)
try:
    from . import sibling
except ImportError as e:
    print(e)
import sys
print(sorted(k for k in sys.modules if k.startswith("pkgdemo")))
