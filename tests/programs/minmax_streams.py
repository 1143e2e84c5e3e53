# min/max key and compare each item as the iterator produces it (CPython's min_max): a
# generator's side effects interleave with the key's and the comparisons' (cpjit collected first).
print(max((print("g", x) or x for x in range(3)), key=lambda v: print("k", v) or v))
class V:
    def __init__(s, v): s.v = v
    def __lt__(s, o): print("lt", s.v, o.v); return s.v < o.v
    def __gt__(s, o): print("gt", s.v, o.v); return s.v > o.v
def gen():
    for i in [2, 1, 3]:
        print("gen", i)
        yield V(i)
print(min(gen()).v)
for f in [lambda: max([]), lambda: min([], default=7), lambda: max(1, 2, default=3), lambda: max(), lambda: max(3, 1, 2), lambda: min('bca'), lambda: max([1, 'a']),
          lambda: max([(1, 2), (1, 3)]), lambda: min([3, 1, 2], key=lambda v: -v), lambda: max(iter([5.5, 2, 9])), lambda: min(x for x in []),
          lambda: max([1, 1.0]), lambda: min([1.0, 1]), lambda: max(5), lambda: max([2**70, 3]), lambda: min({3: 'a', 1: 'b'})]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
