# Sets and dicts built from keys whose __hash__/__eq__ are Python code: every call may reach a
# collection, so the built-ins must keep the keys and the new container rooted (run under
# CPJIT_GC_STRESS by tests/programs.rs).
class H:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(str(self.n))

    def __eq__(self, other):
        return self.n == other.n


d = dict.fromkeys(H(i) for i in range(50))
print(sorted(k.n for k in d)[-3:])
fs = frozenset(H(i % 20) for i in range(60))
print(len(fs), sorted(k.n for k in fs)[:3])
print(len(set(H(i) for i in range(30)) & set(H(i) for i in range(15, 45))))
