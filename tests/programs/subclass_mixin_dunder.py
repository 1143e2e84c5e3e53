# A built-in's subclass whose MRO has a user mixin after the built-in base: a dunder the
# built-in lacks comes from the mixin (enum.IntFlag's `in`), one it has from the built-in.
import enum


class M:
    def __contains__(self, x):
        return x == 3

    def __add__(self, o):
        return "mixin add"

    def __getitem__(self, k):
        return ("mixin item", k)


class J(int, M):
    pass


class S(str, M):
    pass


print(3 in J(5), 4 in J(5), J(1) + 1, J(2)[0])
print("3" in S("x3"), "y" in S("x3"), S("a") + "b", S("ab")[1])


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Perm.R in Perm(5), Perm.W in Perm(5), Perm.R | Perm.W, repr(Perm(7)), list(Perm(6)))
