d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["z"] = 26
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
it = reversed(d)
print(type(it).__name__, type(reversed(d.values())).__name__, type(reversed(d.items())).__name__, next(it))
d["new"] = 0
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
print(list(reversed({})), [k for k in reversed({1: 2})])
e = {i: i for i in range(10)}
r = reversed(e)
for i in range(8):
    del e[i]
e[100] = 1
e[101] = 2
for i in range(6):
    e[200 + i] = i
    del e[200 + i]
try:
    print(list(r))
except RuntimeError as x:
    print("RuntimeError", x)
