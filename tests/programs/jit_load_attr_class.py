# LOAD_ATTR_CLASS in compiled code: a class's attribute read in a hot loop, rebound and deleted
# and set again while the loop runs, and a class with its own metaclass (the slow path).
class K:
    A = 1
    B = "b"
class Meta(type):
    pass
class M(metaclass=Meta):
    A = 5
def f(n):
    s = 0
    for i in range(n):
        s += K.A + M.A
        if i == n // 2:
            K.A = 10
            M.A = 7
    return s
print(f(1000), K.B)
def g(n):
    s = 0
    for i in range(n):
        s += K.A
        if i == 600:
            del K.A
            K.A = 3
    return s
print(g(1000))
