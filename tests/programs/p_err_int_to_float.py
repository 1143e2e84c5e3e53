n = 10 ** 400
print(len(str(n)))
print(float(n))
