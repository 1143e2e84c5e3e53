"""Package imported by p_import_package.py (not a program: it lives in a subdirectory)."""
print("pkgdemo init", __name__, __package__)
VERSION = (1, 2)
from . import util
