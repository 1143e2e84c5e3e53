# The warnings machinery through cpjit's _warnings (filters, registries, actions, stacklevel).
import sys
import warnings

sys.stderr = sys.stdout
_format = warnings.formatwarning


def _relative(message, category, filename, lineno, line=None):
    # Show the file's name only (the run's directory differs from machine to machine).
    return _format(message, category, filename.rsplit("/", 1)[-1], lineno, line)


warnings.formatwarning = _relative
for f in warnings.filters:
    print(f)
print(warnings.defaultaction, warnings.onceregistry)


def helper(msg, level):
    warnings.warn(msg, stacklevel=level)


warnings.warn("plain user warning")
warnings.warn("plain user warning")  # another line: shown again
for i in range(3):
    warnings.warn("in a loop, shown once per line")
helper("from helper at level 1", 1)
helper("from helper at level 2", 2)
helper("far beyond the stack", 50)
warnings.warn("deprecated in __main__", DeprecationWarning)
warnings.warn(UserWarning("an instance"))
warnings.warn("a runtime warning", RuntimeWarning)
try:
    warnings.warn("bad category", int)
except TypeError as e:
    print("TypeError:", e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("recorded", FutureWarning)
    warnings.warn("pending", PendingDeprecationWarning)
    print([(str(x.message), x.category.__name__, x.lineno) for x in w])

with warnings.catch_warnings():
    warnings.simplefilter("error", RuntimeWarning)
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", repr(e))
    warnings.warn("other categories still print", UserWarning)

with warnings.catch_warnings():
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only", UserWarning)
    warnings.warn("once only", UserWarning)

with warnings.catch_warnings():
    warnings.simplefilter("module")
    for i in range(2):
        warnings.warn("once per module", UserWarning)
    warnings.warn("once per module", UserWarning)

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="skip.*", category=UserWarning)
    warnings.warn("skip me")
    warnings.warn("but not me")

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", lineno=0, module="__main__")
    warnings.warn("ignored for __main__")

with warnings.catch_warnings():
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    try:
        warnings.warn("unknown action")
    except RuntimeError as e:
        print("RuntimeError:", e)

warnings.warn_explicit("explicit", UserWarning, "somefile.py", 7)
warnings.warn_explicit("explicit", UserWarning, "somefile.py", 7, registry={})
reg = {}
warnings.warn_explicit("with registry", UserWarning, "f.py", 3, registry=reg)
warnings.warn_explicit("with registry", UserWarning, "f.py", 3, registry=reg)
print(sorted((k if isinstance(k, str) else (k[0], k[1].__name__, k[2])) for k in reg if k != "version"))
print("version" in reg)
print(sorted(k[0] for k in __warningregistry__ if k != "version"))
