class K:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return self.k == o.k
    def __hash__(self):
        return self.k % 10
    def __repr__(self):
        return f"K{self.k}"
s = {K(1), K(11), K(1)}
print(len(s), sorted(s, key=lambda x: x.k))
d = {K(3): "a"}
d[K(3)] = "b"
print(d)
class Unhash:
    def __eq__(self, o):
        return True
print(Unhash.__hash__ is None)
try:
    hash(Unhash())
except TypeError as e:
    print("TypeError:", e)
print(hash(5), hash(-1), hash(0), hash(2 ** 61), hash(True))
