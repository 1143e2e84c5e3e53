vals = [1.5, 0.0]
print(vals[0] // vals[1])
