x[*a]
x[a:b, *c]
x[1:2:3, ...]
f(*a, *b, c=1, **d, e=2)
f(x for x in y)
(yield)
a = yield x, y
a, *b = c
[a, b] = c
(a, b), c = d
for (a, b) in c: pass
print(*a, sep='')
del (a), [b, c], d.e
x = not a in b
x = a if b else c if d else e
x = -2 ** -3
x = ~a @ b // c % d
x = a < b > c != d is e is not f in g not in h
x = {**a, 'b': 1}
x = {*a, b}
x = [*a, *b]
x = (*a,)
x = lambda: (yield)
x = lambda *, a=1: a
x = lambda *a, **k: 0
def f(a, /): pass
def f(*, a, b=1, **k,): pass
def f(*args: *Ts): pass
async def f():
    [x async for x in y]
    await (yield)
    return [await z for z in w]
x = f'{a}' f'{b}' 'c'
x = f''
x = '' f''
x = f'{x:{y}.{z}f}'
x = f'{"a" if b else "c"}'
x = f'''{
a
}'''
x = 1e16, 1e-5, 1.0, 0.1, 123456789012345678901234567890, 1e300*1e10, 2.5j, 1_0.0_1
x = '\x00\u1234\U0001F600\N{EN DASH}\t\\\'"'
x = b'\x00\xff\'"'
x = "'"
x = r'\n'; x = rb'\x' Rb"\d"
x = 'a' 'b' u'c'
x = U'x'
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while 1:
    break
else:
    pass
match x,:
    case (a, b, *_): pass
    case {1: _, **rest}: pass
    case A.B(c, d=e): pass
    case -1 | 1.5 | 2-3j | 'a' 'b' | b'x': pass
    case [a, [b, c]] | (d as e): pass
    case _: pass
match(x)
match = 1
case = 2
_ = 3
print(match, case)
type = 1
global a, b
from ... import x
from .a.b import (c,)
import a.b.c
with a, b as c, d as (e, f): pass
with (a, b): pass
with (a, b) as c: pass
with (yield): pass
try:
    pass
except:
    pass
else:
    pass
x: 'int'
(x): int = 1
x.y: int
x[0]: int = 2
@a.b(c)
@d
class E: pass
assert (a, b)
raise
return
x = a.b.c(d)[e](f).g
x = (a)(b)
x = ((a))
x = (a := 1, b := 2)
x = [y := 1, y**2]
if (n := len(a)) > 10: pass
x = a and b and c or d or e and f
x = 0o17, 0b101, 0XFF, 00, 0.0, 1E5, 1J
x = ...
x = (1,)[0]
x = f"{a!r}" f"{b!s:>10}" f"{c!a}"
x = f"{a = }" f"{b=!s}" f"{c=:10}"
