# Deeply nested containers: repr and comparison recurse inside the runtime and must stop at the
# recursion limit with CPython's messages (never a native stack overflow, never a hang).
l = []
for i in range(100000):
    l = [l]
try:
    print(len(repr(l)))
except RecursionError as e:
    print("repr:", e)
d = {}
for i in range(5000):
    d = {"k": d}
try:
    str(d)
except RecursionError as e:
    print("str:", e)
a, b = [], []
for i in range(5000):
    a, b = [a], [b]
try:
    print(a == b)
except RecursionError as e:
    print("eq:", e)
x, y = (), ()
for i in range(5000):
    x, y = (x, 1), (y, 2)
try:
    print(x < y)
except RecursionError as e:
    print("lt:", e)
r = [1, 2]
r.append(r)
print(r, repr({"self": r}))
print(repr(l[0][0][0])[:12])
