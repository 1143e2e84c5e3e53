# pickle.dumps/dump/loads of plain built-in values run in Rust (_cpjit.pickle_dumps/loads): the
# bytes must be _pickle.c's for every protocol, loads must give back equal values, and whatever
# the fast path does not handle (other types, protocols 0/1, malformed pickles) must behave as
# before. Sets hold ints only (str hashes vary from run to run).
import hashlib
import io
import pickle


def digest(data):
    return hashlib.sha1(data).hexdigest()[:16]


def show(label, obj, protos=(None, 2, 3, 4, 5, -1)):
    for proto in protos:
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(label, proto, "dumps", type(e).__name__, e)
            continue
        shown = repr(data) if len(data) <= 80 else f"{len(data)} bytes {digest(data)}"
        back = pickle.loads(data)
        f = io.BytesIO()
        pickle.dump(obj, f, proto)
        print(label, proto, shown, repr(back) == repr(obj), f.getvalue() == data)


show("none", None)
show("bools", [True, False])
for n in (0, 1, 255, 256, 65535, 65536, -1, -256, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
          2**47, -2**47 - 5, 2**63, -2**63 - 1, 10**40, -(2**2048)):
    show(f"int {n}"[:20], n, (4,))
show("floats", [0.0, -0.0, 1.5, 1e300, float("inf"), float("-inf")])
show("str", ["", "a", "héllo", "日本語", "\U0001F600", "x" * 255, "y" * 256])
show("bytes", [b"", b"x", b"\x00\xff" * 200], (3, 4, 5))
show("tuples", [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((), ((),))])
show("containers", {"l": [], "d": {}, "s": set(), "f": frozenset(), "t": ()})
show("sets", [{1, 2, 3}, frozenset({4, 5}), {frozenset({6})}], (4, 5))
s = "shared"
show("shared", [s, s, (s, s), {s: s}, ["", ""], [b"", b""]], (4,))
r = []
r.append(r)
r.append((r, [r]))
show("recursive list", r)
d = {}
d["me"] = d
d["t"] = (d, 1)
show("recursive dict", d)
t = ([],)
t[0].append(t)
show("recursive tuple", t)
show("list 1000", list(range(1000)), (4,))
show("list 1001", list(range(1001)), (2, 4))
show("dict 1000", {i: i for i in range(1000)}, (4,))
show("dict 1001", {i: -i for i in range(1001)}, (2, 4))
show("dict 2000", dict.fromkeys(range(2000)), (4,))
show("set 2500", set(range(2500)), (4,))
show("frozenset 1500", frozenset(range(1500)), (4,))
show("memo 300", [str(i) * 3 for i in range(300)], (2, 3, 4))
show("big str", "z" * 70000, (3, 4))
show("big bytes", b"q" * 70000, (4, 5))
show("mixed big", ["a" * 40000, b"b" * 30000, "c" * 65536, [1, 2], "d"], (4,))
show("many frames", [str(i) * 40 for i in range(4000)], (4, 5))

# Not the fast path's: other types, protocols 0 and 1, buffer callbacks.
class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return type(other) is Point and other.x == self.x

    def __repr__(self):
        return f"Point({self.x})"


show("instances", [Point(1), {"p": Point(2)}], (0, 1, 2, 4))
show("protocols 0 1", [1, "a", (2.5, None)], (0, 1))
print(pickle.dumps([1, 2], 5, buffer_callback=lambda b: None))
for bad in (6, "4", 1.5):
    try:
        pickle.dumps(1, bad)
    except Exception as e:
        print("protocol", repr(bad), type(e).__name__, e)

# Nesting: RecursionError where C raises it, from any depth of Python frames.
def deepest(kind, frames=0):
    if frames:
        return deepest(kind, frames - 1)
    for n in range(300, 1100):
        x = 1
        for _ in range(n):
            x = kind(x)
        try:
            pickle.dumps(x)
        except RecursionError as e:
            return n, str(e)


for name, kind in (("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {1: x})):
    print("deepest", name, deepest(kind), deepest(kind, 40))

# dump writes a small pickle in one call, as C does.
class Writer:
    def __init__(self):
        self.calls = []

    def write(self, b):
        self.calls.append(bytes(b))


w = Writer()
pickle.dump({"k": [1, 2, 3]}, w)
print("dump writes", len(w.calls), w.calls[0] == pickle.dumps({"k": [1, 2, 3]}))
try:
    pickle.dump(1, object())
except TypeError as e:
    print("dump no write", e)

# loads: values, bytearray input, and errors.
print(pickle.loads(bytearray(pickle.dumps({"a": (1, 2)}))))
print(pickle.loads(b"N.trailing bytes are ignored"))
for data in (b"", b"\x80\x04", b"K", b"\x80\x09N.", b"h\x05.", b"(K\x01K\x02u.", b"}(K\x01]u.",
             b"Na.", b"0.", b"(0N.", b"(1N.", b"1N.", b"e.", b"K\x01\x85K\x02\x86.",
             b"\x95\xff\xff\xff\xff\xff\xff\xff\x7fN.", b"\x95\x00\x01\x00\x00\x00\x00\x00\x00N.",
             b"\x8c\x02\xff\xfe.", b"\x8c\x03\xed\xa0\x80.", b"\x8b\xff\xff\xff\xff.",
             b"\x80\x05\x95\x03\x00\x00\x00\x00\x00\x00\x00N\x95\x01\x00\x00\x00\x00\x00\x00\x00.",
             b"]K\x01K\x02e.", b"(]K\x01e.", b"}K\x01s.", "text"):
    try:
        print(repr(data)[:30], "->", repr(pickle.loads(data))[:40])
    except Exception as e:
        print(repr(data)[:30], "->", type(e).__name__, e)
