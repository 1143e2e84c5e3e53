def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError(n)
    return n
results = []
for n in range(4):
    try:
        try:
            results.append(risky(n))
        except ValueError as e:
            results.append("V:" + str(e))
            raise
    except ValueError:
        results.append("reraised")
    except KeyError as e:
        results.append("K:" + repr(e))
print(results)
try:
    raise ValueError("x")
except ValueError as e:
    err = e
print(type(err).__name__)
def chain():
    try:
        raise OSError("io")
    except OSError as e:
        try:
            raise ValueError("val")
        except ValueError as e2:
            return repr(e2.__context__)
print(chain())
e = None
try:
    raise TypeError("t")
except TypeError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError", ne)
