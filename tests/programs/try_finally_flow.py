def f(n):
    try:
        if n == 0:
            return "zero"
        if n == 1:
            raise ValueError("one")
        return "other"
    except ValueError:
        return "caught"
    finally:
        print("finally", n)
print(f(0), f(1), f(2))
def loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop())
def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            raise ValueError("middle")
        finally:
            print("inner finally")
    except ValueError as e:
        return f"outer got {e}"
print(nested())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
