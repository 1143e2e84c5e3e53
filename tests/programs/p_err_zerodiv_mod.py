vals = [7, 3, 0]
for v in vals:
    print(100 % v)
