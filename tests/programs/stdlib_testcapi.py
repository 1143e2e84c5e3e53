# _testcapi's C limits, as CPython's tests import them (test_sqlite3, test_os, ...).
import _testcapi

for name in ("CHAR_MAX", "CHAR_MIN", "UCHAR_MAX", "SHRT_MAX", "SHRT_MIN", "USHRT_MAX",
             "INT_MAX", "INT_MIN", "UINT_MAX", "LONG_MAX", "LONG_MIN", "ULONG_MAX",
             "LLONG_MAX", "LLONG_MIN", "ULLONG_MAX", "PY_SSIZE_T_MAX", "PY_SSIZE_T_MIN",
             "SIZEOF_TIME_T", "FLT_MAX", "FLT_MIN", "DBL_MAX", "DBL_MIN", "USE_STACKCHECK",
             "the_number_three"):
    print(name, getattr(_testcapi, name))
from _testcapi import INT_MAX, ULLONG_MAX
print(INT_MAX + 1, ULLONG_MAX.bit_length())
