import types, sys, importlib.util

class M(types.ModuleType):
    def hello(self):
        return "hello from " + self.__name__
    def __getattr__(self, name):
        if name.startswith("lazy_"):
            return name.upper()
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

m = M("mymod", "the doc")
print(m.__name__, m.__doc__, isinstance(m, types.ModuleType), type(m).__name__)
print(m.hello())
m.x = 5
print(m.x, m.__dict__["x"], sorted(k for k in m.__dict__ if not k.startswith("__")))
print(m.lazy_thing)
try:
    m.other
except AttributeError as e:
    print("AttributeError", e)
sys.modules["mymod"] = m
import mymod
print(mymod is m, mymod.x)
from mymod import x
print(x)
exec("y = x * 2", m.__dict__)
print(m.y)
del m.x
print(hasattr(m, "x"))
print(repr(m))

class Counted(types.ModuleType):
    count = 0
    def __init__(self, name):
        super().__init__(name)
        Counted.count += 1
c = Counted("c1")
print(c.__name__, Counted.count, c.__spec__, c.__package__)
print(issubclass(importlib.util._LazyModule, types.ModuleType))
