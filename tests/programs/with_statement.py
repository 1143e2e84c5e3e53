class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.name == "suppress"
with Ctx("a") as c:
    print("body", c.name)
with Ctx("suppress"):
    raise ValueError("hidden")
print("after suppress")
try:
    with Ctx("b"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with Ctx("x") as x, Ctx("y") as y:
    print("two", x.name, y.name)
def f():
    with Ctx("ret"):
        return "returned"
print(f())
