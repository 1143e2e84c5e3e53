def inner():
    yield 1
    raise LookupError("inner failed")
def outer():
    yield 0
    yield from inner()
for v in outer():
    print(v)
