# os.utime: times as ints and floats (rounded down to the nanosecond, as CPython), ns, now, and the errors.
import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
open(p, 'w').close()
os.utime(p, (1000000000, 1200000000.75))
st = os.stat(p)
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
os.utime(p, ns=(5, 1234567890123456789))
print(os.stat(p).st_atime_ns, os.stat(p).st_mtime_ns)
os.utime(p, (-1.5, 3.25))
print(os.stat(p).st_atime_ns, os.stat(p).st_mtime_ns)
os.utime(p)
import time
print(abs(os.stat(p).st_mtime - time.time()) < 5)
for bad in [dict(times=(1,)), dict(times=(1, 2), ns=(1, 2)), dict(ns=(1.0, 2)), dict(times=[1, 2]), dict(times=('a', 2))]:
    try:
        os.utime(p, **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.utime(os.path.join(d, 'missing'), None)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename, e)
os.remove(p); os.rmdir(d)
