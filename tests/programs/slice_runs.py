l = list(range(10))
t = tuple(l)
s = "abcdefghij"
for a in (None, -12, -10, -3, -1, 0, 1, 3, 9, 10, 12):
    for b in (None, -12, -3, 0, 2, 9, 12):
        for st in (None, 1, -1, 2, -2):
            print(a, b, st, l[a:b:st], t[a:b:st], s[a:b:st])
