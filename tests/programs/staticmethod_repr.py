# repr of staticmethod and classmethod objects: the kind and the wrapped callable's repr.
def f():
    pass


class C:
    @staticmethod
    def s():
        pass

    @classmethod
    def c(cls):
        pass


print(repr(staticmethod(len)), repr(classmethod(len)))
print(repr(staticmethod(f)).split(" at ")[0], repr(classmethod(f)).split(" at ")[0])
print(repr(C.__dict__["s"]).split(" at ")[0], repr(C.__dict__["c"]).split(" at ")[0])
print(repr(staticmethod(staticmethod(abs))), repr(classmethod("not callable")))
print(str(staticmethod(len)))


class S(staticmethod):
    pass


print(repr(S(len)))
