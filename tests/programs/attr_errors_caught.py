class A:
    def __init__(self):
        self.value = 1
a = A()
for name in ["value", "valeu", "missing"]:
    try:
        print(name, getattr(a, name))
    except AttributeError as e:
        print("AttributeError:", e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    del a.nothing
except AttributeError as e:
    print(e)
try:
    (1).real = 5
except AttributeError as e:
    print(e)
print(hasattr(a, "value"), hasattr(None, "x"), getattr(a, "x", None))
