# Built-ins that hold values in Rust while Python code runs: every dunder below calls churn(),
# a Python function (a safepoint) that allocates, so under CPJIT_GC_STRESS (tests/programs.rs
# runs this with a collection at every safepoint) a value the built-in forgot to root is freed
# and reused. math.fsum/prod/dist, bytes/bytearray/int.from_bytes and slices from __index__ objects, sum.
from helpers.gc_churn import It, K, churn

import math
print(math.fsum(It(10)), math.prod(It(6, lambda i: K(i + 1))).n, math.dist(list(It(3)), tuple(It(3, lambda i: K(i * 2)))))
print(math.prod([K(i + 1) for i in range(5)], start=K(1)).n)
print(sum(It(20), K(0)).n, sum(It(5), start=K(0)).n)
ba = bytearray(); ba.extend(It(5, lambda i: K(i + 97))); print(ba)
ba[1:3] = It(4, lambda i: K(i + 65)); print(ba)
print(int(K(7)), float(K(3)), [1,2,3,4,5][K(2)], "abcdef"[K(1):K(4)], range(K(10))[K(3)])
print(list(range(K(2), K(20), K(3))))
print(hex(K(255)), bin(K(5)), oct(K(8)))
print(pow(K(2), 3) if False else 0, divmod(7, 3))
print(int.from_bytes(It(4, lambda i: K(i + 1)), "big"))
print(bytes(It(10, lambda i: K(i + 65))), bytearray(It(5, lambda i: K(i + 97))), bytes([K(65), K(66)]), bytearray([K(1)]))
for bad in ([300], [K(300)], ["a"], [-1]):
    for f in (bytes, lambda x: int.from_bytes(x, "big"), lambda x: bytearray().extend(x)):
        try:
            f(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
