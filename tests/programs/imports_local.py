import helper_mod
from helper_mod import greet, VALUE
import helper_mod as hm
print(helper_mod.VALUE, greet("x"), VALUE, hm is helper_mod, helper_mod.__name__)
print(__name__)
import sys
print("helper_mod" in sys.modules)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from helper_mod import missing_name
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
