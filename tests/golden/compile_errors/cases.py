return 1
# ---
def f():
    pass
yield 5
# ---
x = 1
nonlocal x
# ---
def f():
    x = 1
    global x
# ---
def f():
    print(x)
    global x
# ---
def f(a):
    global a
# ---
def f():
    nonlocal y
# ---
for i in range(3):
    pass
break
# ---
while True:
    def g():
        continue
# ---
def f():
    x: int = 1
    global x
# ---
def f():
    global q
    nonlocal q
# ---
def f(a, a):
    pass
# ---
class C:
    [y := 1 for i in range(2)]
# ---
[i := 0 for i in range(2)]
# ---
def f():
    from os import *
# ---
try:
    pass
except:
    pass
except ValueError:
    pass
# ---
f(a=1, a=2)
# ---
a, *b, *c = range(5)
# ---
*a = [1]
# ---
x = [(yield 1) for i in range(3)]
# ---
class A:
    return 3
# ---
from __future__ import nonexistent
# ---
import os
from __future__ import annotations
# ---
"""doc"""
from __future__ import annotations, division
x: undefined_name = 1
# ---
async def f():
    yield from g()
# ---
def f():
    await x
# ---
async def f():
    yield 1
    return 2
# ---
__debug__ = 1
# ---
def f(__debug__): pass
# ---
f(__debug__=1)
# ---
x.__debug__ = 1
# ---
del __debug__
# ---
import __debug__
# ---
lambda __debug__: 0
# ---
from m import __debug__
# ---
match x:
    case _:
        pass
    case 1:
        pass
# ---
match x:
    case y:
        pass
    case 1:
        pass
# ---
match x:
    case [a, a]:
        pass
# ---
match x:
    case [a] | [b]:
        pass
# ---
match x:
    case {"k": 1, "k": 2}:
        pass
# ---
match x:
    case C(a=1, a=2):
        pass
# ---
match x:
    case [*a, *b]:
        pass
# ---
match x:
    case (1 | y) | 2:
        pass
