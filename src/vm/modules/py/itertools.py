__doc__ = 'Functional tools for creating and using iterators.\n\nInfinite iterators:\ncount(start=0, step=1) --> start, start+step, start+2*step, ...\ncycle(p) --> p0, p1, ... plast, p0, p1, ...\nrepeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\nIterators terminating on the shortest input sequence:\naccumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\nchain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\nchain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\ncompress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\ndropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\ngroupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\nfilterfalse(pred, seq) --> elements of seq where pred(elem) is False\nislice(seq, [start,] stop [, step]) --> elements from\n       seq[start:stop:step]\npairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\nstarmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\ntee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\ntakewhile(pred, seq) --> seq[0], seq[1], until pred fails\nzip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\nCombinatoric generators:\nproduct(p, q, ... [repeat=1]) --> cartesian product\npermutations(p[, r])\ncombinations(p, r)\ncombinations_with_replacement(p, r)\n'

# The Python part of cpjit's itertools (modules/itertools.rs): tee, its _tee and
# _tee_dataobject, as CPython 3.11's Modules/itertoolsmodule.c defines them. The iterator
# types (count, chain, islice, ...) are native and set in this namespace before it runs.

_object_init = object.__init__
_object_new = object.__new__
_MAXSIZE = (1 << 63) - 1
_LINKCELLS = 57


class _Iter:
    """The base of the iterator classes: an iterator is its own iterator."""

    __slots__ = ()

    def __iter__(self):
        return self


def _no_keywords(cls, name, kw):
    # C: `(type == &X_type || type->tp_init == X_type.tp_init) && !_PyArg_NoKeywords(...)`: a
    # subclass with its own __init__ may take keywords.
    if kw and cls.__init__ is _object_init:
        raise TypeError(f"{name}() takes no keyword arguments")


def _positional(name, args, lo, hi):
    n = len(args)
    if lo <= n <= hi:
        return
    if lo == hi:
        what = f"{lo} argument{'s' if lo != 1 else ''}"
    elif n < lo:
        what = f"at least {lo} argument{'s' if lo != 1 else ''}"
    else:
        what = f"at most {hi} argument{'s' if hi != 1 else ''}"
    raise TypeError(f"{name} expected {what}, got {n}")


def _ssize(obj):
    """PyLong_AsSsize_t: an int in the Py_ssize_t range (OverflowError outside it)."""
    if not isinstance(obj, int):
        raise TypeError(f"an integer is required (got type {type(obj).__name__})")
    if not -_MAXSIZE - 1 <= obj <= _MAXSIZE:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return int(obj)


def _index_ssize(obj):
    """The "n" argument format: __index__, OverflowError outside the Py_ssize_t range."""
    i = _index(obj)
    if not -_MAXSIZE - 1 <= i <= _MAXSIZE:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return int(i)


def _index(obj):
    if isinstance(obj, int):
        return obj
    meth = getattr(type(obj), "__index__", None)
    if meth is None:
        raise TypeError(f"'{type(obj).__name__}' object cannot be interpreted as an integer")
    i = meth(obj)
    if not isinstance(i, int):
        raise TypeError(f"__index__ returned non-int (type {type(i).__name__})")
    return i


def _state_tuple(state):
    if not isinstance(state, tuple):
        raise TypeError("state is not a tuple")
    return state


class _tee_dataobject:
    """teedataobject(iterable, values, next, /)
--

Data container common to multiple tee objects."""

    __slots__ = ("_it", "_values", "_nextlink", "_running")

    def __new__(cls, it, values, next, /):
        if not isinstance(values, list):
            raise TypeError(f"_tee_dataobject() argument 2 must be list, "
                            f"not {type(values).__name__}")
        n = len(values)
        if n > _LINKCELLS:
            raise ValueError("Invalid arguments")
        if n == _LINKCELLS:
            if next is not None and type(next) is not _tee_dataobject:
                raise ValueError("Invalid arguments")
        elif next is not None:
            raise ValueError("Invalid arguments")
        self = cls._new(it)
        self._values = list(values)
        self._nextlink = next
        return self

    @classmethod
    def _new(cls, it):
        self = _object_new(cls)
        self._it = it
        self._values = []
        self._nextlink = None
        self._running = False
        return self

    def _getitem(self, i):
        values = self._values
        if i < len(values):
            return values[i]
        # This is the lead iterator, so fetch more data.
        if self._running:
            raise RuntimeError("cannot re-enter the tee iterator")
        self._running = True
        try:
            value = next(self._it)
        finally:
            self._running = False
        values.append(value)
        return value

    def _jumplink(self):
        if self._nextlink is None:
            self._nextlink = _tee_dataobject._new(self._it)
        return self._nextlink

    def __reduce__(self):
        return (type(self), (self._it, list(self._values), self._nextlink))


class _tee(_Iter):
    """Iterator wrapped to make it copyable."""

    __slots__ = ("_dataobj", "_index", "__weakref__")

    def __new__(cls, *args, **kw):
        _no_keywords(cls, "_tee", kw)
        _positional("_tee", args, 1, 1)
        return _tee_fromiterable(args[0])

    def __next__(self):
        if self._index >= _LINKCELLS:
            self._dataobj = self._dataobj._jumplink()
            self._index = 0
        value = self._dataobj._getitem(self._index)
        self._index += 1
        return value

    def __copy__(self):
        """Returns an independent iterator."""
        new = _object_new(type(self))
        new._dataobj = self._dataobj
        new._index = self._index
        return new

    def __reduce__(self):
        return (type(self), ((),), (self._dataobj, self._index))

    def __setstate__(self, state):
        _state_tuple(state)
        if len(state) != 2 or not isinstance(state[0], _tee_dataobject):
            raise TypeError("_tee.__setstate__ expects a (_tee_dataobject, int) tuple")
        index = _ssize(state[1])
        if index < 0 or index > _LINKCELLS:
            raise ValueError("Index out of range")
        self._dataobj = state[0]
        self._index = index


def _tee_fromiterable(iterable):
    it = iter(iterable)
    if isinstance(it, _tee):
        return it.__copy__()
    to = _object_new(_tee)
    to._dataobj = _tee_dataobject._new(it)
    to._index = 0
    return to


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _index_ssize(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    copyfunc = getattr(it, "__copy__", None)
    if copyfunc is not None:
        copyable = it
    else:
        copyable = _tee_fromiterable(it)
        copyfunc = copyable.__copy__
    result = [copyable]
    for _ in range(1, n):
        result.append(copyfunc())
    return tuple(result)


# Each stands in for a type CPython writes in C: messages name it as CPython's tp_name does.
import _cpjit
for _t in (_tee_dataobject, _tee):
    _cpjit.c_type(_t)
del _t, _cpjit
