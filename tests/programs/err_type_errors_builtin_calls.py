calls = [
    lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: sorted(), lambda: sorted(1),
    lambda: "a".upper(1), lambda: [].append(), lambda: [].append(1, 2), lambda: {}.get(),
    lambda: range(), lambda: range(1, 2, 3, 4), lambda: range("a"), lambda: int(1, 2),
    lambda: list(1, 2), lambda: print(sep=1), lambda: "x".split(1), lambda: zip(None),
    lambda: divmod("a", 1), lambda: pow("a", 2), lambda: [1, 2].sort(key=1),
]
for c in calls:
    try:
        c()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
