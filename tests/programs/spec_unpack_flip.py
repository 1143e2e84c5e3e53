# UNPACK_SEQUENCE sites that see tuples, lists, strings, and wrong lengths.
def swap(p):
    a, b = p
    return b, a

print([swap(p) for p in [(1, 2)] * 3 + [[3, 4]] * 3 + ["xy"] + [range(2)]])
def three(p):
    a, b, c = p
    return a + b + c
print([three(p) for p in [(1, 2, 3)] * 5 + [[4, 5, 6]] * 5])
for bad in [(1, 2), [1, 2, 3, 4], (1,)]:
    try:
        three(bad)
    except ValueError as e:
        print("ValueError:", e)
