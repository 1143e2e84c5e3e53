# cpjit's _collections (CPython writes it in C): deque and defaultdict. collections/__init__.py
# imports both from here and keeps its own pure-Python OrderedDict.

_sentinel = object()


class deque:
    __slots__ = ('_items', '_maxlen', '__weakref__')

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._items = []
        if iterable is not self:
            self.extend(iterable)
        else:
            self.extend(list(iterable))

    maxlen = property(lambda self: self._maxlen)

    def _trim_left(self):
        m = self._maxlen
        if m is not None and len(self._items) > m:
            del self._items[:len(self._items) - m]

    def _trim_right(self):
        m = self._maxlen
        if m is not None and len(self._items) > m:
            del self._items[m:]

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def clear(self):
        self._items.clear()

    def copy(self):
        return type(self)(self._items, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        # CPython's deque_index: its own search, so the message names the deque.
        items = self._items
        n = len(items)
        start, stop, _ = slice(start, n if stop is None else stop).indices(n)
        for i in range(start, stop):
            item = items[i]
            if item is x or item == x:
                return i
            if len(items) != n:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(f'{x!r} is not in deque')

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._items.insert(i, x)

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        items = self._items
        if items:
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, x):
        try:
            self._items[i] = x
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __repr__(self):
        if self._maxlen is None:
            return f'{type(self).__name__}({self._items!r})'
        return f'{type(self).__name__}({self._items!r}, maxlen={self._maxlen})'

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return type(self)(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return type(self)(self._items * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        self._trim_left()
        return self

    def __reduce__(self):
        return type(self), (list(self._items), self._maxlen)

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


deque.__module__ = 'collections'


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self[key] = self.default_factory()
        return value

    def __repr__(self):
        return f'{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


defaultdict.__module__ = 'collections'

import _cpjit

_tuple_item_getter = _cpjit.tuple_item_getter


def _tuplegetter(index, doc):
    # A namedtuple field: item `index` of the tuple itself, not through a subclass's
    # __getitem__ (platform.uname_result overrides it). A property with a native getter (CPython's
    # is a descriptor type of its own: its name and its "can't set attribute" differ here).
    return property(_tuple_item_getter(index), doc=doc)


# Each stands in for a type CPython writes in C: messages name it as CPython's tp_name does.
for _t in (deque, defaultdict):
    _cpjit.c_type(_t)
del _t, _cpjit


def __getattr__(name):
    # collections asks for OrderedDict (`from _collections import OrderedDict`) after defining
    # its own pure-Python one, which it keeps when the import fails. Its views are then made to
    # look like the C ones': types odict_keys/odict_values/odict_items, repr listing the items.
    if name == 'OrderedDict':
        import sys
        g = sys._getframe(1).f_globals
        if g.get('__name__') == 'collections' and 'OrderedDict' in g:
            _odict_views(g)
    raise AttributeError(f"module '_collections' has no attribute '{name}'")


def _view_repr(self):
    return f'{type(self).__name__}({list(self)!r})'


def _odict_views(g):
    for cls, name in ((g.get('_OrderedDictKeysView'), 'odict_keys'),
                      (g.get('_OrderedDictValuesView'), 'odict_values'),
                      (g.get('_OrderedDictItemsView'), 'odict_items')):
        if cls is not None and cls.__name__ != name:
            cls.__name__ = cls.__qualname__ = name
            cls.__module__ = 'builtins'
            cls.__repr__ = _view_repr
