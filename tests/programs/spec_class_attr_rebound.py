# A class attribute read through instances and the class is reassigned while a loop uses it.
class K:
    scale = 2
    def m(self):
        return 10

k = K()
out = []
for i in range(300):
    if i == 100:
        K.scale = 3
    if i == 200:
        K.m = lambda self: 20
    if i == 250:
        del K.scale
        K.scale = 5
    out.append(k.scale * K.scale + k.m())
print(out[:2], out[99:102], out[199:202], out[249:252], out[-1])

class Base:
    v = 1
class Sub(Base):
    pass
s = Sub()
r = []
for i in range(200):
    if i == 100:
        Base.v = 7
    r.append(s.v + Sub.v)
print(r[98:102])
