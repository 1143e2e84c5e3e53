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
