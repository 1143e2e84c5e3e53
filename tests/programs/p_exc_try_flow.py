def f(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError as e:
        print("except", e)
        return "zero"
    else:
        print("else", r)
        return r
    finally:
        print("finally", x)
print(f(2))
print(f(0))
def g():
    try:
        return "try"
    finally:
        print("g finally")
print(g())
def h():
    try:
        raise ValueError("v")
    finally:
        return "finally wins"
print(h())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("loop finally", i)
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("wrong")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)
try:
    int("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
