class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class SubError(MyError):
    pass
class Plain(Exception):
    pass
try:
    raise SubError(42, "bad thing")
except MyError as e:
    print(type(e).__name__, e.code, e, e.args, repr(e))
try:
    raise Plain("a", 1)
except Exception as e:
    print(e, e.args, repr(e))
print(str(Plain()), repr(Plain()), str(Plain("x")))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr(1, 2)
except WithStr as e:
    print(e, e.args)
print(issubclass(SubError, Exception), issubclass(SubError, BaseException), SubError.__mro__[1].__name__)
