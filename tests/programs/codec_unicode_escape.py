# The unicode_escape codec (encodings.unicode_escape calls _codecs.unicode_escape_encode/decode,
# which cpjit lacked: every use raised AttributeError from the codec search). Escapes, error
# handlers, incremental (final=False) decoding and the DeprecationWarning for invalid escapes,
# located at the caller as CPython's C codec does (shown by file name and line, not the path).
import codecs
import os
import warnings

warnings.showwarning = lambda m, c, f, l, *a: print(f"{os.path.basename(f)}:{l}: {c.__name__}: {m}")
for b in [b'a\\', b'\\N{DIGIT ONE}x', b'\\N{digit one}', b'\\N{BOGUS}', b'\\N', b'\\N{', b'\\N{}', b'\\Uffffffff', b'\\U0010ffff', b'\\400', b'\\7', b'\\xzz', b'\\\n', b'\xe9', b'\\x4', b'\\u12', b"\\'\\\"\\a\\b\\f\\v\\t\\r\\n\\\\", b'\\q']:
  for e in ['strict','replace','ignore','backslashreplace']:
    try: print(b, e, codecs.unicode_escape_decode(b, e))
    except Exception as x: print(b, e, type(x).__name__, x, getattr(x,'start',None), getattr(x,'end',None))
  print(codecs.unicode_escape_decode(b, 'strict', False) if b not in (b'\\N{BOGUS}', b'\\Uffffffff', b'\\xzz', b'\\N{}') else '')
print(codecs.unicode_escape_encode('a\\\'"\t\x7f\x00é\u20ac\U0001f600\ud800\r\n'))
print(codecs.unicode_escape_decode('\\u20ac'), codecs.unicode_escape_decode(memoryview(b'\\x41')))
print("a\\nb\\u00e9".encode().decode("unicode_escape"), "é\n".encode("unicode_escape"), "x".encode("unicode-escape"))
print(codecs.decode(b'\\d', 'unicode_escape'))
print(b'\\d'.decode('unicode_escape'))
print(codecs.encode('\u1234', 'unicode_escape'), codecs.lookup('unicode-escape').name)
d = codecs.getincrementaldecoder('unicode_escape')()
print([d.decode(x) for x in [b'ab\\', b'u20', b'ac\\', b'N{DIGIT', b' TWO}', b'\\x4']], d.decode(b'1', final=True))
import io
print(io.TextIOWrapper(io.BytesIO(b'x\\ty\\u00e9\n'), encoding='unicode_escape').read())
print(codecs.escape_decode(b'\\q\\401'), codecs.escape_decode('\\t'))
