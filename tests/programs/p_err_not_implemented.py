class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
class Sq(Shape):
    pass
Sq().area()
