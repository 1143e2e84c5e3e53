# _sqlite3 beyond plain statements: blobs, backup, collations, progress/trace/authorizer
# callbacks, window functions, limits, compiled statements, callback tracebacks.
import sqlite3
import sys

cx = sqlite3.connect(":memory:")
cx.execute("create table t(b blob)")
cx.execute("insert into t(b) values (?)", (b"0123456789abcdef",))

# Blobs
with cx.blobopen("t", "b", 1) as blob:
    print(len(blob), blob.read(4), blob.tell())
    blob.seek(-4, 2)
    print(blob.read(), blob.tell())
    blob.seek(0)
    blob.write(b"AB")
    blob[2] = ord("C")
    blob[3:5] = b"DE"
    print(blob[0], blob[-1], blob[0:6], blob[0:10:3])
    for bad in (lambda: blob.write(b"x" * 100), lambda: blob.seek(99),
                lambda: blob.seek(0, 7), lambda: blob.__setitem__(0, 256),
                lambda: blob.__delitem__(0), lambda: blob[99]):
        try:
            bad()
        except (ValueError, TypeError, IndexError) as e:
            print(type(e).__name__, e)
print(cx.execute("select b from t").fetchall())
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print("closed:", e)
ro = cx.blobopen("t", "b", 1, readonly=True)
try:
    ro.write(b"z")
except sqlite3.OperationalError as e:
    print("readonly:", "readonly" in str(e))
ro.close()
for args in (("nosuch", "b", 1), ("t", "nosuch", 1), ("t", "b", 5)):
    try:
        cx.blobopen(*args)
    except sqlite3.OperationalError as e:
        print("blobopen:", str(e).startswith("no such"))

# Collations
cx.execute("create table w(x)")
cx.executemany("insert into w values (?)", [("b",), ("a",), ("c",)])
cx.create_collation("rev", lambda a, b: (a < b) - (a > b))
print(cx.execute("select x from w order by x collate rev").fetchall())
cx.create_collation("rev", None)
try:
    cx.execute("select x from w order by x collate rev")
except sqlite3.OperationalError as e:
    print(e)
try:
    cx.create_collation("x", 42)
except TypeError as e:
    print(e)

# Window functions
class WinSum:
    def __init__(self):
        self.n = 0

    def step(self, v):
        self.n += v

    def inverse(self, v):
        self.n -= v

    def value(self):
        return self.n

    def finalize(self):
        return self.n


cx.execute("create table v(x, y)")
cx.executemany("insert into v values (?, ?)", [("a", 4), ("b", 5), ("c", 3), ("d", 8)])
cx.create_window_function("winsum", 1, WinSum)
print(cx.execute("select x, winsum(y) over (order by x rows between 1 preceding and "
                 "1 following) from v order by x").fetchall())
try:
    cx.create_window_function("bad", -100, WinSum)
except sqlite3.ProgrammingError as e:
    print(e)

# Progress handler, trace callback, authorizer
calls = []
cx.set_progress_handler(lambda: calls.append(1) or 0, 1)
cx.execute("select 1 union select 2").fetchall()
print("progress called:", bool(calls))
cx.set_progress_handler(lambda: 1, 1)
try:
    cx.execute("select 1 union select 2")
except sqlite3.OperationalError as e:
    print(e)
cx.set_progress_handler(None, 1)
traced = []
cx.set_trace_callback(traced.append)
cx.execute("select ?", (5,))
cx.set_trace_callback(None)
cx.execute("select 6")
print(traced)


def auth(action, arg1, arg2, dbname, source):
    if action == sqlite3.SQLITE_READ and arg2 == "y":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


cx.set_authorizer(auth)
print(cx.execute("select x from v").fetchall())
try:
    cx.execute("select y from v")
except sqlite3.DatabaseError as e:
    print(e)
cx.set_authorizer(None)
print(cx.execute("select y from v").fetchall())

# Limits and compiled statements
old = cx.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 20)
print(old > 20, cx.getlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH))
try:
    cx.execute("select 'a long query string'")
except sqlite3.DataError as e:
    print(e)
cx.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, old)
try:
    cx.getlimit(1111)
except sqlite3.ProgrammingError as e:
    print(e)
print(type(cx("select 1")).__name__)
for sql in ("select 1; select 2", "", "select 1; -- done", "\0select 1"):
    try:
        print(repr(sql), cx.execute(sql).fetchall())
    except sqlite3.Error as e:
        print(repr(sql), type(e).__name__, e)

# Backup
cx.commit()
bck = sqlite3.connect(":memory:")
steps = []
cx.backup(bck, pages=1, progress=lambda status, remaining, total: steps.append(remaining))
print(bck.execute("select x, y from v order by x").fetchall(), steps[-1])
try:
    cx.backup(cx)
except ValueError as e:
    print(e)


def failing(status, remaining, total):
    raise SystemError("nearly out of space")


try:
    cx.backup(sqlite3.connect(":memory:"), progress=failing)
except SystemError as e:
    print("SystemError", e)

# Callback tracebacks go to sys.unraisablehook
seen = []
sys.unraisablehook = seen.append
sqlite3.enable_callback_tracebacks(True)


def boom(x):
    raise ZeroDivisionError("boom")


cx.create_function("boom", 1, boom)
try:
    cx.execute("select boom(1)")
except sqlite3.OperationalError as e:
    print(e)
print(seen[0].exc_type.__name__, seen[0].object.__name__)
# The default hook's report (the object's repr shows an address: replaced).
import io
buf = io.StringIO()
sys.stderr, saved = buf, sys.stderr
sys.__unraisablehook__(seen[0])
sys.stderr = saved
# (and the script's directory, which depends on the checkout)
here = __file__[: -len("stdlib_sqlite3_hooks.py")]
print(buf.getvalue().replace(repr(boom), "<boom>").replace(here, ""), end="")
cx.create_function("big", 0, lambda: 1 << 70)
try:
    cx.execute("select big()")
except sqlite3.DataError as e:
    print("DataError", e)
print(seen[1].exc_type.__name__, seen[1].exc_value)
sys.unraisablehook = sys.__unraisablehook__
sqlite3.enable_callback_tracebacks(False)

# A function that queries its own connection
cx.create_function("count_v", 0, lambda: cx.execute("select count(*) from v").fetchone()[0])
print(cx.execute("select count_v()").fetchall())
cx.isolation_level = "deferred"
print(cx.isolation_level)
