import base64, binascii
for f, a in [(binascii.a2b_base64, b'abc'), (binascii.a2b_base64, b'ab!c'), (binascii.unhexlify, b'abc'),
             (binascii.unhexlify, b'zz'), (binascii.a2b_base64, b'a')]:
    try:
        print(f(a))
    except binascii.Error as e:
        print(type(e).__name__, e)
print(binascii.a2b_base64(b'YW\nJj'), binascii.b2a_base64(b'abcd'), binascii.b2a_base64(b'abcd', newline=False))
print(binascii.hexlify(b'ab', '-'), binascii.a2b_base64(b'YWJj====='), binascii.a2b_base64('YWJj'))
try:
    print(binascii.a2b_base64(b'YW=Jj', strict_mode=True))
except binascii.Error as e:
    print(type(e).__name__, e)
data = bytes(range(256)) * 3
for n in range(0, 12):
    enc = base64.b64encode(data[:n])
    print(n, enc, base64.b64decode(enc) == data[:n])
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.b32encode(b'hello'), base64.b16encode(b'hi'))
print(base64.b85encode(b'hello world'), base64.a85encode(b'hello world'))
print(base64.b32decode(base64.b32encode(b'round trip')), base64.b85decode(base64.b85encode(data)) == data)
print(binascii.crc32(b'hello world'), binascii.crc32(b'more', 12345), binascii.crc_hqx(b'hello', 0))
print(binascii.hexlify(data[:20]), binascii.b2a_hex(b'\x01\x02\x03', b':', 2))
