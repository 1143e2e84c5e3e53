rows = []
for i in range(1, 6):
    rows.append(" ".join(f"{i * j:3d}" for j in range(1, 6)))
print("\n".join(rows))
s = ""
for c in "abcdef":
    s += c.upper() + c
print(s, s.lower().count("a"))
parts = ["x"] * 5
print("-".join(parts), "".join(reversed(parts)), "|".join(map(str, range(5))))
print("{:=^30}".format(" centered "), "%-6s|%6s" % ("ab", "cd"))
