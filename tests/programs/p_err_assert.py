def check(x):
    assert x > 0, f"expected positive, got {x}"
    return x
check(1)
check(-2)
