# cpjit's _warnings: the filter list, registries, warn() and warn_explicit() that warnings.py
# takes from CPython's C module. Without them warnings.py falls back to its pure-Python
# implementation, whose default filter for __main__ is a compiled regular expression: importing
# warnings (which `random` does) then imported re, enum, functools and collections, ~3 MB of
# code objects. Here, as in C, the default filters hold plain strings, matched by equality.
#
# The semantics follow the documented behaviour of the warnings machinery (and CPython 3.11's
# output): while the warnings module is imported its `filters`, `defaultaction`,
# `onceregistry` and `_showwarnmsg` are the ones used; before that, these module-level ones.

import sys

filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
_defaultaction = "default"
_onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _state(name, fallback):
    w = sys.modules.get("warnings")
    if w is None:
        return fallback
    return getattr(w, name, fallback)


def _matches(pattern, text):
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == text
    return bool(pattern.match(text))


def _seen(registry, key, mark):
    # The registry is reset whenever the filters changed since it was last used.
    if registry.get("version") != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    elif registry.get(key):
        return True
    if mark:
        registry[key] = True
    return False


def _choose_action(category, text, lineno, module):
    flist = _state("filters", filters)
    if not isinstance(flist, list):
        raise ValueError("_warnings.filters must be a list")
    for i, item in enumerate(flist):
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError("_warnings.filters item %d isn't a 5-tuple" % i)
        action, msg, cat, mod, ln = item
        if (
            _matches(msg, text)
            and issubclass(category, cat)
            and _matches(mod, module)
            and (int(ln) == 0 or lineno == int(ln))
        ):
            return action, item
    action = _state("defaultaction", _defaultaction)
    if not isinstance(action, str):
        raise TypeError(
            "warnings.defaultaction must be a string, not '%s'" % type(action).__name__
        )
    return action, None


def _show(message, category, filename, lineno, source):
    w = sys.modules.get("warnings")
    show = getattr(w, "_showwarnmsg", None) if w is not None else None
    if show is None:
        text = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
        sys.stderr.write(text)
        return
    if not callable(show):
        raise TypeError("warnings._showwarnmsg() must be set to a callable")
    show(w.WarningMessage(message, category, filename, lineno, None, None, source))


def warn_explicit(
    message,
    category,
    filename,
    lineno,
    module=None,
    registry=None,
    module_globals=None,
    source=None,
):
    lineno = int(lineno)
    if module is None:
        if filename.endswith(".py"):
            module = filename[:-3]
        else:
            module = filename or "<unknown>"
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _seen(registry, key, False):
        return None
    action, item = _choose_action(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return None
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            once = _state("onceregistry", _onceregistry)
            if _seen(once, (text, category), True):
                return None
        elif action == "module":
            if registry is not None and _seen(registry, (text, category, 0), True):
                return None
        elif action != "default":
            raise RuntimeError(
                "Unrecognized action (%r) in warnings.filters:\n %r" % (action, item)
            )
    _show(message, category, filename, lineno, source)
    return None


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(
            "category must be a Warning subclass, not '%s'" % type(category).__name__
        )
    try:
        frame = sys._getframe(max(stacklevel, 1))
    except ValueError:
        frame = None
    if frame is None:
        globals_ = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals_ = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    registry = globals_.get("__warningregistry__")
    if registry is None:
        registry = {}
        globals_["__warningregistry__"] = registry
    module = globals_.get("__name__")
    if module is not None and not isinstance(module, str):
        module = "<string>"
    return warn_explicit(message, category, filename, lineno, module, registry, None, source)
