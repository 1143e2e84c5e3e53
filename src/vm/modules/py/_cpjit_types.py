# cpjit: types.UnionType (`int | str`) and types.GenericAlias (`list[int]`), which CPython
# writes in C. The VM calls union() from type.__or__/__ror__ and GenericAlias from the
# built-in types' __class_getitem__.

def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _is_typevar_like(a):
    return type(a).__name__ in ('TypeVar', 'ParamSpec', 'TypeVarTuple') and \
        type(a).__module__ == 'typing'


def _parameters(args):
    params = []
    for a in args:
        if isinstance(a, type) and not isinstance(a, GenericAlias):
            continue
        if _is_typevar_like(a):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType)) or \
        type(x).__module__ == 'typing'


def union(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
            y = type(None) if y is None else y
            if y not in args:
                args.append(y)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class UnionType:
    def __init__(self, args):
        self.__args__ = args
        self.__parameters__ = _parameters(args)

    def __repr__(self):
        return ' | '.join(['None' if a is type(None) else _type_repr(a) for a in self.__args__])

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        return any(issubclass(cls, a) for a in self.__args__)

    def __getitem__(self, items):
        if not self.__parameters__:
            raise TypeError(f'{self!r} is not a generic class')
        items = items if isinstance(items, tuple) else (items,)
        subst = dict(zip(self.__parameters__, items))
        result = None
        for a in self.__args__:
            a = subst.get(a, a) if _is_typevar_like(a) else \
                (a[tuple(subst.get(p, p) for p in a.__parameters__)]
                 if getattr(a, '__parameters__', ()) else a)
            result = a if result is None else result | a
        return result


UnionType.__module__ = 'types'


class GenericAlias:
    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _parameters(args)
        self.__unpacked__ = False

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__') and name not in (
                '__name__', '__qualname__', '__module__', '__doc__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __repr__(self):
        if not self.__args__:
            args = '()'
        else:
            args = ', '.join([_type_repr(a) for a in self.__args__])
        star = '*' if self.__unpacked__ else ''
        return star + _type_repr(self.__origin__) + '[' + args + ']'

    def __iter__(self):
        # `*tuple[int, str]`: one unpacked copy of the alias (PEP 646).
        a = GenericAlias(self.__origin__, self.__args__)
        a.__unpacked__ = True
        yield a

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and self.__unpacked__ == other.__unpacked__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)

    def __getitem__(self, items):
        if not self.__parameters__:
            raise TypeError(f'{self!r} is not a generic class')
        items = items if isinstance(items, tuple) else (items,)
        if len(items) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(items) > len(self.__parameters__) else 'few'}"
                            f" arguments for {self!r}")
        subst = dict(zip(self.__parameters__, items))
        new = []
        for a in self.__args__:
            if _is_typevar_like(a):
                new.append(subst[a])
            elif getattr(a, '__parameters__', ()) and not isinstance(a, type):
                new.append(a[tuple(subst[p] for p in a.__parameters__)])
            else:
                new.append(a)
        return GenericAlias(self.__origin__, tuple(new))

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)


GenericAlias.__module__ = 'types'


# object.__reduce_ex__ / __reduce__ / __getstate__ (copy and pickle protocols), as CPython's
# typeobject.c does them.

def _slotnames(cls):
    import copyreg
    return copyreg._slotnames(cls)


def getstate(obj):
    d = getattr(obj, '__dict__', None)
    state = d if d else None
    names = _slotnames(type(obj))
    if names:
        slots = {}
        for n in names:
            try:
                slots[n] = getattr(obj, n)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def bytearray_reduce(obj, proto):
    # bytearray's own __reduce__/__reduce_ex__ (_common_reduce): no arguments when empty,
    # latin-1 text below protocol 3.
    state = obj.__getstate__()
    if not obj:
        return type(obj), (), state
    if proto < 3:
        return type(obj), (bytes(obj).decode('latin-1'), 'latin-1'), state
    return type(obj), (bytes(obj),), state


def reduce_ex(obj, proto):
    if type(obj).__reduce__ is not object.__reduce__:
        return obj.__reduce__()
    t = type(obj)
    # The built-in types' own __reduce__ results (CPython's C methods).
    if t is slice:
        return (t, (obj.start, obj.stop, obj.step))
    if obj is Ellipsis:
        return 'Ellipsis'
    if obj is NotImplemented:
        return 'NotImplemented'
    if t is staticmethod:
        # The functions of cpjit's Python stand-ins for C modules (_codecs.encode, ...) are
        # staticmethods so that they do not bind as methods; like the built-in functions they
        # stand for, they pickle by name when their module holds them under that name.
        import sys
        f = obj.__func__
        mod = sys.modules.get(getattr(f, '__module__', None))
        if mod is not None and getattr(mod, f.__qualname__, None) is obj:
            return f.__qualname__
    return common_reduce(obj, proto)


class _MethodHolder:
    def m(self):
        pass


_method_type = type(_MethodHolder().m)


def method_reduce(obj):
    # method.__reduce__: the attribute lookup that makes the bound method again.
    return (getattr, (obj.__self__, obj.__func__.__name__))


def builtin_reduce(obj):
    # builtin_function_or_method.__reduce__ (meth_reduce): by name, or the attribute lookup.
    if not hasattr(obj, '__self__'):
        # A method or slot-wrapper descriptor (descr_reduce): looked up on its type.
        return (getattr, (obj.__objclass__, obj.__name__))
    owner = obj.__self__
    if owner is None or type(owner).__name__ == 'module':
        return obj.__qualname__
    return (getattr, (owner, obj.__name__))


def common_reduce(obj, proto):
    t = type(obj)
    if isinstance(obj, (staticmethod, classmethod)):
        # Their state is C-level in CPython: object.__reduce_ex__ refuses them.
        raise TypeError(f"cannot pickle {t.__name__!r} object")
    import copyreg
    if proto < 2:
        return copyreg._reduce_ex(obj, proto)
    cls = type(obj)
    if cls is not object and not cls.__flags__ & (1 << 9) and cls.__new__ is object.__new__:
        # A built-in type that cannot be created from Python (generator, frame, ...), named
        # by its tp_name (module-qualified outside builtins: '_hashlib.HASH').
        name = cls.__name__
        if cls.__module__ != 'builtins':
            name = f'{cls.__module__}.{name}'
        raise TypeError(f"cannot pickle {name!r} object")
    gnx = getattr(obj, '__getnewargs_ex__', None)
    if gnx is not None:
        args, kwargs = gnx()
    else:
        gn = getattr(obj, '__getnewargs__', None)
        args, kwargs = (gn() if gn is not None else ()), {}
    state = obj.__getstate__()
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return copyreg.__newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems
    return copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems
