counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def outer():
    x = 0
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x += 1
            return x
        return inner()
    r = mid()
    return x, r
print(outer())
def make():
    fns = []
    for i in range(3):
        def f(i=i):
            return i * 10
        fns.append(f)
    return [f() for f in fns]
print(make())
def gen_scope():
    total = 0
    data = [1, 2, 3]
    return sum(x * total + x for x in data)
print(gen_scope())
