# _hashlib (OpenSSL's module in CPython, RustCrypto hashers in cpjit): hashlib's constructors
# are its openssl_* functions, hashlib.new resolves OpenSSL's names, pbkdf2_hmac is native (no
# DeprecationWarning on stderr), and hmac takes its hmac_new/hmac_digest fast paths.
import _hashlib
import hashlib
import hmac
import io
import pickle
import copy


def t(f):
    try:
        r = f()
    except BaseException as e:
        print(' ', type(e).__name__, e)
    else:
        print(' ', r)


print(sorted(_hashlib.openssl_md_meth_names))
print(sorted(hashlib.algorithms_available))
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.sha256.__name__, type(hashlib.sha256).__name__, hashlib.md5.__module__)
print(type(hashlib.sha256()), type(hashlib.shake_128()), type(hashlib.sha3_256()))
print(type(hashlib.blake2b()), _hashlib.HASHXOF.__mro__, _hashlib.HMAC.__mro__)
print(_hashlib.get_fips_mode(), _hashlib.UnsupportedDigestmodError.__mro__)
print(sorted(_hashlib._constructors.values()))
print(_hashlib._constructors[_hashlib.openssl_sha1])

# Every algorithm through _hashlib.new, and OpenSSL's other names for them.
for n in sorted(_hashlib.openssl_md_meth_names):
    h = _hashlib.new(n, b'abc')
    length = (16,) if h.digest_size == 0 else ()
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest(*length))
    c = h.copy()
    c.update(b'def' * 100)
    print(' ', h.hexdigest(*length) != c.hexdigest(*length), type(c).__name__)
for n in ['SHA256', 'sha-256', 'SHA2-256', 'sha3-256', 'SHA512-224', 'SHA-512/256',
          'BLAKE2b512', 'blake2s256', 'SHAKE128', 'RIPEMD', 'rmd160', 'MD5-SHA1', 'Md5',
          'SSL3-SHA1']:
    print(n, _hashlib.new(n).name)
for n in ['SHA3_256', 'md5_sha1', 'sha256 ', '', 'MD4', 'nope']:
    t(lambda: _hashlib.new(n))

print('hashlib.new')
print(hashlib.new('SHA256', b'x').name, hashlib.new('ripemd160', b'x').hexdigest())
print(hashlib.new('blake2b', b'x', digest_size=8).hexdigest())
t(lambda: hashlib.new('nope'))
t(lambda: hashlib.new('nope', b'', usedforsecurity=True))
t(lambda: hashlib.new(3))
t(lambda: hashlib.new('sha256', b'x', digest_size=8))
t(lambda: _hashlib.new(b'sha256'))
t(lambda: _hashlib.new('sha256', 'abc'))
t(lambda: _hashlib.new('sha256', 3))
t(lambda: _hashlib.new('sha256', data=b'abc'))
t(lambda: _hashlib.new())
t(lambda: _hashlib.new('sha256', b'', b''))
t(lambda: _hashlib.new(name='sha256', string=b'abc', usedforsecurity=False).hexdigest())
t(lambda: _hashlib.openssl_sha256(b'abc', string=b'x'))
t(lambda: _hashlib.openssl_sha256(b'abc', b'x'))
t(lambda: _hashlib.openssl_sha256(memoryview(b'abc')).hexdigest())
t(lambda: hashlib.md5(usedforsecurity=False).hexdigest())

print('HASH objects')
h = hashlib.sha256(b'abc')
print(h.name, h.digest_size, h.block_size, h.digest().hex() == h.hexdigest())
print(sorted(n for n in dir(h) if not n.startswith('__')))
t(lambda: h.update())
t(lambda: h.update('x'))
t(lambda: h.update(obj=b'x'))
t(lambda: h.update(b'x', b'y'))
t(lambda: h.digest(3))
t(lambda: h.hexdigest(3))
t(lambda: h.copy(3))
t(lambda: setattr(h, 'v', 1))
t(lambda: h.__dict__)
t(lambda: _hashlib.HASH())
t(lambda: _hashlib.HASHXOF())
t(lambda: _hashlib.HMAC())
t(lambda: setattr(_hashlib.HASH, 'v', 1))
t(lambda: setattr(_hashlib.HMAC, 'v', 1))
t(lambda: pickle.dumps(h))
t(lambda: copy.copy(h))
t(lambda: copy.deepcopy(hashlib.shake_128()))
print(repr(h).startswith('<sha256 _hashlib.HASH object @ 0x'))
print(repr(hashlib.shake_256()).startswith('<shake_256 _hashlib.HASHXOF object @ 0x'))
print(_hashlib.HASH.__dict__['update'], _hashlib.HASH.__module__, _hashlib.HASH.__name__)

x = hashlib.shake_128(b'a')
print(x.name, x.digest_size, x.block_size, x.hexdigest(5), x.digest(length=5), x.digest(0))
t(lambda: x.digest())
t(lambda: x.hexdigest())
t(lambda: x.digest(-1))
t(lambda: x.hexdigest(-1))
t(lambda: x.digest(2 ** 62))
t(lambda: x.hexdigest(2 ** 63))
t(lambda: x.digest(1.5))
t(lambda: x.digest(1, 2))

print('hmac')
for d in ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b', 'blake2s', 'sm3',
          'md5-sha1', 'ripemd160', 'sha512_256']:
    m = hmac.new(b'k' * 200, b'm' * 300, d)
    print(d, m.name, m.digest_size, m.block_size, m.hexdigest())
    print(' ', hmac.new(b'key', b'msg', d).hexdigest() == hmac.digest(b'key', b'msg', d).hex())
m = hmac.new(b'key', b'hello', hashlib.sha256)
print(type(m._hmac), m.name, m.hexdigest())
c = m.copy()
c.update(b' world')
print(m.hexdigest() != c.hexdigest(), c.hexdigest())
print(repr(m._hmac).startswith('<sha256 HMAC object @ 0x'))
print(hmac.new(b'k', b'm', lambda d=b'': hashlib.sha1(d)).hexdigest())
print(hmac.new(b'k', b'm', hashlib.blake2b).hexdigest())
print(hmac.new(b'k', msg=None, digestmod='md5').hexdigest())
t(lambda: hmac.new(b'k', b'm', 'shake_128'))
t(lambda: hmac.new(b'k', b'm', 'nope'))
t(lambda: hmac.new(b'k', b'm'))
t(lambda: hmac.digest(b'k', b'm', 'nope'))
t(lambda: hmac.digest(b'k', b'm', 'shake_256'))
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'),
      hmac.compare_digest('abc', 'abc'), hmac.compare_digest(b'ab', b'abc'),
      hmac.compare_digest(bytearray(b'abc'), memoryview(b'abc')))
for a, b in [('a', b'a'), ('a', 'é'), (1, 2), (b'abc', 3), ('abc', 3), (3, b'x')]:
    t(lambda: hmac.compare_digest(a, b))
t(lambda: _hashlib.compare_digest(b'a'))
t(lambda: _hashlib.compare_digest(a=b'a', b=b'a'))
t(lambda: _hashlib.get_fips_mode(1))

mm = _hashlib.hmac_new(b'k', b'msg', 'md5')
print(mm.name, sorted(n for n in dir(mm) if not n.startswith('__')))
t(lambda: mm.update(msg=b'x'))
t(lambda: mm.update(3))
t(lambda: mm.update('x'))
t(lambda: mm.update())
t(lambda: mm.digest(1))
t(lambda: mm.copy(1))
t(lambda: _hashlib.hmac_new(b'k', b'msg'))
t(lambda: _hashlib.hmac_new(b'k', b'msg', digestmod=None))
t(lambda: _hashlib.hmac_new(b'k', b'msg', 3))
t(lambda: _hashlib.hmac_new(b'k', b'msg', [1]))
t(lambda: _hashlib.hmac_new('k', b'msg', 'sha256'))
t(lambda: _hashlib.hmac_new(3, b'msg', 'sha256'))
t(lambda: _hashlib.hmac_new(b'k', 'msg', 'sha256'))
t(lambda: _hashlib.hmac_new(b'k', 3, 'sha256'))
t(lambda: _hashlib.hmac_new(key=b'k', msg=b'a', digestmod='sha1').hexdigest())
t(lambda: _hashlib.hmac_digest(b'k', b'msg'))
t(lambda: _hashlib.hmac_digest(b'k', None, 'md5'))
t(lambda: _hashlib.hmac_digest(b'k', b'msg', [1]))
t(lambda: _hashlib.hmac_digest(key=b'k', msg=b'msg', digest='sha1').hex())

print('pbkdf2_hmac')
print(hashlib.pbkdf2_hmac is _hashlib.pbkdf2_hmac)
p = hashlib.pbkdf2_hmac
print(p('sha256', b'pw', b'salt', 1000).hex())
print(p('sha256', b'pw', b'salt', 1000, 10).hex())
print(p('sha256', b'pw', b'salt', 1000, None).hex())
print(p('sha256', b'pw', b'salt', 1000, dklen=100).hex())
print(p('sha1', b'password', b'salt', 4096).hex())
print(p('sha512', b'passwordPASSWORDpassword', b'saltSALTsaltSALTsaltSALTsaltSALTsalt',
        4096, 64).hex())
print(p('blake2b', b'pw', b'salt', 3).hex())
print(p('SHA1', b'pw', b'salt', 1).hex())
print(p(hash_name='md5', password=b'pw', salt=b's', iterations=3, dklen=5).hex())
print(p('sha256', bytearray(b'pw'), memoryview(b'salt'), True).hex())


class I:
    def __index__(self):
        return 5


print(p('sha256', b'pw', b'salt', I(), I()).hex())
for args in [(0,), (-1,), (1, 0), (1, -1), (2 ** 31,), (2 ** 63,), (1, 2 ** 31), (1, 2 ** 32),
             (1.0,), (1, 1.0), (1, 2 ** 63)]:
    t(lambda: p('sha256', b'pw', b'salt', *args))
t(lambda: p('sha256', 'pw', b'salt', 1))
t(lambda: p('sha256', b'pw', 'salt', 1))
t(lambda: p('nope', b'pw', b'salt', 1))
t(lambda: p(b'sha256', b'pw', b'salt', 1))
t(lambda: p('shake_128', b'pw', b'salt', 1))
t(lambda: p('shake_128', b'pw', b'salt', 1, 0))
t(lambda: p('sha256', b'pw', b'salt'))

print('file_digest')
print(hashlib.file_digest(io.BytesIO(b'x' * 100000), 'sha256').hexdigest())
print(hashlib.file_digest(io.BytesIO(b'abc'), hashlib.sha1).hexdigest())
print(hashlib.file_digest(io.BytesIO(b'abc'), lambda: hashlib.blake2s()).hexdigest())
try:
    hashlib.file_digest(io.StringIO('abc'), 'sha256')
except ValueError as e:
    print(str(e).endswith('is not a file-like object in binary reading mode.'))

print('scrypt')
s = hashlib.scrypt
print(s(b'password', salt=b'NaCl', n=1024, r=8, p=16).hex())
print(s(b'', salt=b'', n=16, r=1, p=1).hex())
print(s(b'pw', salt=b'salt', n=2, r=8, p=1, dklen=10).hex())
print(s(password=b'pw', salt=bytearray(b'salt'), n=4, r=2, p=3, dklen=100).hex())
t(lambda: s('pw', salt=b'salt', n=2, r=8, p=1))
t(lambda: s(b'pw', salt='salt', n=2, r=8, p=1))
t(lambda: s(b'pw', salt=None, n=2, r=8, p=1))
t(lambda: s(b'pw'))
t(lambda: s(b'pw', b'salt'))
t(lambda: s(b'pw', 2, 8, 1, salt=b'salt'))
for n in [-1, 0, 1, 3, None, 2 ** 64, 1.0]:
    t(lambda: s(b'pw', salt=b'salt', n=n, r=8, p=1))
for r in [-1, 0, None, 2 ** 64, 2 ** 40]:
    t(lambda: s(b'pw', salt=b'salt', n=2, r=r, p=1))
for p in [-1, 0, None, 2 ** 30, 2 ** 40]:
    t(lambda: s(b'pw', salt=b'salt', n=2, r=8, p=p))
for m in [-1, None, 2 ** 31, 1, 2 ** 40]:
    t(lambda: s(b'pw', salt=b'salt', n=2, r=8, p=1, maxmem=m))
for d in [-1, 0, None, 2 ** 31, 1.5]:
    t(lambda: s(b'pw', salt=b'salt', n=2, r=8, p=1, dklen=d))
t(lambda: s(b'pw', salt=b'salt', n=2 ** 20, r=8, p=1))
t(lambda: s(b'pw', salt=b'salt', n=2 ** 14, r=8, p=1, maxmem=2 ** 30).hex()[:16])

print('operator._compare_digest')
import _operator
for a, b in [(b'abc', b'abc'), (b'abc', 3), (3, b'abc'), (3, 4), ('a', b'a'), ('abc', 'abc'),
             (bytearray(b'x'), memoryview(b'x')), (b'ab', b'abc')]:
    t(lambda: _operator._compare_digest(a, b))
