# dict.__getitem__ reached through a bound method or the unbound descriptor calls a subclass's
# __missing__ (urllib.parse's _Quoter uses `_Quoter(safe).__getitem__`).
class D(dict):
    def __missing__(self, k):
        return ('missing', k)

d = D(a=1)
print(d['x'], d.__getitem__('y'), dict.__getitem__(d, 'z'), d.__getitem__('a'))
g = d.__getitem__
print(g(47), g('a'))

class E(dict):
    pass

try:
    E().__getitem__('k')
except KeyError as e:
    print('KeyError', e)

from urllib.parse import quote_from_bytes
print(quote_from_bytes(b'/a b/c'))

# Paths with an embedded NUL raise ValueError before any system call.
import os
for p in ['a\0', b'a\0']:
    for f in (os.stat, os.listdir, os.mkdir, os.chmod):
        try:
            f(p) if f is not os.chmod else f(p, 0o644)
        except ValueError as e:
            print(f.__name__, e)
