# cpjit: the codec registry and the codecs cpjit implements natively (utf-8, ascii, latin-1,
# raw-unicode-escape, and charmap codecs over them), which CPython writes in C. Lookups go through the search
# functions registered here; the first one imports `encodings`, which registers CPython's
# (as CPython's interpreter does at start-up). Encoding and decoding themselves are
# str.encode / bytes.decode (Rust).

_search_functions = []
_cache = {}
_error_handlers = {}


def register(search_function):
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def _normalize(encoding):
    return encoding.lower().replace(' ', '_')


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not %s' % type(encoding).__name__)
    # CPython normalizes the name's UTF-8 bytes: a lone surrogate raises UnicodeEncodeError.
    encoding.encode('utf-8')
    norm = _normalize(encoding)
    info = _cache.get(norm)
    if info is not None:
        return info
    if not _search_functions:
        import encodings
    for f in list(_search_functions):
        info = f(norm)
        if info is not None:
            if not isinstance(info, tuple) or len(info) != 4:
                raise TypeError('codec search functions must return 4-tuples')
            _cache[norm] = info
            return info
    raise LookupError('unknown encoding: %s' % encoding)


def _forget_codec(encoding):
    _cache.pop(_normalize(encoding), None)


def encode(obj, encoding='utf-8', errors='strict'):
    result = lookup(encoding)[0](obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    return result[0]


def decode(obj, encoding='utf-8', errors='strict'):
    result = lookup(encoding)[1](obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('decoder must return a tuple (object,integer)')
    return result[0]


def register_error(errors, handler):
    if not callable(handler):
        raise TypeError('handler must be callable')
    _error_handlers[errors] = handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError('unknown error handler name %r' % name) from None


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, (UnicodeDecodeError, UnicodeTranslateError)):
        return ('\ufffd', exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def _escape(c):
    o = ord(c)
    return '\\x%02x' % o if o < 0x100 else '\\u%04x' % o if o < 0x10000 else '\\U%08x' % o


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(map(_escape, exc.object[exc.start:exc.end])), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exc.object[exc.start:exc.end]:
            name = unicodedata.name(c, None)
            out.append('\\N{%s}' % name if name is not None else _escape(c))
        return (''.join(out), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def surrogateescape_errors(exc):
    # PEP 383: an undecodable byte b (>= 128) decodes to U+DC00+b; U+DC80..U+DCFF encode back.
    if isinstance(exc, UnicodeDecodeError):
        out = []
        for b in exc.object[exc.start:exc.end][:4]:
            if b < 128:
                break
            out.append(chr(0xDC00 + b))
        if not out:
            raise exc
        return (''.join(out), exc.start + len(out))
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            o = ord(c)
            if not 0xDC80 <= o <= 0xDCFF:
                raise exc
            out.append(o - 0xDC00)
        return (bytes(out), exc.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def _surrogatepass_codec(encoding):
    # (unit size, byte order) of a UTF codec, or None.
    e = encoding.lower().replace('_', '-')
    for prefix, size in (('utf-8', 1), ('utf8', 1), ('utf-16', 2), ('utf-32', 4)):
        if e.startswith(prefix):
            rest = e[len(prefix):].lstrip('-')
            if rest in ('', 'le', 'be'):
                return size, 'big' if rest == 'be' else 'little'
    return None


def surrogatepass_errors(exc):
    if not isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError)):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    codec = _surrogatepass_codec(exc.encoding)
    if codec is None:
        raise exc
    size, order = codec
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            o = ord(c)
            if not 0xD800 <= o <= 0xDFFF:
                raise exc
            if size == 1:
                out += bytes((0xE0 | (o >> 12), 0x80 | ((o >> 6) & 0x3F), 0x80 | (o & 0x3F)))
            else:
                out += o.to_bytes(size, order)
        return (bytes(out), exc.end)
    data = exc.object[exc.start:]
    o = None
    if size == 1:
        if (len(data) >= 3 and data[0] & 0xF0 == 0xE0 and data[1] & 0xC0 == 0x80
                and data[2] & 0xC0 == 0x80):
            o = ((data[0] & 0x0F) << 12) | ((data[1] & 0x3F) << 6) | (data[2] & 0x3F)
            n = 3
    elif len(data) >= size:
        o = int.from_bytes(data[:size], order)
        n = size
    if o is None or not 0xD800 <= o <= 0xDFFF:
        raise exc
    return (chr(o), exc.start + n)


for _name in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
              'namereplace', 'surrogateescape', 'surrogatepass'):
    _error_handlers[_name] = globals()[_name + '_errors']
del _name


def _text(s, fname):
    if not isinstance(s, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (fname, type(s).__name__))
    return s


def _data(b):
    if isinstance(b, memoryview):
        return b.tobytes()
    if isinstance(b, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(b)


def _incomplete_utf8_tail(data):
    # The length of an incomplete multi-byte sequence at the end of `data` (0 if none).
    n = len(data)
    for back in range(1, min(3, n) + 1):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
        return back if back < need else 0
    return 0


def utf_8_encode(str, errors=None):
    return (_text(str, 'utf_8_encode').encode('utf-8', errors or 'strict'), len(str))


def utf_8_decode(data, errors=None, final=False):
    data = _data(data)
    end = len(data) if final else len(data) - _incomplete_utf8_tail(data)
    return (data[:end].decode('utf-8', errors or 'strict'), end)


def ascii_encode(str, errors=None):
    return (_text(str, 'ascii_encode').encode('ascii', errors or 'strict'), len(str))


def ascii_decode(data, errors=None, final=False):
    data = _data(data)
    return (data.decode('ascii', errors or 'strict'), len(data))


def latin_1_encode(str, errors=None):
    return (_text(str, 'latin_1_encode').encode('latin-1', errors or 'strict'), len(str))


def latin_1_decode(data, errors=None, final=False):
    data = _data(data)
    return (data.decode('latin-1', errors or 'strict'), len(data))


def raw_unicode_escape_encode(str, errors=None):
    return (_text(str, 'raw_unicode_escape_encode').encode('raw-unicode-escape',
                                                           errors or 'strict'), len(str))


def raw_unicode_escape_decode(data, errors=None, final=True):
    data = _data(data)
    return (data.decode('raw-unicode-escape', errors or 'strict'), len(data))


def unicode_escape_encode(str, errors=None):
    # PyUnicode_AsUnicodeEscapeString: \\, \t, \n, \r, other controls and non-ASCII escaped;
    # quotes are not. It cannot fail, so `errors` is unused.
    s = _text(str, 'unicode_escape_encode')
    out = []
    for c in s:
        o = ord(c)
        if 0x20 <= o < 0x7f:
            out.append('\\\\' if o == 0x5c else c)
        elif o == 0x09:
            out.append('\\t')
        elif o == 0x0a:
            out.append('\\n')
        elif o == 0x0d:
            out.append('\\r')
        else:
            out.append(_escape(c))
    return (''.join(out).encode('ascii'), len(s))


_UNICODE_SIMPLE_ESCAPES = {0x5c: '\\', 0x27: "'", 0x22: '"', 0x62: '\b', 0x66: '\f', 0x74: '\t',
                           0x6e: '\n', 0x72: '\r', 0x76: '\v', 0x61: '\x07'}
_HEX_ESCAPES = {0x78: (2, 'truncated \\xXX escape'), 0x75: (4, 'truncated \\uXXXX escape'),
                0x55: (8, 'truncated \\UXXXXXXXX escape')}


def _octal_escape(data, i, first):
    """The value of an octal escape whose first digit `first` is read (up to two more digits
    from data[i]) and the index after it."""
    v = first - 0x30
    for _ in range(2):
        if i < len(data) and 0x30 <= data[i] <= 0x37:
            v = (v << 3) + data[i] - 0x30
            i += 1
        else:
            break
    return v, i


def _invalid_octal(data, end):
    # Only three digits exceed 0o377.
    return "invalid octal escape sequence '\\%s'" % data[end - 3:end].decode()


def _warn_from_caller(message):
    # CPython warns from C at stack level 1: the Python code that called the codec. This
    # module's frames are not on the stack Python code sees (sys._getframe skips them, as it
    # skips every <frozen ...> frame but the caller's own), so level 1 is that code here too.
    import warnings
    warnings.warn(message, DeprecationWarning, stacklevel=1)


def unicode_escape_decode(data, errors=None, final=True):
    """The escapes of a str literal decoded, other bytes as latin-1
    (CPython's _PyUnicode_DecodeUnicodeEscapeInternal)."""
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _data(data)
    out = []
    n = len(data)
    i = 0
    first_invalid = None
    while i < n:
        c = data[i]
        if c != 0x5c:
            out.append(chr(c))
            i += 1
            continue
        start = i
        i += 1
        incomplete = False
        if i >= n:
            message, incomplete = '\\ at end of string', True
        else:
            c = data[i]
            i += 1
            if c == 0x0a:
                continue
            if c in _UNICODE_SIMPLE_ESCAPES:
                out.append(_UNICODE_SIMPLE_ESCAPES[c])
                continue
            if 0x30 <= c <= 0x37:
                v, i = _octal_escape(data, i, c)
                if v > 0o377 and first_invalid is None:
                    first_invalid = _invalid_octal(data, i)
                out.append(chr(v))
                continue
            if c in _HEX_ESCAPES:
                count, message = _HEX_ESCAPES[c]
                v = 0
                while count:
                    if i >= n:
                        incomplete = True
                        break
                    if data[i] not in _HEX:
                        break
                    v = (v << 4) + int(chr(data[i]), 16)
                    i += 1
                    count -= 1
                else:
                    if v <= 0x10ffff:
                        out.append(chr(v))
                        continue
                    message = 'illegal Unicode character'
            elif c == 0x4e:
                message = 'malformed \\N character escape'
                if i >= n:
                    incomplete = True
                elif data[i] == 0x7b:
                    i += 1
                    close = data.find(b'}', i)
                    if close < 0:
                        i = n
                        incomplete = True
                    elif close > i:
                        name = data[i:close]
                        i = close + 1
                        ch = _lookup_name(name)
                        if ch is not None:
                            out.append(ch)
                            continue
                        message = 'unknown Unicode character name'
            else:
                if first_invalid is None:
                    first_invalid = "invalid escape sequence '\\%c'" % c
                out.append('\\')
                out.append(chr(c))
                continue
        if incomplete and not final:
            n = start
            break
        exc = UnicodeDecodeError('unicodeescape', data, start, i, message)
        rep, i = lookup_error(errors or 'strict')(exc)
        out.append(rep)
    if first_invalid is not None:
        _warn_from_caller(first_invalid)
    return (''.join(out), n)


def _lookup_name(name):
    # A \N{name} escape: a character's name or alias (not a named sequence), any case.
    import unicodedata
    try:
        ch = unicodedata.lookup(name.decode('latin-1'))
    except KeyError:
        return None
    return ch if len(ch) == 1 else None


# UTF-7 (RFC 2152), as CPython's unicodeobject.c encodes and decodes it: set O and white space
# are written directly; UTF-16 code units of the rest go in base-64 shift sequences.
_B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_VALUE = {ord(c): i for i, c in enumerate(_B64_CHARS)}
# utf7_category: 0 direct, 1 set O, 2 white space, 3 encoded in base 64.
_UTF7_CATEGORY = (b'3333333332233233' b'3333333333333333' b'2111111000130000'
                  b'0000000000111110' b'1000000000000000' b'0000000000013111'
                  b'1000000000000000' b'0000000000011133')


def _utf7_direct(o):
    return 0 < o < 128 and _UTF7_CATEGORY[o] != 0x33


def utf_7_encode(str, errors=None):
    s = _text(str, 'utf_7_encode')
    out = []
    in_shift = False
    bits = 0
    buf = 0
    for c in s:
        o = ord(c)
        if in_shift and _utf7_direct(o):
            if bits:
                out.append(_B64_CHARS[(buf << (6 - bits)) & 0x3F])
                buf = bits = 0
            in_shift = False
            # A character outside base 64 ends the sequence by itself; others need a '-'.
            if o in _B64_VALUE or c == '-':
                out.append('-')
            out.append(c)
            continue
        if not in_shift:
            if c == '+':
                out.append('+-')
                continue
            if _utf7_direct(o):
                out.append(c)
                continue
            out.append('+')
            in_shift = True
        units = (0xD800 | ((o - 0x10000) >> 10), 0xDC00 | (o & 0x3FF)) if o >= 0x10000 else (o,)
        for u in units:
            bits += 16
            buf = (buf << 16) | u
            while bits >= 6:
                out.append(_B64_CHARS[(buf >> (bits - 6)) & 0x3F])
                bits -= 6
            buf &= (1 << bits) - 1
    if bits:
        out.append(_B64_CHARS[(buf << (6 - bits)) & 0x3F])
    if in_shift:
        out.append('-')
    return (''.join(out).encode('ascii'), len(s))


def utf_7_decode(data, errors=None, final=False):
    data = _data(data)
    n = len(data)
    out = []
    in_shift = False
    bits = buf = surrogate = 0
    shift_out_start = start = 0
    i = 0

    def error(message, start, end):
        exc = UnicodeDecodeError('utf7', data, start, end, message)
        rep, pos = lookup_error(errors or 'strict')(exc)
        out.append(rep)
        return pos + n if pos < 0 else pos

    while True:
        while i < n:
            ch = data[i]
            if in_shift:
                if ch in _B64_VALUE:
                    buf = (buf << 6) | _B64_VALUE[ch]
                    bits += 6
                    i += 1
                    if bits >= 16:
                        unit = buf >> (bits - 16)
                        bits -= 16
                        buf &= (1 << bits) - 1
                        if surrogate:
                            if 0xDC00 <= unit <= 0xDFFF:
                                out.append(chr(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00)))
                                surrogate = 0
                                continue
                            out.append(chr(surrogate))
                            surrogate = 0
                        if 0xD800 <= unit <= 0xDBFF:
                            surrogate = unit
                        else:
                            out.append(chr(unit))
                    continue
                # Leaving the base-64 section.
                in_shift = False
                if bits > 6:
                    i = error('partial character in shift sequence', start, i + 1)
                    continue
                if buf != 0:
                    i = error('non-zero padding bits in shift sequence', start, i + 1)
                    continue
                if surrogate and ch <= 127 and ch != 0x2B:
                    out.append(chr(surrogate))
                surrogate = 0
                if ch == 0x2D:
                    # '-' is absorbed; other terminating characters are kept.
                    i += 1
            elif ch == 0x2B:
                start = i
                i += 1
                if i < n and data[i] == 0x2D:
                    i += 1
                    out.append('+')
                elif i < n and data[i] not in _B64_VALUE:
                    i = error('ill-formed sequence', start, i + 1)
                else:
                    in_shift = True
                    surrogate = bits = buf = 0
                    shift_out_start = len(out)
            elif ch <= 127:
                out.append(chr(ch))
                i += 1
            else:
                i = error('unexpected special character', i, i + 1)
        if in_shift and final:
            in_shift = False
            if surrogate or bits >= 6 or (bits > 0 and buf != 0):
                i = error('unterminated shift sequence', start, n)
                if i < n:
                    # The handler resumed inside the data: decode on from there.
                    continue
        break
    if not final and in_shift:
        # An unfinished shift sequence is left for the next call.
        return (''.join(out[:shift_out_start]), start)
    return (''.join(out), n if final else i)


def charmap_build(map):
    return {ord(c): i for i, c in enumerate(map)}


def charmap_decode(data, errors=None, mapping=None):
    data = _data(data)
    if mapping is None:
        return latin_1_decode(data, errors)
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        try:
            c = mapping[b]
        except (IndexError, LookupError):
            c = None
        if isinstance(c, int):
            c = chr(c)
        if c is None or c == '\ufffe':
            exc = UnicodeDecodeError('charmap', data, i, i + 1, 'character maps to <undefined>')
            rep, i = lookup_error(errors or 'strict')(exc)
            out.append(rep)
            continue
        out.append(c)
        i += 1
    return (''.join(out), len(data))


def charmap_encode(str, errors=None, mapping=None):
    if mapping is None:
        return latin_1_encode(str, errors)

    def lookup(c):
        try:
            return mapping[ord(c)]
        except (IndexError, LookupError):
            return None

    out = bytearray()
    i = 0
    n = len(str)
    while i < n:
        b = lookup(str[i])
        if b is None:
            # The error covers the whole run of unencodable characters (charmap_encoding_error).
            end = i + 1
            while end < n and lookup(str[end]) is None:
                end += 1
            exc = UnicodeEncodeError('charmap', str, i, end, 'character maps to <undefined>')
            rep, i = lookup_error(errors or 'strict')(exc)
            if i < 0:
                i += n
            if isinstance(rep, bytes):
                out += rep
                continue
            for c in rep:
                b = lookup(c)
                if b is None:
                    raise exc
                out += bytes((b,)) if isinstance(b, int) else b
            continue
        if isinstance(b, int):
            out.append(b)
        else:
            out += b
        i += 1
    return (bytes(out), len(str))


# CPython's codec functions are built-in functions, which do not bind as methods: the stdlib
# stores them as class attributes (encodings.utf_8.IncrementalDecoder._buffer_decode =
# codecs.utf_8_decode) and calls them through self. Callable staticmethods behave the same.
for _name, _f in list(globals().items()):
    if not _name.startswith("_") and type(_f) is type(_text):
        globals()[_name] = staticmethod(_f)
del _name, _f


_SIMPLE_ESCAPES = {ord('\\'): 0x5c, ord("'"): 0x27, ord('"'): 0x22, ord('b'): 8, ord('f'): 12,
                   ord('t'): 9, ord('n'): 10, ord('r'): 13, ord('v'): 11, ord('a'): 7}
_HEX = b'0123456789abcdefABCDEF'


def escape_decode(data, errors=None):
    """The escapes of a bytes literal decoded (CPython's PyBytes_DecodeEscape)."""
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _data(data)
    out = bytearray()
    n = len(data)
    i = 0
    first_invalid = None
    while i < n:
        c = data[i]
        i += 1
        if c != 0x5c:
            out.append(c)
            continue
        if i >= n:
            raise ValueError('Trailing \\ in string')
        c = data[i]
        i += 1
        if c == 0x0a:
            continue
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif 0x30 <= c <= 0x37:
            v, i = _octal_escape(data, i, c)
            if v > 0o377 and first_invalid is None:
                first_invalid = _invalid_octal(data, i)
            out.append(v & 0xff)
        elif c == 0x78:
            if i + 1 < n and data[i] in _HEX and data[i + 1] in _HEX:
                out.append(int(data[i:i + 2], 16))
                i += 2
                continue
            if errors is None or errors == 'strict':
                raise ValueError('invalid \\x escape at position %d' % (i - 2))
            if errors == 'replace':
                out.append(0x3f)
            elif errors != 'ignore':
                raise ValueError('decoding error; unknown error handling code: %.400s' % errors)
            if i < n and data[i] in _HEX:
                i += 1
        else:
            if first_invalid is None:
                first_invalid = "invalid escape sequence '\\%c'" % c
            out.append(0x5c)
            out.append(c)
    if first_invalid is not None:
        _warn_from_caller(first_invalid)
    return (bytes(out), n)


def escape_encode(data, errors=None):
    """bytes with the escapes of a bytes literal's repr, without the quotes."""
    if not isinstance(data, bytes):
        raise TypeError("escape_encode() argument 1 must be bytes, not %s" % type(data).__name__)
    out = bytearray()
    for c in data:
        if c == 0x27 or c == 0x5c:
            out += b'\\' + bytes([c])
        elif c == 0x09:
            out += b'\\t'
        elif c == 0x0a:
            out += b'\\n'
        elif c == 0x0d:
            out += b'\\r'
        elif c < 0x20 or c >= 0x7f:
            out += b'\\x%02x' % c
        else:
            out.append(c)
    return (bytes(out), len(data))


# UTF-16 and UTF-32 (code units of `width` bytes), in Python: the codec functions
# Lib/encodings/utf_16.py and utf_32.py call.

def _unit_encode(s, errors, width, big, bom):
    name = 'utf-%d' % (width * 8) if bom else 'utf-%d-%s' % (width * 8, 'be' if big else 'le')
    order = 'big' if big else 'little'
    out = [b'\xfe\xff' if width == 2 else b'\x00\x00\xfe\xff'] if bom and big else []
    if bom and not big:
        out.append(b'\xff\xfe' if width == 2 else b'\xff\xfe\x00\x00')
    i = 0
    n = len(s)
    while i < n:
        o = ord(s[i])
        if 0xD800 <= o < 0xE000 and errors != 'surrogatepass':
            exc = UnicodeEncodeError(name, s, i, i + 1, 'surrogates not allowed')
            rep, i = lookup_error(errors or 'strict')(exc)
            if isinstance(rep, str):
                if any(0xD800 <= ord(c) < 0xE000 for c in rep):
                    raise exc
                out.append(_unit_encode(rep, 'strict', width, big, False))
            else:
                out.append(bytes(rep))
            if i < 0:
                i += n
            continue
        if width == 2 and o >= 0x10000:
            o -= 0x10000
            out.append((0xD800 + (o >> 10)).to_bytes(2, order))
            out.append((0xDC00 + (o & 0x3FF)).to_bytes(2, order))
        else:
            out.append(o.to_bytes(width, order))
        i += 1
    return b''.join(out)


def _unit_decode(data, start, errors, final, width, big):
    name = 'utf-%d-%s' % (width * 8, 'be' if big else 'le')
    order = 'big' if big else 'little'
    n = len(data)
    out = []
    i = start
    while i < n:
        if i + width > n:
            if not final:
                break
            reason, end = 'truncated data', n
        else:
            u = int.from_bytes(data[i:i + width], order)
            if width == 2 and 0xD800 <= u < 0xDC00:
                if i + 4 > n and not final:
                    break
                u2 = int.from_bytes(data[i + 2:i + 4], order) if i + 4 <= n else 0
                if 0xDC00 <= u2 < 0xE000:
                    out.append(chr(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)))
                    i += 4
                    continue
                reason = 'unexpected end of data' if i + 4 > n else 'illegal UTF-16 surrogate'
                end = n if i + 4 > n else i + 2
            elif width == 2 and 0xDC00 <= u < 0xE000:
                reason, end = 'illegal encoding', i + 2
            elif width == 4 and (u > 0x10FFFF or 0xD800 <= u < 0xE000):
                reason = ('code point not in range(0x110000)' if u > 0x10FFFF else
                          'code point in surrogate code point range(0xd800, 0xe000)')
                end = i + 4
                if errors == 'surrogatepass' and u <= 0x10FFFF:
                    out.append(chr(u))
                    i += 4
                    continue
            else:
                out.append(chr(u))
                i += width
                continue
        if errors == 'surrogatepass' and width == 2 and end == i + 2:
            out.append(chr(int.from_bytes(data[i:i + 2], order)))
            i += 2
            continue
        exc = UnicodeDecodeError(name, data, i, end, reason)
        rep, i = lookup_error(errors or 'strict')(exc)
        out.append(rep)
    return ''.join(out), i


def _bom_order(data, width):
    """(byte order from a BOM at the start: -1 little, 1 big, 0 none; the BOM's length)."""
    if width == 2:
        if data[:2] == b'\xff\xfe':
            return -1, 2
        if data[:2] == b'\xfe\xff':
            return 1, 2
    else:
        if data[:4] == b'\xff\xfe\x00\x00':
            return -1, 4
        if data[:4] == b'\x00\x00\xfe\xff':
            return 1, 4
    return 0, 0


def _ex_decode(data, errors, byteorder, final, width):
    data = _data(data)
    skip = 0
    if byteorder == 0:
        if len(data) < width and not final:
            return '', 0, 0
        byteorder, skip = _bom_order(data, width)
    text, used = _unit_decode(data, skip, errors, final, width, byteorder == 1)
    return text, used, byteorder


def utf_16_encode(str, errors=None, byteorder=0):
    s = _text(str, 'utf_16_encode')
    return _unit_encode(s, errors, 2, byteorder == 1, byteorder == 0), len(s)


def utf_16_le_encode(str, errors=None):
    return utf_16_encode(str, errors, -1)


def utf_16_be_encode(str, errors=None):
    return utf_16_encode(str, errors, 1)


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False):
    return _ex_decode(data, errors, byteorder, final, 2)


def utf_16_decode(data, errors=None, final=False):
    return _ex_decode(data, errors, 0, final, 2)[:2]


def utf_16_le_decode(data, errors=None, final=False):
    return _ex_decode(data, errors, -1, final, 2)[:2]


def utf_16_be_decode(data, errors=None, final=False):
    return _ex_decode(data, errors, 1, final, 2)[:2]


def utf_32_encode(str, errors=None, byteorder=0):
    s = _text(str, 'utf_32_encode')
    return _unit_encode(s, errors, 4, byteorder == 1, byteorder == 0), len(s)


def utf_32_le_encode(str, errors=None):
    return utf_32_encode(str, errors, -1)


def utf_32_be_encode(str, errors=None):
    return utf_32_encode(str, errors, 1)


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False):
    return _ex_decode(data, errors, byteorder, final, 4)


def utf_32_decode(data, errors=None, final=False):
    return _ex_decode(data, errors, 0, final, 4)[:2]


def utf_32_le_decode(data, errors=None, final=False):
    return _ex_decode(data, errors, -1, final, 4)[:2]


def utf_32_be_decode(data, errors=None, final=False):
    return _ex_decode(data, errors, 1, final, 4)[:2]


for _name in [n for n in globals() if n.startswith(('utf_16', 'utf_32'))]:
    globals()[_name] = staticmethod(globals()[_name])
del _name
