# cpjit: struct sequence types (CPython's PyStructSequence, written in C there) for the modules
# that return them (pwd.struct_passwd, grp.struct_group, resource.struct_rusage): a tuple whose
# items are also named attributes, shown as module.name(field=value, ...).

import _cpjit


_NO_DICT = object()


def structseq(module, name, fields, extra=()):
    # `extra`: the names of fields that are attributes only, after the sequence's (CPython's
    # n_fields beyond n_sequence_fields, e.g. os.statvfs_result.f_fsid): given as the
    # sequence's tail or in the dict argument, else None.
    n = len(fields)
    most = n + len(extra)
    qualified = module + '.' + name

    def __new__(cls, sequence, dict=_NO_DICT):
        try:
            items = tuple(sequence)
        except TypeError:
            raise TypeError('constructor requires a sequence') from None
        if dict is not _NO_DICT and not isinstance(dict, type({})):
            raise TypeError('%s() takes a dict as second arg, if any' % qualified)
        k = len(items)
        if n == most and k != n:
            raise TypeError('%s() takes a %d-sequence (%d-sequence given)' % (qualified, n, k))
        if k < n:
            raise TypeError('%s() takes an at least %d-sequence (%d-sequence given)'
                            % (qualified, n, k))
        if k > most:
            raise TypeError('%s() takes an at most %d-sequence (%d-sequence given)'
                            % (qualified, most, k))
        self = tuple.__new__(cls, items[:n])
        if extra:
            given = {} if dict is _NO_DICT else dict
            object.__setattr__(self, '_extra',
                               items[n:] + tuple(given.get(f) for f in extra[k - n:]))
        return self

    # CPython's members are read-only and there is no instance dict (here there is one, for
    # `_extra`, when there are extra fields: a tuple subclass cannot have slots).
    def __setattr__(self, attr, value):
        if attr in fields or attr in extra:
            raise AttributeError('readonly attribute')
        raise AttributeError("'%s' object has no attribute '%s'" % (qualified, attr))

    __delattr__ = lambda self, attr: __setattr__(self, attr, None)

    def __repr__(self):
        return qualified + '(' + ', '.join(
            [f + '=' + repr(v) for f, v in zip(fields, self)]) + ')'

    def __reduce__(self):
        return (cls, (tuple(self), {f: v for f, v in zip(extra, self._extra)} if extra else {}))

    ns = {'__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__,
          '__setattr__': __setattr__, '__delattr__': __delattr__,
          '__module__': module, '__match_args__': tuple(fields),
          'n_fields': most, 'n_sequence_fields': n, 'n_unnamed_fields': 0}
    if not extra:
        ns['__slots__'] = ()
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    for i, f in enumerate(extra):
        ns[f] = property(lambda self, i=i: self._extra[i])
    cls = type(name, (tuple,), ns)
    _cpjit.c_type(cls)
    return cls
