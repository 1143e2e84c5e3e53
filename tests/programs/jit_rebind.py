# A class attribute and a global rebound while a compiled loop that uses them runs.
class Config:
    factor = 2

FACTOR = 3

def step(i):
    global FACTOR
    if i == 500:
        Config.factor = 5
        FACTOR = 7
    if i == 800:
        del Config.factor
        Config.factor = 1.5

def work(n):
    t = 0
    for i in range(n):
        step(i)
        t += Config.factor * FACTOR
    return t

print(work(1000))

class Shape:
    def area(self):
        return 1

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s

def areas(objs):
    t = 0
    for i, o in enumerate(objs):
        if i == 300:
            Square.area = lambda self: -1
        t += o.area()
    return t

print(areas([Square(i % 5) for i in range(600)]))
len = lambda x: 42
def lens(n):
    t = 0
    for i in range(n):
        t += len("abc")
    return t
print(lens(100))
del len
print(lens(100))
