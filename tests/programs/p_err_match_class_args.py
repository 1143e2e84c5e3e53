class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y


def classify(p):
    match p:
        case Point(x, y, z):
            return "3d"
        case _:
            return "other"


print(classify(5))
print(classify(Point(1, 2)))
