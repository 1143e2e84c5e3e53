# type()'s one-argument form belongs to type itself (type.__new__ and metaclasses take exactly
# three, with CPython's messages); int.to_bytes/from_bytes count all arguments before the
# positional ones (Argument Clinic's order).
class M(type): pass
for f in [lambda: type.__new__(type, 1), lambda: M(1), lambda: type.__new__(M, 1), lambda: type(1, 2), lambda: type.__new__(type), lambda: type.__new__(type, 1, 2), lambda: type(), lambda: M(), lambda: type.__new__(type, 'A', (), {}, 5), lambda: type('A', (), {}, x=1), lambda: type(1, x=2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: (5).to_bytes(1, 'little', signed=True, x=1), lambda: (5).to_bytes(1, 'little', True), lambda: (5).to_bytes(1, 'big', 3, 4),
          lambda: (5).to_bytes(length=1, byteorder='big', signed=False, q=1), lambda: int.from_bytes(b'\x01', 'big', signed=True, z=0),
          lambda: int.from_bytes(b'\x01', 'big', True), lambda: (5).to_bytes(x=1), lambda: int.from_bytes(bytes=b'\x02', byteorder='little'),
          lambda: (5).to_bytes(2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
