def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return n
for n in range(3):
    try:
        print(risky(n))
    except ValueError as e:
        print("ValueError", e)
    except KeyError as e:
        print("KeyError", e, repr(e))
    else:
        print("else")
    finally:
        print("finally", n)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("wrapped")
except RuntimeError as e:
    print(e, type(e.__context__).__name__)
try:
    raise TypeError("a") from ValueError("b")
except TypeError as e:
    print(e, repr(e.__cause__))
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(42)
except Exception as e:
    print(e, e.code, e.args, isinstance(e, MyError))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
e = Exception(1, 2)
print(e, repr(e), str(Exception()), repr(Exception("x")))
