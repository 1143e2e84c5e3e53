# Recursive calls: frame push/pop, argument passing, int compare and add.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


result = fib(22)
