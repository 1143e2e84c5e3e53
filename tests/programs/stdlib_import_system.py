import sys
import importlib
import impdemo
from impdemo import *
from impdemo.circ import a, b
import impdemo.nsdemo.part as part

print(star_one, star_two, "not_exported" in dir(), "_hidden" in dir())
print(a.from_b(), a.A_LATE)
print(part.WHO, impdemo.nsdemo.__name__, hasattr(impdemo.nsdemo, "__file__") and impdemo.nsdemo.__file__)
print(list(impdemo.nsdemo.__path__)[0].endswith("nsdemo"))
m = importlib.import_module("impdemo.circ.b")
print(m is b, m.__name__, m.__package__, importlib.import_module(".a", "impdemo.circ") is a)
print("impdemo.circ.a" in sys.modules, sys.modules["impdemo.circ"].a is a)
mod = __import__("impdemo.circ.a", fromlist=["A_EARLY"])
print(mod.A_EARLY, __import__("impdemo").__name__)
try:
    importlib.import_module("impdemo.nope")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from impdemo.circ import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import json.decoder, os.path
print(json.decoder.__name__, os.path.join("a", "b"), "json" in sys.modules)
