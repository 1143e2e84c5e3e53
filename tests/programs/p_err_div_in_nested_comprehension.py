def table(n):
    return [[i // j for j in range(n)] for i in range(n)]
print(table(1) if False else "building")
print(table(3))
