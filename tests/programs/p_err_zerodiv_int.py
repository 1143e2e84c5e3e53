a = 10
b = 0
print("before")
print(a // b)
