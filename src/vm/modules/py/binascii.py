# cpjit's binascii (CPython writes it in C): hex, base64 and CRC conversions in Python, with
# CPython's error messages. a2b_qp/b2a_qp are not provided (quopri falls back to Python).


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = Incomplete.__module__ = "binascii"

from _cpjit import b64_encode as _b64_encode, b64_decode as _b64_decode


def _buffer(data):
    # The "y*" argument: any object with the buffer protocol.
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None


def _ascii_data(data):
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError("argument should be bytes, buffer or ASCII string, "
                        f"not '{type(data).__name__}'") from None


def b2a_base64(data, *, newline=True):
    return _b64_encode(_buffer(data), newline)


def a2b_base64(data, /, *, strict_mode=False):
    out = _b64_decode(_ascii_data(data), strict_mode)
    if isinstance(out, str):
        raise Error(out)
    return out


def b2a_uu(data, /, *, backtick=False):
    data = _buffer(data)
    if len(data) > 45:
        raise Error("At most 45 bytes at once")
    out = bytearray()
    out.append(0x60 if backtick and not data else 0x20 + len(data))
    padded = data + bytes(-len(data) % 3)
    for i in range(0, len(padded), 3):
        group = int.from_bytes(padded[i:i + 3], "big")
        for shift in (18, 12, 6, 0):
            ch = (group >> shift) & 0x3F
            out.append(0x60 if backtick and not ch else 0x20 + ch)
    out.append(0x0A)
    return bytes(out)


def a2b_uu(data, /):
    data = _ascii_data(data)
    # The first character is the length; CPython reads the terminating NUL of empty data.
    bin_len = ((data[0] if data else 0) - 0x20) & 0o77
    out = bytearray()
    leftchar = leftbits = 0
    i = 1
    while len(out) < bin_len:
        ch = data[i] if i < len(data) else 0x0A
        i += 1
        if ch in (0x0A, 0x0D):
            # Whitespace: spaces eaten at the end of the line.
            ch = 0
        elif ch < 0x20 or ch > 0x60:
            raise Error("Illegal char")
        else:
            ch = (ch - 0x20) & 0o77
        leftchar = (leftchar << 6) | ch
        leftbits += 6
        if leftbits >= 8:
            leftbits -= 8
            out.append((leftchar >> leftbits) & 0xFF)
            leftchar &= (1 << leftbits) - 1
    for ch in data[i:]:
        # '`' may be written as padding.
        if ch not in (0x20, 0x60, 0x0A, 0x0D):
            raise Error("Trailing garbage")
    return bytes(out)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    if sep is None:
        return _buffer(data).hex().encode("ascii")
    return _buffer(data).hex(sep, bytes_per_sep).encode("ascii")


hexlify = b2a_hex


def a2b_hex(hexstr):
    data = _ascii_data(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    try:
        return bytes.fromhex(data.decode("ascii"))
    except ValueError:
        raise Error("Non-hexadecimal digit found") from None


def unhexlify(hexstr):
    return a2b_hex(hexstr)


# The same CRC-32 as zlib's (CPython's binascii uses zlib's too when it has it): cpjit's zlib
# computes it in Rust.
from zlib import crc32


def crc_hqx(data, crc):
    crc &= 0xFFFF
    for b in _buffer(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
