# cpjit's _io (CPython writes it in C). The classes are those of the standard library's own
# pure-Python implementation, _pyio.py (read from the discovered stdlib when _io is first
# imported), over posix's file descriptor calls; this module re-exports them under _io's names.
#
# _pyio imports io for its ABCs' registration, and io imports _io: while _pyio loads it sees a
# stand-in `io` module whose ABCs accept registrations and forget them (the real io registers
# the same classes itself once _io is complete).

import sys as _sys

DEFAULT_BUFFER_SIZE = 8 * 1024
BlockingIOError = BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"


class FileIO:
    # Placeholder for `from _io import FileIO` inside _pyio (replaced by _pyio's FileIO below).
    pass


def open_code(path):
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not " + type(path).__name__)
    return open(path, "rb")


def _load_pyio():
    class _Registry:
        @classmethod
        def register(cls, subclass):
            return subclass

    class _Stub:
        __name__ = "io"

    stub = _Stub()
    stub.__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO",
                    "BytesIO", "StringIO", "BufferedIOBase", "BufferedReader", "BufferedWriter",
                    "BufferedRWPair", "BufferedRandom", "TextIOBase", "TextIOWrapper",
                    "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
                    "text_encoding", "IncrementalNewlineDecoder"]
    stub.SEEK_SET, stub.SEEK_CUR, stub.SEEK_END = 0, 1, 2
    stub.IOBase = stub.RawIOBase = stub.BufferedIOBase = stub.TextIOBase = _Registry
    stub.UnsupportedOperation = UnsupportedOperation
    stub.open_code = open_code
    modules = _sys.modules
    had_io = "io" in modules
    saved = modules.get("io")
    modules["io"] = stub
    try:
        import _pyio
    finally:
        if had_io:
            modules["io"] = saved
        else:
            del modules["io"]
    return _pyio


_pyio = _load_pyio()


def _get_locale_encoding(self):
    # CPython's TextIOWrapper (C) asks _Py_GetLocaleEncoding() directly, which is what
    # locale.getencoding() is (`from _locale import getencoding`); _pyio's imports the locale
    # module for it, which imports re, enum, collections and more: the first text-mode open
    # without an encoding cost ~56M instructions (~15 ms).
    import _locale
    return _locale.getencoding()


_get_locale_encoding.__qualname__ = "TextIOWrapper._get_locale_encoding"
_pyio.TextIOWrapper._get_locale_encoding = _get_locale_encoding



def _c_messages(_pyio):
    # CPython's _io (C) words its errors differently from _pyio: each method below checks its
    # arguments and state as the C one does, first, with the C one's message, then runs _pyio's.
    UnsupportedOperation = _pyio.UnsupportedOperation

    def arg_type(v):
        return "None" if v is None else type(v).__name__

    def check_size(size):
        # _Py_convert_optional_to_ssize_t.
        if size is not None and not hasattr(type(size), "__index__"):
            raise TypeError(f"argument should be integer or None, not '{arg_type(size)}'")

    def check_index(pos):
        if not hasattr(type(pos), "__index__"):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")

    def bytes_like(b):
        if isinstance(b, str) or not hasattr(type(b), "__buffer__") and not isinstance(
                b, (bytes, bytearray, memoryview, _array_types())):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")

    def patch(cls, name):
        def deco(f):
            f.__name__ = name
            f.__qualname__ = cls.__qualname__ + "." + name
            f.__doc__ = getattr(cls, name).__doc__
            setattr(cls, name, f)
        return deco

    def sized(cls, name, orig, check_closed):
        # A read method taking an optional size.
        @patch(cls, name)
        def method(self, size=-1):
            check_size(size)
            check_closed(self)
            return orig(self, size)

    def closed_check(message):
        # A stream's closed-file check, with its C module's message.
        def check_closed(self):
            if self.closed:
                raise ValueError(message)
        return check_closed

    def truncating_and_getvalue(cls, check_closed, negative):
        # truncate(pos) (`negative`: the message prefix for a negative size) and getvalue().
        orig_truncate, orig_getvalue = cls.truncate, cls.getvalue

        @patch(cls, "truncate")
        def truncate(self, pos=None):
            check_size(pos)
            check_closed(self)
            if pos is not None and pos < 0:
                raise ValueError(f"{negative} {pos}")
            return orig_truncate(self, pos)

        @patch(cls, "getvalue")
        def getvalue(self):
            check_closed(self)
            return orig_getvalue(self)

    def _unsupported(self, name):
        raise UnsupportedOperation(name)
    _pyio.IOBase._unsupported = _unsupported

    # TextIOWrapper (textio.c).
    tw = _pyio.TextIOWrapper
    tw_write, tw_read, tw_readline, tw_seek = tw.write, tw.read, tw.readline, tw.seek

    @patch(tw, "write")
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {arg_type(s)}")
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not self.writable():
            raise UnsupportedOperation("not writable")
        return tw_write(self, s)

    @patch(tw, "read")
    def read(self, size=-1):
        check_size(size)
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not self.readable():
            raise UnsupportedOperation("not readable")
        return tw_read(self, size)

    @patch(tw, "readline")
    def readline(self, size=-1):
        check_size(size)
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return tw_readline(self, size)

    @patch(tw, "seek")
    def seek(self, cookie, whence=0):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if whence not in (0, 1, 2):
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return tw_seek(self, cookie, whence)

    # StringIO (stringio.c): its closed-file message has no full stop.
    sio = _pyio.StringIO
    sio_check_closed = closed_check("I/O operation on closed file")

    @patch(sio, "write")
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        sio_check_closed(self)
        return tw_write(self, s)

    sized(sio, "read", tw_read, sio_check_closed)
    sized(sio, "readline", tw_readline, sio_check_closed)

    @patch(sio, "seek")
    def seek(self, pos, whence=0):
        check_index(pos)
        sio_check_closed(self)
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0 and whence == 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        return tw_seek(self, pos, whence)

    truncating_and_getvalue(sio, sio_check_closed, "Negative size value")

    # BytesIO (bytesio.c).
    bio = _pyio.BytesIO
    bio_init, bio_write, bio_read, bio_readline, bio_seek = (
        bio.__init__, bio.write, bio.read, bio.readline, bio.seek)

    @patch(bio, "__init__")
    def __init__(self, initial_bytes=None):
        if initial_bytes is not None:
            bytes_like(initial_bytes)
        bio_init(self, initial_bytes)

    bio_check_closed = closed_check("I/O operation on closed file.")

    @patch(bio, "write")
    def write(self, b):
        bio_check_closed(self)
        bytes_like(b)
        return bio_write(self, b)

    sized(bio, "read", bio_read, bio_check_closed)
    sized(bio, "readline", bio_readline, bio_check_closed)

    @patch(bio, "seek")
    def seek(self, pos, whence=0):
        check_index(pos)
        bio_check_closed(self)
        if pos < 0 and whence == 0:
            raise ValueError(f"negative seek value {pos}")
        if whence not in (0, 1, 2):
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return bio_seek(self, pos, whence)

    truncating_and_getvalue(bio, bio_check_closed, "negative size value")

    # BufferedWriter/BufferedRandom (bufferedio.c): the argument is a buffer.
    bw = _pyio.BufferedWriter
    bw_write = bw.write

    @patch(bw, "write")
    def write(self, b):
        bytes_like(b)
        return bw_write(self, b)

    # FileIO (fileio.c): its closed-file message has no full stop.
    fio = _pyio.FileIO

    def fio_closed(f):
        def method(self, *args):
            if self.closed:
                raise ValueError("I/O operation on closed file")
            return f(self, *args)
        return method

    for name in ("read", "readall", "readinto", "write", "seek", "tell", "truncate"):
        patch(fio, name)(fio_closed(fio.__dict__[name]))


def _array_types():
    import array
    return array.array


_c_messages(_pyio)
del _c_messages

open = _pyio.open
if isinstance(open, staticmethod):
    open = open.__func__
# A built-in function, as CPython's: stored in a class it does not become a method.
import _cpjit
open = _cpjit.builtin_function(open)
_cpjit_c_type = _cpjit.c_type
_stdio_types = _cpjit.stdio_types()
del _cpjit
FileIO = _pyio.FileIO
BytesIO = _pyio.BytesIO
StringIO = _pyio.StringIO
BufferedReader = _pyio.BufferedReader
BufferedWriter = _pyio.BufferedWriter
BufferedRWPair = _pyio.BufferedRWPair
BufferedRandom = _pyio.BufferedRandom
IncrementalNewlineDecoder = _pyio.IncrementalNewlineDecoder
text_encoding = _pyio.text_encoding
TextIOWrapper = _pyio.TextIOWrapper
_IOBase = _pyio.IOBase
_RawIOBase = _pyio.RawIOBase
_BufferedIOBase = _pyio.BufferedIOBase
_TextIOBase = _pyio.TextIOBase
for _c in (FileIO, BytesIO, StringIO, BufferedReader, BufferedWriter, BufferedRWPair,
           BufferedRandom, IncrementalNewlineDecoder, TextIOWrapper, _IOBase, _RawIOBase,
           _BufferedIOBase, _TextIOBase):
    _c.__module__ = "_io"
    if _c in (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase):
        # CPython's are named with the underscore: <class '_io._IOBase'>.
        _c.__name__ = _c.__qualname__ = "_" + _c.__name__
    # Each stands in for a type CPython writes in C: messages say '_io.BytesIO'.
    _cpjit_c_type(_c)
# sys.stdin/stdout/stderr's layers are native objects of types of these names (see
# builtins/stdio.rs); as virtual subclasses of the classes here they pass the isinstance checks
# CPython's pass: io.TextIOWrapper, io.TextIOBase, io.IOBase, io.BufferedIOBase, io.RawIOBase.
for _c, _t in zip((TextIOWrapper, BufferedReader, BufferedWriter, FileIO), _stdio_types):
    _c.register(_t)
del _c, _t, _stdio_types, _pyio, _load_pyio, _cpjit_c_type, _get_locale_encoding
