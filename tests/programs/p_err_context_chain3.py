try:
    try:
        int("q")
    except ValueError:
        raise KeyError("second")
except KeyError:
    raise RuntimeError("third")
