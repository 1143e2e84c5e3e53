# What docutils needed on the way: types.MethodType construction, '%' formatting from a
# mappingproxy (vars(cls)), str.__new__ for a class with a Python base before str, and __doc__
# on numbers.
import types


class Greeter:
    name = 'g'


def hello(self, who):
    return f"{self.name} greets {who}"


m = types.MethodType(hello, Greeter())
print(m('you'), type(m).__name__, m.__func__ is hello, type(m.__self__).__name__)
print(repr(m).split(' at ')[0])
b = types.MethodType(len, [1, 2, 3])
print(b(), repr(b))
for args in ((1, 2), (len, None), (len,), ()):
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError:", e)


class Inliner:
    non_whitespace_escape_before = r'(?<![ \n])'
    start = 'S'


print('%(start)s-%(non_whitespace_escape_before)s' % vars(Inliner))
print('%s' % vars(Inliner)['start'])
try:
    '%(missing)s' % vars(Inliner)
except KeyError as e:
    print("KeyError", e)
print('%s|%s' % ('a', 'b'), '%s' % [1, 2], '%s' % ({1: 2}.keys(),))


class Node:
    def describe(self):
        return 'node ' + self


class Text(Node, str):
    def __new__(cls, data, rawsource=None):
        return str.__new__(cls, data)

    def __init__(self, data, rawsource=None):
        self.rawsource = rawsource


t = Text('hello', 'raw')
print(t, t.upper(), t.describe(), t.rawsource, isinstance(t, str), len(t))
print([c.__name__ for c in Text.__mro__])
try:
    int.__new__(Text, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__new__(bool)
except TypeError as e:
    print("TypeError:", e)

for v in (True, 3, 2.5, 10 ** 30):
    print(type(v).__name__, type(v.__doc__) is type(type(v).__doc__))
