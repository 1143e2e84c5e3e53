"""show(label, f): prints `label -> repr(f())`, or the exception type and message it raised."""


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))
