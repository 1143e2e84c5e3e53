a = [1, 2, 3]
b = "xyz"
c = (True, False, None)
for i, (x, y, z) in enumerate(zip(a, b, c), start=10):
    print(i, x, y, z)
pairs = list(zip(a, b))
nums, chars = zip(*pairs)
print(nums, chars)
print(dict(enumerate("abc")), list(zip(range(3), range(10, 20))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])))
e = enumerate(["a", "b"])
print(next(e), next(e), next(e, None))
