# cpjit's _imp (CPython writes it in C): what importlib's _bootstrap and _bootstrap_external
# use. Built-in modules are those in sys.builtin_module_names (cpjit's Rust and frozen Python
# modules), created by cpjit's own import; there are no frozen modules, and C extensions cannot
# be loaded (create_dynamic raises ImportError naming the file).

import sys as _sys

check_hash_based_pycs = "default"
_frozen_module_names = ()


def is_builtin(name):
    return 1 if name in _sys.builtin_module_names else 0


def create_builtin(spec):
    name = spec.name
    if name not in _sys.builtin_module_names:
        raise ImportError("no built-in module named " + name, name=name)
    if name in _sys.modules:
        return _sys.modules[name]
    __import__(name)
    return _sys.modules[name]


def exec_builtin(mod):
    return 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    raise ImportError("No such frozen object named %r" % (name,), name=name)


def find_frozen(name, *, withdata=False):
    return None


def get_frozen_object(name, data=None):
    raise ImportError("No such frozen object named %r" % (name,), name=name)


def init_frozen(name):
    return None


def _override_frozen_modules_for_tests(override):
    pass


def extension_suffixes():
    return [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"]


def create_dynamic(spec, file=None):
    raise ImportError("cannot load C extension module %r (%s): cpjit runs pure-Python "
                      "modules only" % (spec.name, spec.origin), name=spec.name,
                      path=spec.origin)


def exec_dynamic(mod):
    return 0


_lock_count = 0


def acquire_lock():
    global _lock_count
    _lock_count += 1


def release_lock():
    global _lock_count
    if _lock_count == 0:
        raise RuntimeError("not holding the import lock")
    _lock_count -= 1


def lock_held():
    return _lock_count > 0


def _fix_co_filename(code, path):
    pass


def source_hash(key, source):
    # CPython's is SipHash-1-3 keyed with `key`; cpjit's hash-based .pyc validation does not go
    # through importlib, so any stable 8-byte digest of (key, source) serves.
    h = 0xcbf29ce484222325
    for b in key.to_bytes(8, "little") + bytes(source):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h.to_bytes(8, "little")


class _CpjitFinder:
    """The meta path finder importlib's pure-Python import machinery (importlib.import_module,
    importlib.util.find_spec, ...) finds modules with: cpjit's own import (the IMPORT_NAME
    machinery in Rust) loads the module when it is found, and the spec's loader hands it over.
    cpjit's import statement does not go through sys.meta_path."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        fresh = fullname not in _sys.modules
        if fresh:
            try:
                __import__(fullname)
            except ModuleNotFoundError as e:
                if e.name == fullname:
                    return None
                raise
        module = _sys.modules[fullname]
        spec = getattr(module, "__spec__", None)
        if fresh and hasattr(spec, "_handoff"):
            # importlib's _find_spec answers with the __spec__ of a module that a finder's
            # find_spec imported, and _load then loads it with spec.loader: that loader hands
            # the module over instead of running its code a second time.
            spec._handoff = _Handoff(spec)
        from importlib.machinery import ModuleSpec
        spec = getattr(module, "__spec__", None)
        origin = getattr(module, "__file__", None)
        new = ModuleSpec(fullname, cls, origin=origin,
                         is_package=hasattr(module, "__path__"))
        new.has_location = origin is not None
        if spec is not None and getattr(spec, "submodule_search_locations", None) is not None:
            new.submodule_search_locations = spec.submodule_search_locations
        elif hasattr(module, "__path__"):
            new.submodule_search_locations = list(module.__path__)
        return new

    @staticmethod
    def create_module(spec):
        return _sys.modules[spec.name]

    @staticmethod
    def exec_module(module):
        pass


class _Handoff:
    """The loader a cpjit module's __spec__ answers with between _CpjitFinder.find_spec's import
    and importlib's _load: create_module gives the module already made, exec_module runs
    nothing (and restores the real loader); anything else is the real loader's."""

    def __init__(self, spec):
        self._spec = spec

    def create_module(self, spec):
        return _sys.modules.get(spec.name)

    def exec_module(self, module):
        self._spec._handoff = None
        if getattr(module, "__loader__", None) is self:
            module.__loader__ = self._spec._real_loader()

    def __getattr__(self, name):
        return getattr(self._spec._real_loader(), name)


if _CpjitFinder not in _sys.meta_path:
    _sys.meta_path.append(_CpjitFinder)


_file_finder_hook = None


def _cpjit_path_hook(path):
    """sys.path_hooks' entry, as CPython installs it: importlib's FileFinder for a directory
    (what pkgutil.iter_modules and importlib.machinery.PathFinder walk). Built on first use."""
    global _file_finder_hook
    if _file_finder_hook is None:
        from importlib import _bootstrap_external as be
        _file_finder_hook = be.FileFinder.path_hook(*be._get_supported_file_loaders())
    return _file_finder_hook(path)


if not _sys.path_hooks:
    _sys.path_hooks.append(_cpjit_path_hook)
