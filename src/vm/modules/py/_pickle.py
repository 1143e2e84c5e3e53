# cpjit: `_pickle`. cpjit has no C accelerator for pickle: imported from pickle, this module
# adjusts pickle's pure-Python _Pickler and _Unpickler where their errors differ from CPython's
# C ones, then raises ImportError so that pickle uses them (as CPython does without _pickle).

import sys as _sys


def _c_behaviour(g):
    Pickler, Unpickler, PicklingError = g['_Pickler'], g['_Unpickler'], g['PicklingError']
    whichmodule = g['whichmodule']
    py_save_global = Pickler.save_global

    def save_global(self, obj, name=None):
        qualname = name
        if qualname is None:
            qualname = getattr(obj, '__qualname__', None)
        if qualname is None:
            qualname = obj.__name__
        if isinstance(qualname, str) and '<locals>' in qualname.split('.'):
            raise AttributeError(f"Can't pickle local object {qualname!r}")
        try:
            return py_save_global(self, obj, name)
        except PicklingError as e:
            if not (e.args and isinstance(e.args[0], str)
                    and e.args[0].startswith(f"Can't pickle {obj!r}: it's not found as ")):
                raise
        module_name = whichmodule(obj, qualname)
        try:
            __import__(module_name, level=0)
            _sys.modules[module_name]
        except (ImportError, KeyError):
            raise PicklingError(
                f"Can't pickle {obj!r}: import of module {module_name!r} failed") from None
        raise PicklingError(
            f"Can't pickle {obj!r}: attribute lookup {qualname} on {module_name} failed")

    save_global.__qualname__ = '_Pickler.save_global'
    Pickler.save_global = save_global
    dispatch = Pickler.dispatch
    for t, f in list(dispatch.items()):
        if f is py_save_global:
            dispatch[t] = save_global

    py_load = Unpickler.load
    UnpicklingError, Stop, Unframer = g['UnpicklingError'], g['_Stop'], g['_Unframer']

    def load(self):
        # pickle's loop, with the C module's errors for input that ends (between opcodes:
        # EOFError, within one: truncated) and for an unknown opcode.
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  f"{self.__class__.__name__}.__init__()")
        self._unframer = Unframer(self._file_read, self._file_readline)
        raw_read = self._unframer.read

        def read(n):
            data = raw_read(n)
            if len(data) < n:
                raise UnpicklingError("pickle data was truncated")
            return data
        raw_readline = self._unframer.readline

        def readline():
            line = raw_readline()
            if not line.endswith(b'\n'):
                raise UnpicklingError("pickle data was truncated")
            return line
        self.read = read
        self.readinto = self._unframer.readinto
        self.readline = readline
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        dispatch = self.dispatch
        try:
            while True:
                key = raw_read(1)
                if not key:
                    raise EOFError("Ran out of input")
                try:
                    op = dispatch[key[0]]
                except KeyError:
                    c = key[0]
                    if 0x20 <= c <= 0x7e and c not in b"'\\":
                        raise UnpicklingError(f"invalid load key, '{chr(c)}'.") from None
                    raise UnpicklingError(f"invalid load key, '\\x{c:02x}'.") from None
                op(self)
        except Stop as stopinst:
            return stopinst.value

    py_load_frame = Unframer.load_frame

    def load_frame(self, frame_size):
        py_load_frame(self, frame_size)
        if len(self.current_frame.getbuffer()) < frame_size:
            raise UnpicklingError("pickle data was truncated")

    load_frame.__qualname__ = '_Unframer.load_frame'
    Unframer.load_frame = load_frame
    load.__qualname__ = '_Unpickler.load'
    load.__doc__ = py_load.__doc__
    Unpickler.load = load


def _fast_paths(g):
    # dumps/dump/loads of trees of plain built-in values in Rust (`_cpjit.pickle_dumps` /
    # `pickle_loads`, byte for byte _pickle.c's output); anything else, and every error, is
    # pickle.py's. pickle then binds dumps, dump and loads to these.
    from _cpjit import pickle_dumps as fast_dumps, pickle_loads as fast_loads
    from operator import index
    py_dumps, py_dump, py_loads = g['_dumps'], g['_dump'], g['_loads']
    UnpicklingError = g['UnpicklingError']

    def protocol_arg(protocol):
        # _Pickler_SetProtocol reads the protocol with PyLong_AsLong (__index__).
        return protocol if protocol is None else index(protocol)

    def _dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
        protocol = protocol_arg(protocol)
        if buffer_callback is None:
            data = fast_dumps(obj, protocol)
            if data is not None:
                return data
        return py_dumps(obj, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback)

    def _dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        # One write of the whole pickle, as _pickle.c makes for one that fits in a frame.
        protocol = protocol_arg(protocol)
        if buffer_callback is None:
            data = fast_dumps(obj, protocol)
            if data is not None and len(data) < 65536:
                write = getattr(file, 'write', None)
                if write is not None:
                    write(data)
                    return
        py_dump(obj, file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback)

    def _loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        if isinstance(data, str):
            # (pickle.py's own message is "Can't load pickle from unicode string".)
            raise TypeError("a bytes-like object is required, not 'str'")
        if buffers is None:
            loaded = fast_loads(data)
            if type(loaded) is tuple:
                return loaded[0]
            if loaded is not None:
                raise UnpicklingError(loaded)
        return py_loads(data, fix_imports=fix_imports, encoding=encoding, errors=errors,
                        buffers=buffers)

    for f, py in ((_dumps, py_dumps), (_dump, py_dump), (_loads, py_loads)):
        # Named as pickle's own (pickle.loads pickles by reference, as pickle._loads).
        f.__doc__, f.__module__, f.__qualname__ = py.__doc__, py.__module__, py.__qualname__
        g[f.__name__] = f


# pickle imports from here twice: PickleBuffer first, then (its classes defined) the rest.
_g = _sys._getframe(1).f_globals
if _g.get('__name__') == 'pickle' and '_Pickler' in _g:
    _c_behaviour(_g)
    _fast_paths(_g)
raise ImportError('cpjit has no C _pickle: pickle uses its pure-Python classes')
