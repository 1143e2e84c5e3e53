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

    def truncating(cls, check_closed, negative):
        # truncate(pos) (`negative`: the message prefix for a negative size).
        orig_truncate = cls.truncate

        @patch(cls, "truncate")
        def truncate(self, pos=None):
            check_size(pos)
            check_closed(self)
            if pos is not None and pos < 0:
                raise ValueError(f"{negative} {pos}")
            return orig_truncate(self, pos)

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

    # (StringIO is cpjit's own, below: _pyio.StringIO stays as _pyio has it.)

    # BytesIO (bytesio.c).
    bio = _pyio.BytesIO
    bio_init, bio_write, bio_read, bio_readline, bio_seek = (
        bio.__init__, bio.write, bio.read, bio.readline, bio.seek)

    @patch(bio, "__init__")
    def __init__(self, initial_bytes=None):
        if initial_bytes is None or type(initial_bytes) is bytes:
            # _pyio's __init__ inline for the common arguments.
            buf = bytearray()
            if initial_bytes:
                buf += initial_bytes
            self._buffer = buf
            self._pos = 0
            return
        bytes_like(initial_bytes)
        bio_init(self, initial_bytes)

    bio_check_closed = closed_check("I/O operation on closed file.")

    @patch(bio, "write")
    def write(self, b):
        # Exact bytes at or before the end of an open stream: _pyio's write inline, without
        # its checks' calls (pickle's framer writes each opcode so; 2.45 -> ~0.5 us a write).
        if type(b) is bytes and not self.closed:
            buf = self._buffer
            pos = self._pos
            if pos <= len(buf):
                n = len(b)
                if n:
                    buf[pos:pos + n] = b
                    self._pos = pos + n
                return n
        bio_check_closed(self)
        bytes_like(b)
        return bio_write(self, b)

    sized(bio, "read", bio_read, bio_check_closed)
    bio_sized_read = bio.read

    @patch(bio, "read")
    def read(self, size=-1):
        # An int size on an open stream: _pyio's read inline (pickle's unframer reads each
        # opcode so).
        if type(size) is int and not self.closed:
            buf = self._buffer
            pos = self._pos
            end = len(buf)
            if pos >= end:
                return b""
            if 0 <= size < end - pos:
                end = pos + size
            self._pos = end
            return bytes(buf[pos:end])
        return bio_sized_read(self, size)
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

    truncating(bio, bio_check_closed, "negative size value")

    @patch(bio, "getvalue")
    def getvalue(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return bytes(self._buffer)

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
IncrementalNewlineDecoder = _pyio.IncrementalNewlineDecoder
def _size_arg(size):
    # Argument Clinic's Py_ssize_t-or-None converter (_Py_convert_optional_to_ssize_t).
    if size is None:
        return -1
    try:
        return size.__index__()
    except AttributeError:
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'") \
            from None


class StringIO(_pyio.TextIOBase):
    """Text I/O implementation using an in-memory buffer.

    The initial_value argument sets the value of object.  The newline
    argument is like the one of TextIOWrapper's constructor."""

    # cpjit's StringIO (CPython's is stringio.c; _pyio's is a TextIOWrapper over a BytesIO,
    # which encodes every write). As in C, the text is kept in two parts: `_buf` and the
    # strings in `_acc`, appended while every write lands at the end (the accumulator), joined
    # when something reads or writes elsewhere. `_len` is the text's length, `_pos` the
    # position. Slots keep them out of the instance's __dict__ (IOBase's), which holds what
    # users put there (__getstate__).
    __slots__ = ("_buf", "_acc", "_len", "_pos", "_closed", "_readnl", "_writenl",
                 "_decoder")

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, "
                            f"not {type(initial_value).__name__}")
        self._closed = False
        self._readnl = newline
        # Writing "\n" writes the newline given ("\r" or "\r\n"); None and "" read universal
        # newlines, None translating them to "\n" as they are written.
        self._writenl = newline if newline and newline[0] == "\r" else None
        self._decoder = (IncrementalNewlineDecoder(None, newline is None)
                         if not newline else None)
        self._buf = ""
        self._acc = []
        self._len = self._pos = 0
        if initial_value:
            self._write(initial_value)
            self._pos = 0

    def _text(self):
        if self._acc:
            self._buf += "".join(self._acc)
            self._acc = []
        return self._buf

    def _write(self, s):
        if self._decoder is not None:
            s = self._decoder.decode(s, True)
        if self._writenl is not None:
            s = s.replace("\n", self._writenl)
        pos, n = self._pos, len(s)
        if pos == self._len:
            self._acc.append(s)
            self._len = self._pos = pos + n
            return
        text = self._text()
        if pos > len(text):
            text += "\0" * (pos - len(text))
        self._buf = text = text[:pos] + s + text[pos + n:]
        self._len = len(text)
        self._pos = pos + n

    def _check(self):
        try:
            closed = self._closed
        except AttributeError:
            raise ValueError("I/O operation on uninitialized object") from None
        if closed:
            raise ValueError("I/O operation on closed file")

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        if self._closed:
            raise ValueError("I/O operation on closed file")
        n = len(s)
        if n:
            self._write(s)
        return n

    def getvalue(self):
        self._check()
        return self._text()

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        pos, end = self._pos, self._len
        if pos >= end:
            return ""
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return self._text()[pos:end]

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        return self._readline(size)

    def _readline(self, size):
        pos, limit = self._pos, self._len
        if pos >= limit:
            return ""
        if 0 <= size < limit - pos:
            limit = pos + size
        text = self._text()
        nl = self._readnl
        if nl == "":
            # Universal newlines, untranslated: \n, \r or \r\n ends a line.
            r = text.find("\r", pos, limit)
            i = text.find("\n", pos, limit if r < 0 else r)
            if i >= 0:
                end = i + 1
            elif r >= 0:
                end = r + 2 if r + 1 < limit and text[r + 1] == "\n" else r + 1
            else:
                end = limit
        else:
            nl = nl or "\n"
            i = text.find(nl, pos, limit)
            end = limit if i < 0 else i + len(nl)
        self._pos = end
        return text[pos:end]

    def __next__(self):
        if type(self) is StringIO:
            self._check()
            line = self._readline(-1)
        else:
            line = self.readline()
            if not isinstance(line, str):
                raise OSError(f"readline() should have returned a str object, "
                              f"not '{type(line).__name__}'")
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        if not hasattr(type(pos), "__index__"):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        pos = pos.__index__()
        self._check()
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0 and whence == 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._len
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check()
        size = self._pos if pos is None else _size_arg(pos)
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        if size < self._len:
            self._buf = self._text()[:size]
            self._len = size
        return size

    def readable(self):
        self._check()
        return True

    writable = seekable = readable

    @property
    def closed(self):
        try:
            return self._closed
        except AttributeError:
            raise ValueError("I/O operation on uninitialized object") from None

    def close(self):
        self._closed = True
        self._buf = ""
        self._acc = []

    def __del__(self):
        # IOBase's finalizer in C: closes an open file; an object __init__ never set up
        # (its arguments were wrong) is left alone.
        if not getattr(self, "_closed", True):
            self.close()

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        return None if self._decoder is None else self._decoder.newlines

    def __getstate__(self):
        self._check()
        d = getattr(self, "__dict__", None)
        return (self._text(), self._readnl, self._pos, dict(d) if d else None)

    def __setstate__(self, state):
        # (Unpickling calls it on an object __init__ has not seen.)
        if getattr(self, "_closed", False):
            raise ValueError("I/O operation on closed file")
        if not isinstance(state, tuple) or len(state) < 4:
            raise TypeError(f"{type(self).__name__}.__setstate__ argument should be 4-tuple, "
                            f"got {type(state).__name__}")
        value, newline, pos, d = state[:4]
        self.__init__(None, newline)
        # The buffer as it was (__init__ would have translated newlines in it).
        if not isinstance(value, str):
            raise TypeError(f"initial_value must be str or None, not {type(value).__name__}")
        self._buf, self._acc, self._len = value, [], len(value)
        if not isinstance(pos, int):
            raise TypeError(f"third item of state must be an integer, got {type(pos).__name__}")
        if pos < 0:
            raise ValueError("position value cannot be negative")
        self._pos = pos
        if d is not None:
            if not isinstance(d, dict):
                raise TypeError(f"fourth item of state should be a dict, got a "
                                f"{type(d).__name__}")
            self.__dict__.update(d)


FileIO = _pyio.FileIO
BytesIO = _pyio.BytesIO
BufferedReader = _pyio.BufferedReader
BufferedWriter = _pyio.BufferedWriter
BufferedRWPair = _pyio.BufferedRWPair
BufferedRandom = _pyio.BufferedRandom
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
