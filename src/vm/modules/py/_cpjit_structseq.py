# cpjit: struct sequence types (CPython's PyStructSequence, written in C there) for the modules
# that return them (pwd.struct_passwd, grp.struct_group, resource.struct_rusage): a tuple whose
# items are also named attributes, shown as module.name(field=value, ...).

import _cpjit


def structseq(module, name, fields):
    n = len(fields)
    qualified = module + '.' + name

    def __new__(cls, sequence, dict=None):
        try:
            items = tuple(sequence)
        except TypeError:
            raise TypeError('constructor requires a sequence') from None
        if len(items) != n:
            raise TypeError('%s() takes a %d-sequence (%d-sequence given)'
                            % (qualified, n, len(items)))
        return tuple.__new__(cls, items)

    def __repr__(self):
        return qualified + '(' + ', '.join(
            [f + '=' + repr(v) for f, v in zip(fields, self)]) + ')'

    def __reduce__(self):
        return (cls, (tuple(self), {}))

    ns = {'__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__,
          '__slots__': (), '__module__': module, '__match_args__': tuple(fields),
          'n_fields': n, 'n_sequence_fields': n, 'n_unnamed_fields': 0}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    cls = type(name, (tuple,), ns)
    _cpjit.c_type(cls)
    return cls
