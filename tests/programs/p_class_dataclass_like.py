class Record:
    fields = ()
    def __init__(self, *args, **kw):
        vals = dict(zip(self.fields, args))
        vals.update(kw)
        for f in self.fields:
            setattr(self, f, vals.get(f))
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, o):
        return type(self) is type(o) and all(getattr(self, f) == getattr(o, f) for f in self.fields)
    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in self.fields))
class Point(Record):
    fields = ("x", "y")
class Person(Record):
    fields = ("name", "age", "tags")
p = Point(1, y=2)
print(p, p == Point(1, 2), p != Point(2, 1), len({p, Point(1, 2)}))
print(Person("ann", 30, ["a"]), Person(name="bob"))
