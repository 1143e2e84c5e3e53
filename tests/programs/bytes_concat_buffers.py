# bytes and bytearray concatenate with any bytes-like object (the buffer protocol), in a loop
# the JIT compiles as well as at module level; other operands raise CPython's TypeErrors.
import array


def grow(n):
    b = bytearray(b"ab")
    m = memoryview(b"cd")
    out = []
    for i in range(n):
        b += m
        out.append(b + m)
        out.append(b"x" + m[:1])
    return b, out[-2:]


print(grow(50))
b = bytearray(b"x")
b += memoryview(b"y")
b += array.array("B", [65, 66])
b += b"z"
b += bytearray(b"w")
print(b)
print(b"q" + memoryview(b"rs"), b"q" + array.array("b", [67]), bytearray(b"q") + memoryview(b"t"))
print(bytes.__add__(b"a", memoryview(b"b")), bytearray.__iadd__(bytearray(b"a"), memoryview(b"b")))
for f in (lambda: memoryview(b"a") + b"b", lambda: b"a" + "b", lambda: b"a" + [1],
          lambda: bytes.__add__(b"a", 1), lambda: bytearray.__iadd__(bytearray(), "s")):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
c = bytearray(b"s")
try:
    c += "t"
except TypeError as e:
    print("TypeError:", e, c)
