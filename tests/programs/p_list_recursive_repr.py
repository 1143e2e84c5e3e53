a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"k": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(len(t[0]))
nested = [[[]]]
print(nested, [[1], [2, [3, [4]]]])
print(repr([1.0, "a", None, (1,), {2: 3}, {4}]))
