# Built-ins CPython's site module adds (exit, quit, copyright, credits, license, help), breakpoint()
# through sys.breakpointhook, aiter/anext (issue 12).
import sys
print(repr(exit), repr(quit))
print(repr(credits))
print(repr(license))
print(repr(help))
print(type(copyright).__name__, type(exit).__name__, type(help).__name__)
print(sys.breakpointhook is sys.__breakpointhook__)
try:
    aiter(5)
except TypeError as e:
    print(e)
try:
    anext(5)
except TypeError as e:
    print(e)
class A:
    def __aiter__(self):
        return 5
try:
    aiter(A())
except TypeError as e:
    print(e)
class It:
    def __aiter__(self):
        return self
    def __anext__(self):
        return "awaitable"
it = It()
print(aiter(it) is it, anext(it))
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
sys.breakpointhook = lambda *a, **k: print("hook", a, k)
breakpoint(1, x=2)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
sys.breakpointhook = sys.__breakpointhook__
