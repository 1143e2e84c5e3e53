# Binary operators on subclasses of built-ins and Python classes: which method runs first (CPython's
# slotw == slotv and SLOT1BINFULL rules), sequence repetition by a non-int, and % with str
# and bytes subclasses as the argument.
class S(str): pass
class L(list): pass
class B(bytes): pass
class T(tuple): pass
class B2(bytes): pass
class D(dict): pass
def run(cases):
    for c in cases:
        try:
            print(c, "->", repr(eval(c)))
        except Exception as e:
            print(c, "->", type(e).__name__, e)

cases = ['"a" * S("b")', 'S("a") * S("b")', 'L([1]) * L([2])', '[1] * L([2])', 'S("a") + 1', '1 + S("a")', 'S("a") * 1.5', '1.5 * S("a")', 'B(b"x") * B(b"y")', 'T((1,)) * T((2,))', 'S("a") * None', 'None * S("a")', 'L() + 1', '"a" * L()', 'L() * "a"', '"x" % S("y")', 'S("a") < 1', '[1] + T()','T() + [1]']
run(cases)
run(['str.__rmod__("y", "x")', 'str.__rmod__(S("y"), "x")', 'str.__rmod__("%s", 5)', 'S("%s") % 5', '5 % S("%s")', '"%s" % S("a")', 'S("a") % ()', 'S("ab") * 2', '2 * S("ab")', 'type(S("a") * 2)'])
run(['"x" % S("y")', '"x" % B2(b"y")', '"x" % b"y"', 'b"x" % b"y"', 'b"x" % B2(b"y")', 'b"x" % "y"', 'b"x" % S("y")', 'b"x" % bytearray(b"y")', '"x" % bytearray(b"y")', '"%(a)s" % D(a=1)', '"x" % T((1,))', '"x%s" % T((1,))', '"x" % [1]', 'b"x" % [1]'])
class A:
    def __add__(self, o): print("A.add", type(self).__name__, type(o).__name__); return NotImplemented
    def __radd__(self, o): print("A.radd", type(self).__name__, type(o).__name__); return NotImplemented
class BB(A): pass
class C(A):
    def __radd__(self, o): print("C.radd"); return "C"
class DD(A): pass
class MyInt(int): pass
class MyF(float): pass
class R(int):
    def __radd__(self, o): return "R.radd"
run(['A() + BB()', 'BB() + A()', 'A() + C()', 'BB() + DD()', '1 + MyInt(2)', 'MyInt(2) + 1', 'MyInt(2) * MyInt(3)', '1.5 + MyF(2)', 'MyF(1) - 3', '1 + R(2)', 'R(2) + 1', 'type(1 + MyInt(2))', '[1] * MyInt(2)', 'MyInt(2) * "ab"', '"ab" * MyInt(2)', 'A() + 1', '1 + A()'])
