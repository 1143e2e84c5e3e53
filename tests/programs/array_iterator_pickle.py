# array iterators: type array.arrayiterator, picklable (array and position; exhausted: iter(())).
import array, pickle
orig = array.array('i', [1, 2, 3])
it = iter(orig)
print(type(it), next(it))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    it2, a = pickle.loads(pickle.dumps((it, orig), proto))
    a.fromlist([9])
    print(type(it2).__name__, list(it2))
list(it)
print(type(pickle.loads(pickle.dumps(it))).__name__, list(pickle.loads(pickle.dumps(it))))
print(sum(array.array('d', [1.5, 2.5])), 2 in array.array('b', [1, 2]), list(reversed(array.array('b', [1, 2]))))
