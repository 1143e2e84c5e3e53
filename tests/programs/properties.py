class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, v):
        t = cls()
        t.celsius = v
        return t
t = Temp.make(100)
print(t.celsius, t.fahrenheit, Temp.unit(), t.unit())
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError")
class Counter:
    instances = 0
    @classmethod
    def create(cls):
        cls.instances += 1
        return cls()
Counter.create(); Counter.create()
print(Counter.instances)
