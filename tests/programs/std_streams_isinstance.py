# The standard streams' layers pass the isinstance/issubclass checks of io's classes and ABCs
# (cpjit's are native objects registered with _io's classes; CPython's are _io's own types).
import io
import sys
import _io

layers = [
    ("stdin", sys.stdin),
    ("stdin.buffer", sys.stdin.buffer),
    ("stdin.buffer.raw", sys.stdin.buffer.raw),
    ("stdout", sys.stdout),
    ("stdout.buffer", sys.stdout.buffer),
    ("stderr", sys.stderr),
    ("stderr.buffer", sys.stderr.buffer),
]
classes = [
    io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase, io.TextIOWrapper,
    io.BufferedReader, io.BufferedWriter, io.FileIO, io.StringIO, io.BytesIO,
    _io._IOBase, _io._TextIOBase, _io.TextIOWrapper,
]
for name, obj in layers:
    print(name, type(obj).__name__, [c.__name__ for c in classes if isinstance(obj, c)])
    print(" ", [c.__name__ for c in classes if issubclass(type(obj), c)])
# A class derived from io's ABCs still sees the streams as CPython does.
class MyText(io.TextIOBase):
    pass
print(isinstance(sys.stdout, MyText), isinstance(MyText(), io.TextIOBase))
