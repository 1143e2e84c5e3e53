# cpjit's _signal (CPython writes it in C). cpjit installs no operating-system signal
# handlers: signal() records a Python handler and returns the previous one, as CPython's does,
# but only the interpreter's own SIGINT handling (KeyboardInterrupt) acts on a signal; sending
# or waiting for signals raises a clear error.

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


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


_handlers = {n: SIG_DFL for n in range(1, NSIG)}
_handlers[SIGINT] = default_int_handler
_handlers[SIGPIPE] = SIG_IGN
_handlers[SIGXFSZ] = SIG_IGN


def _check(signalnum):
    signalnum = signalnum.__index__()
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return signalnum


def signal(signalnum, handler):
    signalnum = _check(signalnum)
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, "Invalid argument")
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    old = _handlers[signalnum]
    _handlers[signalnum] = handler
    return old


def getsignal(signalnum):
    return _handlers[_check(signalnum)]


def valid_signals():
    return set(range(1, 32)) | set(range(SIGRTMIN, SIGRTMAX + 1))


_NAMES = {SIGHUP: "Hangup", SIGINT: "Interrupt", SIGQUIT: "Quit", SIGILL: "Illegal instruction",
          SIGTRAP: "Trace/breakpoint trap", SIGABRT: "Aborted", SIGBUS: "Bus error",
          SIGFPE: "Floating point exception", SIGKILL: "Killed", SIGUSR1: "User defined signal 1",
          SIGSEGV: "Segmentation fault", SIGUSR2: "User defined signal 2", SIGPIPE: "Broken pipe",
          SIGALRM: "Alarm clock", SIGTERM: "Terminated", SIGCHLD: "Child exited"}


def strsignal(signalnum):
    return _NAMES.get(_check(signalnum))


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


def siginterrupt(signalnum, flag):
    _check(signalnum)


def pthread_sigmask(how, mask):
    return set()


def _unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError("cpjit does not support signal." + name)
    f.__name__ = name
    return f


for _n in ("alarm", "pause", "raise_signal", "pthread_kill", "setitimer", "getitimer",
           "sigpending", "sigwait", "sigtimedwait", "sigwaitinfo", "pidfd_send_signal"):
    globals()[_n] = _unsupported(_n)
del _n
