x = "global"
def f():
    x = "local f"
    def g():
        global x
        x = "set by g"
        return x
    r = g()
    return r, x
print(f(), x)
def h():
    print(x)
h()
def k():
    y = 1
    def inner():
        return y + 1
    y = 10
    return inner()
print(k())
total = 0
def add_all(*ns):
    global total
    for n in ns:
        total += n
add_all(1, 2, 3)
add_all(4)
print(total)
print(sorted(k for k in globals() if not k.startswith("__")))
