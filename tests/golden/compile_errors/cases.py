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
