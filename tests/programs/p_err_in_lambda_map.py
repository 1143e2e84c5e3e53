vals = ["1", "2", "x"]
print(list(map(lambda s: int(s), vals)))
