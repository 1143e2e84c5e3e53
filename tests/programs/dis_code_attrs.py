# The code-object attributes dis, inspect and traceback read, in CPython 3.11's layout:
# co_code, co_lines(), co_positions(), co_linetable, co_exceptiontable, _varname_from_oparg,
# and tb_lasti as an offset into co_code.
import dis
import inspect
import sys
import traceback


def f(a, b=2, *args, k=3, **kw):
    c = [a, b]
    try:
        c.append(a[1:])
    except TypeError:
        c.append(None)
    for x in c:
        if x:
            yield x
    return len(c)


def gen_expr(xs):
    return (x + 1 for x in xs)


co = f.__code__
print(co.co_code.hex())
print(co.co_linetable.hex())
print(co.co_exceptiontable.hex())
print(list(co.co_lines()))
print(list(co.co_positions()))
print([co._varname_from_oparg(i) for i in range(len(co.co_varnames))])
print(list(dis.findlinestarts(co)))
print(dis._parse_exception_table(co))
for ins in dis.get_instructions(f):
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval), ins.argrepr, ins.offset,
          ins.starts_line, ins.is_jump_target, ins.positions)
bc = dis.Bytecode(f)
print(bc.first_line, len(list(bc)))
print(bc.dis())
ge = gen_expr.__code__.co_consts[1]
print(list(ge.co_positions())[:4], ge.co_linetable.hex())
mod = compile("x = 1\n", "<m>", "exec")
print(list(mod.co_positions()), list(mod.co_lines()), mod.co_linetable.hex())
empty = compile("", "<e>", "exec")
print(list(empty.co_positions()), list(empty.co_lines()))


def raiser(d):
    x = d["a"]["b"]
    return x


try:
    raiser({"a": {}})
except KeyError:
    tb = sys.exc_info()[2].tb_next
    print(tb.tb_lasti, tb.tb_lineno)
    print(dis.Bytecode.from_traceback(tb).current_offset)
    print(traceback.format_exc().splitlines()[-3:])


info = inspect.getframeinfo(tb)
print(info.lineno, info.positions)


print(hasattr(co, "co_code"), type(co.co_code), type(co.co_exceptiontable))
