def f(v):
    if v < 0:
        raise ValueError(f"negative value: {v}")
    return v
f(1)
f(-1)
