import ast, dataclasses, inspect, pprint, importlib, sys


@dataclasses.dataclass(order=True)
class P:
    x: int
    y: float = 0.5
    tags: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class F:
    a: str
    b: int = 3


print(P(1), P(1, 2.0) < P(2), dataclasses.asdict(P(3, tags=["t"])), dataclasses.astuple(F("z")))
print([f.name for f in dataclasses.fields(P)], dataclasses.replace(F("q"), b=9), hash(F("a")) == hash(F("a")))
try:
    F("x").a = "y"
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e)
print(ast.dump(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name("y", ast.Load()))))
print(ast.Name("x").id, ast.FunctionDef._fields, ast.expr._attributes, isinstance(ast.Add(), ast.operator))
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print(e)
pprint.pprint({"a": list(range(30)), "b": P(2), "c": {"nested": ("t" * 30, "u" * 30, "v" * 30)}})
print(pprint.pformat([1, 2, 3], width=5), pprint.saferepr({"k": [1, {2}]}))


def f(a, b=2, *args, c, d=4, **kw) -> int:
    "doc"
    return a


print(inspect.signature(P), inspect.signature(f), inspect.getdoc(f))
print(inspect.isfunction(f), inspect.isclass(P), inspect.ismodule(ast), inspect.getmodule(f) is sys.modules[__name__])
print([p.kind.name for p in inspect.signature(f).parameters.values()])
print(f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount)
m = importlib.import_module("json.decoder")
print(m.__name__, importlib.import_module(".encoder", "json").__name__)
