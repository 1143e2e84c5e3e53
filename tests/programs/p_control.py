for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
else:
    print("no break")
print()
for i in range(3):
    pass
else:
    print("for-else ran", i)
n = 0
while n < 5:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n < 2:
        break
print(n)
def classify(v):
    if v < 0:
        return "neg"
    elif v == 0:
        return "zero"
    elif v < 10:
        return "small"
    else:
        return "big"
print([classify(v) for v in (-5, 0, 3, 99)])
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
