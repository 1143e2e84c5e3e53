print(True, False, True + True, True * 10, -True, ~True)
print(True and 3, 0 or "x", None or 0, 5 and 0, not None, not 0, not [])
print(bool(0), bool(1), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0.0), bool({}))
print(type(True), type(None), None is None, None == None, True is True)
print(isinstance(True, int), True == 1, False == 0, True is not False)
print(str(None), repr(None), str(True), repr(False))
print(True & False, True | False, True ^ True)
x = None
print(x is None, x is not None)
def f():
    pass
print(f())
print([int(b) for b in (True, False)])
