# compile()'s filename goes through PyUnicode_FSDecoder: str, bytes and os.PathLike as they are,
# other bytes-like objects (bytearray, memoryview, array) with a DeprecationWarning, bytes decoded
# as os.fsdecode does, and no NUL character.
import array
import os
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    # The script's file name is absolute in CPython 3.11's warnings: print its last part.
    print("warning at", os.path.basename(filename), lineno, category.__name__, message)


warnings.showwarning = show


def attempt(label, fn):
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            r = fn()
        warned = [(w.category.__name__, str(w.message)) for w in caught]
        print(label, "ok", repr(r.co_filename), warned)
    except Exception as e:
        print(label, type(e).__name__, e)


class Path:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


class MyBA(bytearray):
    pass


class MyBytes(bytes):
    pass


attempt("str", lambda: compile("x", "f.py", "exec"))
attempt("bytes", lambda: compile("x", b"f.py", "exec"))
attempt("bytes subclass", lambda: compile("x", MyBytes(b"mb"), "exec"))
attempt("bytearray", lambda: compile("x", bytearray(b"ba"), "exec"))
attempt("bytearray subclass", lambda: compile("x", MyBA(b"sub"), "exec"))
attempt("memoryview", lambda: compile("x", memoryview(b"mv"), "eval"))
attempt("memoryview slice", lambda: compile("x", memoryview(b"abcdef")[1:4], "eval"))
attempt("array", lambda: compile("x", array.array("b", [65, 66]), "exec"))
attempt("keyword", lambda: compile("x", filename=bytearray(b"kw"), mode="single"))
attempt("pathlike str", lambda: compile("x", Path("p.py"), "exec"))
attempt("pathlike bytes", lambda: compile("x", Path(b"pb.py"), "exec"))
attempt("pathlike bytearray", lambda: compile("x", Path(bytearray(b"q")), "exec"))
attempt("undecodable", lambda: compile("x", b"\xff\xfe", "exec"))
attempt("undecodable buffer", lambda: compile("x", bytearray(b"a\xff"), "exec"))
attempt("nul str", lambda: compile("x", "a\0b", "exec"))
attempt("nul bytes", lambda: compile("x", b"a\0b", "exec"))
attempt("nul bytearray", lambda: compile("x", bytearray(b"a\0"), "exec"))
attempt("int", lambda: compile("x", 3, "exec"))
attempt("None", lambda: compile("x", None, "exec"))
attempt("list", lambda: compile("x", [], "exec"))

released = memoryview(b"gone")
released.release()
attempt("released memoryview", lambda: compile("x", released, "exec"))

# The filename is where a syntax error is reported.
try:
    compile("1 +", bytearray(b"broken.py"), "exec")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno, e.msg)

# Code compiled under a bytes-like filename runs and reports it.
ns = {}
exec(compile("import sys\nname = sys._getframe().f_code.co_filename", bytearray(b"run.py"), "exec"), ns)
print(ns["name"])

# A filter that turns the warning into an error stops compile() before it compiles.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile("x", bytearray(b"e"), "exec")
    except DeprecationWarning as e:
        print("DeprecationWarning raised:", e)
    print(compile("x", b"fine", "exec").co_filename)

# Under the default filters the warning is shown (it comes from __main__).
code = compile("x", memoryview(b"shown"), "exec")
print(code.co_filename)
