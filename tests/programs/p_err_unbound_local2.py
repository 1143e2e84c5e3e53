def f(flag):
    if flag:
        v = 1
    return v
print(f(True))
print(f(False))
