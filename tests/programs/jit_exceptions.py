# Exceptions raised inside compiled code: caught inside the same compiled function, caught by a
# caller, re-raised, and escaping from nested loops; an uncaught one prints its traceback.
def inner(vals):
    caught = 0
    total = 0
    for v in vals:
        try:
            total += 100 // v
        except ZeroDivisionError:
            caught += 1
    return total, caught

def outer(n):
    i = 0
    while i < n:
        if i == n - 3:
            raise ValueError(f"stop at {i}")
        i += 1
    return i

for r in range(3):
    print(inner([1, 2, 0, 5, 0, 10] * 20))
    try:
        outer(50 + r)
    except ValueError as e:
        print("outer:", e)

def deep(n):
    if n == 0:
        {}["missing"]
    return deep(n - 1) + 1

for _ in range(20):
    try:
        deep(5)
    except KeyError as e:
        last = e
print("KeyError", last)

def reraise(k):
    for i in range(k):
        try:
            if i == k - 1:
                raise RuntimeError("boom")
        except RuntimeError:
            raise
    return k

try:
    for _ in range(30):
        reraise(40)
except RuntimeError as e:
    print("re-raised", repr(e))

def finally_count(n):
    hits = 0
    for i in range(n):
        try:
            if i % 7 == 0:
                continue
            hits += 1
        finally:
            hits += 10
    return hits
print(finally_count(100))

def uncaught(vals):
    t = 0
    for v in vals:
        t += 10 // v
    return t

print(uncaught([1, 2, 3] * 20))
uncaught([5, 4, 3, 2, 1, 0])
