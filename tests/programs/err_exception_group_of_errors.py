errors = []
for f in [lambda: [][0], lambda: {}["x"], lambda: 1 / 0, lambda: int("z"), lambda: None.attr]:
    try:
        f()
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
print("\n".join(errors))
raise RuntimeError(f"{len(errors)} errors")
