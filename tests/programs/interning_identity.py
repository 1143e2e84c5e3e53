a = "hello"
b = "hel" + "lo"
print(a == b, a is a, [] is [], None is None, (1, 2) == (1, 2))
x = [1, 2]
y = x
y.append(3)
print(x, x is y, x == [1, 2, 3], x is not [1, 2, 3])
import sys
s1 = sys.intern("abc" * 2)
s2 = sys.intern("ab" + "cabc")
print(s1 is s2, id(x) == id(y))
