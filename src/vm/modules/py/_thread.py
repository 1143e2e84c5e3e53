# cpjit's _thread (CPython writes it in C). cpjit runs one thread: locks work as in a program
# that never starts a thread, and starting one raises a clear error.

error = RuntimeError
TIMEOUT_MAX = 9223372036.0


def get_ident():
    return 1


get_native_id = get_ident


def _count():
    return 0


def stack_size(size=0):
    if size:
        raise NotImplementedError('cpjit does not support threads (_thread.stack_size)')
    return 0


def start_new_thread(function, args, kwargs=None):
    raise NotImplementedError('cpjit does not support starting threads')


start_new = start_new_thread


class LockType:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if blocking and timeout < 0:
            # The only thread holds it: waiting would never end.
            raise RuntimeError('cpjit: acquiring a held lock would wait forever (one thread)')
        return False

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f'<{state} _thread.lock object at {id(self):#x}>'


LockType.__module__ = '_thread'
LockType.__name__ = LockType.__qualname__ = 'lock'


def allocate_lock():
    return LockType()


allocate = allocate_lock


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if not self._count:
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def _recursion_count(self):
        return self._count

    def _at_fork_reinit(self):
        self._count = 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        return (f'<{state} _thread.RLock object owner={1 if self._count else 0} '
                f'count={self._count} at {id(self):#x}>')


RLock.__module__ = '_thread'


class _local:
    # One thread: a thread-local object is an ordinary object.
    pass


_local.__module__ = '_thread'


def _set_sentinel():
    return LockType()


def interrupt_main(signum=2):
    # cpjit has one thread: the simulated signal is handled at once (CPython handles it in the
    # main thread at its next check, which for a call from the main thread is on return).
    import _signal
    import sys
    handler = _signal.getsignal(signum)
    if handler in (_signal.SIG_DFL, _signal.SIG_IGN) or handler is None:
        return
    handler(signum, sys._getframe(1))


daemon_threads_allowed = lambda: True
