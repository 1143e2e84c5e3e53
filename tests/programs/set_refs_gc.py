# Sets whose keys mix immediates (ints) with objects only the sets keep alive, through every
# kind of insertion and removal: the table counts its pointer keys and the collector skips
# tables with none, so a miscount would free a live key.
import random
random.seed(5)
class O:
    def __init__(s, v): s.v = v
    def __hash__(s): return s.v % 7
    def __eq__(s, o): return isinstance(o, O) and s.v == o.v
    def __repr__(s): return "O%d" % s.v
def mk(i):
    r = i % 4
    return i if r == 0 else ("s%d" % i if r == 1 else (O(i) if r == 2 else (i, "t")))
sets = [set() for _ in range(6)]
for step in range(3000):
    a = random.choice(sets); b = random.choice(sets)
    op = random.randrange(12)
    if op < 4: a.add(mk(random.randrange(200)))
    elif op == 4 and a: a.discard(min(a, key=repr))
    elif op == 5: a.discard(mk(random.randrange(200)))
    elif op == 6: a |= b
    elif op == 7: a &= (b | {mk(random.randrange(200)) for _ in range(20)})
    elif op == 8: a -= {mk(random.randrange(200)) for _ in range(10)}
    elif op == 9: a ^= {mk(random.randrange(200)) for _ in range(10)}
    elif op == 10: sets[random.randrange(6)] = set(frozenset(a) - b)
    elif op == 11 and random.random() < 0.1: a.clear()
print([sorted(map(repr, s)) for s in sets])
print(sum(len(s) for s in sets))
