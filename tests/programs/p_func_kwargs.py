def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(a, b, *rest, k=0, **kw):
    print(a, b, rest, k, kw)
g(1, 2)
g(1, 2, 3, 4, k=5, z=6)
args = [10, 20, 30]
kw = {"k": 7, "m": 8}
g(*args, **kw)
g(*range(2), *[9], **{"q": 1}, k=2)
def summ(*nums):
    return sum(nums)
print(summ(*range(10)))
