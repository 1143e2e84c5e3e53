# A region replaced while it is still running. Compiled code continues calls and returns in
# other functions' regions (_SWITCH) that the JIT driver holds no reference to; when a runtime
# function of such a region runs Python code (here COMPARE_OP calling __eq__) and that nested
# code makes the JIT throw the region away (its guards keep failing) or recompile it (an
# instruction it ran generically got specialized), the outer activation must still return into
# valid machine code. Freeing the region at once crashed (SIGSEGV in tests/programs/stdlib_pickle.py).
# tests/jit_vm.rs runs this at several --jit-threshold values.


class Key:
    def __init__(self, depth, x):
        self.depth = depth
        self.x = x

    def __eq__(self, other):
        # Runs in a nested interpreter, called from g's compiled COMPARE_OP.
        if self.depth > 0:
            return g(self.depth - 1, self.x)
        return True


def g(depth, x):
    k = Key(depth, x)
    same = k == 0
    y = x + x  # int while warming up, then float: the guard keeps failing in nested calls
    return same and y > 0


def f(depth, x):
    return g(depth, x)


ok = 0
for i in range(200):
    ok += f(0, 1)
for i in range(300):
    ok += f(4, 1.5)
print("invalidated while running:", ok)


class Late:
    attr = 1


class LateKey:
    def __init__(self, depth, late):
        self.depth = depth
        self.late = late

    def __eq__(self, other):
        if self.depth > 0:
            return h(self.depth - 1, self.late)
        return True


def h(depth, late):
    k = LateKey(depth, late)
    same = k == 0
    if late is not None:
        # Runs only after h was compiled: generic in the region, specialized later, so the
        # region is recompiled at a nested entry while outer activations are inside it.
        same = same and late.attr + late.attr == 2
    return same


def e(depth, late):
    return h(depth, late)


ok = 0
for i in range(200):
    ok += e(0, None)
for i in range(400):
    ok += e(3, Late())
print("recompiled while running:", ok)
