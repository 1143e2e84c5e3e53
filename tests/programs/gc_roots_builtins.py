# Built-ins that hold values in Rust while Python code runs: every dunder below calls churn(),
# a Python function (a safepoint) that allocates, so under CPJIT_GC_STRESS (tests/programs.rs
# runs this with a collection at every safepoint) a value the built-in forgot to root is freed
# and reused. sorted/min/max with keys, map/filter/zip, repr/format/print, struct, array.
from helpers.gc_churn import It, K, churn

print([k.n for k in sorted(It(12), key=lambda k: K(-k.n))])
l = [K(i % 7) for i in range(12)]
l.sort(key=lambda k: (K(k.n), str(k.n)))
print([k.n for k in l])
print([k.n for k in sorted(It(10))])
print([k.n for k in sorted(It(10), reverse=True)])
print(max(It(20), key=lambda k: K(k.n % 5)).n, min(It(20), key=lambda k: K(-k.n)).n)
print(max(It(20)).n, min(It(20)).n, max(K(1), K(5), K(3)).n)
print(max(It(0), default=K(9)).n)
print([x.n for x in map(lambda a, b: K(a.n * b.n), It(10), It(12))])
print([x.n for x in filter(lambda k: K(k.n) .n % 3, It(20))])
print([x.n for x in filter(None, It(20))])
print([(a.n, b.n) for a, b in zip(It(10), It(12))])
print([(i, k.n) for i, k in enumerate(It(10))])
print([k.n for k in reversed([K(i) for i in range(10)])])
print(repr([K(i) for i in range(10)]), repr((K(1), K(2))), repr({K(1): K(2), K(3): K(4)}))
print(repr({K(5)}), str([K(i) for i in range(3)]))
print("%s %r" % (K(1), K(2)))
print("{} {!r} {:>5}".format(K(1), K(2), K(3)), f"{K(4)} {K(5)!r} {K(6):x}")
print(format(K(3), "q"), ",".join(map(str, It(10))))
print(*It(5))
print(*[K(i) for i in range(5)], sep=K(0) and "-" or "+")
print(ascii([K(1)]), "%(a)s" % {"a": K(9)})
import struct, array
print(struct.pack("<5i", *[K(i) for i in range(5)]))
print(array.array("i", It(10, lambda i: K(i))).tolist())
a = array.array("b"); a.extend(It(5, lambda i: K(i))); print(a.tolist())
