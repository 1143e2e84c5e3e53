# Assigning or deleting an attribute of an instance without __dict__ whose class has an
# attribute of that name (a class attribute, a method) is "read-only", as in CPython; a name
# the class does not have is missing (found by the jit_vm differential fuzz).
class K6:
    __slots__ = ('v',)
    tag = 6
    def m(self):
        return self.v

class Sub(K6):
    __slots__ = ()

def run(f):
    try:
        f()
        print('ok')
    except AttributeError as e:
        print('AttributeError:', e)

for k in [K6(), Sub()]:
    def s1(): k.tag = 1
    def s2(): del k.tag
    def s3(): k.m = 1
    def s4(): del k.m
    def s5(): k.zz = 1
    def s6(): del k.zz
    def s7(): del k.v
    def s8(): k.v = 3
    for f in [s1, s2, s3, s4, s5, s6, s7, s8, s7, s7]:
        run(f)
for i in range(40):
    k = [K6(), Sub()][i % 2]
    try:
        if i % 3:
            k.tag = i
        else:
            del k.tag
    except AttributeError as e:
        if i < 4:
            print(e)
print(K6.tag, Sub.tag)
