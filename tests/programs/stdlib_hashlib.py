# hashlib over cpjit's _md5/_sha1/_sha256/_sha512/_sha3/_blake2 modules (RustCrypto crates):
# every algorithm, update/copy/digest, SHAKE lengths, BLAKE2 parameters, and the error cases.
import hashlib
import hmac

NAMES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
         'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s']

for n in NAMES:
    h = hashlib.new(n)
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest())
    h.update(b'abc')
    h.update(bytearray(b'def') * 50)
    h.update(memoryview(b'0123456789' * 30))
    c = h.copy()
    c.update(b'more')
    print(' ', h.hexdigest())
    print(' ', c.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
    print(' ', getattr(hashlib, n)(b'abc').hexdigest() == hashlib.new(n, b'abc').hexdigest())

# Inputs across block boundaries give the same digest however they are split.
data = bytes(range(256)) * 5
for n in NAMES:
    one = hashlib.new(n, data).hexdigest()
    h = hashlib.new(n)
    for i in range(0, len(data), 37):
        h.update(data[i:i + 37])
    print(n, one == h.hexdigest(), one[:24])

for n in ['shake_128', 'shake_256']:
    h = hashlib.new(n, b'The quick brown fox')
    print(n, h.name, h.digest_size, h.block_size)
    for length in (0, 1, 16, 32, 100):
        print(' ', length, h.hexdigest(length))
    print(' ', h.digest(8) == h.copy().digest(8))

print(hashlib.blake2b(b'x', digest_size=20).hexdigest())
print(hashlib.blake2b(b'x', key=b'secret').hexdigest())
print(hashlib.blake2b(b'x', salt=b'salt', person=b'me').hexdigest())
print(hashlib.blake2b(key=b'k' * 64, digest_size=1).hexdigest())
print(hashlib.blake2s(b'x', digest_size=8, key=b'k' * 32, salt=b's' * 8,
                      person=b'p' * 8).hexdigest())
print(hashlib.blake2s(b'').hexdigest())
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE, hashlib.blake2b.MAX_KEY_SIZE,
      hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2s.SALT_SIZE, hashlib.blake2s.MAX_KEY_SIZE)

print(sorted(hashlib.algorithms_guaranteed))
print(hmac.new(b'key', b'message', 'sha256').hexdigest())
print(hmac.new(b'key', b'message', hashlib.md5).hexdigest())
print(hmac.digest(b'key', b'message', 'sha1').hex())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'),
      hmac.compare_digest(b'ab', bytearray(b'abc')), hmac.compare_digest(b'', b''))

import random
random.seed('a string seed')
print(random.random())
random.seed(b'bytes seed')
print(random.randrange(1000))


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('no error')


err(lambda: hashlib.md5('text'))
err(lambda: hashlib.sha256().update('text'))
err(lambda: hashlib.sha1().update(12))
err(lambda: hashlib.sha512(None))
err(lambda: hashlib.new('nosuchhash'))
err(lambda: hashlib.blake2b(digest_size=0))
err(lambda: hashlib.blake2b(digest_size=65))
err(lambda: hashlib.blake2s(digest_size=33))
err(lambda: hashlib.blake2b(key=b'k' * 65))
err(lambda: hashlib.blake2s(salt=b's' * 9))
err(lambda: hashlib.blake2b(person=b'p' * 17))
err(lambda: hmac.compare_digest('a', b'a'))
err(lambda: hmac.compare_digest(1, 2))
err(lambda: hmac.compare_digest('\xe9', '\xe9'))
