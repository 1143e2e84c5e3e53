# cpjit: PyErr_WriteUnraisable for the modules cpjit writes in Python: hands the exception being
# handled to sys.unraisablehook as CPython's UnraisableHookArgs.
import sys


class UnraisableHookArgs(tuple):
    __slots__ = ()
    n_fields = n_sequence_fields = 5
    n_unnamed_fields = 0
    _fields = ('exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object')

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    err_msg = property(lambda self: self[3])
    object = property(lambda self: self[4])

    def __repr__(self):
        return 'UnraisableHookArgs(' + ', '.join(
            [f + '=' + repr(v) for f, v in zip(self._fields, self)]) + ')'


UnraisableHookArgs.__module__ = 'builtins'


def write(obj, err_msg=None, skip=None):
    # Called in an `except` block: reports sys.exc_info() as CPython's PyErr_WriteUnraisable(obj).
    # `skip`: the file name of the calling module, whose frames lead the traceback where C code
    # would have none.
    t, v, tb = sys.exc_info()
    while skip is not None and tb is not None and tb.tb_frame.f_code.co_filename == skip:
        tb = tb.tb_next
    if v is not None:
        v.__traceback__ = tb
    args = UnraisableHookArgs((t, v, tb, err_msg, obj))
    hook = getattr(sys, 'unraisablehook', None)
    if hook is not None:
        try:
            hook(args)
            return
        except BaseException:
            pass
    sys.__unraisablehook__(args)
