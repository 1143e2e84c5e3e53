# Code objects whose CPython layout needs EXTENDED_ARG: more than 256 constants, names and
# locals, and jumps longer than 255 code units (their deltas depend on the EXTENDED_ARGs).
import dis

n = 300
lines = ["def big(x):"]
for i in range(n):
    lines.append(f"    v{i} = x.a{i} + {i}.5")
lines.append("    if x:")
for i in range(n):
    lines.append(f"        x = g{i}(v{i})")
lines.append("    while x:")
for i in range(0, n, 2):
    lines.append(f"        x = x.b{i} or v{i}")
lines.append("    return x")
src = "\n".join(lines) + "\n"
ns = {}
exec(compile(src, "<big>", "exec"), ns)
big = ns["big"]
co = big.__code__
print(len(co.co_consts), len(co.co_names), len(co.co_varnames))
print(len(co.co_code), co.co_code.count(bytes([dis.opmap["EXTENDED_ARG"]])))
print(co.co_code[:64].hex())
print(co.co_code[-64:].hex())
print(co.co_linetable[:40].hex(), len(co.co_linetable))
print(list(co.co_lines())[-5:])
ins = list(dis.get_instructions(big))
print(len(ins))
for i in ins:
    if i.opname.startswith(("EXTENDED", "POP_JUMP", "JUMP")) or i.offset in (0, 600, 2000):
        print(i.opname, i.arg, i.argval, i.offset, i.starts_line, i.is_jump_target)
dis.dis(big)
