print("defining")
class Broken:
    x = 1
    y = x / 0
print("never")
