def step1():
    raise OSError("disk")
def step2():
    try:
        step1()
    except OSError as e:
        raise ValueError("bad data") from e
def step3():
    try:
        step2()
    except ValueError:
        raise RuntimeError("pipeline failed")
step3()
