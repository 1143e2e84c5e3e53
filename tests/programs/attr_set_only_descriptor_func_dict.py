# A data descriptor with __set__ but no __get__ does not hide the instance dict on reads (and is
# returned itself when the dict has no entry); a function's special attributes are data
# descriptors that a same-named key in its __dict__ does not hide.
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["x"] = value * 2


class DelOnly:
    def __delete__(self, obj):
        print("delete")


class C:
    x = SetOnly()
    y = DelOnly()


c = C()
print(type(c.x).__name__, type(C.x).__name__)
c.x = 5
print(c.x, c.__dict__)
print(type(c.y).__name__)
c.__dict__["y"] = "inst"
print(c.y)
del c.y
print(c.__dict__)


class Both:
    def __set__(self, o, v):
        pass

    def __get__(self, o, t=None):
        return "from __get__"


class F:
    z = Both()


f = F()
f.__dict__["z"] = 1
print(f.z)


def func(*, w=None):
    return w


shared = {"w": "shared"}
func.__dict__.update({"__kwdefaults__": shared, "__name__": "renamed", "__doc__": "d", "other": 1})
print(func(), func.__kwdefaults__, func.__name__, func.__doc__, func.other)
func.__kwdefaults__["w"] = "mine"
print(func(), shared, sorted(func.__dict__))
