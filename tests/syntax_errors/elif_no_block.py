if a:
    pass
elif b:
x = 1
