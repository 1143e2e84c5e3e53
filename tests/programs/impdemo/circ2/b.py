import re

from . import a

try:
    a.late
except AttributeError as e:
    print("attr:", e, "|", e.name, type(e.obj).__name__)
try:
    from .a import late
except ImportError as e:
    print("from:", re.sub(r"\(/.*/impdemo", "(impdemo", str(e)), "|", e.name, e.path.endswith("a.py"))
