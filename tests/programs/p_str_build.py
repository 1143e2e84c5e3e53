rows = []
for i in range(1, 6):
    rows.append(" ".join(f"{i * j:3d}" for j in range(1, 6)))
print("\n".join(rows))
s = ""
for i in range(10):
    s += str(i)
print(s, s * 2, len(s * 100))
print("abc" * 0, "abc" * -1, "-" * 20)
parts = "2026-11-25".split("-")
y, m, d = map(int, parts)
print(y + 1, m, d, f"{d:02d}/{m:02d}/{y}")
print("CSV:", ",".join(map(str, [1, 2.5, None, True])))
print("Hello {name}, you are {age}".format(name="Z", age=3))
print(str(12).rjust(6, "0"), "x".center(4) + "|")
cipher = "".join(chr((ord(c) - 97 + 13) % 26 + 97) if c.isalpha() else c for c in "hello, world")
print(cipher)
