counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
x = [1, 2, 3, 4]
del x[1]
print(x)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
y = 5
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
class O: pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in globals(), "counter" in globals())
