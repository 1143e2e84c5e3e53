# binascii's base64 (its loops in Rust): round trips, padding rules with and without strict_mode,
# ignored characters, error messages, the base64 module over it.
import binascii, base64, random
rng = random.Random(5)
for n in list(range(0, 10)) + [57, 100, 1000]:
    b = bytes(rng.randrange(256) for _ in range(n))
    e = binascii.b2a_base64(b)
    assert binascii.a2b_base64(e) == b
    print(n, e[:40], binascii.b2a_base64(b, newline=False)[-4:], base64.b64encode(b)[-4:], base64.urlsafe_b64encode(b)[-4:])
cases = [b"", b"QQ==", b"QQ", b"QUI=", b"QUJD", b"Q", b"QQ=", b"Q===", b"QQ==QQ==", b"Q Q = =", b"!!QUJD!!", b"=QUJD",
         b"QUJD=", b"QU=JD", b"QUJD\n", "QUJD", "QU\u00e9JD", b"QQ==x", b"QUI=x", b"a" * 5, b"ab=c"]
for c in cases:
    for strict in (False, True):
        try:
            print(repr(c), strict, binascii.a2b_base64(c, strict_mode=strict))
        except Exception as ex:
            print(repr(c), strict, type(ex).__name__, ex)
for bad in [1, None, [1]]:
    for f in (binascii.b2a_base64, binascii.a2b_base64):
        try: f(bad)
        except Exception as ex: print(f.__name__, type(ex).__name__, ex)
print(binascii.b2a_base64(bytearray(b"xyz")), binascii.b2a_base64(memoryview(b"xyz")), binascii.a2b_base64(bytearray(b"eHl6")))
try: base64.b64decode(b"abc", validate=True)
except Exception as ex: print(type(ex).__name__, ex)
print(base64.b64decode("aGVsbG8="), base64.standard_b64decode(b"aGk="), base64.encodebytes(b"x" * 80)[-10:])
