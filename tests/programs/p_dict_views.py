d = {1: "one", 2: "two", 3: "three"}
ks = d.keys()
vs = d.values()
it = d.items()
d[4] = "four"
print(list(ks), list(vs), list(it))
print(len(ks), 2 in ks, "two" in vs, (3, "three") in it)
print(ks & {1, 4, 9}, ks | {10}, ks - {1})
print(sorted(d, reverse=True), list(reversed(d)))
print(dict(zip("abc", range(3))))
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
inv = {v: k for k, v in d.items()}
print(inv)
nested = {"x": {"y": [1, 2, {"z": 3}]}}
print(nested["x"]["y"][2]["z"], nested)
