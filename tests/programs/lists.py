a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[2], a[-1], a[1:4], a[::2], a[::-1])
a.append(7); a.insert(0, 0); a.extend([8, 8])
print(a, a.count(8), a.index(5))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
b = a.copy(); b[0] = 100; print(a[0], b[0])
print(sorted(["banana", "apple", "cherry"], key=len), sorted([3, 1, 2], reverse=True))
a[1:3] = [10, 20, 30]; print(a)
del a[0]; print(a)
del a[::2]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
print([1, 2] + [3], [0] * 5, [[0] * 2] * 2, 3 in [1, 2, 3], 4 not in [1, 2, 3])
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [1])
m = [[1, 2], [3, 4]]
m[0][1] = 9
print(m, list(range(5)), list("abc"), list((1, 2)))
c = [1, 2, 3]
c += [4]
c *= 2
print(c, min(c), max(c), sum(c))
c.clear(); print(c, bool(c), bool([0]))
x = [5, 3, 8]
print(x.pop(1), x, [i * i for i in range(6) if i % 2 == 0])
