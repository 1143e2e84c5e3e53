print(hash(range(3)) == hash(range(0, 3)), {range(2): 1}[range(0, 2)], hash(range(10**20)) == hash(range(10**20)))
print(range(10**20).count(5), range(5).count(2.0), range(3).index(2), 10**20 in range(10**21), -1 in range(10**20))
print(list(range(10**20, 10**20 - 3, -1)), range(-5, 10**18, 10**17), len(range(0, 2**62, 2**61)))
print(str(range(2**60)), bool(range(2**60, 0)), range(2**60)[2**59:2**59 + 3], list(range(2**60)[2**59:2**59 + 3]))
print((2**48).__add__(1), (10**30).__mul__(2), (2**100).__float__(), (2.5).__round__() if hasattr(2.5, "__round__") else "")
print(divmod(2**70, 7), (1).__eq__(True), (True).__eq__(1))
print((7).__divmod__(2), (7.5).__divmod__(2), (2).__rdivmod__(7), (7).__divmod__(2.0), (2.675).__round__(2), (15).__round__(-1), (2.5).__round__())
for f in [lambda: divmod(1, "a"), lambda: (1).__divmod__(0), lambda: divmod(1j, 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
