# Small ints and floats (unboxed values) where built-ins look at an argument's type (issue 12:
# obj_type on a non-pointer read memory through it); every call must raise or return as CPython.
tests = [
 "type.__setattr__(5, 'x', 1)", "type.__setattr__(2.5, 'x', 1)", "type.__delattr__(5, 'x')",
 "type.__subclasses__(5)", "type.__subclasses__(2.5)", "type.__instancecheck__(5, 1)", "type.__subclasscheck__(int, 5)",
 "type.__subclasscheck__(5, int)", "type.__prepare__(5)", "type.__call__(5)", "type.__call__(2.5)", "type.__new__(5)",
 "isinstance(5, 2.5)", "issubclass(5, 2.5)", "issubclass(int, 2.5)", "BaseException.__new__(5)", "frozenset.__new__(5)",
 "set.__new__(2.5)", "int.__new__(5)", "str.__new__(2.5)", "dict.__new__(5)", "list.__new__(5.5)", "property.__get__(5, 5)",
 "vars(5)", "dir(5)", "getattr(5, 5)", "setattr(5, 5, 5)", "delattr(5,5)", "hasattr(5, 2.5)",
 "type(5).__name__", "int.__name__.__class__", "type.__name__.__get__(5)",
]
for t in tests:
    try:
        r = eval(t)
        print(t, 'ok')
    except Exception as e:
        print(t, type(e).__name__)
