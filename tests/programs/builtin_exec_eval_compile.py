# exec / eval / compile: namespaces, modes, errors (what namedtuple and dataclasses rely on).
g = {}
exec("x = 1\ny = x + 1", g)
print(sorted(k for k in g if k != '__builtins__'), g['y'], '__builtins__' in g)
ns = {}
exec("def f(a, b=2):\n    return a * b\n", {'__name__': 'mod'}, ns)
print(ns['f'](3), ns['f'].__name__, ns['f'].__module__)
print(eval("1 + 2 * 3"), eval("  x * 10", {'x': 4}), eval("a + b", {'a': 1}, {'b': 2}))
code = compile("z = 5\nprint('in code', z)", "<demo>", "exec")
print(type(code).__name__, code.co_filename)
d = {}
exec(code, d)
print(d['z'])
e = compile("3 ** 2", "<e>", "eval")
print(eval(e))
s = compile("1 + 1", "<s>", "single")
exec(s)
exec(compile("None", "<s>", "single"))
def local_view():
    a = 10
    return eval("a + 1")
print(local_view())
x_global = 'G'
def exec_in_caller():
    exec("print(x_global)")
exec_in_caller()
class Recorder(dict):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)
r = Recorder()
exec("p = 1\nq = 2", {}, r)
print(sorted(r.items()))
for bad in ["1 +", "x = = 2", "def f(:"]:
    try:
        exec(bad)
    except SyntaxError as err:
        print('SyntaxError', err.args[0])
try:
    eval("undefined_name")
except NameError as err:
    print('NameError', err)
try:
    exec("1", [])
except TypeError as err:
    print('TypeError', err)
try:
    compile("1", "f", "nope")
except ValueError as err:
    print('ValueError', err)
try:
    compile("a = 1\nb = 2", "f", "single")
except SyntaxError as err:
    print('SyntaxError', err.args[0])
try:
    eval(42)
except TypeError as err:
    print('TypeError', err)
print(eval("[i * i for i in range(4)]"))
src = "def make():\n    v = 7\n    return lambda: v\n"
n = {}
exec(src, n)
print(n['make']()())
