# enumerate's start goes through __index__ (True counts from 1, as an int), and a range index
# past 64 bits is out of range, not too big for an index (found by the jit_vm differential
# fuzz).
class Idx:
    def __index__(self):
        return 2

for start in [True, False, Idx(), 5, 1 << 70]:
    print(list(enumerate('abc', start)))
for r in [range(5), range(-3, 9, 2), range(0), range(1 << 80)]:
    for k in [1 << 70, -(1 << 70), 1 << 63, -(1 << 63) - 1, 2, -1, True]:
        try:
            print(r[k])
        except IndexError as e:
            print('IndexError:', e)
for i in range(30):
    try:
        range(7)[[1 << 64, i, -i][i % 3]]
    except IndexError as e:
        if i < 4:
            print(e)
