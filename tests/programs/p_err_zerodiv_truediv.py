def ratio(x, y):
    return x / y
print(ratio(1, 2))
print(ratio(1, 0))
