for sl in [slice(None), slice(1, 5, 2), slice(-3, None), slice(None, None, -1), slice(10, -10, -3), slice(-100, 100)]:
    for n in [0, 1, 5, 10]:
        print(sl, n, sl.indices(n))
try:
    slice(1, 2, 0).indices(3)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print("ValueError", e)
