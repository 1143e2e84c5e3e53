def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in make_adders()])
def late():
    return [lambda: i for i in range(3)]
print([f() for f in late()])
x = "global"
def read_global():
    return x
def write_global():
    global x
    x = "changed"
print(read_global()); write_global(); print(x)
def outer():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner()
    return mid()
print(outer())
def shared():
    v = []
    def add(x):
        v.append(x)
    def get():
        return v
    return add, get
add, get = shared()
add(1); add(2)
print(get())
