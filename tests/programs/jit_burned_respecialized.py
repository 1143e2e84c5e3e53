# An attribute site whose stencil took its inline cache's values (type version, index, method)
# as immediates when the region was compiled meets instances of another class for good, in one
# long run of a loop: the specializer re-specializes it for that class, and the runs of its
# runtime function (the compiled fast path misses) recompile the region (tests/jit_vm.rs).


class A:
    def __init__(self, v):
        self.x = v

    def get(self):
        return self.x


class B:
    def __init__(self, v):
        self.pad = None
        self.x = v * 10

    def get(self):
        return self.x + 1


class S:
    __slots__ = ("x",)

    def __init__(self, v):
        self.x = v

    def get(self):
        return -self.x


def total(objs, n):
    # One long run: the loop is entered once (at its header) and never again, so only the
    # runs of the site's runtime function can notice that it was re-specialized.
    t = 0
    for o in objs:
        for i in range(n):
            t += o.x
            o.x = o.x + 1
            t += o.get()
    return t


print(total([A(1)] * 2 + [B(2)] * 4, 2000))
