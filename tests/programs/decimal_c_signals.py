# decimal behaves as CPython's C _decimal (cpjit runs _pydecimal under it): a trapped signal is
# raised with the list of conditions as its argument, Context's repr lists signals in libmpdec's
# order, an overflow also flags Inexact and Rounded, int() of a special value words its error as C.
import decimal
from decimal import Decimal as D, Context, localcontext


def T(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, e.args)


T(lambda: D(1) / D(0)); T(lambda: D("x")); T(lambda: D(-1).sqrt()); T(lambda: D(0) / D(0))
T(lambda: D(1).quantize(D("1e-30"))); T(lambda: D(1) + 1.5); T(lambda: D(10) ** D("1e100"))
T(lambda: Context(prec=3).create_decimal("1.2345")); T(lambda: D(5) // D(0)); T(lambda: D(5) % D(0))
T(lambda: D(-1).ln()); T(lambda: D("1e999999") * 10)
T(lambda: decimal.__libmpdec_version__); T(lambda: decimal.__version__)
T(lambda: D.__module__); T(lambda: Context.__module__)
T(lambda: D(1) < "x"); T(lambda: D("1.5") + None); T(lambda: int(D("nan"))); T(lambda: int(D("-inf")))
T(lambda: D("snan").__trunc__()); T(lambda: int(D("12.7"))); T(lambda: D("-3.9").__trunc__())
T(lambda: repr(decimal.getcontext()))
T(lambda: Context(traps=list(Context().traps), flags=list(Context().traps)))
with localcontext() as c:
    c.traps[decimal.Inexact] = True
    T(lambda: D(1) / D(3))
    c.traps[decimal.Inexact] = False
    c.traps[decimal.Rounded] = True
    T(lambda: D(1) / D(3))
    c.traps[decimal.Rounded] = False
    c.clear_flags()
    T(lambda: D(1) / D(3))
    print(c)
try:
    D("bad")
except decimal.InvalidOperation as e:
    print(str(e), isinstance(e, ArithmeticError))
