# compile(..., PyCF_ONLY_AST) / ast.parse: the trees, positions, modes, unparse, walk, literal_eval,
# and traceback's carets, which it finds by parsing the failing line.
import ast, traceback, sys
src = '''
import os, sys as s
from . import x
@dec(1)
async def f(a, /, b: int = 2, *args, c, d=3, **kw) -> "r":
    global g
    x = [i ** 2 for i in range(10) if i % 2]
    y = {k: v for k, v in z.items()}
    async with a as (b, c):
        await q
    try:
        pass
    except (E, F) as e:
        raise X from e
    finally:
        del a[1:2, ::3], b.c
    match p:
        case [1, 2, *rest] | {"k": v, **kw} if v > 1:
            pass
        case Point(x=0, y=_) | None | "s":
            pass
    return lambda q, *, r=1: (yield from q)
class C(B, metaclass=M):
    a: int = 1
    b += 2
    print(f"{x!r:>{w}} {y=}", 1e999, 2j, 0x1f, b"\\x00", ...)
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True))
print(ast.dump(ast.parse("1 + 2*3", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single"), indent=1))
print(type(t.body[0]).__name__, t.body[0].lineno, t.body[2].returns.value, ast.literal_eval("[1, (2, 'a'), {3: None}]"))
print(ast.unparse(t)[:200])
print([type(n).__name__ for n in ast.walk(ast.parse("a.b(c)[d]"))])
def show():
    # The checkout's path left out of the file names.
    import re
    print(re.sub(r'File "[^"]*/', 'File "', traceback.format_exc()), end="")
def f():
    try:
        1 / 0
    except ZeroDivisionError:
        show()
    try:
        {}["k"]
    except KeyError:
        show()
f()
try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
print(ast.get_docstring(ast.parse('"""doc"""\nx = 1')))
