def make_counter():
    count = 0
    def get():
        return count
    def inc():
        nonlocal count
        count += 1
    return get, inc
get, inc = make_counter()
inc(); inc()
print(get())
def outer():
    x = 1
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
            return x
        return inner
    f = mid()
    return f(), x
print(outer())
fs = {}
for name in ["a", "b"]:
    def f(n=name):
        return n * 2
    fs[name] = f
print(fs["a"](), fs["b"]())
def curry(f, *args):
    return lambda *more: f(*args, *more)
print(curry(lambda a, b, c: a + b + c, 1, 2)(3))
print(get.__closure__ is not None, make_counter.__closure__)
