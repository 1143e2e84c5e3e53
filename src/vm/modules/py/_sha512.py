# cpjit's _sha512 (CPython writes it in C): SHA-512 over rtlib's implementation (the digest is
# computed over everything fed so far when asked for).
from _random import _sha512_digest


class sha512:
    name = "sha512"
    digest_size = 64
    block_size = 128

    def __init__(self, string=b"", *, usedforsecurity=True):
        self._data = bytearray()
        self.update(string)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        self._data += data

    def digest(self):
        return _sha512_digest(bytes(self._data))

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        c = sha512()
        c._data = bytearray(self._data)
        return c
