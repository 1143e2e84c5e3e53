# A module whose body is still running is "partially initialized": a missing attribute and a
# failed `from m import name` say so (cpjit never set __spec__._initializing). ImportError and
# the AttributeError/NameError the runtime raises carry name/path/msg/obj (None when unset),
# and __import__ checks its name and level as PyImport_ImportModuleLevelObject does.
import re
import sys
import types

import impdemo.circ2.a

print(impdemo.circ2.a.late(), impdemo.circ2.a.__spec__._initializing)


def show(e):
    text = re.sub(r"\(/[^)]*\)", "(PATH)", str(e))
    path = e.path if e.path is None else e.path.endswith(".py")
    print(type(e).__name__, text, "|", repr(e.name), path, repr(e.msg) == repr(str(e)))


try:
    from json import nope
except ImportError as e:
    show(e)
m = types.ModuleType("virt")
sys.modules["virt"] = m
for setup in [lambda: None, lambda: setattr(m, "__file__", 3), lambda: setattr(m, "__file__", "/x/virt.py"),
              lambda: setattr(m, "__name__", "it's"), lambda: delattr(m, "__name__")]:
    setup()
    try:
        from virt import q
    except ImportError as e:
        show(e)
try:
    import no_such_module_xyz
except ImportError as e:
    show(e)
try:
    from os import path, nope2
except ImportError as e:
    show(e)
for args in [("",), ("", None, None, [], 0), ("json", None, None, [], -1), ("", None, None, ["x"], 0)]:
    try:
        print(__import__(*args))
    except (ValueError, ImportError) as e:
        print(type(e).__name__, e)
spec_like = type("S", (), {"_initializing": True})()
m2 = types.ModuleType("fake")
m2.__spec__ = spec_like
try:
    m2.y
except AttributeError as e:
    print(e)


class Bad:
    @property
    def _initializing(self):
        raise RuntimeError


m2.__spec__ = Bad()
try:
    m2.y
except AttributeError as e:
    print(e)
m3 = types.ModuleType("dyn")
m3.__name__ = 5
try:
    m3.x
except AttributeError as e:
    print(e)
