"""CPython's C-API test module, as far as cpjit can have it: cpjit has no C API, so only the
C type limits and build constants (which CPython's tests import from here) exist; its test
functions are absent (an AttributeError names them)."""

import sys as _sys

CHAR_MAX = 127
CHAR_MIN = -128
UCHAR_MAX = 255
SHRT_MAX = 32767
SHRT_MIN = -32768
USHRT_MAX = 65535
INT_MAX = 2147483647
INT_MIN = -2147483648
UINT_MAX = 4294967295
LONG_MAX = 9223372036854775807
LONG_MIN = -9223372036854775808
ULONG_MAX = 18446744073709551615
LLONG_MAX = 9223372036854775807
LLONG_MIN = -9223372036854775808
ULLONG_MAX = 18446744073709551615
PY_SSIZE_T_MAX = 9223372036854775807
PY_SSIZE_T_MIN = -9223372036854775808
SIZEOF_TIME_T = 8
FLT_MAX = 3.4028234663852886e+38
FLT_MIN = 1.1754943508222875e-38
DBL_MAX = _sys.float_info.max
DBL_MIN = _sys.float_info.min
Py_Version = _sys.hexversion
# cpjit allocates without pymalloc and checks no C stack.
WITH_PYMALLOC = False
USE_STACKCHECK = False
the_number_three = 3

del _sys
