# fcntl: descriptor flags, duplicates, status flags (O_NONBLOCK on a pipe), flock between
# processes, and CPython's argument errors.
import fcntl, os, tempfile, subprocess, sys
def t(c):
    try: print(c, '->', repr(eval(c)))
    except Exception as e: print(c, '->', type(e).__name__, e)
print(sorted((k, getattr(fcntl, k)) for k in dir(fcntl) if k.isupper()) == sorted((k, v) for k, v in {'DN_ACCESS': 1, 'DN_ATTRIB': 32, 'DN_CREATE': 4, 'DN_DELETE': 8, 'DN_MODIFY': 2, 'DN_MULTISHOT': 2147483648, 'DN_RENAME': 16, 'FASYNC': 8192, 'FD_CLOEXEC': 1, 'F_ADD_SEALS': 1033, 'F_DUPFD': 0, 'F_DUPFD_CLOEXEC': 1030, 'F_EXLCK': 4, 'F_GETFD': 1, 'F_GETFL': 3, 'F_GETLEASE': 1025, 'F_GETLK': 5, 'F_GETLK64': 5, 'F_GETOWN': 9, 'F_GETPIPE_SZ': 1032, 'F_GETSIG': 11, 'F_GET_SEALS': 1034, 'F_NOTIFY': 1026, 'F_OFD_GETLK': 36, 'F_OFD_SETLK': 37, 'F_OFD_SETLKW': 38, 'F_RDLCK': 0, 'F_SEAL_GROW': 4, 'F_SEAL_SEAL': 1, 'F_SEAL_SHRINK': 2, 'F_SEAL_WRITE': 8, 'F_SETFD': 2, 'F_SETFL': 4, 'F_SETLEASE': 1024, 'F_SETLK': 6, 'F_SETLK64': 6, 'F_SETLKW': 7, 'F_SETLKW64': 7, 'F_SETOWN': 8, 'F_SETPIPE_SZ': 1031, 'F_SETSIG': 10, 'F_SHLCK': 8, 'F_UNLCK': 2, 'F_WRLCK': 1, 'LOCK_EX': 2, 'LOCK_MAND': 32, 'LOCK_NB': 4, 'LOCK_READ': 64, 'LOCK_RW': 192, 'LOCK_SH': 1, 'LOCK_UN': 8, 'LOCK_WRITE': 128}.items()))
print(sorted(k for k in dir(fcntl) if not k.isupper() and not k.startswith('__')))
r, w = os.pipe()
for c in ['fcntl.fcntl()', 'fcntl.fcntl("x", 1)', 'fcntl.fcntl(99, 1)', 'fcntl.flock(0)', 'fcntl.flock(99, 2)', 'fcntl.fcntl(0, 1, 0, 0)', 'fcntl.fcntl(0, fcntl.F_GETFL, 1.5)', 'fcntl.fcntl(-1, 1)', 'fcntl.fcntl(r, fcntl.F_GETFD)', 'fcntl.fcntl(r, fcntl.F_SETFD, 0)', 'fcntl.fcntl(r, fcntl.F_GETFD)', 'fcntl.fcntl(r, fcntl.F_SETFD, fcntl.FD_CLOEXEC)', 'fcntl.fcntl(r, fcntl.F_GETFD)', 'fcntl.fcntl(w, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY', 'fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK', 'fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)', 'fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK', 'os.read(r, 1)', 'fcntl.fcntl(fcntl.fcntl(r, fcntl.F_DUPFD, 100), fcntl.F_GETFD)', 'fcntl.fcntl(fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 100), fcntl.F_GETFD)', 'fcntl.fcntl(r, fcntl.F_DUPFD, 100) >= 100', 'fcntl.fcntl(sys.stdin, fcntl.F_GETFD) in (0, 1)', 'fcntl.fcntl(object(), 1)', 'fcntl.fcntl(r, fcntl.F_GETFD, x=1)', 'fcntl.flock(r, 1, 2)']:
    t(c)
with tempfile.NamedTemporaryFile() as f:
    t("fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)")
    code = "import fcntl, sys; f = open(sys.argv[1]); fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)"
    path = f.name
    p = subprocess.run([sys.executable, "-c", code, os.path.realpath(path)], capture_output=True, text=True)
    print("other process:", p.stderr.strip().splitlines()[-1] if p.stderr else "locked")
    t("fcntl.flock(f, fcntl.LOCK_UN)")
    p = subprocess.run([sys.executable, "-c", code, os.path.realpath(path)], capture_output=True, text=True)
    print("other process:", p.stderr.strip().splitlines()[-1] if p.stderr else "locked")
