# Operating-system signals: Python handlers run for signals the process receives (os.kill,
# raise_signal, timers), interrupt sleeps and loops, the wakeup fd gets each signal's number,
# masks and pending sets, and asyncio's SIGCHLD-based child watcher sees its child exit.
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

got = []


def h(s, f):
    got.append((s, f is not None))


print(signal.signal(signal.SIGUSR1, h))
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.getsignal(signal.SIGINT).__name__, signal.getsignal(signal.SIGPIPE),
      signal.getsignal(signal.SIGCHLD))


def alarm(s, f):
    raise TimeoutError("alarm")


signal.signal(signal.SIGALRM, alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except TimeoutError as e:
    print("sleep interrupted:", e, time.monotonic() - t0 < 4)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    n = 0
    while True:
        n += 1
except TimeoutError as e:
    print("loop interrupted:", e)
print(signal.getitimer(signal.ITIMER_REAL))
try:
    signal.setitimer(99, 1)
except Exception as e:
    print(repr(e))
print(signal.strsignal(2), signal.strsignal(32), signal.strsignal(34))

print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]))
os.kill(os.getpid(), signal.SIGUSR2)
print(signal.sigpending())
signal.signal(signal.SIGUSR2, h)
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2]))
print(got)
try:
    os.kill(os.getpid(), signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")

a, b = socket.socketpair()
a.setblocking(False)
print(signal.set_wakeup_fd(a.fileno()))
signal.raise_signal(signal.SIGUSR1)
print(b.recv(10), signal.set_wakeup_fd(-1) == a.fileno())
try:
    signal.set_wakeup_fd(b.fileno())
except ValueError as e:
    print(e)
try:
    signal.signal(signal.SIGUSR1, 5)
except TypeError as e:
    print(e)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is h)

# os.waitpid on any child (-1) and on one.
p = subprocess.Popen([sys.executable, "-c", "import sys; sys.exit(3)"])
wpid, status = os.waitpid(-1, 0)
print(wpid == p.pid, os.waitstatus_to_exitcode(status))
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)


async def child(code):
    p = await asyncio.create_subprocess_exec(sys.executable, "-c", code)
    return await p.wait()


for watcher in (asyncio.SafeChildWatcher, asyncio.FastChildWatcher):
    policy = asyncio.get_event_loop_policy()
    loop = policy.new_event_loop()
    asyncio.set_event_loop(loop)
    w = watcher()
    w.attach_loop(loop)
    policy.set_child_watcher(w)
    print(watcher.__name__, loop.run_until_complete(child("import sys; sys.exit(5)")))
    policy.set_child_watcher(None)
    w.close()
    asyncio.set_event_loop(None)
    loop.close()
