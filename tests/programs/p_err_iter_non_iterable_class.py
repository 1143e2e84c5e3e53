class Box:
    def __init__(self):
        self.items = [1]
b = Box()
print(len(b.items))
for x in b:
    print(x)
