class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n):
        self.v += n
        return self
c = C(5)
m = c.get
print(m(), C.get(c))
c.add(3).add(2)
print(m())
f = c.add
f(10)
print(c.v)
methods = [C(i).get for i in range(4)]
print([mm() for mm in methods])
print(m.__self__ is c, m.__func__ is C.get, m.__name__)
lst = []
push = lst.append
for i in range(3):
    push(i)
print(lst)
print(list(map(str.upper, ["a", "b"])))
