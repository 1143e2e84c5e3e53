# cpjit's marshal: importlib's _bootstrap_external imports it. cpjit's code objects have their
# own serialization (the __pycache__/*.cpjit-311.pyc cache), not CPython's marshal format, so
# dumping or loading code raises NotImplementedError.

version = 4


def _unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError("cpjit does not support marshal." + name
                                  + " (CPython's marshal format)")
    f.__name__ = name
    return f


dumps = _unsupported("dumps")
loads = _unsupported("loads")
dump = _unsupported("dump")
load = _unsupported("load")
