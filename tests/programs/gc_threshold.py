# gc.get_threshold/set_threshold: CPython's defaults, partial updates, argument errors; a first
# threshold of 0 turns automatic collection off (objects in cycles stay until gc.collect()).
import gc
import weakref

print(gc.get_threshold())
gc.set_threshold(5)
print(gc.get_threshold())
gc.set_threshold(1, 2, 3)
print(gc.get_threshold())
for a in [(), (1, 2, 3, 4), ("x",), (2**40,), (-2**40,)]:
    try:
        gc.set_threshold(*a)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    gc.set_threshold(threshold0=1)
except TypeError as e:
    print("TypeError", e)


class Node:
    pass


def cycle_survives_allocation():
    n = Node()
    n.self = n
    r = weakref.ref(n)
    del n
    junk = [[i] for i in range(200000)]
    return r


gc.collect()
gc.set_threshold(0)
r = cycle_survives_allocation()
print(r() is not None, gc.isenabled())
gc.collect()
print(r() is None)
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
gc.disable()
r = cycle_survives_allocation()
print(r() is not None, gc.isenabled())
gc.enable()
gc.collect()
print(r() is None, gc.isenabled())
