# _sqlite3 (rusqlite's bundled SQLite): connections, cursors, parameters, transactions, errors,
# user-defined functions and aggregates, Row, text_factory, adapters and converters.
import sqlite3
con = sqlite3.connect(":memory:")
print(sqlite3.sqlite_version_info >= (3, 7), sqlite3.version)
cur = con.cursor()
cur.execute("create table t (a integer, b real, c text, d blob)")
print(cur.description, cur.rowcount, cur.lastrowid)
cur.execute("insert into t values (?, ?, ?, ?)", (1, 2.5, "x", b"\x00\x01"))
print(cur.rowcount, cur.lastrowid, con.in_transaction)
cur.executemany("insert into t values (?, ?, ?, ?)", [(i, i / 2, str(i), None) for i in range(5)])
print(cur.rowcount, cur.lastrowid)
con.commit()
print(con.in_transaction, con.total_changes)
for row in con.execute("select * from t order by a"):
    print(row)
cur = con.execute("select a, c from t where a > :m", {"m": 2})
print(cur.description)
print(cur.fetchone(), cur.fetchall(), cur.fetchone())
con.row_factory = sqlite3.Row
r = con.execute("select a as A, c from t").fetchone()
print(type(r).__name__, r["a"], r[1], r.keys(), tuple(r), len(r))
con.row_factory = None
try:
    con.execute("select * from nope")
except sqlite3.OperationalError as e:
    print("OperationalError", e, e.sqlite_errorcode, e.sqlite_errorname)
try:
    con.execute("select ?", (1, 2))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
try:
    con.execute("select 1; select 2")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
try:
    con.execute("select ?", ([1],))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
con.execute("create table u (k integer primary key, v unique)")
con.execute("insert into u values (1, 'a')")
try:
    con.execute("insert into u values (2, 'a')")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e, e.sqlite_errorname)
def double(x):
    return x * 2
con.create_function("double", 1, double)
print(con.execute("select double(a), double(c) from t order by a limit 3").fetchall())
def bad(x):
    raise ValueError(x)
con.create_function("bad", 1, bad)
try:
    con.execute("select bad(1)").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
class Sum:
    def __init__(self):
        self.n = 0
    def step(self, v):
        self.n += v
    def finalize(self):
        return self.n
con.create_aggregate("mysum", 1, Sum)
print(con.execute("select mysum(a) from t").fetchone())
print(con.execute("select mysum(a) from t where a > 100").fetchone())
print(con.execute("select c, mysum(a) from t group by c order by c").fetchall())
con.text_factory = bytes
print(con.execute("select c from t order by a limit 2").fetchall())
con.text_factory = str
con.executescript("create table v (x); insert into v values (1); insert into v values (2);")
print(con.execute("select sum(x) from v").fetchone())
with con:
    con.execute("insert into v values (3)")
print(con.in_transaction, con.execute("select count(*) from v").fetchone())
try:
    with con:
        con.execute("insert into v values (4)")
        raise KeyError
except KeyError:
    pass
print(con.execute("select count(*) from v").fetchone())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 'a;"))
import datetime
con2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con2.execute("create table d (day date, ts timestamp)")
con2.execute("insert into d values (?, ?)", (datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5)))
print(con2.execute("select day, ts from d").fetchone())
print(con2.execute('select day as "d [date]" from d').fetchone(), con2.execute('select day as "d [date]" from d').description[0][0])
con.close()
try:
    con.execute("select 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
try:
    con.isolation_level
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
con3 = sqlite3.connect(":memory:", isolation_level=None)
con3.execute("create table z (a)")
con3.execute("insert into z values (1)")
print(con3.in_transaction)
print(con3.execute("select 1, 'a', x'ff', 2.0, null").fetchone())
print(con3.execute("select ?, ?", (2**62, -1.5)).fetchone())
try:
    con3.execute("select ?", (2**70,))
except OverflowError as e:
    print("OverflowError", e)


class Factory(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        kwargs["isolation_level"] = None
        super().__init__(*args, **kwargs)


con4 = sqlite3.connect(":memory:", factory=Factory)
print(type(con4).__name__, con4.isolation_level)
con4.row_factory = sqlite3.Row
row = con4.execute("select 1 as \u00ffA, 2 as b").fetchone()
print(row["\u00ffa"] if False else row["b"], row["B"])
for key in ("\u00dfA", 1.5):
    try:
        row[key]
    except IndexError as e:
        print("IndexError", e)
try:
    con4.cursor(factory=lambda c: 42)
except TypeError:
    print("TypeError")
