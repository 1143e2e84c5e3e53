# __dict__ written directly while attribute sites are specialized.
class P:
    def __init__(self):
        self.a = 1
        self.b = 2

p = P()
out = []
for i in range(200):
    if i == 50:
        p.__dict__["a"] = 10
    if i == 100:
        del p.__dict__["a"]
        p.__dict__["a"] = 20
    if i == 150:
        p.__dict__.clear()
        p.__dict__.update(b=3, a=30)
    out.append(p.a + p.b)
print(out[48:52], out[98:102], out[148:152], out[-1])
q = P()
q.__dict__["m"] = lambda: "instance"
class Q(P):
    def m(self):
        return "class"
r = Q()
res = []
for i in range(100):
    if i == 50:
        r.__dict__["m"] = lambda: "shadow"
    res.append(r.m())
print(res[48:52])
