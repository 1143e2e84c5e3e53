# list.append sites that see lists, list subclasses and other objects with append.
class MyList(list):
    def append(self, x):
        super().append(x * 10)
class Bag:
    def __init__(self):
        self.items = []
    def append(self, x):
        self.items.append(-x)

def fill(c, n):
    for i in range(n):
        c.append(i)
    return c

print(fill([], 100)[-3:])
print(fill(MyList(), 5))
print(fill(Bag(), 4).items)
print(fill([], 3))
