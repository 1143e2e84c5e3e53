# codecs.escape_decode / escape_encode (pickle's protocol-0 STRING opcode): a bytes literal's
# escapes, its errors and DeprecationWarnings.
import codecs, warnings
for b in [b'abc', b'a\\nb\\t\\x41\\101\\0\\777', b"\\'\\\"\\\\", b'x\\\ny', b'\\q', b'\\x4', b'\\xzz', b'\\', 'str\\n', bytearray(b'\\a\\v')]:
    for err in [None, 'replace', 'ignore']:
        try:
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter('always')
                r = codecs.escape_decode(b, err)
            print(repr(b), err, r, [str(x.message) for x in w])
        except Exception as e:
            print(repr(b), err, type(e).__name__, e)
print(codecs.escape_encode(b"a'\\\t\n\r\x00\x7f\xff\""))
