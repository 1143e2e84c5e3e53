# -*- coding: utf-8 -*-
"""Module docstring."""
import os, sys


def f(a, b=1, *args, c: int = 2, **kw) -> int:
    # comment in body
    if a:
        return a ** 2

    elif b:  # trailing comment
        x = [1, 2,
             3,  # inside brackets

             4]
        y = 1 + \
            2
        return x
    else:
	    pass
    return (yield)


class C(object):
    @property
    def p(self): ...

async def g():
    await h()
    async with a as b:
        pass

x = y if (n := 10) > 5 else z
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= m
a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1
b = a < b <= c > d >= e == f != g
c = ~a ^ b & c | d << 2 >> 1 @ e
d = {1: 2}[1]
numbers = [0, 00, 0_0, 1, 1_000, 0xFF, 0X_f, 0o17, 0O_7, 0b101, 0B_1, 1.5, 1., .5, 1e10,
           1E-5, 1.5e+3, 1_0.0_1e1_0, 1j, 1.5J, 1e5j, 0j, 09.5, 00j, 1if 1else 2]
strings = ['a', "b", r'\d', R"\d", b'x', B"x", u'u', U"u", f'{x}', F"{x!r:>10}",
           rb'x', Rb'x', bR'x', BR"x", br'x', fr'{x}', rF'{x}', 'it\'s', "say \"hi\"",
           '''tri
ple''', """also
tri\"""ple""", 'cont\
inued', '\N{BULLET}', f"{'nested'}"]
é = "non-ASCII identifier"
ﬁx = 1
名前 = 2
print(é, ﬁx, 名前)
lambda: (yield)
x[1:2, ::3, ...]
