# A hot BINARY_OP site sees int, then float, then str, then a user class with __add__.
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    def __repr__(self):
        return f"Money({self.c})"

def add(a, b):
    return a + b

vals = []
for i in range(300):
    if i < 100:
        vals.append(add(i, i))
    elif i < 200:
        vals.append(add(i * 0.5, 0.25))
    elif i < 250:
        vals.append(add(str(i), "x"))
    else:
        vals.append(add(Money(i), 1))
print(vals[:3], vals[100:103], vals[200:203], vals[-3:])
print(sum(v for v in vals[:200]))
