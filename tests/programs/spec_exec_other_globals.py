class D(dict):
    pass
code = compile("def f():\n    return [len(str(x)) for x in range(3)] + [Y]\n", "<s>", "exec")
for g in [dict(Y=1), dict(Y=2, len=lambda s: 7), dict(Y=3)]:
    exec(code, g)
    for _ in range(5):
        r = g["f"]()
    print(r)
