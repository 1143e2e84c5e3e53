import sys
M = sys.maxsize
for r in [range(5), range(10, 0, -3), range(0), range(-5, 5, 2), range(2**47-3, 2**47+3), range(M-5, M), range(-M-1, -M+4), range(0, M, M//2), range(M, -M-1, -(M//2))]:
    print(list(r), list(reversed(r)), sum(1 for _ in r))
    it = iter(r); print(type(it).__name__, next(it, None))
for r in [range(2**64, 2**64+3), range(M-2, M+2), range(-M-3, -M+1)]:
    print(list(r), list(reversed(r)), type(iter(r)).__name__, type(reversed(r)).__name__)
it = iter(range(3))
print(list(it), list(it))
for i in range(3):
    for j in range(i, -1, -1):
        print(i, j, end=';')
print()
it = iter(range(10))
for x in it:
    if x == 3: break
print(next(it), list(it))
print(type(iter(range(3))).__next__(iter(range(7,9))))
