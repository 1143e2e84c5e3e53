# The operator and protocol dunders of built-in types as attributes (issue 12): each behaves as
# the operator does, returns NotImplemented for a foreign operand where CPython's slot does, and
# refuses a wrong self with CPython's message.

from helpers.show import show

show("list.__add__", lambda: list.__add__([1], [2]))
show("list.__add__ tuple", lambda: list.__add__([1], (2,)))
show("tuple.__add__", lambda: (1,).__add__((2, 3)))
show("tuple.__add__ list", lambda: (1,).__add__([2]))
show("str.__add__", lambda: "a".__add__("b"))
show("str.__add__ int", lambda: "a".__add__(1))
show("bytes.__add__", lambda: b"a".__add__(bytearray(b"b")))
show("bytes.__add__ int", lambda: b"a".__add__(1))
show("list.__mul__", lambda: [1, 2].__mul__(2))
show("list.__rmul__", lambda: [1].__rmul__(3))
show("list.__mul__ float", lambda: [1].__mul__(2.0))
show("str.__mul__ bool", lambda: "ab".__mul__(True))
show("str.__mod__", lambda: "%s-%d".__mod__(("x", 3)))
show("str.__rmod__ int", lambda: "a".__rmod__(1))
show("str.__rmod__ str", lambda: "x".__rmod__("<%s>"))
show("str.__lt__", lambda: "a".__lt__("b"))
show("str.__lt__ int", lambda: "a".__lt__(1))
show("list.__eq__", lambda: [1].__eq__([1]))
show("list.__eq__ tuple", lambda: [1].__eq__((1,)))
show("tuple.__ge__", lambda: (1, 2).__ge__((1,)))
show("dict.__eq__", lambda: {1: 2}.__eq__({1: 2}))
show("dict.__lt__", lambda: {}.__lt__({}))
show("range.__eq__", lambda: range(3).__eq__(range(0, 3)))
show("range.__lt__", lambda: range(3).__lt__(range(4)))
show("set.__le__", lambda: {1}.__le__({1, 2}))
show("set.__le__ frozenset", lambda: {1}.__le__(frozenset({1, 2})))
show("set.__le__ list", lambda: {1}.__le__([1]))
show("slice.__lt__", lambda: slice(1, 2).__lt__(slice(1, 3)))
show("set.__and__", lambda: {1, 2}.__and__({2, 3}))
show("set.__and__ list", lambda: {1, 2}.__and__([2]))
show("frozenset.__or__", lambda: frozenset({1}).__or__({2}))
show("frozenset.__rsub__", lambda: frozenset({1}).__rsub__({1, 2}))
show("set.__rxor__", lambda: {1, 2}.__rxor__({2, 3}))
s = {1, 2}
show("set.__iand__", lambda: (s.__iand__({2, 5}), s))
show("set.__ior__ list", lambda: s.__ior__([7]))
show("dict.__or__", lambda: {1: 1}.__or__({2: 2}))
show("dict.__or__ list", lambda: {1: 1}.__or__([(2, 2)]))
show("dict.__ror__", lambda: {1: 1}.__ror__({1: 0, 2: 2}))
d = {1: 1}
show("dict.__ior__ pairs", lambda: (d.__ior__([(3, 3)]), d))
show("dict.__ior__ int", lambda: d.__ior__(5))
l = [1]
show("list.__iadd__", lambda: (l.__iadd__(range(2)), l))
show("list.__imul__", lambda: (l.__imul__(2), l))
ba = bytearray(b"ab")
show("bytearray.__iadd__", lambda: (ba.__iadd__(b"c"), ba))
show("bytearray.__iadd__ list", lambda: ba.__iadd__([1]))
show("bytearray.__setitem__", lambda: (ba.__setitem__(0, 65), ba))
show("bytearray.__delitem__", lambda: (ba.__delitem__(slice(0, 1)), ba))
show("list.__delitem__", lambda: (l.__delitem__(0), l))
show("str.__contains__", lambda: "abc".__contains__("b"))
show("str.__contains__ int", lambda: "abc".__contains__(1))
show("tuple.__contains__", lambda: (1, 2).__contains__(2))
show("range.__contains__", lambda: range(5).__contains__(4))
show("str.__getitem__", lambda: "abc".__getitem__(slice(None, None, -1)))
show("tuple.__getitem__", lambda: (1, 2).__getitem__(-1))
show("range.__getitem__", lambda: range(10).__getitem__(slice(2, 8, 3)))
show("bytes.__getitem__", lambda: b"xy".__getitem__(1))
show("str.__iter__", lambda: list("ab".__iter__()))
show("dict.__iter__", lambda: list({1: 2, 3: 4}.__iter__()))
show("frozenset.__iter__", lambda: sorted(frozenset({3, 1}).__iter__()))
show("range.__len__", lambda: range(1, 10, 2).__len__())
show("range.__bool__", lambda: range(0).__bool__())
show("None.__bool__", lambda: None.__bool__())
show("list.__reversed__", lambda: list([1, 2, 3].__reversed__()))
show("dict.__reversed__", lambda: list({1: 0, 2: 0}.__reversed__()))
show("range.__reversed__", lambda: list(range(3).__reversed__()))
show("str.__hash__", lambda: "abc".__hash__() == hash("abc"))
show("tuple.__hash__", lambda: (1, "a").__hash__() == hash((1, "a")))
show("tuple.__hash__ list", lambda: (1, []).__hash__())
show("frozenset.__hash__", lambda: frozenset({1}).__hash__() == hash(frozenset({1})))
show("int.__hash__", lambda: (2**70).__hash__())
show("float.__hash__", lambda: (1.5).__hash__())
show("slice.__hash__", lambda: slice.__hash__)
show("str.__getnewargs__", lambda: "ab".__getnewargs__())
show("tuple.__getnewargs__", lambda: (1, 2).__getnewargs__())
show("int.__getnewargs__", lambda: (5).__getnewargs__())
show("bool.__getnewargs__", lambda: True.__getnewargs__())
show("float.__getnewargs__", lambda: (2.5).__getnewargs__())
show("complex.__getnewargs__", lambda: (1 + 2j).__getnewargs__())
show("bytes.__bytes__", lambda: b"q".__bytes__())
show("bytes.__str__", lambda: b"q".__str__())
show("bytearray.__str__", lambda: bytearray(b"q").__str__())

# Wrong self: CPython's descriptor messages.
show("list.__add__(5)", lambda: list.__add__(5, [1]))
show("str.__lt__(None)", lambda: str.__lt__(None, "a"))
show("dict.__eq__(str)", lambda: dict.__eq__("a", {}))
show("list.__getitem__(5)", lambda: list.__getitem__(5, 0))
show("str.__getitem__(5)", lambda: str.__getitem__(5, 0))
show("tuple.__hash__(list)", lambda: tuple.__hash__([1]))
show("set.__iand__(frozenset)", lambda: set.__iand__(frozenset(), set()))
show("range.__len__(list)", lambda: range.__len__([]))
show("bytes.__bytes__(str)", lambda: bytes.__bytes__("a"))
show("list.__add__ no args", lambda: list.__add__([]))

# Subclasses: the wrappers act on the wrapped value; in-place operators keep the instance.
class L(list):
    pass

class S(str):
    pass

class F(frozenset):
    pass

x = L([1])
y = x
x += [2]
print(type(x).__name__, x, x is y)
x *= 2
print(type(x).__name__, x, x is y)
print(type(x.__iadd__([9])).__name__, x)
print(L([1]) + [2], type(L([1]) + [2]).__name__)
print(L([1]) == [1], [1] == L([1]), L([1]).__eq__([1]))
print(S("ab").__add__("c"), type(S("ab").__add__("c")).__name__)
print(S("ab") < "b", S("ab").__lt__("b"), "b".__gt__(S("ab")))
print(S("ab").__hash__() == hash("ab"), S("a").__getnewargs__())
print(sorted(F({1, 2}).__and__({2, 3})), type(F({1}) | {2}).__name__)
print(list.__add__(L([1]), L([2])), type(list.__add__(L([1]), L([2]))).__name__)

class Eq(list):
    def __eq__(self, other):
        return "custom"

print(Eq([1]) == [1], [1] == Eq([1]), list.__eq__(Eq([1]), [1]))

# Slices compare as (start, stop, step) tuples.
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 2, None), slice(1, 2) < slice(1, 3))
print(slice(None) == slice(None, None), sorted([slice(2, 1), slice(1, 5), slice(1, 2)]))
