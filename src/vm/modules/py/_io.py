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
