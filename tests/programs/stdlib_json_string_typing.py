# json (pure-Python fallback, _json absent), string, textwrap, codecs lookup and typing.
import json, string, textwrap, typing, codecs
d = {"name": "cpjit", "n": [1, 2.5, None, True, False], "nested": {"a": "é\n\"x\"", "b": []}, "u": "日本"}
s = json.dumps(d); print(s)
print(json.dumps(d, indent=2, sort_keys=True))
print(json.dumps(d, ensure_ascii=False, separators=(',', ':')))
print(json.loads(s) == d, json.loads('[1, 2.0, "x", {"k": null}, 1e5, -0.5, true]'))
print(json.loads('{"a": "\\u00e9\\ud83d\\ude00"}'))
try: json.loads('{"a": }')
except json.JSONDecodeError as e: print('JSONDecodeError', e, e.pos, e.lineno, e.colno)
class E(json.JSONEncoder):
    def default(self, o): return sorted(o) if isinstance(o, set) else super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=E))
try: json.dumps(object())
except TypeError as e: print(e)
print(json.loads(b'{"x": 1}'), json.dumps(float('inf')), json.dumps("tab\there"))
print(string.ascii_letters, string.digits, string.punctuation, string.capwords('hello big world'))
t = string.Template('$who likes ${what}!'); print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
print(string.Formatter().format('{0}-{x:>4}', 1, x='y'))
txt = "The quick brown fox jumps over the lazy dog. " * 4
print(textwrap.fill(txt, width=30)); print(textwrap.wrap(txt, 25)[:3]); print(textwrap.shorten(txt, 40))
print(textwrap.dedent('    a\n      b\n    c'), textwrap.indent('x\ny', '> '))
print(codecs.lookup('utf-8').name, codecs.encode('é', 'latin-1'), codecs.decode(b'\xe9', 'latin-1'), codecs.lookup('cp1252').name)
T = typing.TypeVar('T')
def first(xs: typing.List[T]) -> T: return xs[0]
print(first([3]), typing.get_type_hints(first), typing.Optional[int], typing.Union[int, str], typing.Dict[str, typing.Any])
class P(typing.NamedTuple):
    x: int
    y: int = 0
print(P(1), P(1, 2)._asdict(), P._fields)
class TD(typing.TypedDict):
    a: int
print(TD(a=1), TD.__annotations__)
@typing.runtime_checkable
class Closer(typing.Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
print(typing.Callable[[int], str], typing.Literal['a'], typing.Tuple[int, ...], typing.cast(int, 'x'))
