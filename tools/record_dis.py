#!/usr/bin/env python3
"""Records CPython 3.11's bytecode for tests/golden/dis/*.py into *.dis files (see README.md there).

Each code object (depth first, as `dis.dis` recurses) is printed as a `== qualname` header followed by
one `LINE OPNAME ARG` line per instruction, normalized as documented in tests/golden/dis/README.md.
Run: python3 tools/record_dis.py   (python3 must be CPython 3.11)
"""
import dis
import pathlib
import sys
import types

IGNORED = {"RESUME", "PRECALL", "CACHE", "NOP", "EXTENDED_ARG"}
RENAMES = {
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_BACKWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_BACKWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
}


def normalize(code):
    # (offset, name, argtext, jump target offset or None)
    items = []
    for ins in dis.get_instructions(code):
        name = RENAMES.get(ins.opname, ins.opname)
        if name in IGNORED:
            continue
        target = None
        if ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs:
            target = ins.argval
            arg = None
        elif ins.opname == "KW_NAMES":  # 3.11's dis shows only the index
            arg = repr(code.co_consts[ins.arg])
        elif isinstance(ins.argval, types.CodeType):
            arg = f"<code object {ins.argval.co_name}>"
        elif ins.argrepr:
            arg = ins.argrepr
        elif ins.arg is not None and ins.opcode >= dis.HAVE_ARGUMENT:
            arg = str(ins.arg)
        else:
            arg = None
        line = ins.positions.lineno if ins.positions.lineno is not None else "-"
        items.append([ins.offset, name, arg, target, line])
    # 3.12's two-element slice instructions: BUILD_SLICE 2 + BINARY_SUBSCR / STORE_SUBSCR.
    fused = []
    for it in items:
        if fused and fused[-1][1] == "BUILD_SLICE" and fused[-1][2] == "2" and it[1] in (
                "BINARY_SUBSCR", "STORE_SUBSCR"):
            fused[-1][1] = "BINARY_SLICE" if it[1] == "BINARY_SUBSCR" else "STORE_SLICE"
            fused[-1][2] = None
            fused[-1][4] = it[4]  # the slicing happens (and is located) at the SUBSCR
            continue
        fused.append(it)
    offsets = [it[0] for it in fused]

    def label(target):
        return next((i for i, o in enumerate(offsets) if o >= target), len(offsets))

    lines = []
    for off, name, arg, target, line in fused:
        if target is not None:
            arg = f"to L{label(target)}"
        lines.append(f"{line} " + (name if arg is None else f"{name} {arg}"))
    entries = []
    for e in dis._parse_exception_table(code):
        start, end = label(e.start), label(e.end)
        if start == end:
            continue
        item = [start, end, label(e.target), e.depth, e.lasti]
        if entries and entries[-1][1] == start and entries[-1][2:] == item[2:]:
            entries[-1][1] = end
        else:
            entries.append(item)
    for start, end, target, depth, lasti in entries:
        lines.append(f"exc L{start}-L{end} -> L{target} [{depth}]" + (" lasti" if lasti else ""))
    return lines


def walk(code, out):
    out.append(f"== {code.co_qualname}")
    out.append(f"stacksize {code.co_stacksize} flags {code.co_flags} argcount {code.co_argcount} "
               f"posonly {code.co_posonlyargcount} kwonly {code.co_kwonlyargcount} "
               f"firstlineno {code.co_firstlineno}")
    out.append(f"varnames {code.co_varnames} cellvars {code.co_cellvars} "
               f"freevars {code.co_freevars}")
    out.extend(normalize(code))
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("record_dis.py needs CPython 3.11")
    root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "golden" / "dis"
    for py in sorted(root.glob("*.py")):
        out = []
        walk(compile(py.read_text(), py.name, "exec"), out)
        py.with_suffix(".dis").write_text("\n".join(out) + "\n")
        print(f"recorded {py.with_suffix('.dis').name}")
    # `eval` mode: one expression per line of *.eval, each listing after a `# source` line.
    for ev in sorted(root.glob("*.eval")):
        out = []
        for line in ev.read_text().splitlines():
            out.append(f"# {line}")
            walk(compile(line, ev.name, "eval"), out)
        ev.with_suffix(".eval.dis").write_text("\n".join(out) + "\n")
        print(f"recorded {ev.with_suffix('.eval.dis').name}")


if __name__ == "__main__":
    main()
