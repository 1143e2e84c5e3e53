s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:3], s[5:2], s[::-3])
t = "αβγδε"
print(t[1:4], t[::-1], t[-2])
print(s[slice(1, 8, 2)], s[slice(None, None, -1)])
sl = slice(1, 10, 3)
print(sl.start, sl.stop, sl.step, sl)
print(sl.indices(5))
print("".join(reversed(s)))
print(s.find("e"), s.index("j"), s.rfind("z"), "e" in s, "xyz" not in s)
