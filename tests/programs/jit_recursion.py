# Deep recursion through compiled functions: results, and RecursionError at the limit.
import sys

def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(depth(900), fib(22))

def forever(n):
    return forever(n + 1)

for _ in range(3):
    try:
        forever(0)
    except RecursionError as e:
        print("RecursionError:", e)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), sys.getrecursionlimit())

def mutual_even(n):
    return True if n == 0 else mutual_odd(n - 1)
def mutual_odd(n):
    return False if n == 0 else mutual_even(n - 1)
print(mutual_even(500), mutual_odd(333))
