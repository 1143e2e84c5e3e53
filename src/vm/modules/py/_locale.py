# cpjit's _locale (CPython writes it in C). cpjit does not call the C library's setlocale: every
# category is the "C" locale with UTF-8 text (as CPython 3.11 starts: LC_CTYPE from the
# environment, C.UTF-8 on these machines, the others "C"); asking for another locale raises
# locale.Error as an unknown locale does in CPython.

import os as _os

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127
CODESET = 14


class Error(Exception):
    pass


Error.__module__ = "locale"


def _ctype_default():
    for var in ("LC_ALL", "LC_CTYPE", "LANG"):
        v = _os.environ.get(var)
        if v:
            return v
    return "C.UTF-8"


_current = {c: "C" for c in range(7) if c != LC_ALL}
_current[LC_CTYPE] = _ctype_default()


def setlocale(category, locale=None):
    if category not in (LC_ALL, *_current):
        raise Error("unsupported locale setting")
    if locale is None:
        if category == LC_ALL:
            vals = set(_current.values())
            if len(vals) == 1:
                return vals.pop()
            names = ["LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
                     "LC_MESSAGES"]
            return ";".join(n + "=" + _current[i] for i, n in enumerate(names))
        return _current[category]
    if locale == "":
        locale = _ctype_default() if category in (LC_CTYPE, LC_ALL) else "C"
    if locale not in ("C", "POSIX", "C.UTF-8", "C.utf8", _ctype_default()):
        raise Error("unsupported locale setting")
    for c in (_current if category == LC_ALL else (category,)):
        _current[c] = locale
    return locale


def localeconv():
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX,
            'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX, 'n_cs_precedes': CHAR_MAX,
            'n_sep_by_space': CHAR_MAX, 'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX,
            'decimal_point': '.', 'thousands_sep': '', 'grouping': []}


def getencoding():
    return "UTF-8"


def nl_langinfo(key):
    if key == CODESET:
        return "UTF-8"
    raise NotImplementedError("cpjit's _locale.nl_langinfo knows only CODESET")


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s
