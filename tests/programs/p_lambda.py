sq = lambda x: x * x
print(sq(7), (lambda: 42)(), (lambda a, b=2: a * b)(3))
print(sorted([3, -1, 2, -5], key=lambda v: abs(v)))
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))
print((lambda *a, **k: (a, k))(1, x=2))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(ops["add"](2, 3), ops["mul"](2, 3))
print((lambda x: (lambda y: x - y))(10)(3))
