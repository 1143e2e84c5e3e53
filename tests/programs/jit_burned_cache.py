# Attribute sites whose stencils may take their inline cache's values (type version, index,
# method) as immediates when the region is compiled (the `compiled-in cache` variant) meet what
# those values do not cover: instances of classes taking turns at one site, a class whose
# method is rebound while a compiled loop calls it, instances whose attributes were added in
# another order, and a subclass. Every way prints what CPython prints.


class Cell:
    def __init__(self, v):
        self.v = v
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.v


class Wide(Cell):
    def __init__(self, v):
        self.extra = "x"
        super().__init__(v * 3)

    def bump(self, k):
        self.n -= k
        return -self.v


class Other:
    def __init__(self, v):
        self.n = v
        self.v = v + 1

    def bump(self, k):
        return self.n * k


def taking_turns(objs, rounds):
    t = 0
    for r in range(rounds):
        for o in objs:
            t += o.bump(r) + o.v
            o.v = o.v + 1
    return t, [o.n for o in objs]


print(taking_turns([Cell(1), Wide(2), Other(3)], 400))
print(taking_turns([Cell(i) for i in range(8)], 300))
print(taking_turns([Other(5)] * 3 + [Cell(5)] * 3, 200))


def rebound(n):
    c = Cell(7)
    t = 0
    for i in range(n):
        t += c.bump(1)
        if i == n // 3:
            Cell.bump = lambda self, k: self.v * 100
    return t, c.n


print(rebound(3000))


def late_attribute(n):
    cs = [Cell(i) for i in range(4)]
    t = 0
    for i in range(n):
        for c in cs:
            t += c.n
            c.n = i
        if i == n // 2:
            cs[1].late = True
            del cs[2].n
            cs[2].n = -1
    return t


print(late_attribute(2000))
