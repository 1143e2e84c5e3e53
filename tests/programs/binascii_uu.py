# binascii.b2a_uu / a2b_uu (the uu codec and the uu module use them; cpjit lacked both).
import binascii, codecs, io, random
random.seed(5)
for n in [0, 1, 2, 3, 4, 10, 44, 45]:
    d = bytes(random.randrange(256) for _ in range(n))
    for bt in (False, True):
        e = binascii.b2a_uu(d, backtick=bt)
        print(n, bt, e, binascii.a2b_uu(e) == d, binascii.a2b_uu(e.rstrip(b"\n")) == d)
print(binascii.a2b_uu(b''), binascii.a2b_uu(''), binascii.a2b_uu(b' '), binascii.a2b_uu(b'!'), binascii.a2b_uu(b'#86)C\n  '), binascii.a2b_uu('#86)C``'))
for bad in [b'#86)C\x7f', b'#86)Cxyz', b'!\x01', b'#86)C  x']:
    try:
        print(binascii.a2b_uu(bad))
    except binascii.Error as e:
        print("Error", e)
try:
    binascii.b2a_uu(bytes(46))
except binascii.Error as e:
    print("Error", e)
print(codecs.encode(b"hello world" * 10, "uu"))
print(codecs.decode(codecs.encode(b"hello world" * 10, "uu_codec"), "uu"))
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import uu
src = io.BytesIO(b"uu module data\x00\xff" * 5); dst = io.BytesIO()
uu.encode(src, dst, "name.bin", 0o644); print(dst.getvalue())
back = io.BytesIO(); dst.seek(0); uu.decode(dst, back); print(back.getvalue())
