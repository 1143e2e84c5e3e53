# Built-in methods looked up on instances of Python subclasses of built-in types: __self__ is
# the instance itself (not the built-in value it wraps), __qualname__ and repr name the
# subclass, and calling the bound method still acts on the instance's built-in value.
import re


def show(m):
    # The address in a repr varies from run to run.
    print(re.sub(r" at 0x[0-9a-f]+", " at ADDR", repr(m)))


class MyList(list):
    pass


class MyDict(dict):
    def __missing__(self, k):
        return "missing " + repr(k)


class MySet(set):
    pass


class MyStr(str):
    pass


class MyInt(int):
    pass


class MyBytes(bytes):
    pass


lst = MyList([3, 1])
app = lst.append
print(app.__name__, app.__qualname__, app.__self__ is lst, type(app.__self__).__name__)
show(app)
app(2)
print(lst, type(lst).__name__)
srt = lst.sort
srt()
print(lst, srt.__self__ is lst)
ext = lst.extend
ext(range(2))
print(lst, len(lst))
iadd = lst.__iadd__
r = iadd([9])
print(r is lst, type(r).__name__, lst)
cp = lst.copy
print(type(cp()).__name__, cp(), cp.__self__ is lst)

d = MyDict(a=1)
g = d.get
print(g.__qualname__, g.__self__ is d, g("a"), g("b", 0))
show(g)
gi = d.__getitem__
print(gi.__self__ is d, gi("a"), gi("zz"))
su = d.setdefault
print(su("k", 5), d, su.__self__ is d)
ior = d.__ior__
print(ior({"q": 1}) is d, d)

s = MySet([1])
add = s.add
add(2)
print(add.__qualname__, add.__self__ is s, sorted(s))
show(add)

t = MyStr("ab")
up = t.upper
print(up.__qualname__, up.__self__ is t, up(), type(up()).__name__)
show(up)
add2 = t.__add__
print(add2.__qualname__, add2.__self__ is t, add2("c"), add2.__name__)

i = MyInt(5)
bl = i.bit_length
print(bl.__qualname__, bl.__self__ is i, bl())
ad = i.__add__
print(ad.__qualname__, ad.__self__ is i, ad(2), ad("x"))

b = MyBytes(b"hi")
hx = b.hex
print(hx.__qualname__, hx.__self__ is b, hx())

# Plain built-in values for comparison.
pl = [1].append
print(pl.__qualname__, type(pl.__self__).__name__)
show(pl)
print("ab".upper.__qualname__, "ab".upper.__self__)
print([].__len__.__qualname__, (5).__add__.__qualname__)

# Bound methods compare by their __self__ and function.
print(lst.append == lst.append, lst.append == MyList().append, hash(lst.pop) == hash(lst.pop))

# A stored bound method keeps working when called later through a variable and in a loop.
out = MyList()
push = out.append
for k in range(3):
    push(k * k)
print(out, push.__self__ is out)
