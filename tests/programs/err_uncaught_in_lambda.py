f = lambda x: x[10]
print(list(map(f, [[1]])))
