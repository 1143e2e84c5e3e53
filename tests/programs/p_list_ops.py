a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 8)
print(a, len(a))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a, a.index(5), a.count(5))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
b = a.copy()
b[0] = 100
print(a[0], b[0])
print(a[2:5], a[::2], a[::-1])
a[1:3] = [7, 7, 7]
print(a)
del a[0]
del a[::2]
print(a)
print([1, 2] + [3], [0] * 4, [1, 2] == [1, 2], [1, 2] < [1, 3], 3 in a)
a.clear()
print(a)
m = [[0] * 3 for _ in range(3)]
m[1][2] = 5
print(m)
