items = [3, 2, 1, 0]
total = 0
for i in items:
    total += 10 // i
print(total)
