# cpjit: `_decimal` (CPython's is C over libmpdec): the standard library's pure-Python
# _pydecimal, adjusted where it behaves differently from CPython's C module (as _io adjusts
# _pyio, in place: compiling a second copy of _pydecimal would cost every `import decimal`).
"""C decimal arithmetic module"""

import _cpjit
import _pydecimal
from _pydecimal import *
from _pydecimal import (__version__, _condition_map, Context, Decimal, Overflow, Inexact,
                        Rounded, Clamped, InvalidOperation, DivisionByZero, FloatOperation,
                        Subnormal, Underflow)

__libmpdec_version__ = "2.5.1"
__name__ = "decimal"  # as the C module names itself


def _raise_error(self, condition, explanation=None, *args):
    # As _pydecimal's, but a trapped signal is raised as the C module raises it: with the list
    # of conditions that occurred as its argument (`[<class 'decimal.ConversionSyntax'>]`).
    error = _condition_map.get(condition, condition)
    if error in self._ignored_flags:
        # Don't touch the flag
        return error().handle(self, *args)

    self.flags[error] = 1
    if not self.traps[error]:
        # The errors define how to handle themselves.
        return condition().handle(self, *args)

    if error is Overflow:
        # libmpdec signals an overflow together with the inexact, rounded result it gives.
        self.flags[Inexact] = self.flags[Rounded] = 1
    raise error([condition])


# The order in which the C module's Context repr lists flags and traps (libmpdec's).
_c_signal_order = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
                   Rounded, Subnormal, Underflow)


def _context_repr(self):
    s = ('Context(prec=%(prec)d, rounding=%(rounding)s, Emin=%(Emin)d, Emax=%(Emax)d, '
         'capitals=%(capitals)d, clamp=%(clamp)d' % vars(self))
    flags = ', '.join(f.__name__ for f in _c_signal_order if self.flags.get(f))
    traps = ', '.join(t.__name__ for t in _c_signal_order if self.traps.get(t))
    return f'{s}, flags=[{flags}], traps=[{traps}])'


_context_repr.__name__ = '__repr__'
_context_repr.__qualname__ = 'Context.__repr__'
Context.__repr__ = _context_repr
_py_int = Decimal.__int__


def __int__(self):
    # The C module's messages.
    if self._is_special:
        if self._isnan():
            raise ValueError("cannot convert NaN to integer")
        raise OverflowError("cannot convert Infinity to integer")
    return _py_int(self)


__int__.__qualname__ = 'Decimal.__int__'
Decimal.__int__ = Decimal.__trunc__ = __int__
del __int__, _context_repr


_raise_error.__qualname__ = 'Context._raise_error'
Context._raise_error = _raise_error
del _raise_error

# Each stands in for a type CPython writes in C: messages say 'decimal.Decimal'.
for _t in (Decimal, Context):
    _cpjit.c_type(_t)
del _t, _cpjit, _pydecimal
