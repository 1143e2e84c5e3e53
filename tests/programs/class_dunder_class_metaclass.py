# A class's __class__ is its metaclass (object's data descriptor wins over the class's own
# dict), so `cls.__class__.__prepare__(...)` is the metaclass's: enum's functional API.
import enum

print(enum.Flag.__class__, enum.Enum.__class__, int.__class__)


class M(type):
    pass


class A(metaclass=M):
    pass


class B(A):
    @property
    def __class__(self):
        return 5


print(A.__class__, B.__class__, B().__class__)
Perm = enum.Flag('Perm', 'R W X')
print(list(Perm), Perm.R | Perm.X)
Animal = enum.Enum('Animal', [('ANT', 1), ('BEE', 2)], module=__name__)
print(list(Animal), type(enum.EnumType.__prepare__('X', (enum.Enum,))).__name__)
