S, L, T = "abc", [1], (1, 2, 3)
cases = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 2 ** -1 / 0,
    lambda: int("abc"), lambda: int("12", 1), lambda: float("x"), lambda: [].pop(), lambda: {}.popitem(),
    lambda: [1].index(5), lambda: "abc".index("z"), lambda: (1,).index(2), lambda: [1, 2][5],
    lambda: "a" + 1, lambda: 1 + "a", lambda: [] + (), lambda: "a" * "b", lambda: [1] * 1.5,
    lambda: None + 1, lambda: -"x", lambda: ~1.5, lambda: len(1), lambda: abs("a"),
    lambda: hash([]), lambda: hash({}), lambda: {[]: 1}, lambda: set().pop(), lambda: {1}.remove(2),
    lambda: chr(-1), lambda: ord("ab"), lambda: range(1, 2, 0), lambda: next(iter([])),
    lambda: "x".foo, lambda: int.foo, lambda: object().x, lambda: undefined,
    lambda: [1, 2] < 3, lambda: {} < {}, lambda: None < None, lambda: sorted([1, None]),
    lambda: max([]), lambda: min(), lambda: sum(["a"]), lambda: sum([], "a"),
    lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: getattr(1, 2),
    lambda: divmod(1, 0), lambda: pow(2, 3, 0), lambda: 1 << -1, lambda: round(1.5, "a"),
    lambda: S[1.5], lambda: L[None], lambda: T["a"], lambda: {1: 2}[L],
    lambda: "{} {}".format(1), lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2),
    lambda: list(1), lambda: tuple(None), lambda: dict(1), lambda: dict([1]), lambda: set(3),
    lambda: iter(5), lambda: next(5), lambda: zip(1), lambda: map(len), lambda: enumerate(3),
    lambda: int(None), lambda: float([]), lambda: str.upper(1),
    lambda: "a".join([1]), lambda: "a b".split(""), lambda: "x".center(3, "ab"),
    lambda: [].remove(1), lambda: {}["k"], lambda: {"a": 1}.pop("b"),
    lambda: (lambda a: a)(), lambda: (lambda a: a)(1, 2), lambda: (lambda: 0)(x=1),
    lambda: (lambda *, k: k)(), lambda: (lambda a, /: a)(a=1),
    lambda: object.__new__(1), lambda: type("X", (1,), {}),
    lambda: 10 ** 400 * 1.0, lambda: float(10 ** 400), lambda: 2.0 ** 10000,
    lambda: [x for x in 5], lambda: (a for a in 1),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "no error", repr(r))
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
