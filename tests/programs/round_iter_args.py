# round()'s argument binding (Argument Clinic's messages) and iter(v, w) requiring a callable v.
for a, k in [((), {}), ((1.5, 1, 2), {}), ((), {"number": 2.675, "ndigits": 2}), ((2.5,), {}), ((1.25,), {"ndigits": 1}), ((7,), {"ndigits": None})]:
    try:
        print(round(*a, **k))
    except TypeError as e:
        print("TypeError", e)
for a in [(), (42, 42), (len, 3)]:
    try:
        print(type(iter(*a)).__name__)
    except TypeError as e:
        print("TypeError", e)
