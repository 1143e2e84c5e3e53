# Lone surrogates through the codecs: strict errors with CPython's messages and attributes,
# surrogateescape (PEP 383), surrogatepass, and the other error handlers; os.fsencode/fsdecode.
import codecs
import os
import sys


def show(f, *args):
    try:
        r = f(*args)
    except (UnicodeError, LookupError, TypeError) as e:
        attrs = ''
        if isinstance(e, UnicodeError):
            attrs = ' %s %r %d %d %r' % (e.encoding, e.object, e.start, e.end, e.reason)
        print('%s: %s%s' % (type(e).__name__, e, attrs))
    else:
        print(ascii(r))


enc = str.encode
dec = bytes.decode
for text in ['a\udcff', 'a\udcff\udc80b', '\ud800', 'x\ud800\udfffy', '\udc7f', 'ok\udcff\ud800!',
             '\udcff\U0001f600\ud83d']:
    print('--', ascii(text))
    for codec in ['utf-8', 'ascii', 'latin-1']:
        for errors in ['strict', 'surrogateescape', 'surrogatepass', 'replace', 'ignore',
                       'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
            show(enc, text, codec, errors)
    show(enc, text, 'raw-unicode-escape')

for data in [b'a\xffb', b'\x80\x81', b'caf\xc3\xa9\xff', b'a\xed\xa0\x80b', b'\xed\xb3\xbf',
             b'\xed\xa0', b'\xf0\x9f\x98', b'\xc3(', b'ok']:
    print('--', data)
    for codec in ['utf-8', 'ascii', 'latin-1']:
        for errors in ['strict', 'surrogateescape', 'surrogatepass', 'replace', 'ignore',
                       'backslashreplace']:
            show(dec, data, codec, errors)

# Round trips.
for data in [b'-\xff', bytes(range(256)), b'\xed\xa0\x80', 'é€😀'.encode()]:
    t = data.decode('utf-8', 'surrogateescape')
    print(ascii(t), t.encode('utf-8', 'surrogateescape') == data)
t = '\ud800\udbff\udc00\udfff'
print(t.encode('utf-8', 'surrogatepass'), t.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass') == t)
print(ascii(b'\\ud800\\U0000dcff'.decode('raw-unicode-escape')))

# str()/bytes() constructors and codecs.encode/decode.
print(ascii(str(b'\xfe\xff', 'utf-8', 'surrogateescape')), bytes('\udcfe', 'ascii', 'surrogateescape'))
print(ascii(codecs.decode(b'\xff', 'utf-8', 'surrogateescape')), codecs.encode('\udcff', 'utf-8', 'surrogateescape'))
print(ascii(codecs.utf_8_decode(b'a\xff', 'surrogateescape')), codecs.utf_8_encode('a\udcff', 'surrogatepass'))
show(codecs.utf_8_encode, 'a\udcff')

# The handlers themselves.
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
             'namereplace', 'surrogateescape', 'surrogatepass']:
    h = codecs.lookup_error(name)
    for exc in [UnicodeEncodeError('utf-8', 'a\udcff\ud800b', 1, 3, 'surrogates not allowed'),
                UnicodeEncodeError('utf-8', 'a\udcffb', 1, 2, 'surrogates not allowed'),
                UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'invalid start byte'),
                UnicodeDecodeError('utf-8', b'a\xed\xa0\x80b', 1, 2, 'invalid continuation byte')]:
        show(h, exc)
show(codecs.lookup_error, 'surrogatepas')

# os.fsencode / os.fsdecode and the file system encoding.
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(ascii(os.fsdecode(b'-\xff')), os.fsencode('-\udcff'), ascii(os.fsdecode(b'caf\xc3\xa9')))
show(os.fsencode, '-\ud800')
print(os.fsencode(os.fsdecode(bytes(range(1, 256)))) == bytes(range(1, 256)))
print(os.path.exists('/nonexistent-\udcff'), ascii(os.path.join('a\udcff', 'b')))
