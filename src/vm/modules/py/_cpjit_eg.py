# cpjit: BaseExceptionGroup / ExceptionGroup (PEP 654), which CPython writes in C
# (Objects/exceptions.c), and the helpers of `except*`'s two instructions (Python/ceval.c's
# exception_group_match and _PyExc_PrepReraiseStar). The VM puts the two classes in builtins at
# start-up and calls check_eg_match / prep_reraise_star for CHECK_EG_MATCH / PREP_RERAISE_STAR.


class BaseExceptionGroup(BaseException):
    __module__ = "builtins"

    def __new__(*args, **kwargs):
        # tp_new_wrapper's checks of its first argument.
        if not args:
            raise TypeError("BaseExceptionGroup.__new__(): not enough arguments")
        cls, *args = args
        if not isinstance(cls, type):
            raise TypeError(f"BaseExceptionGroup.__new__(X): X is not a type object ({type(cls).__name__})")
        if not issubclass(cls, BaseExceptionGroup):
            raise TypeError(f"BaseExceptionGroup.__new__({cls.__name__}): {cls.__name__} is not a subtype of BaseExceptionGroup")
        # Keywords are refused by __init__ (BaseExceptionGroup_init), after these checks.
        if len(args) != 2:
            raise TypeError(f"BaseExceptionGroup.__new__() takes exactly 2 arguments ({len(args)} given)")
        message, excs = args
        if not isinstance(message, str):
            raise TypeError(f"BaseExceptionGroup.__new__() argument 1 must be str, not {type(message).__name__}")
        if not (hasattr(type(excs), "__getitem__") and hasattr(type(excs), "__len__")) \
                or isinstance(excs, (dict, set, frozenset)):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs_t = tuple(excs)
        if not excs_t:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        nested_base = False
        for i, e in enumerate(excs_t):
            if not isinstance(e, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
            if not isinstance(e, Exception):
                nested_base = True
        if cls is BaseExceptionGroup:
            if not nested_base:
                cls = ExceptionGroup
        elif issubclass(cls, Exception) and nested_base:
            if cls is ExceptionGroup:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
            raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        self = BaseException.__new__(cls, message, excs)
        self._message = message
        self._exceptions = excs_t
        return self

    def __init__(*args, **kwargs):
        # The C methods' argument handling: self is checked before anything else.
        self = _slot_self(args, "__init__")
        args = args[1:]
        if kwargs:
            raise TypeError(f"{type(self).__name__}() takes no keyword arguments")
        BaseException.__init__(self, *args)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(*args, **kwargs):
        # A slot wrapper: self, then no keywords, then no arguments (wrap_unaryfunc).
        self = _slot_self(args, "__str__")
        if kwargs:
            raise TypeError("wrapper __str__() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError(f"expected 0 arguments, got {len(args) - 1}")
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'' if n == 1 else 's'})"

    def derive(*args, **kwargs):
        # METH_VARARGS with PyArg_ParseTuple(args, "O", ...).
        self = _method_self(args, kwargs, "derive")
        if len(args) != 2:
            raise TypeError(f"function takes exactly 1 argument ({len(args) - 1} given)")
        excs = args[1]
        return BaseExceptionGroup(self._message, excs)

    def __class_getitem__(cls, *args, **kwargs):
        # METH_O | METH_CLASS, named by the class it is bound to.
        if kwargs:
            raise TypeError(f"{cls.__qualname__}.__class_getitem__() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError(f"{cls.__qualname__}.__class_getitem__() takes exactly one argument ({len(args)} given)")
        item = args[0]
        import types
        return types.GenericAlias(cls, item)

    def _copy_metadata(self, eg):
        eg.__traceback__ = self.__traceback__
        eg.__cause__ = self.__cause__
        eg.__context__ = self.__context__
        if hasattr(self, "__notes__"):
            eg.__notes__ = list(self.__notes__)
        return eg

    def _split(self, matcher, want_rest):
        if matcher(self):
            return self, None
        match, rest = [], []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e._split(matcher, want_rest)
            elif matcher(e):
                m, r = e, None
            else:
                m, r = None, e
            if m is not None:
                match.append(m)
            if want_rest and r is not None:
                rest.append(r)
        m = self._copy_metadata(self.derive(match)) if match else None
        r = self._copy_metadata(self.derive(rest)) if rest else None
        return m, r

    def split(*args, **kwargs):
        # METH_VARARGS with PyArg_UnpackTuple(args, "split", 1, 1, ...).
        self = _method_self(args, kwargs, "split")
        if len(args) != 2:
            raise TypeError(f"split expected 1 argument, got {len(args) - 1}")
        condition = args[1]
        m, r = self._split(_matcher(condition), True)
        return m, r

    def subgroup(*args, **kwargs):
        self = _method_self(args, kwargs, "subgroup")
        if len(args) != 2:
            raise TypeError(f"subgroup expected 1 argument, got {len(args) - 1}")
        condition = args[1]
        return self._split(_matcher(condition), False)[0]


class ExceptionGroup(BaseExceptionGroup, Exception):
    __module__ = "builtins"


def _slot_self(args, name):
    # A slot wrapper's self (wrapperdescr_call).
    if not args:
        raise TypeError(f"descriptor '{name}' of 'BaseExceptionGroup' object needs an argument")
    _check_slot_self(args[0], name)
    return args[0]


def _method_self(args, kwargs, name):
    # A METH_VARARGS method's self (method_vectorcall_VARARGS), then its refusal of keywords.
    if not args:
        raise TypeError(f"unbound method BaseExceptionGroup.{name}() needs an argument")
    _check_self(args[0], name)
    if kwargs:
        raise TypeError(f"BaseExceptionGroup.{name}() takes no keyword arguments")
    return args[0]


def _check_self(obj, name):
    # The methods are C descriptors in CPython: a foreign self is a TypeError.
    if not isinstance(obj, BaseExceptionGroup):
        raise TypeError(f"descriptor '{name}' for 'BaseExceptionGroup' objects doesn't apply to a '{type(obj).__name__}' object")


def _check_slot_self(obj, name):
    # __init__ and __str__ are slot wrappers in CPython.
    if not isinstance(obj, BaseExceptionGroup):
        raise TypeError(f"descriptor '{name}' requires a 'BaseExceptionGroup' object but received a '{type(obj).__name__}'")


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
            isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _check_type(match_type):
    types = match_type if isinstance(match_type, tuple) else (match_type,)
    for t in types:
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
        if issubclass(t, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")


def check_eg_match(exc, match_type):
    """CHECK_EG_MATCH: (match, rest) of `exc` for `except* match_type`; match is None when
    nothing matches."""
    _check_type(match_type)
    if exc is None:
        return None, None
    if isinstance(exc, match_type):
        if isinstance(exc, BaseExceptionGroup):
            return exc, None
        # A naked exception is wrapped in a group.
        wrapped = BaseExceptionGroup("", (exc,))
        wrapped.__traceback__ = exc.__traceback__
        return wrapped, None
    if isinstance(exc, BaseExceptionGroup):
        return exc.split(match_type)
    return None, None


def _leaf_ids(e, out):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            _leaf_ids(x, out)
    else:
        out.add(id(e))


def _same_metadata(a, b):
    return (a.__cause__ is b.__cause__ and a.__context__ is b.__context__
            and getattr(a, "__notes__", None) is getattr(b, "__notes__", None))


def prep_reraise_star(orig, excs):
    """PREP_RERAISE_STAR: the exception to re-raise after the except* clauses: what they raised,
    with the part of the original group they re-raised or did not handle."""
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        # A naked exception was wrapped: only one clause ran.
        return excs[0]
    raised, reraised = [], []
    for e in excs:
        if e is None:
            continue
        (reraised if _same_metadata(e, orig) else raised).append(e)
    keep = set()
    for e in reraised:
        _leaf_ids(e, keep)
    reraised_eg = orig._split(lambda leaf: id(leaf) in keep, False)[0] if keep else None
    if not raised:
        return reraised_eg
    if reraised_eg is not None:
        raised.append(reraised_eg)
    if len(raised) == 1:
        return raised[0]
    return ExceptionGroup("", raised)
