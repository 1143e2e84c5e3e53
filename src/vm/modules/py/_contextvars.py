# cpjit's _contextvars (CPython writes it in C): one thread, so one current Context.

_MISSING = object()


class Token:
    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._context, self._var, self._old_value, self._used = context, var, old_value, False

    var = property(lambda self: self._var)
    old_value = property(lambda self: self._old_value)

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at {id(self):#x}>'


class Context:
    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, *args, **kwargs):
        global _current
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self} is already entered')
        self._prev, _current, self._entered = _current, self, True
        try:
            return callable(*args, **kwargs)
        finally:
            _current, self._prev, self._entered = self._prev, None, False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        return self._data[var]

    def get(self, var, default=None):
        return self._data.get(var, default)

    def __contains__(self, var):
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


_current = Context()


def copy_context():
    return _current.copy()


class ContextVar:
    def __init__(self, name, *, default=_MISSING):
        self._name, self._default = name, default

    name = property(lambda self: self._name)

    def get(self, *args):
        if self in _current._data:
            return _current._data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        old = _current._data.get(self, _MISSING)
        _current._data[self] = value
        return Token(_current, self, old)

    def reset(self, token):
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        if token._context is not _current:
            raise ValueError(f'{token!r} was created in a different Context')
        if token._old_value is _MISSING:
            _current._data.pop(self, None)
        else:
            _current._data[self] = token._old_value
        token._used = True

    def __repr__(self):
        d = '' if self._default is _MISSING else f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{d} at {id(self):#x}>'

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)

    __hash__ = object.__hash__


for _c in (Token, Context, ContextVar):
    _c.__module__ = '_contextvars'
del _c

# Each stands in for a type CPython writes in C: messages name it as CPython's tp_name does.
import _cpjit
for _t in (Token, Context, ContextVar):
    _cpjit.c_type(_t)
del _t, _cpjit
