# list and tuple iterators (SeqIterData, a fixed layout): exhaustion drops the sequence, so a list
# grown afterwards is not iterated further, as in CPython; list subclasses iterate their items.
l = [1, 2, 3]
it = iter(l)
print(list(it))
l.append(4)
print(list(it), next(it, 'done'))
it2 = iter(l)
for x in it2:
    if x == 2:
        l.append(5)
print(l, list(it2))
l2 = [1]
it3 = iter(l2)
for x in it3:
    pass
l2.append(9)
print(next(it3, 'stop'))
t = (1, 2)
it4 = iter(t)
print(next(it4), type(it4).__name__, type(iter(l)).__name__, list(it4), list(it4))
class L(list):
    pass
print(list(iter(L([7, 8]))), [x for x in L([1, 2])], sum(x for x in (1, 2, 3)))
print(type(iter(L())).__name__)
