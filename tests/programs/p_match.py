def describe(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative int"
        case int():
            return "int"
        case [x, y]:
            return f"pair {x} {y}"
        case [x, *rest]:
            return f"list head {x} rest {rest}"
        case {"k": val}:
            return f"dict k={val}"
        case str() | bytes():
            return "text"
        case _:
            return "other"
for v in [0, -3, 7, [1, 2], [1, 2, 3], {"k": 9}, "s", b"b", 2.5]:
    print(describe(v))
