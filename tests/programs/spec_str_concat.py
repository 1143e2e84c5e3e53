# String concatenation sites that flip to other types.
def build(parts):
    s = parts[0]
    for p in parts[1:]:
        s += p
    return s

print(build(["a", "b", "c"] * 20))
print(build([1, 2, 3] * 20))
print(build([[1], [2]] * 3))
print(build(["x", "y"]))
def cat(a, b):
    return a + b
print([cat("p", str(i)) for i in range(5)] + [cat(i, 1) for i in range(3)])
try:
    build(["a", 1])
except TypeError as e:
    print("TypeError:", e)
