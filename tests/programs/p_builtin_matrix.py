vals = [0, -1, 2**70, 1.5, -0.0, float("inf"), float("nan"), 1j, -2.5j, complex(1, float("nan")), True, None, "s", "1+2j", b"b", bytearray(b"ba"), [1], (2,), range(3), range(2**60, 2**60 + 2), {"k": 1}.keys()]
fns = {"abs": abs, "bool": bool, "str": str, "int": int, "float": float, "complex": complex, "len": len, "round": round,
       "neg": lambda x: -x, "pos": lambda x: +x, "inv": lambda x: ~x, "hash": lambda x: "nonehash" if x is None else hash(x) if not (isinstance(x, float) and x != x) and not (isinstance(x, complex) and x != x) else "nanhash",
       "list": list, "bytes": bytes, "iter": lambda x: type(iter(x)).__name__, "format": lambda x: format(x, ""), "fmt10": lambda x: format(x, ">10"),
       "sorted": sorted, "sum": sum, "min": min}
for name, f in fns.items():
    for v in vals:
        if name in ("list", "sorted", "sum", "min") and isinstance(v, range) and len(v) > 100:
            continue
        if name == "bytes" and isinstance(v, int) and v > 100:
            continue
        try:
            r = f(v)
            s = repr(r)
        except Exception as e:
            s = type(e).__name__ + ": " + str(e)
        print(name, repr(v)[:15], s[:70])
M = 2**63
for r in [range(M - 3, M - 1), range(M - 3, M), range(M - 2, M - 1, 2), range(-M, -M + 2), range(-M + 2, -M, -1), range(-M + 2, -M + 1, -1), range(M, M + 1), range(0, M), range(2**50)]:
    print(r, type(iter(r)).__name__, type(reversed(r)).__name__)
