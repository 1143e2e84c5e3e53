nums = list(range(10))
print(list(map(lambda x: x ** 2, nums)))
print(list(filter(lambda x: x % 3 == 0, nums)))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
print({k: f(10, 3) for k, f in ops.items()})
print(sorted(["aa", "b", "ccc"], key=lambda s: -len(s)))
from functools import reduce
print(reduce(lambda a, b: a * b, range(1, 6)))
