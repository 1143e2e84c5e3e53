t = str.maketrans({"a": "1", 98: None, "c": 67})
print(sorted(t.items()), "abcd".translate(t), "xyz".translate(str.maketrans("xy", "ab", "z")))
print("héllo".translate({ord("é"): "e", ord("l"): "L"}), "abc".translate([None, None] * 60), "ab".translate({}))
print("{x}{y}".format_map({"x": 1, "y": [2]}), "{0.real}".format(5), "Hello World".istitle(), "hello World".istitle())
class M:
    def __init__(self, **kw):
        self.d = kw
    def __getitem__(self, k):
        return self.d[k] if k in self.d else self.__missing__(k)
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map(M(a=1)))
for f in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}),
          lambda: str.maketrans({1.5: 1}), lambda: str.maketrans(1, "a"), lambda: str.maketrans("a", 1),
          lambda: str.maketrans("a", "b", 3), lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: -1}),
          lambda: "{0}".format_map({}), lambda: "{k}".format_map({}), lambda: "a".translate(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
print("Hello, World!".translate(rot13), "Uryyb".translate(rot13).translate(rot13))
print("a-b".translate({ord("-"): "--"}), "tab\there".translate({9: " "}), "x".translate({120: 0x1F600}))
print("{name} is {age}".format_map({"name": "Ann", "age": 3}))
