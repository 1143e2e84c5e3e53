import os, sys as s
from . import (a, b as c,)
@dec(1)
def f(a, b=1, /, c=2, *args: int, d, e=3, **kw) -> None:
    """doc"""
    x = y = [1, 2.5, 3j, *z]
    x += 1; y: int = 2
    for i, j in zip(a, b):
        if i and not j or k: continue
        elif i < j <= 3 is not None: break
        else: pass
    while x: x -= 1
    else: del x, y[0]
    return {k: v for k, v in d.items() if k}, {1, 2}, (x for x in y), lambda a, *b: a
class C(B, metaclass=M):
    async def g(self):
        async with a as b, c:
            await x
        async for i in y: yield i
try:
    pass
except (A, B) as e:
    raise X from e
finally:
    print(f"a{b!r:>{w}} {c=}" 'z', x[1:2, ::3], -x ** 2)
match p:
    case [1, *rest] | {"k": v, **kw} if v: pass
    case Point(x=0, y=_) as pt: pass
    case -1+2j | None | a.b: pass
global g
with (open(a) as f, open(b) as g): pass
assert x, "m"
a if b else c
print(u"x" "y", b"\x00'", 1_000, 0x1f, 1e16, 1e-5, 'it\'s', ...)
