# Regression test for cargo-fuzz finds (fuzz/run.sh parse and compile): a run of unclosed
# brackets followed by more code made the parser take time exponential in the depth (each `(` about
# doubled it: 25 levels took seconds, the found inputs' 53-150 would never finish; CPython answers
# at once). Statement parsing tries assignment targets first, and a target's star_atom tries
# `'(' target ')'` and then `'(' targets ',' ')'`, each re-parsing the inner target when the
# brackets are never closed. star_target, target_with_star_atom and del_target are now memoized by
# position, as pegen memoizes them. Each input below must fail fast (the programs test has a 60 s
# limit; the exponential parse of these depths would take longer than the age of the universe)
# with CPython's SyntaxError.
FOUND = [
    b'from lib2to3.fixer_base import BaseFix\n(((((((((((((((((((((((((((((((((((((((((((((((((((((\nclass FixFirst(BaseFix):\n    run_order = 1\n\n    def match(sedf, node): return False(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((\n',
    b'import test.test_import.data.circular_imports2 as binding2\n(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((',
]

cases = list(FOUND)
for n in (25, 60, 190):
    cases += [
        "x\n" + "(" * n + "\nclass A:\n    pass\n",
        "x\n" + "(" * n + "\ny\n",
        "(" * n + "a, b\nreturn\n",
        "[" * n + "a = 1\n",
        "(" * n + "*a, = 1\n",
        "(" * n + "a.b\nimport x\n",
        "(" * n + "a[0]\nimport x\n",
        "del " + "(" * n + "\nclass A: pass\n",
        "del " + "[" * n + "a,\n",
        "for " + "(" * n + " in y:\n    pass\n",
        "with " + "(" * n + "\nclass A: pass\n",
        "match x:\n    case " + "(" * n + "\n        pass\n",
        "match x:\n    case " + "[" * n + "\n        pass\n",
        "(" * n + "a" + ")" * n + " = 1\nclass A: pass\n",
        "(" * n + "a" + ")" * n + " += \n",
    ]
# Closed brackets still parse (and the targets are still assigned).
ns = {}
exec("(" * 60 + "a, [b, *c]" + ")" * 60 + " = 1, (2, 3, 4)", ns)
print(ns["a"], ns["b"], ns["c"])
exec("del " + "(" * 60 + "a, [b]" + ")" * 60, ns)
print(sorted(k for k in ns if k != "__builtins__"))
for src in cases:
    try:
        code = compile(src, "<fuzz>", "exec")
        print("compiled", len(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except MemoryError:
        print("MemoryError")
