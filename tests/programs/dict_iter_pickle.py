# Pickling dict and set iterators (CPython's dictiter_reduce: iter() of a list of what is
# left, the iterator itself not advanced) and int()/float() of buffers other than bytes.
import array
import pickle

d = {1: 'a', 2: 'b', 3: 'c'}
for it in [iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()),
           reversed(d.items()), iter({5, 6}), iter(frozenset())]:
    next(it, None)
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__, r[1], list(pickle.loads(pickle.dumps(it))), list(it))
it = iter(d)
list(it)
print(it.__reduce__()[1])

print(int(memoryview(b'123')), int(memoryview(b'x12345')[1:4]), float(memoryview(b'1.5')))
print(int(array.array('B', b'42')), float(bytearray(b' 2.5 ')))
for f, a in [(int, memoryview(b'1x')), (float, array.array('B', b'x'))]:
    try:
        f(a)
    except ValueError as e:
        print(type(e).__name__, str(e).split(':')[0])
