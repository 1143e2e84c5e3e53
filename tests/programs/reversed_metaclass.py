# reversed() of a class uses its metaclass's __reversed__ (or __len__ and __getitem__), as for
# any other object; __reversed__ = None makes it not reversible.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(list(reversed(Color)))


class Meta(type):
    def __len__(cls):
        return 3

    def __getitem__(cls, i):
        if i >= 3:
            raise IndexError(i)
        return cls.__name__ + str(i)


class Seq(metaclass=Meta):
    pass


print(list(reversed(Seq)))


class NoRev(list):
    __reversed__ = None


try:
    reversed(NoRev())
except TypeError as e:
    print(e)
