print((1024).to_bytes(2, "little"), (5).to_bytes(), (0).to_bytes(0, "big"), (-129).to_bytes(2, "big", signed=True), (255).to_bytes(length=2, byteorder="big"))
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True), int.from_bytes([1, 2]), int.from_bytes(bytearray(b"\x00\x10"), byteorder="big"), int.from_bytes(b""))
print((2**70).to_bytes(9, "big"), int.from_bytes((2**70).to_bytes(9, "big"), "big") == 2**70, bool.from_bytes(b"\x01", "big"))
for f in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"),
          lambda: int.from_bytes("ab", "big"), lambda: int.from_bytes(b"a", "mid"), lambda: (128).to_bytes(1, "big", signed=True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
