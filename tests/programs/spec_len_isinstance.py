# len / isinstance / type / str / tuple fast paths, with odd arguments.
class L:
    def __len__(self):
        return 7
class W:
    pass
class X(W):
    pass

out = []
for x in ["ab", [1, 2, 3], (1,), {1: 2}, L(), range(10)] * 20:
    out.append(len(x))
print(sum(out))
for x in [1, "s", 2.0, None, W, X(), W()] * 10:
    out.append(isinstance(x, int))
    out.append(isinstance(x, (str, float)))
    out.append(isinstance(x, W))
print(out[-15:])
print([type(x).__name__ for x in [1, 1.0, "s", [], L()]])
print([str(x) for x in [1, 2.5, "s", None, b"b", (1,)]])
print([tuple(x) for x in [(1,), [2], "ab", range(2), {3: 4}]])
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
