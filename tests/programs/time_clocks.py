"""time's clocks (clock_gettime/_ns, clock_getres, clock_settime/_ns, thread_time/_ns,
process_time, pthread_getcpuclockid, the CLOCK_* constants), strptime (through the stdlib's
_strptime) and tzset (fixed-offset POSIX zones), with CPython's argument checks and errors.
clock_settime is only called with what the kernel refuses (a time before boot, an unsettable or
unknown clock); without CAP_SYS_TIME the kernel says EPERM first, so its OSErrors print as one."""
import time, os, threading
print([n for n in dir(time) if n.startswith('CLOCK')], [getattr(time,n) for n in dir(time) if n.startswith('CLOCK')])
def show(f, *a):
    try:
        r = f(*a)
        print(f.__name__, a, type(r).__name__)
    except Exception as e:
        if f.__name__.startswith('clock_settime') and isinstance(e, OSError):
            print(f.__name__, a, 'OSError (refused)')
        else:
            print(f.__name__, a, type(e).__name__, e)
class I:
    def __repr__(self): return "I()"
    def __index__(self): return 1
for a in [(), (0,), (1.5,), ('x',), (2**40,), (-1,), (100,), (True,), (None,), (0, 1), (2**31,), (-2**31-1,), (12,), (5,), (6,), (8,), (9,), (10,), (11,), (I(),)]:
    for f in [time.clock_gettime, time.clock_gettime_ns, time.clock_getres]:
        show(f, *a)
for f in [time.thread_time, time.thread_time_ns, time.tzset, time.process_time, time.process_time_ns]:
    show(f); show(f, 0)
# clock_settime: only calls the kernel refuses (a time before boot, or a clock that cannot be set)
for a in [(0, 0), (0, 1.5), (0, 'x'), (100, 0), (0, 2**70), (1,), (-1, 0), (0.5, 0), (0, None), (1, 0), (3, 0),
          (0, float('nan')), (0, 1e300), (2**40, 0), (0, 1e19), (0, 10**10), (0, -1.5), (0, True), (0, 3), (0, I()), (1, 10**9)]:
    for f in [time.clock_settime, time.clock_settime_ns]:
        show(f, *a)
for a in [(0,), (1.5,), ('x',), (0, 1), ()]:
    show(time.pthread_getcpuclockid, *a)
c = time.pthread_getcpuclockid(threading.get_ident())
print(c < 0, type(time.clock_gettime(c)).__name__, type(time.clock_getres(c)).__name__)
print(c == time.pthread_getcpuclockid(threading.get_ident()))
t0 = time.thread_time(); t1 = time.clock_gettime(time.CLOCK_THREAD_CPUTIME_ID)
print(0 <= t1 - t0 < 1, time.clock_getres(time.CLOCK_REALTIME), time.clock_getres(time.CLOCK_MONOTONIC))
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
print(abs(time.clock_gettime_ns(time.CLOCK_REALTIME) - time.time_ns()) < 10**9)
print(isinstance(time.clock_gettime_ns(time.CLOCK_MONOTONIC), int), time.process_time() >= 0)
x = 0
for i in range(100000): x += i
print(time.process_time() > 0, time.thread_time_ns() > 0)
# strptime goes through _strptime
print(time.strptime("2024 03 05", "%Y %m %d"))
print(time.strptime("Tue Mar  5 10:11:12 2024"))
for a in [(), ('x',), ('2024', '%Y', 1), (1, '%Y'), ('x', 2), ('2024', '%Q')]:
    show(time.strptime, *a)
try:
    time.strptime("2024", format="%Y")
except TypeError as e:
    print("TypeError", e)
# tzset re-reads TZ
print(time.timezone, time.altzone, time.daylight, time.tzname)
for tz in ['EST+05', 'UTC', '<+0330>-03:30', 'XYZ-2']:
    os.environ['TZ'] = tz
    time.tzset()
    print(tz, time.timezone, time.altzone, time.daylight, time.tzname)
    lt = time.localtime(86400 * 365 + 3723)
    print(lt, lt.tm_zone, lt.tm_gmtoff)
    print(time.mktime(lt), time.strftime('%Y-%m-%d %H:%M:%S %Z %z', lt), time.ctime(0))
del os.environ['TZ']
time.tzset()
print(time.timezone, time.tzname, time.localtime(0).tm_zone)
