# Recursive functions at specialized call sites, with argument types flipping and deep recursion.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20), fib(20.0))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(10))
