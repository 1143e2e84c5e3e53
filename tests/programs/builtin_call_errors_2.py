# Built-ins called with unusual arguments (call-fuzzer findings): each line is the result's repr
# or the exception's type and message, as CPython 3.11 gives them.
import copy
import math
import pickle
import random
import time
import _random


class U:
    def __repr__(self):
        return "U()"


class MyInt(int): pass
class MyStr(str): pass
class MyBytes(bytes): pass
class MyBA(bytearray): pass
class MyDict(dict): pass
class MyExc(ValueError): pass


class Idx:
    def __index__(self):
        return 5


class R(_random.Random): pass


class R2(_random.Random):
    def __init__(self, *a, **k):
        pass


class BA(bytearray): pass


def show(src):
    try:
        r = eval(src)
        text = repr(r)
        if " at 0x" in text:
            text = "<" + type(r).__name__ + " object>"
        print(src, "->", text)
    except Exception as e:
        print(src, "->", type(e).__name__ + ":", e)


cases = [
    # format(): its own argument check, then the types' __format__
    "format(U(), type)",
    "format(1, 2)",
    "format(1, MyStr('d'))",
    "format(2.5, MyStr(''))",
    "bool.__format__(-3, 2.5)",
    "int.__format__(1, 2)",
    "float.__format__(1.0, None)",
    "str.__format__('a', 1)",
    "int.__format__(1)",
    "object.__format__(1)",
    "int.__format__(1, 'd', 2)",
    "object.__format__(1, x=2)",
    # math.lcm converts every argument
    "math.lcm(MyInt(3), False, MyDict(k=1))",
    "math.lcm(0, 'a')",
    "math.lcm(0, 5, -3)",
    "math.lcm(-4)",
    "math.lcm(4, 6, Idx())",
    "math.lcm()",
    # object.__new__ with excess arguments
    "object.__new__(U, 'utf-8', float('-inf'), base=b'')",
    "object.__new__(U, 1)",
    "object.__new__(U)",
    "type(len)()",
    "type(iter([]))()",
    "type(iter(range(1)))()",
    # descriptors of range and bytearray check their self
    "bytearray.__reduce__(MyDict(k=1))",
    "range.__reduce__(MyExc('e'))",
    "bytearray.__reduce_ex__(5, 2)",
    "range.__reduce__(range(3))",
    "range.__reduce__(range(3), 1)",
    "range.__reduce__(range(3), k=1)",
    "range.__reduce__(range(1, 10**20, 7))",
    "range(0).__reduce_ex__(2)",
    "range(3).__reduce_ex__(0)",
    "bytearray(b'a').__reduce_ex__()",
    "bytearray().__reduce__()",
    "bytearray().__reduce_ex__(4)",
    "bytearray(b'\\xe9').__reduce__()",
    "bytearray(b'a').__reduce_ex__(1, 2)",
    "bytearray(b'a').__reduce_ex__(p=1)",
    "bytearray(b'a').__reduce_ex__(2.5)",
    "bytearray(b'a').__reduce_ex__(2**40)",
    "bytearray.__reduce__(bytearray(), 1)",
    "BA(b'x').__reduce__()",
    "BA().__reduce_ex__(4)",
    "pickle.loads(pickle.dumps(range(1, 10**30, 3)))",
    "[pickle.loads(pickle.dumps(range(-5, 5, 2), p)) for p in range(6)]",
    "[pickle.loads(pickle.dumps(bytearray(b'a\\xff'), p)) for p in range(6)]",
    "[pickle.loads(pickle.dumps(bytearray(), p)) for p in range(6)]",
    "copy.copy(range(5))",
    "copy.deepcopy([range(2, 5), bytearray(b'z')])",
    "copy.copy(BA(b'ab'))",
    "pickle.loads(pickle.dumps(BA(b'ab'), 2))",
    "object().__reduce_ex__()",
    "object.__reduce_ex__(1)",
    "object().__reduce_ex__(1, 2)",
    "object().__reduce_ex__(p=2)",
    # splitlines
    "str.splitlines('12', int, (1, 'a'), 2.5)",
    "'a\\nb'.splitlines(2.5)",
    "'a\\nb'.splitlines('x')",
    "'a\\nb'.splitlines(2)",
    "'a\\nb'.splitlines(keepends=1)",
    "'a\\nb'.splitlines(keepends=1, x=2)",
    "'a\\nb'.splitlines(x=2)",
    "'a\\nb'.splitlines(1, keepends=1)",
    "'a\\nb'.splitlines(2**70)",
    "'a\\nb'.splitlines(None)",
    "'a\\nb'.splitlines(-1)",
    "b'a\\nb'.splitlines(2.5)",
    "b'a\\nb'.splitlines(1, 2)",
    "bytearray(b'a\\nb').splitlines(1, 2)",
    "b'a\\nb'.splitlines(x=1)",
    "b'a\\nb'.splitlines(keepends=None)",
    "b'a\\r\\nb'.splitlines(True)",
    # time: time_t conversion, struct tm range, strftime's arguments
    "time.ctime(2**64)",
    "time.ctime(float('-inf'))",
    "time.ctime(float('inf'))",
    "time.ctime(float('nan'))",
    "time.gmtime(float('nan'))",
    "time.localtime(float('nan'))",
    "time.gmtime(2**63)",
    "time.gmtime(2**63 - 1)",
    "time.gmtime(-2**63)",
    "time.gmtime(2**62)",
    "time.gmtime(1e20)",
    "time.gmtime(1e18)",
    "time.gmtime(-1e30)",
    "time.gmtime(9.3e18)",
    "time.gmtime(2.0**63)",
    "time.gmtime(67767976233316799)",
    "time.gmtime(67767976233316800)",
    "time.gmtime(-67768040609740800)",
    "time.gmtime(-67768040609740801)",
    "time.localtime(2**64)",
    "time.gmtime(Idx())",
    "time.gmtime('x')",
    "time.gmtime(-2.5)",
    "time.strftime(())",
    "time.strftime(1)",
    "time.strftime(b'x')",
    "time.strftime()",
    "time.strftime('a', (1,)*9, 3)",
    "time.strftime(x='a')",
    "time.strftime('%Y', (2000, 1, 1, 0, 0, 0, 0, 1, 0))",
    "time.asctime((2000, 1, 1, 0, 0, 0, 0, 1, 0))",
    "type(time.clock_gettime(-3))",
    "time.clock_gettime(-3) >= 0",
    "time.clock_gettime_ns(-3) >= 0",
    "time.clock_getres(-3) > 0",
    "time.clock_gettime(-6) >= 0",
    "time.clock_gettime(100)",
    "time.clock_getres(100)",
    "time.clock_gettime(2**31)",
    "time.clock_gettime(-3.0)",
    # with_traceback
    "ArithmeticError.with_traceback(ValueError('x'))",
    "ValueError().with_traceback()",
    "ValueError().with_traceback(1, 2)",
    "ValueError().with_traceback(5)",
    "ValueError().with_traceback(tb=None)",
    "ValueError('y').with_traceback(None)",
    "ValueError.with_traceback(1, None)",
    # ord of subclasses
    "ord(MyStr('s'))",
    "ord(MyBytes(b'a'))",
    "ord(MyBA(b'b'))",
    "ord(MyStr('ab'))",
    "ord(b'ab')",
    "ord(bytearray())",
    "ord(MyInt(1))",
    # object.__init__ of types without a __new__ of their own
    "bool.__init__(len, 7, float('-inf'), MyDict(k=1))",
    "object.__init__(len, 1)",
    "object.__init__(iter([]), 1)",
    "object.__init__(1, 2)",
    "object.__init__(U(), 1)",
    "object.__init__([], 1)",
    # _random.Random: tp_new allocates, tp_init seeds
    "random.SystemRandom(set())",
    "random.SystemRandom(1, 2)",
    "random.Random(set())",
    "_random.Random(set())",
    "R(set())",
    "R2(set())",
    "R2(1, 2, x=3)",
    "R(1, 2)",
    "R(x=1)",
    "_random.Random(x=1)",
    "_random.Random(1, 2)",
    "_random.Random.__init__(_random.Random(), set())",
    "_random.Random.__init__(_random.Random(), 1, 2)",
    "random.Random(5).random() == random.Random(5).random()",
    # SyntaxError's details tuple
    "SyntaxError(bytearray(b'xy'), 'utf-8')",
    "SyntaxError('m', ('f', 1, 2, 't', 3))",
    "SyntaxError('m', ('f', 1, 2, 't', 3, 4)).end_offset",
    "SyntaxError('m', ('f', 1, 2)).lineno",
    "SyntaxError('m', 'abcdefg')",
    "SyntaxError('m', 5)",
    "SyntaxError('m', ('f', 1, 2, 't')).text",
    # no-argument and one-argument methods name their type
    "float.conjugate(float('-inf'), b'', MyDict(k=1))",
    "float.conjugate(1.0, 2)",
    "(1.0).conjugate(2)",
    "float.conjugate(1.0, x=1)",
    "complex.conjugate(1j, 2)",
    "complex.conjugate(1j, x=2)",
    "complex.__complex__(1j, 2)",
    "int.__sizeof__(1, x=2)",
    "list.__reversed__([], x=1)",
    "(1).__sizeof__(2)",
    "[].__reversed__(2)",
    "float.__floor__(1.0, 2)",
    "float.__ceil__(1.0, k=2)",
    "int.__getnewargs__(1, x=2)",
    "range.__reversed__(range(1), 1)",
    "object.__getstate__(1, 2)",
    "type.__subclasses__(int, 1)",
    "str.__getnewargs__('a', 2)",
    "bytes.isdigit(b'1', 2)",
    "bytearray.isdigit(bytearray(b'1'), 2)",
    "True.bit_length(1)",
    "bytes.capitalize(b'', x=1)",
    "set.__reduce__(set(), 1)",
    "iter([]).__reduce__(1)",
    "ValueError().__reduce__(1)",
    "ValueError().__setstate__()",
    "iter([]).__length_hint__(1)",
    "type.__instancecheck__(int)",
    "list.__getitem__([1])",
    "dict.__contains__({})",
    "str.__contains__('a')",
    "str.__repr__('a', 1)",
    "A.f.__get__()",
    "A.f.__get__(1, 2, 3)",
    "float.__pow__(2.0)",
    "float.__pow__(2.0, 1, 2, 3)",
    # pow's modulus
    "float.__rpow__(0.0, MyDict(k=1), MyStr('s'))",
    "float.__pow__(2.0, 3, 5)",
    "float.__pow__(2.0, 'a', 5)",
    "float.__pow__(2.0, 3, None)",
    "(2.0).__pow__(2, 2)",
    "complex.__pow__(1j, 2, 3)",
    "complex.__pow__(1j, 'a', 3)",
    "complex.__rpow__(1j, 2, 3)",
    "int.__pow__(2, 3, 5.0)",
    "int.__rpow__(2, 3, 5)",
    # slices are unhashable
    "dict.pop(MyDict(k=1), slice(1, 2))",
    "dict.pop({}, slice(1, 2))",
    "{}.pop(slice(1), 3)",
    "{1: 2}.pop(slice(1), 3)",
    "hash(slice(1, 2))",
    "{slice(1, 2): 1}",
    "{slice(1, 2)}",
    "{}.get(slice(1))",
    "slice(1) in set()",
    "hash((1, slice(2)))",
    "frozenset([slice(1)])",
    "dict.fromkeys([slice(1)])",
    # __new__ of the singletons' types
    "type(...).__new__(U, -3)",
    "type(NotImplemented).__new__(U)",
    "type(...).__new__(int)",
    "type(...).__new__(type(...))",
    "type(...).__new__(1)",
    "type(...).__new__()",
    "type(...).__new__(type(...), 1)",
    "type(None)(1)",
    "type(...)(x=1)",
    "type(NotImplemented)(1)",
    "type(NotImplemented)()",
    "int.__new__(U)",
    "list.__new__(U)",
    "range.__new__(U, 1)",
    "type(None).__new__(U)",
]


class A:
    def f(self):
        pass


for c in cases:
    show(c)

# with_traceback sets __traceback__
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
e2 = ValueError("x")
print(e2.with_traceback(tb) is e2, e2.__traceback__.tb_lineno == tb.tb_lineno)
print(e2.with_traceback(None).__traceback__)
e2.__traceback__ = tb
print(e2.__traceback__.tb_frame.f_code.co_name)
try:
    e2.__traceback__ = 5
except TypeError as e:
    print("TypeError:", e)
for c in ["object.__format__(1, None)", "complex.__format__(1j, None)", "str.__format__('', None)",
          "format(1, None)", "time.strftime(None)"]:
    show(c)

# campaign 720-740
import os
import types
import weakref


def gen():
    yield 1


for c in ["type.__getattribute__(MyStr('s'), 'a b')", "type.__getattribute__(1, 'a')",
          "type.__getattribute__(int, 'a')", "type.__getattribute__(int, 1)",
          "type.__getattribute__(int, 'bit_length')",
          "str.rfind('abc', '12', -10**30)", "str.rfind('abc', 'c', -10**30)",
          "str.find('abc', 'c', -10**30, 10**30)", "str.rindex('abc', 'c', -10**30)",
          "str.count('abc', 'c', -10**30)", "'abc'.startswith('a', -10**30)",
          "'abc'.endswith('c', -10**30, 10**30)", "b'abc'.rfind(b'c', -10**30)",
          "'abc'.rfind('', -10**30)", "'abc'.find('', 10**30)", "'abc'.index('c', -10**30)",
          "'abc'.find('', 4)", "'abc'.find('', 3)", "'abc'.rfind('', 4)", "'abc'.count('', 4)",
          "'abc'.count('', 3)", "'abc'.startswith('', 4)", "'abc'.startswith('', 3)",
          "'abc'.endswith('', 4)", "'abc'.find('c', 'x')", "'abc'.index('', 4)",
          "'abc'.find('', 2, 1)", "'abc'.count('', 2, 1)", "'abc'.find('c', None, None)",
          "random.setstate(int)", "random.setstate((3, 5, None))",
          "ArithmeticError.__reduce_ex__('a b', 2**64)", "object.__reduce_ex__(1, 2**64)",
          "object.__reduce_ex__(1, -2**64)", "object.__reduce_ex__(1, 2**31)",
          "object.__reduce_ex__(1, 1.5)",
          "type.__init__(object, gen(), n='12')", "type.__init__(object, 1)",
          "type.__init__(object, 1, 2)", "type.__init__(object, 'a', (), {}, x=1)",
          "type.__init__(object, x=1)",
          "int[0]", "type[int]", "list[int]", "object[int]", "range[1]", "str[int]",
          "enumerate[int]", "os.DirEntry[str]", "types.MappingProxyType[str, int]",
          "weakref.ref[int]", "hasattr(int, '__class_getitem__')",
          "hasattr(ValueError, '__class_getitem__')", "hasattr(type, '__class_getitem__')"]:
    show(c)

# campaign 741-800
class P:
    def __pow__(self, o, m=None):
        return ('pow', o, m)

    def __rpow__(self, o, m=None):
        return ('rpow', o, m)


for c in ["BaseExceptionGroup.__init__(ValueError('x'), (1, 'a'))",
          "BaseExceptionGroup.__init__(ValueError('x'))",
          "BaseExceptionGroup.__str__(ValueError())", "ExceptionGroup.__init__(ValueError())",
          "BaseExceptionGroup('a', '', args=1, default=frozenset({3}))",
          "BaseExceptionGroup('a', [], x=1)", "BaseExceptionGroup('a', [ValueError()], x=1)",
          "BaseExceptionGroup('a', [ValueError()], 1)", "BaseExceptionGroup(1, [ValueError()], x=2)",
          "BaseExceptionGroup()",
          "classmethod.__getattribute__(2.5, 'x')", "staticmethod.__getattribute__(2.5, 'x')",
          "property.__getattribute__(1, 'x')",
          "BlockingIOError(7, 0.0, 0.0)", "BlockingIOError(7, 'a', 'x')",
          "BlockingIOError(7, 'a', 3).characters_written", "BlockingIOError(7, 'a', 2**70)",
          "BlockingIOError(7, 'a', 3, 4)", "BlockingIOError(7, 'a', 3, 4).characters_written",
          "BlockingIOError(7, 'a', None)", "BlockingIOError(7, 'a', True).characters_written",
          "float.fromhex(MyStr('s'))", "float.fromhex(MyStr('0x1p1'))", "float.fromhex(1)",
          "float.fromhex()", "bytearray.fromhex(MyStr('s'))", "bytes.fromhex(MyStr('41'))",
          "bytearray.fromhex()", "bytes.fromhex(1)",
          "AttributeError.__str__(MyExc('e'))", "ImportError.__str__(MyExc('e'))",
          "NameError.__str__(MyExc('e'))", "KeyError.__str__(MyExc('e'))",
          "ImportError.__reduce__(MyExc('e'))", "OSError.__reduce__(MyExc('e'))",
          "ImportError('m', name='n').__reduce__()", "ImportError('m').__reduce__()",
          "str(AttributeError('a'))",
          "str.ljust(MyStr('s'), -10**30)", "'s'.ljust(10**30)", "'s'.center(-10**30)",
          "'s'.zfill(-10**30)", "'s'.rjust('x')", "'s'.zfill(2.5)", "'s'.center(3, 'xy')",
          "bool.__reduce__(len)", "int.__reduce__(len)", "len.__reduce__()",
          "[].append.__reduce__()[0]", "pickle.loads(pickle.dumps(len))",
          "pickle.loads(pickle.dumps(divmod))", "type(len).__reduce__(len, 1)",
          "type(len).__reduce__(1)", "A().f.__reduce__()[0]", "object.__reduce__(A().f)",
          "pow(float('-inf'), 0.0, (1+2j))", "pow(1.0, 2.0, 3)", "pow(1j, 2, 3.0)",
          "pow(1, 2.0, 1j)", "pow(1, 2, 1j)", "pow(1, 2, 'a')", "pow('a', 2, 3)", "pow(P(), 2, 3)",
          "pow(2, P(), 3)", "pow(2, 3, P())", "pow(True, 2, 3)", "pow(2.0, 2, 'a')",
          "pow('a', 2.0, 1j)", "pow(1j, 'a', 2)", "pow(1, 1j, 2)", "pow(MyInt(3), 2, 5)",
          "pow(3, -1, 7)", "pow(2, 3, 0)", "pow(2, 3, None)"]:
    show(c)

# argument-count and argument-type messages of str/bytes/bytearray/list methods
for c in ["'abc'.find()", "'abc'.find('a', 1, 2, 3)", "'abc'.count()", "'abc'.count('a', 1, 2, 3)",
          "'abc'.index()", "'abc'.rindex('a', 1, 2, 3)", "'abc'.startswith()",
          "'abc'.endswith('a', 1, 2, 3)", "'abc'.find(x=1)", "'abc'.find(1)", "'abc'.count(1)",
          "'abc'.partition(1)", "'abc'.strip(1)", "'abc'.lstrip(1)", "'abc'.rstrip(1)",
          "'abc'.join(1)", "''.join([1])", "b''.find()", "b''.count(b'a', 1, 2, 3)",
          "bytearray().rfind()", "b''.startswith()", "bytearray().endswith(b'a', 1, 2, 3)",
          "b''.find(x=1)", "[].insert(1)", "[].insert()", "bytearray().insert(1, 2, 3)",
          "bytes.maketrans(b'a')", "divmod(1)", "isinstance(1)", "str.maketrans(1, 2, 3, 4)"]:
    show(c)

# keyword errors of built-ins, split/expandtabs/encode/decode arguments
import cmath
for c in ["'a'.split(x=1)", "b'a'.split(x=1)", "b'a'.decode(x=1)", "b'a'.hex(x=1)",
          "b'a'.expandtabs(x=1)", "b'a'.translate(None, x=1)", "[].sort(x=1)", "'a'.encode(x=1)",
          "zip(x=1)", "math.isclose(1, 2, x=1)", "cmath.isclose(1, 2, x=1)",
          "compile('1', 'f', 'eval', x=1)", "pow(1, 2, x=1)", "sorted([], x=1)", "min([1], x=1)",
          "sum([], x=1)", "memoryview(b'').cast('B', x=1)",
          "'a'.split(1, 2, 3)", "'a'.split(' ', 1, maxsplit=2)", "'a b'.split(None, 1)",
          "'a b'.split(maxsplit=1)", "'a b'.rsplit(' ', maxsplit=0)",
          "b'a b'.split(maxsplit=1, sep=None)", "b'a'.rsplit(b' ', 1.5)", "b'a'.split(1, 2, 3)",
          "'a\\tb'.expandtabs(1, 2)", "'a\\tb'.expandtabs(tabsize=2)", "'a\\tb'.expandtabs(2.5)",
          "b'a\\tb'.expandtabs(1, 2)", "b'a\\tb'.expandtabs(tabsize=3)",
          "bytearray(b'a\\tb').expandtabs(2**40)",
          "'a'.encode(1)", "'a'.encode('utf-8', 1)", "'a'.encode(None)", "b'a'.decode(1)",
          "b'a'.decode('utf-8', None)"]:
    show(c)
# Campaign 900-949: a time tuple of None is refused (only an omitted one means now); a base
# beyond the machine range is out of range.
import time
for c in ["time.strftime('12', None)", "time.asctime(None)", "time.asctime(5)", "time.mktime(None)",
          "time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1, 0))", "int('abc', -10**30)",
          "int('abc', 10**30)", "int('abc', 37)", "int('11', 2**64 // 2**64 + 1)"]:
    show(c)
