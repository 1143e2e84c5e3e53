# BaseException.add_note (PEP 678) and the notes printed after an uncaught exception's line.
e = ValueError("x")
print(e.add_note("a"), e.__notes__)
e.add_note("b")
print(e.__notes__)
for call in (lambda: e.add_note(1), lambda: e.add_note(), lambda: e.add_note(note="x"),
             lambda: BaseException.add_note(1, "x"), lambda: e.add_note("a", "b")):
    try:
        call()
    except TypeError as x:
        print(type(x).__name__, x)
e.__notes__ = 5
try:
    e.add_note("c")
except TypeError as x:
    print(x)
class MyStr(str):
    pass
k = KeyError("k")
k.add_note(MyStr("sub"))
print(k.__notes__, type(k.__notes__[0]).__name__)
class L(list):
    pass
k.__notes__ = L(["l1"])
k.add_note("l2")
print(k.__notes__, type(k.__notes__).__name__)
try:
    raise TypeError("boom")
except TypeError as t:
    t.add_note("while testing")
    t.add_note("second note")
    t.__notes__ += [1, b"x"]
    try:
        raise KeyError("mid") from t
    except KeyError as m:
        m.__notes__ = ("tuple note",)
        o = ValueError("outer")
        o.__notes__ = 42
        raise o from m
