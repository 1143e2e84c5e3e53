# os.getrandom (flags GRND_NONBLOCK/GRND_RANDOM), os.truncate on a path and a descriptor,
# os.closerange, with their errors.
import os, tempfile
print(len(os.getrandom(16)), type(os.getrandom(0)), len(os.getrandom(8, os.GRND_NONBLOCK)), len(os.getrandom(size=4, flags=0)))
print(os.GRND_NONBLOCK, os.GRND_RANDOM)
d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
with open(p, 'wb') as f:
    f.write(b'0123456789')
os.truncate(p, 4); print(os.stat(p).st_size)
fd = os.open(p, os.O_RDWR)
os.truncate(fd, 2); print(os.stat(p).st_size)
os.closerange(fd, fd + 1)
try:
    os.fstat(fd)
except OSError as e:
    print('closed', e.errno)
for f, a in [(os.getrandom, (-1,)), (os.truncate, (os.path.join(d, 'nx'), 1)), (os.truncate, (d, -1)), (os.truncate, (d, 1))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, str(e).replace(d, 'D'))
os.remove(p); os.rmdir(d)
