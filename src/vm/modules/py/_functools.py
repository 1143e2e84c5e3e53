# The classes of CPython's C _functools (Modules/_functoolsmodule.c), on the native `reduce`:
# partial (read-only func/args/keywords, nested partials flattened, C's repr, __reduce__ and
# __setstate__ checks), cmp_to_key's KeyWrapper (not instantiable from Python, unhashable, the
# C comparison protocol) and _lru_cache_wrapper (the C wrapper's key making, hit/miss counting,
# descriptor binding, pickling by qualified name).

from _thread import get_ident as _get_ident

# Bound now: the cached function may be `len` itself, assigned to builtins.len.
_len = len


def _repr_enter(obj, _running=set()):
    key = (id(obj), _get_ident())
    if key in _running:
        return None
    _running.add(key)
    return key


def _repr_leave(key, _running=_repr_enter.__defaults__[0]):
    _running.discard(key)


class partial:
    """partial(func, *args, **keywords) - new function with partial application
    of the given arguments and keywords.
    """

    __slots__ = ("_func", "_args", "_kw", "__dict__", "__weakref__")

    def __new__(cls, /, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        pargs = pkw = None
        # A partial called through partial's own __call__, with no instance attributes, is
        # flattened (C: its tp_call is partial_call and its dict is NULL).
        if (isinstance(func, partial) and type(func).__call__ is partial.__call__
                and not object.__getattribute__(func, "__dict__")):
            pargs = func._args
            pkw = func._kw
            func = func._func
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self = object.__new__(cls)
        object.__setattr__(self, "_func", func)
        object.__setattr__(self, "_args", pargs + args if pargs is not None else args)
        if not pkw:
            kw = keywords
        else:
            kw = dict(pkw)
            kw.update(keywords)
        object.__setattr__(self, "_kw", kw)
        return self

    @property
    def func(self):
        """function object to use in future partial calls"""
        return self._func

    @property
    def args(self):
        """tuple of arguments to future partial calls"""
        return self._args

    @property
    def keywords(self):
        """dictionary of keyword arguments to future partial calls"""
        return self._kw

    def __setattr__(self, name, value):
        if name in ("func", "args", "keywords", "_func", "_args", "_kw"):
            raise AttributeError("readonly attribute")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in ("func", "args", "keywords", "_func", "_args", "_kw"):
            raise AttributeError("readonly attribute")
        if name == "__dict__":
            raise TypeError("cannot delete __dict__")
        object.__delattr__(self, name)

    def __call__(self, /, *args, **keywords):
        kw = self._kw
        if kw:
            kw = dict(kw)
            kw.update(keywords)
        else:
            kw = keywords
        return self._func(*self._args, *args, **kw)

    def __repr__(self):
        key = _repr_enter(self)
        if key is None:
            return "..."
        try:
            parts = [repr(self._func)]
            parts.extend(repr(x) for x in self._args)
            for k, v in list(self._kw.items()):
                parts.append(f"{k!s}={v!r}")
            cls = type(self)
            name = "functools.partial" if cls is partial else cls.__name__
            return f"{name}({', '.join(parts)})"
        finally:
            _repr_leave(key)

    def __reduce__(self):
        d = object.__getattribute__(self, "__dict__")
        return type(self), (self._func,), (self._func, self._args, self._kw, d or None)

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError("invalid partial state")
        if len(state) != 4:
            raise TypeError(f"partial.__setstate__() takes exactly 4 arguments ({len(state)} given)")
        func, args, kw, d = state
        if (not callable(func) or not isinstance(args, tuple)
                or (kw is not None and not isinstance(kw, dict))):
            raise TypeError("invalid partial state")
        if type(args) is not tuple:
            args = tuple(args)
        if kw is None:
            kw = {}
        elif type(kw) is not dict:
            kw = dict(kw)
        object.__setattr__(self, "_func", func)
        object.__setattr__(self, "_args", args)
        object.__setattr__(self, "_kw", kw)
        if d is None:
            object.__getattribute__(self, "__dict__").clear()
        else:
            object.__setattr__(self, "__dict__", d)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


partial.__module__ = "functools"


_NO_OBJ = object()


class KeyWrapper:
    __slots__ = ("_cmp", "_obj")
    __hash__ = None

    @property
    def obj(self):
        """Value wrapped by a key function."""
        o = self._obj
        return None if o is _NO_OBJ else o

    @obj.setter
    def obj(self, value):
        object.__setattr__(self, "_obj", value)

    @obj.deleter
    def obj(self):
        object.__setattr__(self, "_obj", _NO_OBJ)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'functools.KeyWrapper' instances")

    def __call__(self, *args, **kwargs):
        n = _len(args) + _len(kwargs)
        if n > 1:
            raise TypeError(f"K() takes at most 1 argument ({n} given)")
        if not args and "obj" not in kwargs:
            raise TypeError("K() missing required argument 'obj' (pos 1)")
        for k in kwargs:
            if k != "obj":
                raise TypeError(f"'{k}' is an invalid keyword argument for K()")
        obj = args[0] if args else kwargs["obj"]
        return _key_wrapper(self._cmp, obj)

    def _compare(self, other, op):
        if type(other) is not type(self):
            raise TypeError("other argument must be K instance")
        x = self._obj
        y = other._obj
        if x is _NO_OBJ or y is _NO_OBJ:
            raise AttributeError("object")
        res = self._cmp(x, y)
        if op == 0:
            return res < 0
        if op == 1:
            return res <= 0
        if op == 2:
            return res == 0
        if op == 3:
            return res != 0
        if op == 4:
            return res > 0
        return res >= 0

    def __lt__(self, other):
        return self._compare(other, 0)

    def __le__(self, other):
        return self._compare(other, 1)

    def __eq__(self, other):
        return self._compare(other, 2)

    def __ne__(self, other):
        return self._compare(other, 3)

    def __gt__(self, other):
        return self._compare(other, 4)

    def __ge__(self, other):
        return self._compare(other, 5)


KeyWrapper.__module__ = "functools"


def _key_wrapper(cmp, obj=_NO_OBJ):
    k = object.__new__(KeyWrapper)
    object.__setattr__(k, "_cmp", cmp)
    object.__setattr__(k, "_obj", obj)
    return k

# `cmp_to_key(mycmp)` is the native function calling `_key_wrapper(mycmp)`.


class _HashedKey(list):
    # A key hashed once, as a tuple of its items (C's lru_cache looks up and stores with the
    # known hash).
    __slots__ = ("_hash",)

    def __hash__(self):
        return self._hash


_KWD_MARK = object()


def _make_key(args, kwds, typed):
    if not typed and not kwds:
        if _len(args) == 1:
            key = args[0]
            if type(key) is str or type(key) is int:
                return key
        key = _HashedKey(args)
    else:
        items = list(args)
        if kwds:
            items.append(_KWD_MARK)
            for k, v in kwds.items():
                items.append(k)
                items.append(v)
        if typed:
            items.extend(type(v) for v in args)
            if kwds:
                items.extend(type(v) for v in kwds.values())
        key = _HashedKey(items)
    key._hash = hash(tuple(key))
    return key


class _lru_cache_wrapper:
    """Create a cached callable that wraps another function.

    user_function:      the function being cached

    maxsize:  0         for no caching
              None      for unlimited cache size
              n         for a bounded cache

    typed:    False     cache f(3) and f(3.0) as identical calls
              True      cache f(3) and f(3.0) as distinct calls

    cache_info_type:    namedtuple class with the fields:
                            hits misses currsize maxsize
    """

    __slots__ = ("_func", "_maxsize", "_typed", "_info", "_cache", "_root", "_hits",
                 "_misses", "__dict__", "__weakref__")

    def __new__(cls, user_function, maxsize, typed, cache_info_type):
        if not callable(user_function):
            raise TypeError("the first argument must be callable")
        if maxsize is None:
            maxsize = -1
        elif isinstance(maxsize, int):
            maxsize = max(maxsize.__index__(), 0)
        else:
            raise TypeError("maxsize should be integer or None")
        self = object.__new__(cls)
        self._func = user_function
        self._maxsize = maxsize
        self._typed = bool(typed)
        self._info = cache_info_type
        self._cache = {}
        root = []
        root[:] = [root, root, None, None]
        self._root = root
        self._hits = self._misses = 0
        return self

    def __call__(self, /, *args, **kwds):
        maxsize = self._maxsize
        if maxsize == 0:
            self._misses += 1
            return self._func(*args, **kwds)
        key = _make_key(args, kwds, self._typed)
        cache = self._cache
        if maxsize < 0:
            result = cache.get(key, _NO_OBJ)
            if result is not _NO_OBJ:
                self._hits += 1
                return result
            self._misses += 1
            result = self._func(*args, **kwds)
            cache[key] = result
            return result
        # The bounded cache: a circular doubly linked list of [prev, next, key, result] links
        # in order of use, the oldest after the root.
        link = cache.get(key)
        if link is not None:
            prev, nxt, _k, result = link
            prev[1] = nxt
            nxt[0] = prev
            root = self._root
            last = root[0]
            last[1] = root[0] = link
            link[0] = last
            link[1] = root
            self._hits += 1
            return result
        self._misses += 1
        result = self._func(*args, **kwds)
        if key in cache:
            # The call put this key in the cache already (a recursive call): keep that link.
            return result
        root = self._root
        if _len(cache) >= maxsize:
            oldroot = root
            oldroot[2] = key
            oldroot[3] = result
            root = self._root = oldroot[1]
            oldkey = root[2]
            root[2] = root[3] = None
            del cache[oldkey]
            cache[key] = oldroot
        else:
            last = root[0]
            link = [last, root, key, result]
            last[1] = root[0] = cache[key] = link
        return result

    def cache_info(self):
        """Report cache statistics"""
        maxsize = None if self._maxsize < 0 else self._maxsize
        return self._info(self._hits, self._misses, maxsize, _len(self._cache))

    def cache_clear(self):
        """Clear the cache and cache statistics"""
        self._hits = self._misses = 0
        self._cache.clear()
        root = self._root
        root[:] = [root, root, None, None]

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        import types
        return types.MethodType(self, obj)

    def __reduce__(self):
        return self.__qualname__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_lru_cache_wrapper.__module__ = "functools"

# Each stands in for a type CPython writes in C: messages name it as CPython's tp_name does.
import _cpjit
for _t in (partial, _lru_cache_wrapper):
    _cpjit.c_type(_t)
del _t, _cpjit
