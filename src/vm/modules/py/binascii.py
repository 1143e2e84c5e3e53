# cpjit's binascii (CPython writes it in C): hex, base64 and CRC conversions in Python, with
# CPython's error messages. a2b_qp/b2a_qp are not provided (quopri falls back to Python).


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = Incomplete.__module__ = "binascii"

_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_REV = [255] * 256
for _i, _c in enumerate(_B64):
    _B64_REV[_c] = _i
del _i, _c


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
    data = _buffer(data)
    out = bytearray()
    table = _B64
    n = len(data) - len(data) % 3
    for i in range(0, n, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]))
    rest = len(data) - n
    if rest == 1:
        v = data[n] << 16
        out += bytes((table[v >> 18], table[(v >> 12) & 63])) + b"=="
    elif rest == 2:
        v = (data[n] << 16) | (data[n + 1] << 8)
        out += bytes((table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63])) + b"="
    if newline:
        out += b"\n"
    return bytes(out)


def a2b_base64(data, /, *, strict_mode=False):
    data = _ascii_data(data)
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    out = bytearray()
    rev = _B64_REV
    quad = left = pads = ndata = 0
    padding_started = False
    for i, c in enumerate(data):
        if c == 61:
            padding_started = True
            pads += 1
            if quad >= 2 and quad + pads >= 4:
                if strict_mode and i + 1 < len(data):
                    raise Error("Excess data after padding")
                return bytes(out)
            continue
        v = rev[c]
        if v >= 64:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        ndata += 1
        if quad == 0:
            quad, left = 1, v
        elif quad == 1:
            out.append(((left << 2) | (v >> 4)) & 255)
            quad, left = 2, v & 15
        elif quad == 2:
            out.append(((left << 4) | (v >> 2)) & 255)
            quad, left = 3, v & 3
        else:
            out.append(((left << 6) | v) & 255)
            quad, left = 0, 0
    if quad:
        if quad == 1:
            raise Error("Invalid base64-encoded string: number of data characters (%d) cannot "
                        "be 1 more than a multiple of 4" % ndata)
        raise Error("Incorrect padding")
    return bytes(out)


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


_CRC32 = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        _c = (0xEDB88320 ^ (_c >> 1)) if _c & 1 else (_c >> 1)
    _CRC32.append(_c)
del _n, _c, _k


def crc32(data, crc=0):
    crc = ~crc & 0xFFFFFFFF
    table = _CRC32
    for b in _buffer(data):
        crc = table[(crc ^ b) & 255] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF


def crc_hqx(data, crc):
    crc &= 0xFFFF
    for b in _buffer(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
