# cpjit: the `__spec__` of the modules cpjit's import makes (importlib.machinery.ModuleSpec's
# attributes and behaviour). The loader, an importlib loader, is made on first use, so that
# importing a module does not import importlib.

import sys as _sys


class ModuleSpec:
    """The specification for a module, used for loading."""

    def __init__(self, name, origin, submodule_search_locations, kind):
        self.name = name
        self.origin = origin
        self.submodule_search_locations = submodule_search_locations
        self.loader_state = None
        self._uninitialized_submodules = []
        self._set_fileattr = kind == 'source'
        self._kind = kind
        self._loader = None
        self._cached = None
        # Set by _imp._CpjitFinder.find_spec when its import made the module (see _Handoff).
        self._handoff = None

    @property
    def loader(self):
        if self._handoff is not None:
            return self._handoff
        return self._real_loader()

    def _real_loader(self):
        kind = self._kind
        if kind is not None:
            self._kind = None
            if kind == 'builtin':
                # Not through an import while importlib's _setup walks sys.modules (it asks
                # the built-in modules' specs for their loader).
                b = _sys.modules.get('importlib._bootstrap')
                if b is None or not hasattr(b, 'BuiltinImporter'):
                    import importlib._bootstrap as b
                self._loader = b.BuiltinImporter
                return self._loader
            import importlib.machinery as m
            if kind == 'namespace':
                from importlib._bootstrap_external import NamespaceLoader
                self._loader = NamespaceLoader(self.name, self.submodule_search_locations,
                                               m.PathFinder._get_spec)
            else:
                self._loader = m.SourceFileLoader(self.name, self.origin)
        return self._loader

    @loader.setter
    def loader(self, value):
        self._handoff = None
        self._kind = None
        self._loader = value

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            if self.origin.endswith('.py'):
                from importlib.util import cache_from_source
                try:
                    self._cached = cache_from_source(self.origin)
                except NotImplementedError:
                    pass
        return self._cached

    @cached.setter
    def cached(self, value):
        self._cached = value

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(args)})'

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader
                    and self.origin == other.origin
                    and smsl == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    __hash__ = None
