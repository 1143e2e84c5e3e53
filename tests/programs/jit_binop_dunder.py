# Arithmetic on instances of Python classes under --jit: the left operand's __op__ runs in a frame
# compiled code pushes (FRAME_BINOP), whose return replaces both operands; NotImplemented goes on
# to the reflected method or the TypeError; exceptions, deep recursion and tracebacks through it.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if o == "ni": return NotImplemented
        return V(self.x + o)
    def __mul__(self, k): return V(self.x * k)
    def __sub__(self, o):
        raise ValueError("no sub")
    def __repr__(self): return f"V({self.x})"
class R:
    def __radd__(self, o): return "radd"
def loop(n):
    s = V(0)
    for i in range(n):
        s = s + V(i) * 2 + 1
    return s
print(loop(3000))
def errs():
    v = V(1)
    for i in range(200):
        try:
            v - 1
        except ValueError as e:
            pass
        try:
            v + "ni"
        except TypeError as e:
            msg = str(e)
    print(msg)
    print(v + R())
errs()
class Deep:
    def __add__(self, o): return self + o
try:
    Deep() + 1
except RecursionError as e:
    print("RecursionError", e)
def g():
    try:
        V(1) - V(2)
    except ValueError:
        import traceback, re
        print(re.sub(r'File "[^"]*/', 'File "', traceback.format_exc()))
g()
