# enum as everyday code uses it: Enum, IntEnum, Flag, auto, iteration, lookup, unique.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
print([c.name for c in Color], Color.RED == Color.RED, Color.RED != Color.BLUE)

class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    def describe(self):
        return f'{self.name.lower()} #{self.value}'
    @classmethod
    def default(cls):
        return cls.CIRCLE
print(Shape.SQUARE.describe(), Shape.default(), Shape.CIRCLE.value)

class Level(IntEnum):
    LOW = 1
    HIGH = 10
print(Level.LOW < Level.HIGH, Level.HIGH + 1, int(Level.LOW), sorted([Level.HIGH, Level.LOW]))

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm(0)), [p.name for p in Perm])

try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)
print(Color.__members__.keys(), isinstance(Color.RED, Color), type(Color.RED).__name__)
class Status(str, Enum):
    OK = 'ok'
    FAIL = 'fail'
print(Status.OK == 'ok', Status('fail'), Status.OK.upper())
