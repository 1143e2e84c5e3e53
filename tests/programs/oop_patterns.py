class Shape:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry.append(cls.__name__)
    def area(self):
        raise NotImplementedError
    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
shapes = [Circle(1), Square(2), Circle(0.5)]
print(shapes, Shape.registry)
print(sorted(shapes, key=lambda s: s.area()))
print(sum(s.area() for s in shapes))
try:
    Shape().area()
except NotImplementedError:
    print("abstract")
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    @property
    def top(self):
        return self._items[-1] if self._items else None
st = Stack().push(1).push(2).push(3)
print(len(st), st.top, st.pop(), st.top, len(st))
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
