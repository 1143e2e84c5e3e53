# cpjit's _signal (CPython writes it in C): the Python part of src/vm/modules/signal.rs, whose
# functions (_install, _set_wakeup_fd, alarm, ...) are this module's globals. The table of
# Python handlers is kept here; the interpreter calls _dispatch(signum) for each signal the
# process received, at its next check.

ITIMER_PROF = 2
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
NSIG = 65
SIGABRT = 6
SIGALRM = 14
SIGBUS = 7
SIGCHLD = 17
SIGCLD = 17
SIGCONT = 18
SIGFPE = 8
SIGHUP = 1
SIGILL = 4
SIGINT = 2
SIGIO = 29
SIGIOT = 6
SIGKILL = 9
SIGPIPE = 13
SIGPOLL = 29
SIGPROF = 27
SIGPWR = 30
SIGQUIT = 3
SIGRTMAX = 64
SIGRTMIN = 34
SIGSEGV = 11
SIGSTKFLT = 16
SIGSTOP = 19
SIGSYS = 31
SIGTERM = 15
SIGTRAP = 5
SIGTSTP = 20
SIGTTIN = 21
SIGTTOU = 22
SIGURG = 23
SIGUSR1 = 10
SIGUSR2 = 12
SIGVTALRM = 26
SIGWINCH = 28
SIGXCPU = 24
SIGXFSZ = 25
SIG_BLOCK = 0
SIG_DFL = 0
SIG_IGN = 1
SIG_SETMASK = 2
SIG_UNBLOCK = 1


class ItimerError(OSError):
    pass


ItimerError.__module__ = 'signal'
ItimerError.__name__ = ItimerError.__qualname__ = 'itimer_error'


def default_int_handler(signalnum, frame):
    """The default handler for SIGINT installed by Python.

It raises KeyboardInterrupt."""
    raise KeyboardInterrupt


# What each signal's action was when the interpreter started: a handler set outside Python
# shows as None, as in CPython.
_handlers = {}
for _n in range(1, NSIG):
    _handlers[_n] = (SIG_DFL, SIG_IGN, None)[_disposition(_n)]
del _n
if _handlers[SIGINT] == SIG_DFL:
    _install(SIGINT, 2)
    _handlers[SIGINT] = default_int_handler
if _handlers[SIGXFSZ] == SIG_DFL:
    _install(SIGXFSZ, 1)
    _handlers[SIGXFSZ] = SIG_IGN


def _check(signalnum):
    signalnum = signalnum.__index__()
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return signalnum


def signal(signalnum, handler):
    signalnum = _check(signalnum)
    if handler == SIG_IGN:
        kind = 1
    elif handler == SIG_DFL:
        kind = 0
    elif callable(handler):
        kind = 2
    else:
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    _install(signalnum, kind)
    old = _handlers[signalnum]
    _handlers[signalnum] = handler
    return old


def getsignal(signalnum):
    return _handlers[_check(signalnum)]


def _dispatch(signum):
    # Called by the interpreter for a signal the process received.
    handler = _handlers.get(signum)
    if handler is None or handler == SIG_DFL or handler == SIG_IGN or not callable(handler):
        return
    import sys
    try:
        frame = sys._getframe(1)
    except ValueError:
        frame = None
    handler(signum, frame)


def valid_signals():
    return set(range(1, 32)) | set(range(SIGRTMIN, SIGRTMAX + 1))


def strsignal(signalnum):
    return _strsignal(signalnum)


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return _set_wakeup_fd(fd)


def siginterrupt(signalnum, flag):
    _siginterrupt(_check(signalnum), flag)


def pthread_sigmask(how, mask):
    if how not in (SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK):
        raise OSError(22, 'Invalid argument')
    return set(_pthread_sigmask(how, mask))


def sigpending():
    return set(_sigpending())


def sigwait(sigset):
    return _sigwait(sigset)


def setitimer(which, seconds, interval=0.0):
    r = _setitimer(which, seconds, interval)
    if isinstance(r, int):
        raise ItimerError(r, __import__('os').strerror(r))
    return r


def getitimer(which):
    r = _getitimer(which)
    if isinstance(r, int):
        raise ItimerError(r, __import__('os').strerror(r))
    return r


def _unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError("cpjit does not support signal." + name)
    f.__name__ = name
    return f


for _n in ("sigtimedwait", "sigwaitinfo", "pidfd_send_signal"):
    globals()[_n] = _unsupported(_n)
del _n
