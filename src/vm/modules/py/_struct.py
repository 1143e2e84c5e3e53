# cpjit's _struct (CPython writes it in C): formats are compiled once per Struct into a tuple
# of (code, count, offset, size) items, which _cpjit.struct_pack/struct_unpack (Rust) run through
# when the arguments need no conversion; integers go through int.to_bytes/from_bytes and floats
# through _cpjit's IEEE 754 float_pack/float_unpack. Native ('@') sizes and alignment are
# x86-64 Linux's.

from _cpjit import float_pack as _float_pack, float_unpack as _float_unpack
from _cpjit import struct_pack as _fast_pack, struct_unpack as _fast_unpack


class error(Exception):
    pass


error.__module__ = "struct"

_NATIVE = {"x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8,
           "L": 8, "q": 8, "Q": 8, "n": 8, "N": 8, "e": 2, "f": 4, "d": 8, "s": 1, "p": 1,
           "P": 8}
_STANDARD = {"x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 4,
             "L": 4, "q": 8, "Q": 8, "e": 2, "f": 4, "d": 8, "s": 1, "p": 1}
_SIGNED = set("bhilqn")
_NAMED = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}


_SSIZE_MAX = (1 << 63) - 1


def _compile(fmt):
    if isinstance(fmt, bytes):
        fmt = fmt.decode("ascii")
    elif not isinstance(fmt, str):
        raise TypeError("Struct() argument 1 must be a str or bytes object, not "
                        + type(fmt).__name__)
    order = "@"
    start = 0
    if fmt and fmt[0] in "@=<>!":
        order = fmt[0]
        start = 1
    native = order == "@"
    little = order in "@=<"
    sizes = _NATIVE if native else _STANDARD
    n = len(fmt)
    # Two passes, as CPython's prepare_s: the first only sizes the format (a repeat count too
    # large for the total size raises before anything is built), the second lists the items.
    for build in (False, True):
        items = []
        offset = 0
        i = start
        while i < n:
            c = fmt[i]
            if c.isspace():
                i += 1
                continue
            count = None
            if c.isdigit():
                j = i
                while j < n and fmt[j].isdigit():
                    j += 1
                count = int(fmt[i:j])
                i = j
                if i >= n:
                    raise error("repeat count given without format specifier")
                c = fmt[i]
            i += 1
            if c not in sizes:
                raise error("bad char in struct format")
            size = sizes[c]
            if native and c not in "xcbB?sp" and offset % size:
                offset += size - offset % size
            num = count if count is not None else 1
            itemsize = 1 if c in "spx" else size
            if num > (_SSIZE_MAX - offset) // itemsize:
                raise error("total struct size too long")
            if c in "sp":
                if build:
                    items.append((c, 1, offset, num))
            elif c != "x" and build:
                for k in range(num):
                    items.append((c, 0, offset + k * size, size))
            offset += num * itemsize
    return items, offset, little, native


def _int_arg(v):
    if isinstance(v, int):
        return v
    if isinstance(v, float) or not hasattr(type(v), "__index__"):
        raise error("required argument is not an integer")
    return v.__index__()


def _pack_item(buf, code, offset, size, v, little, native):
    if code in "sp":
        if not isinstance(v, (bytes, bytearray)):
            raise error("argument for '%s' must be a bytes object" % code)
        if code == "s":
            data = bytes(v[:size])
        else:
            data = bytes(v[:max(size - 1, 0)])
            if size:
                data = bytes([min(len(data), 255)]) + data
        buf[offset:offset + len(data)] = data
        return
    if code == "c":
        if not isinstance(v, bytes) or len(v) != 1:
            raise error("char format requires a bytes object of length 1")
        buf[offset] = v[0]
        return
    if code == "?":
        buf[offset] = 1 if v else 0
        return
    if code in "efd":
        if not isinstance(v, float):
            if isinstance(v, int) or hasattr(type(v), "__float__") or hasattr(type(v), "__index__"):
                # PyFloat_AsDouble's error, whatever it is, becomes struct.error.
                try:
                    v = float(v)
                except Exception:
                    raise error("required argument is not a float") from None
            else:
                raise error("required argument is not a float")
        buf[offset:offset + size] = _float_pack(v, size, little)
        return
    v = _int_arg(v)
    signed = code in _SIGNED
    if signed:
        lo, hi = -(1 << (size * 8 - 1)), (1 << (size * 8 - 1)) - 1
    else:
        lo, hi = 0, (1 << (size * 8)) - 1
    if not lo <= v <= hi:
        if code == "P" or size == 8 or (native and code in "lLqQnN"):
            raise error("argument out of range")
        # A value past what the C conversion takes (a C long, or an unsigned long for I and
        # L) fails there, before the range check of the format.
        if code in "IL":
            if not 0 <= v <= 0xFFFFFFFFFFFFFFFF:
                raise error("argument out of range")
        elif not -(1 << 63) <= v < (1 << 63):
            raise error("argument out of range")
        if code in _NAMED:
            raise error("%s format requires %d <= number <= %d" % (_NAMED[code], lo, hi))
        raise error("'%s' format requires %d <= number <= %d" % (code, lo, hi))
    buf[offset:offset + size] = v.to_bytes(size, "little" if little else "big", signed=signed)


def _unpack_item(data, code, offset, size, little):
    if code == "s":
        return bytes(data[offset:offset + size])
    if code == "p":
        if not size:
            # CPython asks PyBytes_FromStringAndSize for -1 bytes.
            raise SystemError("Negative size passed to PyBytes_FromStringAndSize")
        n = min(data[offset], size - 1)
        return bytes(data[offset + 1:offset + 1 + n])
    if code == "c":
        return bytes(data[offset:offset + 1])
    if code == "?":
        return data[offset] != 0
    if code in "efd":
        return _float_unpack(bytes(data[offset:offset + size]), size, little)
    return int.from_bytes(data[offset:offset + size], "little" if little else "big",
                          signed=code in _SIGNED)


def _byte_view(buffer):
    # The bytes of a buffer argument (the `y*` converter), with its error.
    if isinstance(buffer, (bytes, bytearray)):
        return buffer
    try:
        return memoryview(buffer).cast("B")
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(buffer).__name__}'") \
            from None


class Struct:
    __module__ = "_struct"

    def __init__(self, format):
        items, self.size, self._little, self._native = _compile(format)
        self._items = tuple(items)
        self.format = format.decode("ascii") if isinstance(format, bytes) else format
        self._nargs = len(self._items)

    def pack(self, *args):
        if len(args) != self._nargs:
            raise error("pack expected %d items for packing (got %d)" % (self._nargs, len(args)))
        # The loop in Rust when every argument is of the plain type its item takes; else
        # here, converting and raising as CPython does.
        packed = _fast_pack(self._items, self.size, self._little, args)
        if packed is not None:
            return packed
        buf = bytearray(self.size)
        little, native = self._little, self._native
        for (code, _, offset, size), v in zip(self._items, args):
            _pack_item(buf, code, offset, size, v, little, native)
        return bytes(buf)

    def pack_into(self, buffer, offset, *args):
        if len(args) != self._nargs:
            raise error("pack_into expected %d items for packing (got %d)"
                        % (self._nargs, len(args)))
        if offset < 0:
            offset += len(buffer)
            if offset < 0:
                raise error("offset %d out of range for %d-byte buffer"
                            % (offset - len(buffer), len(buffer)))
        if len(buffer) - offset < self.size:
            raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, len(buffer)))
        buffer[offset:offset + self.size] = self.pack(*args)

    def unpack(self, buffer):
        data = _byte_view(buffer)
        if len(data) != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        little = self._little
        values = _fast_unpack(self._items, little, data)
        if values is not None:
            return values
        return tuple([_unpack_item(data, code, offset, size, little)
                      for code, _, offset, size in self._items])

    def unpack_from(self, buffer, offset=0):
        data = _byte_view(buffer)
        if offset < 0:
            if offset + len(data) < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, len(data)))
            offset += len(data)
        if len(data) - offset < self.size:
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, len(data)))
        return self.unpack(bytes(data[offset:offset + self.size]))

    def iter_unpack(self, buffer):
        data = bytes(_byte_view(buffer))
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % self.size)
        return (self.unpack(data[i:i + self.size]) for i in range(0, len(data), self.size))

    def __repr__(self):
        return "Struct(%r)" % (self.format,)


_cache = {}


def _clearcache():
    _cache.clear()


def _get(fmt):
    s = _cache.get(fmt)
    if s is None:
        if len(_cache) >= 100:
            _cache.clear()
        s = _cache[fmt] = Struct(fmt)
    return s


def calcsize(format):
    return _get(format).size


def pack(format, *args):
    # A cached format's Rust loop straight away (pickle packs an opcode's operand this way
    # every few bytes): two Python calls fewer than through Struct.pack, 1.06 -> ~0.4 us.
    s = _cache.get(format)
    if s is not None and len(args) == s._nargs:
        packed = _fast_pack(s._items, s.size, s._little, args)
        if packed is not None:
            return packed
    return _get(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    return _get(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    s = _cache.get(format)
    if s is not None and type(buffer) is bytes and len(buffer) == s.size:
        values = _fast_unpack(s._items, s._little, buffer)
        if values is not None:
            return values
    return _get(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    return _get(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _get(format).iter_unpack(buffer)

# Each stands in for a type CPython writes in C: messages name it as CPython's tp_name does.
import _cpjit
for _t in (Struct,):
    _cpjit.c_type(_t)
del _t, _cpjit
