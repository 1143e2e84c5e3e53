s = list(range(10))
print(s[2:8:2], s[::-3], s[-3:-1], s[8:2:-2], s[100:], s[-100:2], s[::])
t = "abcdefghij"
print(t[1::3], t[::-2], t[-1:-4:-1], t[3:3], t[5:2])
s[2:5] = ["a"]
print(s)
s[1:1] = [9, 9]
print(s)
s[::2] = range(len(s[::2]))
print(s)
del s[1::3]
print(s)
sl = slice(1, 5, 2)
print(t[sl], sl.start, sl.stop, sl.step, slice(3))
print((1, 2, 3, 4)[1:3], (1, 2, 3)[::-1], range(10)[2:8:3], list(range(10)[::-1][:3]))
