for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
else:
    print("no")
print()
for i in range(3):
    pass
else:
    print("for-else ran")
n = 0
while n < 5:
    n += 1
else:
    print("while-else", n)
x = 7
if x < 5:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print("yes" if x else "no", x and 0, x or 0, not x, 0 or "" or None, 1 and 2 and 3)
i = 0
while True:
    i += 1
    if i > 3:
        break
print(i)
for a, b in [(1, 2), (3, 4)]:
    print(a * b)
print([(i, j) for i in range(3) for j in range(i)])
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 != 2)
