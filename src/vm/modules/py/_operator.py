"""Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python."""
# cpjit's _operator: only what differs from operator.py's pure-Python definitions in a way
# programs see (operator.py keeps its own functions for everything else).


def index(a):
    "Same as a.__index__()"
    if type(a) is int or type(a) is bool:
        return a
    try:
        f = type(a).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(a).__name__) from None
    return f(a)


def _compare_digest(a, b):
    """Return 'a == b'.

    This function uses an approach designed to prevent
    timing analysis, making it appropriate for cryptography."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a = a.encode('ascii')
        b = b.encode('ascii')
    elif isinstance(a, str) or isinstance(b, str):
        other = b if isinstance(a, str) else a
        try:
            memoryview(other)
        except TypeError:
            raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                            % (type(a).__name__, type(b).__name__)) from None
        raise TypeError("a bytes-like object is required, not 'str'")
    else:
        def buf(x):
            try:
                return bytes(memoryview(x))
            except TypeError:
                return None
        va, vb = buf(a), buf(b)
        if va is None and vb is None:
            raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                            % (type(a).__name__, type(b).__name__))
        # One side supports the buffer protocol: the other's is the error (PyObject_GetBuffer).
        for x, v in ((a, va), (b, vb)):
            if v is None:
                raise TypeError("a bytes-like object is required, not '%s'" % type(x).__name__)
        a, b = va, vb
    # Every byte is compared whatever the first difference.
    result = len(a) ^ len(b)
    if len(a) != len(b):
        b = a
    for x, y in zip(a, b):
        result |= x ^ y
    return result == 0
