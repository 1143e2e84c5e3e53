class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"Date({self.y}, {self.m:02d}, {self.d:02d})"
    def __eq__(self, o):
        return (self.y, self.m, self.d) == (o.y, o.m, o.d)
    def __lt__(self, o):
        return (self.y, self.m, self.d) < (o.y, o.m, o.d)
class Stamp(Date):
    pass
d = Date.from_string("2024-02-29")
print(d, Date.is_leap(2024), Date.is_leap(1900), d.is_leap(2000))
s = Stamp.from_string("1999-12-31")
print(type(s).__name__, s, sorted([d, s]), d == Date(2024, 2, 29), d > s)
