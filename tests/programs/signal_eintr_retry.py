# PEP 475: a blocking os.read/os.write a signal interrupts runs the Python handler and retries;
# a handler's exception propagates from the call.
import os
import signal

r, w = os.pipe()
calls = []


def feed(sig, frame):
    calls.append(sig == signal.SIGALRM)
    os.write(w, b"bar")


signal.signal(signal.SIGALRM, feed)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(os.read(r, 10), calls)


class Stop(Exception):
    pass


def stop(sig, frame):
    raise Stop("from the handler")


signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    os.read(r, 10)
except Stop as e:
    print("Stop:", e)

signal.setitimer(signal.ITIMER_REAL, 0)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
os.close(r)
os.close(w)
