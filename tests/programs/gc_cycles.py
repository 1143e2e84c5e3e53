class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
total = 0
for i in range(200000):
    a = Node(i)
    b = Node(i + 1)
    a.next = b
    b.next = a
    total += a.next.v
print(total)
lst = []
for i in range(1000):
    l = [i]
    l.append(l)
    lst.append(len(l))
print(sum(lst))
d = {}
d["self"] = d
print(len(d), d)
x = [1]
x.append(x)
print(x)
