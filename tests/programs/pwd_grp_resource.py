# pwd, grp and resource: entries of root (uid/gid 0, on every system), the struct sequence
# types, argument errors; resource limits compared across calls (their values are the machine's).
import grp
import os
import pwd
import resource
import subprocess
import sys


class I:
    def __index__(self):
        return 0


def t(c):
    try:
        r = eval(c)
        print(c, "->", repr(r))
    except Exception as e:
        print(c, "->", type(e).__name__, e)


for c in [
    "pwd.getpwuid(0).pw_name", "pwd.getpwuid(0).pw_uid", "pwd.getpwuid(I()).pw_gid",
    "pwd.getpwnam('root')[2:4]", "pwd.getpwnam('root') == pwd.getpwuid(0)",
    "pwd.getpwuid(4294967295)", "pwd.getpwuid(-1)", "pwd.getpwuid(2**40)", "pwd.getpwuid(-2)",
    "pwd.getpwuid('0')", "pwd.getpwuid(0.0)", "pwd.getpwuid()", "pwd.getpwuid(0, 1)",
    "pwd.getpwuid(uid=0)", "pwd.getpwnam('no such user here')", "pwd.getpwnam(0)",
    "pwd.getpwnam('a\\0b')", "pwd.getpwnam(b'root')", "pwd.getpwall(1)",
    "type(pwd.getpwall())", "any(p.pw_uid == 0 for p in pwd.getpwall())",
    "pwd.struct_passwd(('a',) * 7)", "pwd.struct_passwd(('a',) * 6)", "pwd.struct_passwd(5)",
    "pwd.struct_passwd(('a',) * 7, {}).__reduce__()", "pwd.struct_passwd.n_fields",
    "pwd.struct_passwd.__module__", "len(pwd.getpwuid(0))", "pwd.getpwuid(0)[0] == pwd.getpwuid(0).pw_name",
    "sorted(n for n in dir(pwd) if not n.startswith('_'))", "pwd.__doc__",
    "grp.getgrgid(0).gr_name", "grp.getgrgid(I()).gr_gid", "type(grp.getgrgid(0).gr_mem)",
    "grp.getgrnam('root') == grp.getgrgid(0)", "grp.getgrgid(id=0).gr_gid", "grp.getgrnam(name='root').gr_gid",
    "grp.getgrgid(4294967295)", "grp.getgrgid(-1)", "grp.getgrgid(2**40)", "grp.getgrgid(-2)",
    "grp.getgrgid('0')", "grp.getgrgid(1.5)", "grp.getgrgid()", "grp.getgrgid(0, 1)", "grp.getgrgid(x=0)",
    "grp.getgrnam('no such group here')", "grp.getgrnam(1)", "grp.getgrnam('a\\0b')", "grp.getgrall(1)",
    "any(g.gr_gid == 0 for g in grp.getgrall())", "grp.struct_group.n_fields",
    "grp.struct_group(range(4))", "sorted(n for n in dir(grp) if not n.startswith('_'))",
    "resource.getrlimit(99)", "resource.getrlimit(-1)", "resource.getrlimit('a')", "resource.getrlimit(2**70)",
    "resource.getrlimit(resource.RLIMIT_NOFILE, 1)", "resource.RLIM_INFINITY", "resource.RLIMIT_NOFILE",
    "resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, resource.RUSAGE_THREAD",
    "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0", "type(resource.getrusage(0).ru_utime)",
    "type(resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime)", "len(resource.getrusage(1))",
    "resource.getrusage(5)", "resource.getrusage('x')", "resource.getrusage()", "resource.getrusage(who=0)",
    "resource.struct_rusage.n_fields", "resource.struct_rusage(range(16))",
    "resource.getpagesize() in (4096, 16384, 65536)", "resource.getpagesize(1)",
    "resource.setrlimit(resource.RLIMIT_CORE, (0, 0, 0))", "resource.setrlimit(resource.RLIMIT_CORE, 5)",
    "resource.setrlimit(resource.RLIMIT_CORE, ('a', 1))", "resource.setrlimit(99, (1, 1))",
    "resource.setrlimit(resource.RLIMIT_NOFILE, (2**70, 1))", "resource.error",
    "resource.prlimit(0)", "resource.prlimit(1, 2, 3, 4)", "resource.prlimit(0, 7, limits=1)",
    "resource.prlimit(0, 7, None)", "resource.prlimit(-5, resource.RLIMIT_NOFILE)",
    "resource.prlimit(99999999, resource.RLIMIT_NOFILE)",
    "sorted(n for n in dir(resource) if not n.startswith('_'))",
]:
    t(c)

for r in (resource.RLIMIT_NOFILE, resource.RLIMIT_STACK, resource.RLIMIT_CORE, resource.RLIMIT_AS):
    lim = resource.getrlimit(r)
    print(r, type(lim).__name__, len(lim), lim == resource.prlimit(0, r) == resource.prlimit(os.getpid(), r))
# A soft limit lowered and restored; setting the soft limit above the hard one fails.
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
print(resource.getrlimit(resource.RLIMIT_CORE) == (0, hard))
if hard != resource.RLIM_INFINITY:
    t("resource.setrlimit(resource.RLIMIT_CORE, (hard + 1, hard))")
resource.setrlimit(resource.RLIMIT_CORE, [soft, hard])
print(resource.getrlimit(resource.RLIMIT_CORE) == (soft, hard))
print(resource.prlimit(0, resource.RLIMIT_CORE, (soft, hard)) == (soft, hard))
# Another process's limits (inherited, so equal to this one's).
child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
print(resource.prlimit(child.pid, resource.RLIMIT_NOFILE) == resource.getrlimit(resource.RLIMIT_NOFILE))
print(resource.prlimit(child.pid, resource.RLIMIT_STACK) == resource.getrlimit(resource.RLIMIT_STACK))
child.communicate(b"")
