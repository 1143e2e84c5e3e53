x = 1
def f():
    x = 2
    def g():
        return x
    return g()
print(f(), x)
def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1(5))
total = 0
def add(n):
    global total
    total += n
for i in range(5):
    add(i)
print(total)
def comp_scope():
    y = 10
    return [y + i for i in range(3)]
print(comp_scope())
class K:
    val = 5
    doubled = [val * 2 for _ in range(1)] if False else None
print(K.doubled)
def shadow(list):
    return list
print(shadow(3), list((1,)))
