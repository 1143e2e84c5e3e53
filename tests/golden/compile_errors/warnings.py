x = 1
if x is 1:
    pass
if x is not "s" or x is None or x is ...:
    pass
assert (x, "message")
assert ()
y = [1, 2][0.5] if 0 else 0
z = "a"(1) if 0 else 0
q = {1}[0] if 0 else 0
w = (1, 2)(3) if 0 else 0
v = "abc"["b"] if 0 else 0
u = [x for x in ()][1:2] if 0 else 0
t = f"{x}"[1.5] if 0 else 0
s = (lambda: 0)[0] if 0 else 0
r = 5[0] if 0 else 0
p = True[0] if 0 else 0
if x is 1 and x is 2: pass
if 1 < x is 2: pass
def f(a):
    return a is 0, (a, b)[a], [1][a]
