def f(a, b):
    return a - b
print(f(b=1, a=3))
print(f(1, a=2))
