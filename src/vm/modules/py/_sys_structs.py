# cpjit: sys's struct sequences (version_info, flags, float_info, ...) and sys.implementation,
# built once at start-up. Runs with sys's dict as globals; sys.create (Rust) puts the values
# it knows (_FLAGS, _VERSION, _PREFIX, ...) there first, and this script deletes its helpers.

def _structseq(name, fields, values):
    # A struct sequence is a tuple whose items are also attributes, shown as sys.NAME(f=v, ...).
    def __repr__(self):
        return 'sys.' + name + '(' + ', '.join(
            [f + '=' + repr(v) for f, v in zip(fields, self)]) + ')'
    ns = {'__slots__': (), '__repr__': __repr__, '__module__': 'sys',
          'n_fields': len(fields), 'n_sequence_fields': len(fields), 'n_unnamed_fields': 0}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    cls = type(name, (tuple,), ns)
    return cls(values)


class SimpleNamespace:
    # The type of sys.implementation is types.SimpleNamespace (types.py takes it from here).
    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ', '.join([k + '=' + repr(v) for k, v in self.__dict__.items()])
        name = 'namespace' if type(self) is __class__ else type(self).__name__
        return name + '(' + items + ')'

    def __eq__(self, other):
        if isinstance(self, __class__) and isinstance(other, __class__):
            return self.__dict__ == other.__dict__
        return NotImplemented


SimpleNamespace.__module__ = 'types'

version_info = _structseq('version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                          _VERSION)
hexversion = (_VERSION[0] << 24) | (_VERSION[1] << 16) | (_VERSION[2] << 8) | 0xf0
flags = _structseq('flags', (
    'debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site',
    'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization',
    'isolated', 'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path',
    'int_max_str_digits'), _FLAGS)
float_info = _structseq('float_info', (
    'max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig',
    'epsilon', 'radix', 'rounds'), (
    1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
    2.220446049250313e-16, 2, 1))
int_info = _structseq('int_info', (
    'bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'),
    (30, 4, 4300, 640))
hash_info = _structseq('hash_info', (
    'width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'),
    (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
thread_info = _structseq('thread_info', ('name', 'lock', 'version'), ('pthread', 'semaphore', None))
implementation = SimpleNamespace(name='cpjit', cache_tag='cpjit-311', version=version_info,
                                 hexversion=hexversion, _multiarch='x86_64-linux-gnu')
prefix = exec_prefix = base_prefix = base_exec_prefix = _PREFIX
platlibdir = 'lib'


class _asyncgen_hooks(tuple):
    __slots__ = ()
    n_fields = n_sequence_fields = 2
    n_unnamed_fields = 0
    firstiter = property(lambda self: self[0])
    finalizer = property(lambda self: self[1])

    def __repr__(self):
        return 'asyncgen_hooks(firstiter=%r, finalizer=%r)' % tuple(self)


_asyncgen_hooks.__name__ = _asyncgen_hooks.__qualname__ = 'asyncgen_hooks'


def _agen_hook_functions(hooks, hooks_type):
    # `hooks` is the [firstiter, finalizer] list async generators read (vm.asyncgen_hooks):
    # firstiter is called on an async generator's first iteration. cpjit never calls the
    # finalizer (it finalizes no object when collected); asyncio's shutdown_asyncgens() closes
    # what firstiter recorded.
    notset = object()

    def get_asyncgen_hooks(*args, **kwargs):
        if kwargs:
            raise TypeError('sys.get_asyncgen_hooks() takes no keyword arguments')
        if args:
            raise TypeError('sys.get_asyncgen_hooks() takes no arguments (%d given)' % len(args))
        return hooks_type(tuple(hooks))

    def set_asyncgen_hooks(firstiter=notset, finalizer=notset):
        new = list(hooks)
        for i, (name, v) in enumerate((('finalizer', finalizer), ('firstiter', firstiter))):
            if v is notset:
                continue
            if v is not None and not callable(v):
                raise TypeError('callable %s expected, got %s' % (name, type(v).__name__))
            new[1 - i] = v
        hooks[:] = new

    get_asyncgen_hooks.__qualname__ = 'get_asyncgen_hooks'
    set_asyncgen_hooks.__qualname__ = 'set_asyncgen_hooks'
    return get_asyncgen_hooks, set_asyncgen_hooks


get_asyncgen_hooks, set_asyncgen_hooks = _agen_hook_functions(_agen_hooks, _asyncgen_hooks)
del _agen_hook_functions, _agen_hooks

_stdlib_dir = _STDLIB


def unraisablehook(unraisable, /):
    # CPython's default hook: reports the exception nobody can catch on sys.stderr.
    f = stderr
    if f is None:
        return
    obj, msg = unraisable.object, unraisable.err_msg
    if obj is not None:
        try:
            r = repr(obj)
        except BaseException:
            r = '<object repr() failed>'
        f.write((msg if msg else 'Exception ignored in') + ': ' + r + '\n')
    elif msg is not None:
        f.write(msg + ':\n')
    t, v, tb = unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback
    if tb is not None:
        import traceback
        f.write('Traceback (most recent call last):\n')
        traceback.print_tb(tb, file=f)
    if t is None:
        return
    mod = getattr(t, '__module__', None)
    if not isinstance(mod, str):
        f.write('<unknown>')
    elif mod not in ('builtins', '__main__'):
        f.write(mod + '.')
    f.write(t.__qualname__)
    if v is not None:
        try:
            text = str(v)
        except BaseException:
            text = '<exception str() failed>'
        f.write(': ' + text)
    f.write('\n')


__unraisablehook__ = unraisablehook

del _structseq, SimpleNamespace, _VERSION, _FLAGS, _PREFIX, _STDLIB, __builtins__
