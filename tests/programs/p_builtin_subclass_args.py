import math, random
class Name(str): pass
class O: pass
o = O()
setattr(o, Name("x"), 1)
print(getattr(o, Name("x")), hasattr(o, Name("y")), o.__dict__)
d = {Name("k"): 1}
print(d, dict(**{Name("a"): 1}) if False else 0)
def f(**kw): return kw
print(f(**{Name("a"): 2}))
print(int(Name("7")), float(Name("2.5")), Name("a,b").split(","), "a" + Name("b"), Name("x").join("ab"))
print(" ".join(sorted({Name("b"), Name("a")})), Name("abc").find(Name("c")), Name("x") * 3, "x" in Name("xyz"))
print(Name("hello").startswith(Name("he")), "hello".startswith(Name("he")), "a-b".replace(Name("-"), Name("+")))
import math
class F(float): pass
print(math.floor(F(2.5)), round(F(2.567), 2), F(1) / 3, 3 // F(2), F(-0.0), str(F(1e20)), F("inf"))
class I(int): pass
print(I(7) // 2, 2 ** I(3), I(5) % 3, [1, 2][I(1)], "ab" * I(2), I(3).to_bytes(2, "big") if hasattr(int, "to_bytes") else 0, bin(I(5)), hex(I(255)), chr(I(65)), I(10) > 3.5)
print(sorted([I(3), I(1)]), sum([I(1), I(2)]), list(range(I(1), I(4))), isinstance(I(1), I), I(True), I("0x1f", 16))
print(math.factorial(I(5)), math.gcd(I(12), 8), math.comb(I(5), 2))
random.seed(I(3))
print(random.randint(I(1), 100))
class L:
  def __len__(self): return I(4)
print(list(enumerate("ab", I(3))), bytes([I(65), 66]), int("ff", I(16)), round(2.567, I(1)), len(L()))
