"""Functional tools for creating and using iterators."""

# itertools for cpjit: the iterator classes of CPython 3.11's Modules/itertoolsmodule.c written
# in Python, with the C module's state, argument checks, reprs and pickling
# (__reduce__/__setstate__ giving and taking the same state tuples).

_object_init = object.__init__
_object_new = object.__new__
_MAXSIZE = (1 << 63) - 1
_LINKCELLS = 57


class _Null:
    """A missing value (C's NULL), distinct from None."""
    __slots__ = ()


_NULL = _Null()


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


def _clamped_ssize(obj):
    """PyNumber_AsSsize_t(obj, NULL): __index__, clamped to the Py_ssize_t range; None when
    obj is not an integer."""
    try:
        i = _index(obj)
    except TypeError:
        return None
    if i > _MAXSIZE:
        return _MAXSIZE
    if i < -_MAXSIZE - 1:
        return -_MAXSIZE - 1
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


def _is_number(obj):
    # PyNumber_Check: nb_index, nb_int or nb_float, or a complex.
    if isinstance(obj, (int, float, complex)):
        return True
    t = type(obj)
    return (hasattr(t, "__index__") or hasattr(t, "__int__") or hasattr(t, "__float__"))


def _is_iterator(obj):
    return hasattr(type(obj), "__next__")


def _state_tuple(state):
    if not isinstance(state, tuple):
        raise TypeError("state is not a tuple")
    return state


class count(_Iter):
    """Return a count object whose .__next__() method returns consecutive values.

Equivalent to:
    def count(firstval=0, step=1):
        x = firstval
        while 1:
            yield x
            x += step"""

    __slots__ = ("_cnt", "_step")

    def __new__(cls, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        self = _object_new(cls)
        self._cnt = start
        self._step = step
        return self

    def __next__(self):
        cnt = self._cnt
        self._cnt = cnt + self._step
        return cnt

    def _step_is_one(self):
        step = self._step
        return isinstance(step, int) and step == 1

    def __repr__(self):
        name = type(self).__name__
        if self._step_is_one():
            return f"{name}({self._cnt!r})"
        return f"{name}({self._cnt!r}, {self._step!r})"

    def __reduce__(self):
        if self._step_is_one():
            return (type(self), (self._cnt,))
        return (type(self), (self._cnt, self._step))


class cycle(_Iter):
    """Return elements from the iterable until it is exhausted. Then repeat the sequence
indefinitely."""

    __slots__ = ("_it", "_saved", "_index", "_firstpass")

    def __new__(cls, *args, **kw):
        _no_keywords(cls, "cycle", kw)
        _positional("cycle", args, 1, 1)
        it = iter(args[0])
        self = _object_new(cls)
        self._it = it
        self._saved = []
        self._index = 0
        self._firstpass = False
        return self

    def __next__(self):
        it = self._it
        if it is not None:
            try:
                item = next(it)
            except StopIteration:
                self._it = None
            else:
                if not self._firstpass:
                    self._saved.append(item)
                return item
        saved = self._saved
        if not saved:
            raise StopIteration
        index = self._index
        item = saved[index]
        index += 1
        if index >= len(saved):
            index = 0
        self._index = index
        return item

    def __reduce__(self):
        # Create a new cycle with the iterator tuple, then set the saved state.
        if self._it is None:
            it = iter(self._saved)
            if self._index:
                it.__setstate__(self._index)
            return (type(self), (it,), (self._saved, True))
        return (type(self), (self._it,), (self._saved, self._firstpass))

    def __setstate__(self, state):
        _state_tuple(state)
        if len(state) != 2 or not isinstance(state[0], list):
            raise TypeError("cycle.__setstate__ expects a (list, int) tuple")
        firstpass = _ssize(state[1]) if not isinstance(state[1], bool) else int(state[1])
        self._saved = state[0]
        self._firstpass = firstpass != 0
        self._index = 0


class repeat(_Iter):
    """repeat(object [,times]) -> create an iterator which returns the object
for the specified number of times.  If not specified, returns the object
endlessly."""

    __slots__ = ("_element", "_cnt")

    def __new__(cls, object, times=_NULL):
        self = _object_new(cls)
        self._element = object
        if times is _NULL:
            self._cnt = -1
        else:
            # A negative count given is taken as 0 (-1 means endless).
            self._cnt = max(_index_ssize(times), 0)
        return self

    def __next__(self):
        cnt = self._cnt
        if cnt == 0:
            raise StopIteration
        if cnt > 0:
            self._cnt = cnt - 1
        return self._element

    def __length_hint__(self):
        if self._cnt == -1:
            raise TypeError("len() of unsized object")
        return self._cnt

    def __repr__(self):
        name = type(self).__name__
        if self._cnt == -1:
            return f"{name}({self._element!r})"
        return f"{name}({self._element!r}, {self._cnt})"

    def __reduce__(self):
        if self._cnt >= 0:
            return (type(self), (self._element, self._cnt))
        return (type(self), (self._element,))


class accumulate(_Iter):
    """Return series of accumulated sums (or other binary function results)."""

    __slots__ = ("_it", "_binop", "_total", "_initial")

    def __new__(cls, iterable, func=None, *, initial=None):
        it = iter(iterable)
        self = _object_new(cls)
        self._it = it
        self._binop = func
        self._total = _NULL
        self._initial = initial
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        val = next(self._it)
        total = self._total
        if total is _NULL:
            self._total = val
            return val
        binop = self._binop
        total = total + val if binop is None else binop(total, val)
        self._total = total
        return total

    def __reduce__(self):
        if self._initial is not None:
            it = chain((self._initial,), self._it)
            return (type(self), (it, self._binop), None)
        if self._total is None:
            it = chain((self._total,), self._it)
            it = type(self)(it, self._binop)
            return (islice, (it, 1, None))
        total = None if self._total is _NULL else self._total
        return (type(self), (self._it, self._binop), total)

    def __setstate__(self, state):
        self._total = state


class chain(_Iter):
    """Return a chain object whose .__next__() method returns elements from the
first iterable until it is exhausted, then elements from the next
iterable, until all of the iterables are exhausted."""

    __slots__ = ("_source", "_active")

    def __new__(cls, *args, **kw):
        _no_keywords(cls, "chain", kw)
        self = _object_new(cls)
        self._source = iter(args)
        self._active = None
        return self

    @classmethod
    def from_iterable(cls, iterable, /):
        """Alternative chain() constructor taking a single iterable argument that evaluates
lazily."""
        self = _object_new(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __next__(self):
        while self._source is not None:
            active = self._active
            if active is None:
                try:
                    iterable = next(self._source)
                    active = self._active = iter(iterable)
                except BaseException:
                    self._source = None
                    raise
            try:
                return next(active)
            except StopIteration:
                self._active = None
        raise StopIteration

    def __reduce__(self):
        if self._source is not None:
            if self._active is not None:
                return (type(self), (), (self._source, self._active))
            return (type(self), (), (self._source,))
        return (type(self), ())

    def __setstate__(self, state):
        _state_tuple(state)
        _positional("__setstate__", state, 1, 2)
        source = state[0]
        active = state[1] if len(state) > 1 else None
        if not _is_iterator(source) or (len(state) > 1 and not _is_iterator(active)):
            raise TypeError("Arguments must be iterators.")
        self._source = source
        self._active = active

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class compress(_Iter):
    """Return data elements corresponding to true selector elements.

Forms a shorter iterator from selected data elements using the selectors to
choose the data elements."""

    __slots__ = ("_data", "_selectors")

    def __new__(cls, data, selectors):
        data = iter(data)
        selectors = iter(selectors)
        self = _object_new(cls)
        self._data = data
        self._selectors = selectors
        return self

    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            datum = next(data)
            if next(selectors):
                return datum

    def __reduce__(self):
        return (type(self), (self._data, self._selectors))


class _FuncIter(_Iter):
    """A function and an iterator: the state of filterfalse and starmap (and of dropwhile and
takewhile, with a flag)."""

    __slots__ = ("_func", "_it")
    _name = ""

    def __new__(cls, *args, **kw):
        _no_keywords(cls, cls._name, kw)
        _positional(cls._name, args, 2, 2)
        it = iter(args[1])
        self = _object_new(cls)
        self._func = args[0]
        self._it = it
        return self

    def __reduce__(self):
        return (type(self), (self._func, self._it))


class _PredicateIter(_FuncIter):
    __slots__ = ("_flag",)

    def __new__(cls, *args, **kw):
        self = _FuncIter.__new__(cls, *args, **kw)
        self._flag = False
        return self

    def __reduce__(self):
        return (type(self), (self._func, self._it), self._flag)

    def __setstate__(self, state):
        self._flag = bool(state)


class dropwhile(_PredicateIter):
    """Drop items from the iterable while predicate(item) is true.

Afterwards, return every element until the iterable is exhausted."""

    __slots__ = ()
    _name = "dropwhile"

    def __next__(self):
        it = self._it
        for item in it:
            if self._flag:
                return item
            if not self._func(item):
                self._flag = True
                return item
        raise StopIteration


class takewhile(_PredicateIter):
    """Return successive entries from an iterable as long as the predicate evaluates to true
for each entry."""

    __slots__ = ()
    _name = "takewhile"

    def __next__(self):
        if self._flag:
            raise StopIteration
        item = next(self._it)
        if self._func(item):
            return item
        self._flag = True
        raise StopIteration


class filterfalse(_FuncIter):
    """Return those items of iterable for which function(item) is false.

If function is None, return the items that are false."""

    __slots__ = ()
    _name = "filterfalse"

    def __next__(self):
        func = self._func
        if func is None or func is bool:
            for item in self._it:
                if not item:
                    return item
        else:
            for item in self._it:
                if not func(item):
                    return item
        raise StopIteration


class starmap(_FuncIter):
    """Return an iterator whose values are returned from the function evaluated with an
argument tuple taken from the given sequence."""

    __slots__ = ()
    _name = "starmap"

    def __next__(self):
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(args)
        return self._func(*args)


_ISLICE_STOP = ("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")


class islice(_Iter):
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object

Return an iterator whose next() method returns selected values from an
iterable.  If start is specified, will skip all preceding elements;
otherwise, start defaults to zero.  Step defaults to one.  If
specified as another value, step determines how many values are
skipped between successive calls.  Works like a slice() on a list
but returns an iterator."""

    __slots__ = ("_it", "_next", "_stop", "_step", "_cnt")

    def __new__(cls, *args, **kw):
        _no_keywords(cls, "islice", kw)
        _positional("islice", args, 2, 4)
        start, stop, step = 0, -1, 1
        if len(args) == 2:
            if args[1] is not None:
                stop = _clamped_ssize(args[1])
                if stop is None or stop == -1:
                    raise ValueError(_ISLICE_STOP)
        else:
            if args[1] is not None:
                start = _clamped_ssize(args[1])
                if start is None:
                    start = -1
            if args[2] is not None:
                stop = _clamped_ssize(args[2])
                if stop is None or stop == -1:
                    raise ValueError(_ISLICE_STOP)
        if start < 0 or stop < -1:
            raise ValueError("Indices for islice() must be None or an integer: "
                             "0 <= x <= sys.maxsize.")
        if len(args) == 4 and args[3] is not None:
            step = _clamped_ssize(args[3])
            if step is None:
                step = -1
        if step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        it = iter(args[0])
        self = _object_new(cls)
        self._it = it
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        try:
            stop = self._stop
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop != -1 and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except BaseException:
            self._it = None
            raise
        self._cnt += 1
        nxt = self._next + self._step
        if nxt > _MAXSIZE or (stop != -1 and nxt > stop):
            nxt = stop
        self._next = nxt
        return item

    def __reduce__(self):
        if self._it is None:
            return (type(self), (iter([]), 0), 0)
        stop = None if self._stop == -1 else self._stop
        return (type(self), (self._it, self._next, stop, self._step), self._cnt)

    def __setstate__(self, state):
        self._cnt = _ssize(state)


class zip_longest(_Iter):
    """zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object

Return a zip_longest object whose .__next__() method returns a tuple where
the i-th element comes from the i-th iterable argument.  The .__next__()
method continues until the longest iterable in the argument sequence
is exhausted and then it raises StopIteration.  When the shorter iterables
are exhausted, the fillvalue is substituted in their place.  The fillvalue
defaults to None or can be specified by a keyword argument."""

    __slots__ = ("_its", "_numactive", "_fillvalue")

    def __new__(cls, *args, **kw):
        fillvalue = None
        if kw:
            if len(kw) != 1 or "fillvalue" not in kw:
                raise TypeError("zip_longest() got an unexpected keyword argument")
            fillvalue = kw["fillvalue"]
        its = [iter(arg) for arg in args]
        self = _object_new(cls)
        self._its = its
        self._numactive = len(its)
        self._fillvalue = fillvalue
        return self

    def __next__(self):
        its = self._its
        if not its or not self._numactive:
            raise StopIteration
        fillvalue = self._fillvalue
        result = []
        for i, it in enumerate(its):
            if it is None:
                item = fillvalue
            else:
                try:
                    item = next(it)
                except StopIteration:
                    self._numactive -= 1
                    if not self._numactive:
                        raise
                    item = fillvalue
                    its[i] = None
                except BaseException:
                    self._numactive = 0
                    raise
            result.append(item)
        return tuple(result)

    def __reduce__(self):
        args = tuple(() if it is None else it for it in self._its)
        return (type(self), args, self._fillvalue)

    def __setstate__(self, state):
        self._fillvalue = state


class product(_Iter):
    """Cartesian product of input iterables.  Equivalent to nested for-loops.

For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).
The leftmost iterators are in the outermost for-loop, so the output tuples
cycle in a manner similar to an odometer (with the rightmost element changing
on every iteration).

To compute the product of an iterable with itself, specify the number
of repetitions with the optional repeat keyword argument. For example,
product(A, repeat=4) means the same as product(A, A, A, A).

product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)
product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ..."""

    __slots__ = ("_pools", "_indices", "_result", "_stopped")

    def __new__(cls, *args, **kw):
        repeat = 1
        if kw:
            for k in kw:
                if k != "repeat":
                    raise TypeError(f"'{k}' is an invalid keyword argument for product()")
            repeat = _index_ssize(kw["repeat"])
            if repeat < 0:
                raise ValueError("repeat argument cannot be negative")
        if repeat == 0:
            args = ()
        elif args and len(args) > _MAXSIZE // 8 // repeat:
            raise OverflowError("repeat argument too large")
        pools = tuple(tuple(a) for a in args) * repeat
        self = _object_new(cls)
        self._pools = pools
        self._indices = [0] * len(pools)
        self._result = None
        self._stopped = False
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pools = self._pools
        result = self._result
        if result is None:
            for pool in pools:
                if not pool:
                    self._stopped = True
                    raise StopIteration
            result = self._result = [pool[0] for pool in pools]
        else:
            indices = self._indices
            i = len(pools) - 1
            while i >= 0:
                pool = pools[i]
                indices[i] += 1
                if indices[i] == len(pool):
                    indices[i] = 0
                    result[i] = pool[0]
                else:
                    result[i] = pool[indices[i]]
                    break
                i -= 1
            if i < 0:
                self._stopped = True
                raise StopIteration
        return tuple(result)

    def __reduce__(self):
        if self._stopped:
            return (type(self), ((),))
        if self._result is None:
            return (type(self), self._pools)
        return (type(self), self._pools, tuple(self._indices))

    def __setstate__(self, state):
        pools = self._pools
        n = len(pools)
        if not isinstance(state, tuple) or len(state) != n:
            raise ValueError("invalid arguments")
        indices = self._indices
        for i in range(n):
            index = _ssize(state[i])
            poolsize = len(pools[i])
            if poolsize == 0:
                self._stopped = True
                return
            if index < 0:
                index = 0
            elif index > poolsize - 1:
                index = poolsize - 1
            indices[i] = index
        self._result = [pools[i][indices[i]] for i in range(n)]


class _PoolIter(_Iter):
    """combinations, combinations_with_replacement and permutations: a pool, r, the indices
of the current result and whether the last one was given."""

    __slots__ = ("_pool", "_r", "_indices", "_result", "_stopped")

    def _start(self, pool, r, indices, stopped):
        self._pool = pool
        self._r = r
        self._indices = indices
        self._result = None
        self._stopped = stopped

    def __next__(self):
        if self._stopped:
            raise StopIteration
        result = self._result
        if result is None:
            pool = self._pool
            result = self._result = [pool[i] for i in self._indices[:self._r]]
        elif not self._advance(self._pool, self._indices, self._r, result):
            self._stopped = True
            raise StopIteration
        return tuple(result)

    def _state(self):
        return tuple(self._indices)

    def __reduce__(self):
        if self._result is None:
            return (type(self), (self._pool, self._r))
        if self._stopped:
            return (type(self), ((), self._r))
        return (type(self), (self._pool, self._r), self._state())

    def __setstate__(self, state):
        r = self._r
        if not isinstance(state, tuple) or len(state) != r:
            raise ValueError("invalid arguments")
        self._set_indices(state, r)
        self._set_result()

    def _set_indices(self, state, r):
        n = len(self._pool)
        indices = self._indices
        for i in range(r):
            # Clamped to the largest index the position can hold.
            index = min(_ssize(state[i]), self._top(i, n, r))
            indices[i] = max(index, 0)

    def _set_result(self):
        pool = self._pool
        self._result = [pool[i] for i in self._indices[:self._r]]


def _pool_and_r(iterable, r):
    pool = tuple(iterable)
    r = _index_ssize(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    return pool, len(pool), r


class combinations(_PoolIter):
    """Return successive r-length combinations of elements in the iterable.

combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"""

    __slots__ = ()

    def __new__(cls, iterable, r):
        pool, n, r = _pool_and_r(iterable, r)
        self = _object_new(cls)
        self._start(pool, r, list(range(r)), r > n)
        return self

    def _advance(self, pool, indices, r, result):
        # The rightmost index not at its maximum (i + n - r) goes up by one, those right of it
        # follow it.
        n = len(pool)
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return False
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        for j in range(i, r):
            result[j] = pool[indices[j]]
        return True

    def _top(self, i, n, r):
        return i + n - r


class combinations_with_replacement(_PoolIter):
    """Return successive r-length combinations of elements in the iterable allowing individual
elements to have successive repeats.

combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')"""

    __slots__ = ()

    def __new__(cls, iterable, r):
        pool, n, r = _pool_and_r(iterable, r)
        self = _object_new(cls)
        self._start(pool, r, [0] * r, n == 0 and r > 0)
        return self

    def _advance(self, pool, indices, r, result):
        # The rightmost index not at n - 1 goes up by one, those right of it take its value.
        n = len(pool)
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return False
        index = indices[i] + 1
        elem = pool[index]
        for j in range(i, r):
            indices[j] = index
            result[j] = elem
        return True

    def _top(self, i, n, r):
        return n - 1


class permutations(_PoolIter):
    """Return successive r-length permutations of elements in the iterable.

permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"""

    __slots__ = ("_cycles",)

    def __new__(cls, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            if not isinstance(r, int):
                raise TypeError("Expected int as r")
            r = _ssize(r)
            if r < 0:
                raise ValueError("r must be non-negative")
        self = _object_new(cls)
        self._start(pool, r, list(range(n)), r > n)
        self._cycles = list(range(n, n - r, -1)) if r <= n else []
        return self

    def _advance(self, pool, indices, r, result):
        n = len(pool)
        if n == 0:
            return False
        # Decrement the rightmost cycle, moving leftward upon zero rollover.
        cycles = self._cycles
        for i in range(r - 1, -1, -1):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                for k in range(i, r):
                    result[k] = pool[indices[k]]
                return True
        return False

    def _state(self):
        return (tuple(self._indices), tuple(self._cycles))

    def __setstate__(self, state):
        _state_tuple(state)
        if (len(state) != 2 or not isinstance(state[0], tuple)
                or not isinstance(state[1], tuple)):
            raise TypeError("permutations.__setstate__ expects a tuple of two tuples")
        indices, cycles = state
        n = len(self._pool)
        r = self._r
        if len(indices) != n or len(cycles) != r:
            raise ValueError("invalid arguments")
        self._set_indices(indices, n)
        for i in range(r):
            self._cycles[i] = min(max(_ssize(cycles[i]), 1), n - i)
        self._set_result()

    def _top(self, i, n, r):
        return n - 1


class groupby(_Iter):
    """make an iterator that returns consecutive keys and groups from the iterable

  iterable
    Elements to divide into groups according to the key function.
  key
    A function for computing the group category for each element.
    If the key function is not specified or is None, the element itself
    is used for grouping."""

    __slots__ = ("_it", "_keyfunc", "_tgtkey", "_currkey", "_currvalue", "_currgrouper")

    def __new__(cls, iterable, key=None):
        it = iter(iterable)
        self = _object_new(cls)
        self._it = it
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _NULL
        self._currgrouper = None
        return self

    def _step(self):
        newvalue = next(self._it)
        keyfunc = self._keyfunc
        newkey = newvalue if keyfunc is None else keyfunc(newvalue)
        self._currvalue = newvalue
        self._currkey = newkey

    def __next__(self):
        self._currgrouper = None
        # Skip to the next iteration group.
        while True:
            if self._currkey is _NULL:
                pass
            elif self._tgtkey is _NULL:
                break
            elif not self._tgtkey == self._currkey:
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper._create(self, self._tgtkey)
        return (self._currkey, grouper)

    def __reduce__(self):
        if (self._tgtkey is not _NULL and self._currkey is not _NULL
                and self._currvalue is not _NULL):
            return (type(self), (self._it, self._keyfunc),
                    (self._currkey, self._currvalue, self._tgtkey))
        return (type(self), (self._it, self._keyfunc))

    def __setstate__(self, state):
        _state_tuple(state)
        _positional("__setstate__", state, 3, 3)
        self._currkey, self._currvalue, self._tgtkey = state


class _grouper(_Iter):
    __slots__ = ("_parent", "_tgtkey")

    def __new__(cls, parent, tgtkey, /):
        if not isinstance(parent, groupby):
            raise TypeError(f"_grouper() argument 1 must be itertools.groupby, "
                            f"not {type(parent).__name__}")
        return cls._create(parent, tgtkey)

    @classmethod
    def _create(cls, parent, tgtkey):
        self = _object_new(cls)
        self._parent = parent
        self._tgtkey = tgtkey
        parent._currgrouper = self
        return self

    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _NULL:
            gbo._step()
        if not self._tgtkey == gbo._currkey:
            raise StopIteration
        r = gbo._currvalue
        gbo._currvalue = _NULL
        gbo._currkey = _NULL
        return r

    def __reduce__(self):
        if self._parent._currgrouper is not self:
            return (iter, ((),))
        return (type(self), (self._parent, self._tgtkey))


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


class pairwise(_Iter):
    """Return an iterator of overlapping pairs taken from the input iterator.

    s -> (s0, s1), (s1, s2), (s2, s3), ..."""

    __slots__ = ("_it", "_old")

    def __new__(cls, *args, **kw):
        _no_keywords(cls, "pairwise", kw)
        _positional("pairwise", args, 1, 1)
        it = iter(args[0])
        self = _object_new(cls)
        self._it = it
        self._old = _NULL
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        if old is _NULL:
            try:
                old = self._old = next(it)
            except BaseException:
                self._it = None
                self._old = _NULL
                raise
            it = self._it
            if it is None:
                self._old = _NULL
                raise StopIteration
        try:
            new = next(it)
        except BaseException:
            self._it = None
            self._old = _NULL
            raise
        self._old = new
        return (old, new)

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


# Each stands in for a type CPython writes in C: messages name it as CPython's tp_name does.
import _cpjit
for _t in (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, islice, zip_longest, product, combinations, combinations_with_replacement, permutations, groupby, _grouper, _tee_dataobject, _tee, pairwise):
    _cpjit.c_type(_t)
del _t, _cpjit
