# Issue 12: built-in classes CPython lets Python code subclass (map, filter, zip, enumerate,
# reversed) can be subclassed; the others refuse with CPython's TypeError.
class M(map):
    def __init__(self, f, *its):
        self.calls = 0
    def __next__(self):
        self.calls += 1
        return super().__next__() * 10
m = M(int, ["1", "2"])
print(iter(m) is m, next(m), list(m), m.calls, isinstance(m, map), type(m).__name__)
class E(enumerate):
    extra = "e"
e = E("ab", 5)
print(list(e), e.extra, repr(e).startswith("<__main__.E object"))
class Z(zip):
    pass
print(list(Z("ab", [1, 2, 3])), list(Z("ab", "cd", strict=True)))
class R(reversed):
    pass
r = R([1, 2, 3])  # reversed() of a list gives the list's own reverse iterator, whatever the class
print(type(r).__name__, next(r), list(r))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


r = R(Seq())
print(type(r).__name__, iter(r) is r, list(r))
class F(filter):
    pass
print(list(F(lambda x: x % 2, range(6))), F.__mro__)
try:
    M()
except TypeError as e:
    print("TypeError", e)
for bad in ["memoryview", "slice", "bool", "range", "type(iter([]))", "type({}.keys())", "type(len)"]:
    try:
        exec(f"class X({bad}): pass\nprint('ok', X.__mro__)")
    except Exception as ex:
        print(bad, type(ex).__name__, ex)
