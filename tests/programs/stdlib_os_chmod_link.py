# os.chmod/fchmod/chown/lchown, link/symlink/readlink, get/set_inheritable, get_blocking,
# mkdir with a mode, umask and the user/group ids, with their errors.
import os, stat, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
open(p, 'w').close()
os.chmod(p, 0o600); print(oct(stat.S_IMODE(os.stat(p).st_mode)))
os.chmod(p, 0o644, follow_symlinks=False); print(oct(stat.S_IMODE(os.stat(p).st_mode)))
fd = os.open(p, os.O_RDONLY)
os.fchmod(fd, 0o640); print(oct(stat.S_IMODE(os.stat(p).st_mode)))
os.chmod(fd, 0o604); print(oct(stat.S_IMODE(os.stat(p).st_mode)))
print(os.get_inheritable(fd)); os.set_inheritable(fd, True); print(os.get_inheritable(fd))
print(os.get_blocking(fd))
os.close(fd)
os.symlink(p, os.path.join(d, 'l'))
print(os.readlink(os.path.join(d, 'l')) == p, os.readlink(os.fsencode(os.path.join(d, 'l'))) == os.fsencode(p))
try: os.chmod(os.path.join(d, 'l'), 0o644, follow_symlinks=False)
except NotImplementedError as e: print('NIE', e)
os.link(p, os.path.join(d, 'h')); print(os.stat(p).st_nlink)
for f, a in [(os.chmod, (os.path.join(d, 'nx'), 0o644)), (os.link, (os.path.join(d, 'nx'), os.path.join(d, 'y'))),
             (os.symlink, (p, os.path.join(d, 'l'))), (os.readlink, (p,)), (os.chown, (os.path.join(d,'nx'), -1, -1)),
             (os.mkdir, (d,)), (os.chmod, (None, 0o644)), (os.get_inheritable, (9999,))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, str(e).replace(d, 'D'))
os.chown(p, os.getuid(), os.getgid()); os.lchown(p, -1, -1)
os.mkdir(os.path.join(d, 'sub'), 0o700); print(oct(stat.S_IMODE(os.stat(os.path.join(d, 'sub')).st_mode)))
old = os.umask(0o22); print(oct(os.umask(old)))
print(type(os.getppid()), os.geteuid() == os.getuid(), os.getegid() == os.getgid())
print(os.chmod in os.supports_fd, os.chown in os.supports_fd)
import shutil; shutil.rmtree(d); print('ok')
