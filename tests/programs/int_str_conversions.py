for s in ["0", "-17", "+5", " 42\n", "1_000_000", "0x1F", "0o17", "0b101"]:
    try:
        print(repr(s), int(s, 0) if s.strip()[:2] in ("0x", "0o", "0b") else int(s))
    except ValueError as e:
        print("ValueError", e)
print(int("ff", 16), int("z", 36), int("777", 8), int("-101", 2), int(" 12 "))
print(str(-0), str(10 ** 20), repr(-5), hex(4096), oct(-8), bin(0), format(255, "#x"))
print(float("1e3"), float("-.5"), float("inf") > 10 ** 300, float(" 2.5 "), str(2.50))
for bad in ["", "abc", "1.2.3", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
