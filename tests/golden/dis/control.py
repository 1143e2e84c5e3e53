def try_except(f):
    try:
        f()
    except ValueError as e:
        return str(e)
    except (KeyError, IndexError):
        return "lookup"
    except Exception:
        raise
    else:
        return "ok"

def try_finally(f, log):
    try:
        return f()
    finally:
        log.append("done")

def with_stmt(path):
    with open(path) as fh:
        data = fh.read()
    return data

def nested_with(a, b):
    with a as x, b:
        return x

def raising(x):
    if not x:
        raise ValueError("bad") from None
    assert x > 0, "must be positive"
    assert x
    return x

def loop_try(xs):
    out = []
    for x in xs:
        try:
            out.append(1 / x)
        except ZeroDivisionError:
            continue
        finally:
            out.append(None)
    return out

def while_true(it):
    while True:
        x = next(it)
        if x:
            break
    return x

def deletes(a, b):
    del a, b
    c = 1
    del c
