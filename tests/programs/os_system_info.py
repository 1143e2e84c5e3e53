# os.uname/times/getloadavg/system and the flag constants; platform's answers built on them;
# namedtuple fields read the tuple itself, not a subclass's __getitem__ (platform.uname_result
# overrides it, and reading .system through it ran `uname -p`).
import collections
import os
import pathlib
import platform


def t(c):
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "->", type(e).__name__, e)


for c in [
    "os.uname().sysname", "len(os.uname())", "os.uname_result.n_fields",
    "os.uname().machine == platform.machine() != ''", "platform.system()",
    "os.uname().release == platform.release()", "os.uname(1)",
    "type(os.times().user)", "len(os.times())", "os.times().elapsed > 0", "os.times(1)",
    "os.times_result.n_fields", "len(os.getloadavg())", "all(x >= 0 for x in os.getloadavg())",
    "os.getloadavg(1)",
    "os.system('exit 3')", "os.waitstatus_to_exitcode(os.system('exit 5'))",
    "os.system('kill -9 $$')", "os.system(b'true')", "os.system(pathlib.Path('true'))",
    "os.system(command='true')", "os.system(1)", "os.system()", "os.system('a', 'b')",
    "os.system(x=1)", "os.system(['x'])",
    "os.O_NONBLOCK", "os.O_DIRECTORY", "os.O_NOFOLLOW", "os.O_ACCMODE", "os.O_SYNC",
    "os.WUNTRACED", "os.WCONTINUED", "os.EX_OK", "os.EX_USAGE", "os.EX_CONFIG",
    "os.CLD_EXITED", "os.PRIO_USER", "os.SEEK_DATA", "os.SEEK_HOLE",
]:
    t(c)

P = collections.namedtuple("P", "x y")
p = P(1, 2)


class Q(P):
    def __getitem__(self, i):
        print("getitem", i)
        return 99


q = Q(3, 4)
print(q.x, q.y, q[0])
for c in ["P.x.__get__(p)", "P.x.__get__(5)", "P.x.__get__((7, 8))", "P.y.__get__((7,))",
          "P.x.__doc__", "P._make([5, 6]).y", "p._replace(x=3)", "Q(5, 6)._asdict()"]:
    t(c)
print("before the shell")
os.system("echo from the shell")
print("after the shell")
