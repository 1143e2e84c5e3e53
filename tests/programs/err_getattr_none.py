def find(items, x):
    for i in items:
        if i == x:
            return i

r = find([1, 2], 3)
print(r.value)
