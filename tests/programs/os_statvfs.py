# os.statvfs / os.fstatvfs (statvfs_result with its non-sequence f_fsid) and shutil.disk_usage, which exists only when os.statvfs does; values vary between runs, so only their relations are printed. Also the struct sequence constructor the other modules share.
import os, shutil, pickle
r = os.statvfs('.')
print(type(r).__name__, type(r).__module__, len(r), r.n_sequence_fields, r.n_fields, r.n_unnamed_fields)
print(r.f_frsize > 0, r.f_bsize == r[0], r.f_namemax == r[-1], isinstance(r.f_fsid, int), r.f_flag & 1 in (0, 1))
print(tuple(r) == r[:], repr(r).startswith('os.statvfs_result(f_bsize='))
fd = os.open('.', os.O_RDONLY)
r2 = os.fstatvfs(fd)
os.close(fd)
print(r2.f_frsize == r.f_frsize, r2.f_blocks == r.f_blocks, r2.f_fsid == r.f_fsid, os.statvfs(b'.').f_namemax == r.f_namemax)
u = shutil.disk_usage('.')
print(type(u).__name__, u._fields, u.total == r.f_blocks * r.f_frsize, u.total >= u.used)
for bad in ['/nonexistent/x', 3.5, None, 10**30, -1, 9999]:
    try:
        os.statvfs(bad)
    except Exception as e:
        print(type(e).__name__, e)
for t in [(1,) * 9, (1,) * 10, (1,) * 11, (1,) * 12]:
    try:
        x = os.statvfs_result(t)
        print(x, x.f_fsid)
    except Exception as e:
        print(type(e).__name__, e)
x = os.statvfs_result((1,) * 10, {'f_fsid': 7})
print(x.f_fsid)
y = pickle.loads(pickle.dumps(os.statvfs_result(range(11))))
print(y, y.f_fsid)
for bad in [9999, -1, 'x', 2.5]:
    try:
        os.fstatvfs(bad)
    except Exception as e:
        print(type(e).__name__, e)
for b in [10**30, -10**30, 2**31, True]:
    for f in (os.fstatvfs, os.statvfs):
        try:
            r = f(b)
            print(f.__name__, 'ok', type(r).__name__)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
import pathlib
print(os.statvfs(pathlib.Path('.')).f_namemax == r.f_namemax if False else os.statvfs(pathlib.Path('.')).f_frsize > 0)
for a in [(5,), (range(10), None), (range(10), {'f_fsid': 3, 'zz': 1}), ('abcdefghij',)]:
    try:
        x = os.statvfs_result(*a)
        print(x, x.f_fsid, x.__reduce__()[1])
    except Exception as e:
        print(type(e).__name__, e)
import pwd, resource
print(pwd.struct_passwd(range(7)).__reduce__())
for a in [(range(6),), (range(7), None), (range(8),)]:
    try:
        pwd.struct_passwd(*a)
    except Exception as e:
        print(type(e).__name__, e)
print(resource.struct_rusage(range(16)).ru_maxrss, type(os.statvfs('.')).__module__)
import pwd
for obj in (os.statvfs('.'), pwd.getpwuid(0)):
    for attr in ('f_bfree', 'pw_name', 'parrot'):
        try:
            setattr(obj, attr, 1)
        except AttributeError as e:
            print(type(e).__name__, e)
    try:
        del obj.parrot
    except AttributeError as e:
        print(type(e).__name__, e)
