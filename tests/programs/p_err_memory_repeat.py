# Repeating a sequence to an impossible size raises MemoryError at once (CPython's malloc fails),
# it does not fill memory or abort the process.
for make in (lambda: [0] * 10**10, lambda: "ab" * 10**11, lambda: b"ab" * 10**11, lambda: (1, 2) * 10**10):
    try:
        make()
    except MemoryError as e:
        print("MemoryError", repr(e))
print([1, 2] * 3, "ab" * 3, b"x" * 2, (1,) * 3, [0] * 0, "é" * 2, [] * 10**10)
x = [0] * 10**10
