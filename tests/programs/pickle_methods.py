# Bound methods pickle as getattr(self, name) (method.__reduce__), built-in methods likewise;
# staticmethod and classmethod objects themselves cannot be pickled.
import pickle, copy
class P:
    def biscuits(self): return 1
    @classmethod
    def wine(cls): return 2
    @staticmethod
    def cheese(): return 3
    class Nested:
        @classmethod
        def maple(cls): return 4
for m in (P().biscuits, P.wine, P.Nested.maple, P.cheese):
    print([pickle.loads(pickle.dumps(m, proto))() for proto in range(6)])
r = P().biscuits.__reduce__()
print(r[0], r[1][1], type(r[1][0]).__name__)
print(copy.copy(P().biscuits)(), [].append.__reduce__()[0], [].append.__reduce__()[1][1])
for descr in (P.__dict__['cheese'], P.__dict__['wine']):
    for proto in range(6):
        try:
            pickle.dumps(descr, proto)
        except (TypeError, pickle.PicklingError) as e:
            print(proto, type(e).__name__, e)
