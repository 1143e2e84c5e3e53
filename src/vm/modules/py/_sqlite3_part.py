# The Python part of cpjit's _sqlite3 (CPython writes the module in C): the DB-API classes over
# the native functions of src/vm/modules/sqlite.rs (_open, _exec, _script, _function, _close,
# _autocommit, _total_changes), which run SQLite on a worker thread per connection.

version = "2.6.0"
threadsafety = 1
PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

_CODES = {
    0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4:
    "SQLITE_ABORT", 5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8:
    "SQLITE_READONLY", 9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 12:
    "SQLITE_NOTFOUND", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 16:
    "SQLITE_EMPTY", 17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20:
    "SQLITE_MISMATCH", 21: "SQLITE_MISUSE", 22: "SQLITE_NOLFS", 23: "SQLITE_AUTH", 24:
    "SQLITE_FORMAT", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB", 27: "SQLITE_NOTICE", 28:
    "SQLITE_WARNING", 100: "SQLITE_ROW", 101: "SQLITE_DONE", 256: "SQLITE_OK_LOAD_PERMANENTLY",
    257: "SQLITE_ERROR_MISSING_COLLSEQ", 261: "SQLITE_BUSY_RECOVERY", 262:
    "SQLITE_LOCKED_SHAREDCACHE", 264: "SQLITE_READONLY_RECOVERY", 266: "SQLITE_IOERR_READ", 267:
    "SQLITE_CORRUPT_VTAB", 270: "SQLITE_CANTOPEN_NOTEMPDIR", 275: "SQLITE_CONSTRAINT_CHECK",
    279: "SQLITE_AUTH_USER", 283: "SQLITE_NOTICE_RECOVER_WAL", 284: "SQLITE_WARNING_AUTOINDEX",
    512: "SQLITE_OK_SYMLINK", 513: "SQLITE_ERROR_RETRY", 516: "SQLITE_ABORT_ROLLBACK", 517:
    "SQLITE_BUSY_SNAPSHOT", 518: "SQLITE_LOCKED_VTAB", 520: "SQLITE_READONLY_CANTLOCK", 522:
    "SQLITE_IOERR_SHORT_READ", 523: "SQLITE_CORRUPT_SEQUENCE", 526: "SQLITE_CANTOPEN_ISDIR",
    531: "SQLITE_CONSTRAINT_COMMITHOOK", 539: "SQLITE_NOTICE_RECOVER_ROLLBACK", 769:
    "SQLITE_ERROR_SNAPSHOT", 773: "SQLITE_BUSY_TIMEOUT", 776: "SQLITE_READONLY_ROLLBACK", 778:
    "SQLITE_IOERR_WRITE", 779: "SQLITE_CORRUPT_INDEX", 782: "SQLITE_CANTOPEN_FULLPATH", 787:
    "SQLITE_CONSTRAINT_FOREIGNKEY", 1032: "SQLITE_READONLY_DBMOVED", 1034: "SQLITE_IOERR_FSYNC",
    1038: "SQLITE_CANTOPEN_CONVPATH", 1043: "SQLITE_CONSTRAINT_FUNCTION", 1288:
    "SQLITE_READONLY_CANTINIT", 1290: "SQLITE_IOERR_DIR_FSYNC", 1294:
    "SQLITE_CANTOPEN_DIRTYWAL", 1299: "SQLITE_CONSTRAINT_NOTNULL", 1544:
    "SQLITE_READONLY_DIRECTORY", 1546: "SQLITE_IOERR_TRUNCATE", 1550: "SQLITE_CANTOPEN_SYMLINK",
    1555: "SQLITE_CONSTRAINT_PRIMARYKEY", 1802: "SQLITE_IOERR_FSTAT", 1811:
    "SQLITE_CONSTRAINT_TRIGGER", 2058: "SQLITE_IOERR_UNLOCK", 2067: "SQLITE_CONSTRAINT_UNIQUE",
    2314: "SQLITE_IOERR_RDLOCK", 2323: "SQLITE_CONSTRAINT_VTAB", 2570: "SQLITE_IOERR_DELETE",
    2579: "SQLITE_CONSTRAINT_ROWID", 2826: "SQLITE_IOERR_BLOCKED", 2835:
    "SQLITE_CONSTRAINT_PINNED", 3082: "SQLITE_IOERR_NOMEM", 3338: "SQLITE_IOERR_ACCESS", 3594:
    "SQLITE_IOERR_CHECKRESERVEDLOCK", 3850: "SQLITE_IOERR_LOCK", 4106: "SQLITE_IOERR_CLOSE",
    4362: "SQLITE_IOERR_DIR_CLOSE", 4618: "SQLITE_IOERR_SHMOPEN", 4874: "SQLITE_IOERR_SHMSIZE",
    5130: "SQLITE_IOERR_SHMLOCK", 5386: "SQLITE_IOERR_SHMMAP", 5642: "SQLITE_IOERR_SEEK", 5898:
    "SQLITE_IOERR_DELETE_NOENT", 6154: "SQLITE_IOERR_MMAP", 6410: "SQLITE_IOERR_GETTEMPPATH",
    6666: "SQLITE_IOERR_CONVPATH", 6922: "SQLITE_IOERR_VNODE", 7178: "SQLITE_IOERR_AUTH", 7434:
    "SQLITE_IOERR_BEGIN_ATOMIC", 7690: "SQLITE_IOERR_COMMIT_ATOMIC", 7946:
    "SQLITE_IOERR_ROLLBACK_ATOMIC", 8202: "SQLITE_IOERR_DATA", 8458: "SQLITE_IOERR_CORRUPTFS",
}
# Authorizer action codes and return values.
_AUTH = {
    "SQLITE_CREATE_INDEX": 1, "SQLITE_DENY": 1, "SQLITE_CREATE_TABLE": 2, "SQLITE_IGNORE": 2,
    "SQLITE_CREATE_TEMP_INDEX": 3, "SQLITE_CREATE_TEMP_TABLE": 4, "SQLITE_CREATE_TEMP_TRIGGER":
    5, "SQLITE_CREATE_TEMP_VIEW": 6, "SQLITE_CREATE_TRIGGER": 7, "SQLITE_CREATE_VIEW": 8,
    "SQLITE_DELETE": 9, "SQLITE_DROP_INDEX": 10, "SQLITE_DROP_TABLE": 11,
    "SQLITE_DROP_TEMP_INDEX": 12, "SQLITE_DROP_TEMP_TABLE": 13, "SQLITE_DROP_TEMP_TRIGGER": 14,
    "SQLITE_DROP_TEMP_VIEW": 15, "SQLITE_DROP_TRIGGER": 16, "SQLITE_DROP_VIEW": 17,
    "SQLITE_INSERT": 18, "SQLITE_PRAGMA": 19, "SQLITE_READ": 20, "SQLITE_SELECT": 21,
    "SQLITE_TRANSACTION": 22, "SQLITE_UPDATE": 23, "SQLITE_ATTACH": 24, "SQLITE_DETACH": 25,
    "SQLITE_ALTER_TABLE": 26, "SQLITE_REINDEX": 27, "SQLITE_ANALYZE": 28,
    "SQLITE_CREATE_VTABLE": 29, "SQLITE_DROP_VTABLE": 30, "SQLITE_FUNCTION": 31,
    "SQLITE_SAVEPOINT": 32, "SQLITE_RECURSIVE": 33,
}
_LIMITS = {
    "SQLITE_LIMIT_LENGTH": 0, "SQLITE_LIMIT_SQL_LENGTH": 1, "SQLITE_LIMIT_COLUMN": 2,
    "SQLITE_LIMIT_EXPR_DEPTH": 3, "SQLITE_LIMIT_COMPOUND_SELECT": 4, "SQLITE_LIMIT_VDBE_OP": 5,
    "SQLITE_LIMIT_FUNCTION_ARG": 6, "SQLITE_LIMIT_ATTACHED": 7,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 8, "SQLITE_LIMIT_VARIABLE_NUMBER": 9,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 10, "SQLITE_LIMIT_WORKER_THREADS": 11,
}
for _code, _name in _CODES.items():
    globals()[_name] = _code
globals().update(_AUTH)
globals().update(_LIMITS)
del _code, _name


class Warning(Exception):
    pass


class Error(Exception):
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class DataError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_EXCEPTIONS = (Warning, Error, InterfaceError, DatabaseError, DataError, OperationalError,
               IntegrityError, InternalError, ProgrammingError, NotSupportedError)
for _c in _EXCEPTIONS:
    _c.__module__ = "sqlite3"
del _c


def _error(kind, msg, code):
    # The exception the native side raises for an SQLite failure (code -1: none of SQLite's).
    e = globals()[kind](msg)
    if code >= 0:  # -2 and -3: the module's own binding and decoding errors
        e.sqlite_errorcode = code
        e.sqlite_errorname = _CODES.get(code) or _CODES.get(code & 0xFF, "unknown")
    return e


class PrepareProtocol:
    def __init__(self, *args, **kwargs):
        if args or kwargs:
            raise TypeError("PrepareProtocol() takes no arguments")


PrepareProtocol.__module__ = "sqlite3"

adapters = {}
converters = {}
_callback_tracebacks = False
_base_type_adapted = False


def register_adapter(type, adapter, /):
    global _base_type_adapted
    if type in (int, float, str, bytearray):
        _base_type_adapted = True
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    if not isinstance(typename, str):
        raise TypeError("register_converter() argument 1 must be str, not "
                        + type(typename).__name__)
    converters[typename.upper()] = converter


_MISSING = object()
builtins_callable = callable


def adapt(obj, proto=PrepareProtocol, alt=_MISSING, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    # A TypeError from __adapt__ or __conform__ means "can't adapt" (CPython clears it).
    conform = getattr(proto, "__adapt__", None)
    if conform is not None:
        try:
            r = conform(obj)
        except TypeError:
            r = None
        if r is not None:
            return r
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        try:
            r = conform(proto)
        except TypeError:
            r = None
        if r is not None:
            return r
    if alt is not _MISSING:
        return alt
    raise ProgrammingError("can't adapt")


def enable_callback_tracebacks(flag, /):
    global _callback_tracebacks
    _callback_tracebacks = bool(flag)


def enable_shared_cache(do_enable):
    raise NotSupportedError("shared cache is not supported by cpjit's _sqlite3")


def _adapted(v):
    if not _base_type_adapted and type(v) in (int, float, str, bytearray):
        return v
    v = adapt(v, PrepareProtocol, v)
    # Subclasses of str, int and float bind as their base type's value.
    t = type(v)
    if t is not str and t is not int and t is not float:
        if isinstance(v, str):
            return str.__str__(v)
        if isinstance(v, int):
            return int.__index__(v)
        if isinstance(v, float):
            return float.__float__(v)
    return v


def _lstrip_sql(sql):
    # CPython's lstrip_sql: the statement after leading white space and comments.
    i, n = 0, len(sql)
    while i < n:
        if sql[i] in " \t\f\n\r":
            i += 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i + 2)
            if j < 0:
                return ""
            i = j + 1
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            if j < 0:
                return ""
            i = j + 2
        else:
            return sql[i:]
    return ""


def _is_dml(sql):
    s = _lstrip_sql(sql)[:7].lower()
    return s.startswith(("insert", "update", "delete", "replace"))


def _report_callback(callable):
    # CPython's print_or_clear_traceback: PyErr_WriteUnraisable(callable) when enabled.
    if _callback_tracebacks:
        from _cpjit_unraisable import write
        write(callable, skip="<frozen _sqlite3>")


_TOOBIG = "\0toobig"  # sqlite.rs's TOOBIG and NOMEM: SQLite reports SQLITE_TOOBIG, SQLITE_NOMEM
_NOMEM = "\0nomem"


def _failed(e, msg):
    # CPython's set_sqlite_error: an OverflowError is SQLITE_TOOBIG, a MemoryError SQLITE_NOMEM.
    if isinstance(e, OverflowError):
        return (False, _TOOBIG)
    if isinstance(e, MemoryError):
        return (False, _NOMEM)
    return (False, msg)


def _sql_value(r, callable=None):
    # A callback's result for SQLite: the types it can take (others fail the call).
    if isinstance(r, int) and not -9223372036854775808 <= r <= 9223372036854775807:
        try:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        except OverflowError:
            _report_callback(callable)
        return (False, _TOOBIG)
    if r is None or type(r) in (int, float, str, bytes) or isinstance(r, (int, float, str)):
        return (True, r)
    if isinstance(r, (bytes, bytearray, memoryview)):
        return (True, bytes(r))
    return (False, "user-defined function raised exception")


class Connection:
    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        import os
        if not isinstance(database, str):
            database = os.fsdecode(os.fspath(database))
        self._h = _open(database, bool(uri), int(float(timeout) * 1000))
        self._closed = False
        self._detect_types = detect_types
        self._isolation_level = None
        self.isolation_level = isolation_level
        self.row_factory = None
        self.text_factory = str
        self._funcs = {}
        self._aggs = {}
        self._next_id = 0
        self._raised = None
        self._sql_limit = 1000000000

    _closed = None  # until __init__ runs

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed database.")
        if self._closed is None:
            raise ProgrammingError("Base Connection.__init__ not called.")

    @property
    def isolation_level(self):
        self._check()
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        if value is None:
            if not self._closed and not _autocommit(self._h):
                self._run("COMMIT")
        elif not isinstance(value, str):
            raise TypeError("isolation_level must be str or None, not " + type(value).__name__)
        else:
            # Compared ignoring ASCII case (not with the str's own upper()); the level kept is
            # the canonical spelling.
            up = "".join([chr(ord(c) - 32) if "a" <= c <= "z" else c for c in value])
            if up not in ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
                raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', "
                                 "or 'EXCLUSIVE'")
            value = up
        self._isolation_level = value

    @property
    def in_transaction(self):
        self._check()
        return not _autocommit(self._h)

    @property
    def total_changes(self):
        self._check()
        return _total_changes(self._h)

    def _run(self, sql):
        return _exec(self._h, sql, (), False, None, self._dispatch)

    def _dispatch(self, kind, id, args):
        # A callback from SQLite (sqlite.rs): 0 a function, 1-3 an aggregate's
        # construction, step and finalize. Returns (ok, value or error message).
        tf = self.text_factory
        if tf is not str:
            args = tuple(a if type(a) is not str else
                         (a.encode() if tf is bytes else tf(a.encode())) for a in args)
        if kind == 9 or kind == 10:
            # A window function's value (9) or inverse (10).
            meth = "value" if kind == 9 else "inverse"
            inst = self._funcs[args[0]]
            try:
                m = getattr(inst, meth)
            except BaseException:
                _report_callback(self._aggs[id])
                return (False, f"user-defined aggregate's '{meth}' method not defined")
            try:
                r = m(*args[1:])
            except BaseException:
                _report_callback(self._aggs[id])
                return (False, f"user-defined aggregate's '{meth}' method raised error")
            return _sql_value(r) if kind == 9 else (True, None)
        if kind >= 4:
            return self._hook(kind, id, args)
        if kind == 0:
            fn = self._funcs[id]
            try:
                r = fn(*args)
            except BaseException as e:
                _report_callback(fn)
                return _failed(e, "user-defined function raised exception")
            return _sql_value(r, fn)
        if kind == 1:
            try:
                inst = self._aggs[id]()
            except BaseException:
                _report_callback(self._aggs[id])
                return (False, "user-defined aggregate's '__init__' method raised error")
            self._next_id += 1
            self._funcs[-self._next_id] = inst
            return (True, -self._next_id)
        if kind == 2:
            inst = self._funcs[args[0]]
            try:
                step = inst.step
            except BaseException:
                _report_callback(self._aggs[id])
                return (False, "user-defined aggregate's 'step' method not defined")
            try:
                step(*args[1:])
            except BaseException as e:
                _report_callback(self._aggs[id])
                return _failed(e, "user-defined aggregate's 'step' method raised error")
            return (True, None)
        inst = self._funcs.pop(args[0])
        try:
            return _sql_value(inst.finalize(), self._aggs[id])
        except BaseException as e:
            _report_callback(self._aggs[id])
            how = "not defined" if isinstance(e, AttributeError) else "raised error"
            return (False, f"user-defined aggregate's 'finalize' method {how}")

    def _hook(self, kind, id, args):
        # A collation (4), progress handler (5), trace callback (6) or backup progress (7).
        fn = self._funcs[id]
        if kind == 4:
            try:
                r = fn(*args)
                r = r if type(r) is int else int(r) if isinstance(r, int) else 0
            except BaseException:
                _report_callback(fn)
                r = 0
            return (True, 1 if r > 0 else -1 if r < 0 else 0)
        if kind == 5:
            try:
                return (True, 1 if fn() else 0)
            except BaseException:
                _report_callback(fn)
                return (True, 1)
        if kind == 6:
            try:
                fn(*args)
            except BaseException:
                _report_callback(fn)
            return (True, None)
        if kind == 8:
            # SQLite takes 0 (allow), 1 (deny) and 2 (ignore); anything else denies.
            try:
                r = fn(*args)
            except BaseException:
                _report_callback(fn)
                return (True, 1)
            if isinstance(r, int):
                if not -2147483648 <= r <= 2147483647:
                    try:
                        raise OverflowError("Python int too large to convert to C int")
                    except OverflowError:
                        _report_callback(fn)
                    return (True, 1)
                return (True, r if r in (0, 2) else 1)
            return (True, 1)
        try:
            fn(*args)
        except BaseException as e:
            self._raised = e
            return (False, "the progress callback raised")
        return (True, None)

    def _register(self, fn):
        if fn is None:
            return None
        self._next_id += 1
        self._funcs[self._next_id] = fn
        return self._next_id

    def create_collation(self, name, callable, /):
        self._check()
        if not isinstance(name, str):
            raise TypeError("create_collation() argument 1 must be str, not "
                            + type(name).__name__)
        if callable is not None and not builtins_callable(callable):
            raise TypeError("parameter must be callable")
        name.encode("utf-8")
        _collation(self._h, str(name), self._register(callable))

    def set_progress_handler(self, progress_handler, n):
        self._check()
        if progress_handler is None:
            _progress(self._h, 0, None)
        else:
            _progress(self._h, n, self._register(progress_handler))

    def set_trace_callback(self, trace_callback):
        self._check()
        _trace(self._h, self._register(trace_callback))

    def set_authorizer(self, authorizer_callback):
        self._check()
        _authorizer(self._h, self._register(authorizer_callback))

    def getlimit(self, category, /):
        self._check()
        return _limit(self._h, category, None)

    def setlimit(self, category, limit, /):
        self._check()
        old = _limit(self._h, category, None if limit < 0 else limit)
        if category == SQLITE_LIMIT_SQL_LENGTH and limit >= 0:
            self._sql_limit = limit
        return old

    def interrupt(self):
        self._check()
        _interrupt(self._h)

    def blobopen(self, table, column, row, /, *, readonly=False, name="main"):
        self._check()
        for what, v in (("table", table), ("column", column), ("name", name)):
            if not isinstance(v, str):
                raise TypeError(f"blobopen() argument '{what}' must be str, not "
                                + type(v).__name__)
        b = Blob.__new__(Blob)
        b._con = self
        b._key = (name, table, column, row, bool(readonly))
        b._len = _blob(self._h, name, table, column, row, bool(readonly), 0, 0, None)
        b._offset = 0
        b._open = True
        return b

    def backup(self, target, *, pages=-1, progress=None, name="main", sleep=0.250):
        self._check()
        if not isinstance(target, Connection):
            raise TypeError("backup() argument 'target' must be sqlite3.Connection, not "
                            + type(target).__name__)
        target._check()
        if target is self:
            raise ValueError("target cannot be the same connection instance")
        if not _autocommit(target._h):
            raise OperationalError("target is in transaction")
        if progress is not None and not builtins_callable(progress):
            raise TypeError("progress argument must be a callable")
        if not isinstance(name, str):
            raise TypeError("backup() argument 'name' must be str, not " + type(name).__name__)
        if pages == 0:
            pages = -1
        sleep_ms = int(sleep * 1000)
        self._raised = None
        try:
            _backup(self._h, target._h, name, pages, sleep_ms, self._register(progress),
                    self._dispatch)
        except OperationalError:
            e, self._raised = self._raised, None
            if e is not None:
                raise e from None
            raise

    def cursor(self, factory=_MISSING):
        self._check()
        c = Cursor(self) if factory is _MISSING else factory(self)
        if not isinstance(c, Cursor):
            raise TypeError("factory must return a cursor, not " + type(c).__name__)
        if self.row_factory is not None:
            c.row_factory = self.row_factory
        return c

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        self._check()
        if not _autocommit(self._h):
            self._run("COMMIT")

    def rollback(self):
        self._check()
        if not _autocommit(self._h):
            self._run("ROLLBACK")

    def close(self):
        if self._closed is None:
            self._check()
        if not self._closed:
            self._closed = True
            _close(self._h)

    def create_function(self, name, narg, func, *, deterministic=False):
        self._check()
        self._next_id += 1
        self._funcs[self._next_id] = func
        try:
            _function(self._h, name, narg, self._next_id, 0, deterministic)
        except Error:
            raise OperationalError("Error creating function") from None

    def create_aggregate(self, name, n_arg, aggregate_class):
        self._check()
        self._next_id += 1
        self._aggs[self._next_id] = aggregate_class
        try:
            _function(self._h, name, n_arg, self._next_id, 1, False)
        except Error:
            raise OperationalError("Error creating aggregate") from None

    def create_window_function(self, name, num_params, aggregate_class, /):
        self._check()
        self._next_id += 1
        self._aggs[self._next_id] = aggregate_class
        kind = 3 if aggregate_class is None else 2
        try:
            _function(self._h, name, num_params, self._next_id, kind, False)
        except Error as e:
            # CPython raises sqlite3_errstr() of SQLite's result code.
            raise ProgrammingError(str(e)) from None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False

    def __call__(self, *args, **kwargs):
        # A compiled statement: SQLite checks it; the object has no API of its own.
        self._check()
        if kwargs:
            raise TypeError("Connection() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError(f"Connection expected 1 argument, got {len(args)}")
        sql = args[0]
        if not isinstance(sql, str):
            raise TypeError("Connection() argument 1 must be str, not " + type(sql).__name__)
        _check_sql(self, sql)
        _prepare(self._h, sql, self._dispatch)
        st = Statement.__new__(Statement)
        return st

    def iterdump(self):
        self._check()
        from sqlite3.dump import _iterdump
        return _iterdump(self)


Connection.__module__ = "sqlite3"


def _unsupported(name):
    def method(self, *args, **kwargs):
        raise NotSupportedError(f"Connection.{name}() is not supported by cpjit's _sqlite3")
    method.__name__ = name
    return method


for _n in ("enable_load_extension", "load_extension",
           "serialize", "deserialize"):
    setattr(Connection, _n, _unsupported(_n))
del _n
# The DB-API exceptions are also attributes of every connection.
for _c in _EXCEPTIONS:
    setattr(Connection, _c.__name__, _c)
del _c


def _column_name(name, detect):
    if detect & PARSE_COLNAMES:
        i = name.find("[")
        if i >= 0:
            name = name[:i].rstrip(" ") if i > 0 and name[i - 1] == " " else name[:i]
    return name


def _raw(v):
    # The bytes a converter gets: SQLite's text form of the value.
    if type(v) is bytes:
        return v
    if type(v) is str:
        return v.encode()
    if type(v) is float:
        r = "%.15g" % v
        if not any(c in r for c in ".eninf"):
            r += ".0"
        return r.encode()
    return str(v).encode()


class Statement:
    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Statement' instances")


Statement.__module__ = "sqlite3"


def _check_sql(con, sql):
    # CPython's checks before SQLite sees a statement: it must encode to UTF-8 and fit the
    # connection's SQLITE_LIMIT_SQL_LENGTH.
    n = len(sql.encode("utf-8"))
    if n > con._sql_limit:
        raise DataError("query string is too large")
    if "\0" in sql:
        raise ProgrammingError("the query contains a null character")


class Cursor:
    _locked = False  # while the cursor executes or converts a row (CPython's cursor lock)

    def __init__(self, connection, /):
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        if not isinstance(connection, Connection):
            raise TypeError("argument 1 must be sqlite3.Connection, not "
                            + type(connection).__name__)
        self.connection = connection
        self.arraysize = 1
        self.row_factory = None
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self._rows = []
        self._pos = 0
        self._closed = False

    _closed = None  # until __init__ runs

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        if self._closed is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        self.connection._check()

    def _params(self, parameters, sql):
        if type(parameters) is dict:
            return [(k, _adapted(v)) for k, v in parameters.items()], True
        if isinstance(parameters, dict) or (
                not isinstance(parameters, (list, tuple)) and hasattr(parameters, "keys")
                and hasattr(parameters, "__getitem__")):
            # Looked up by the statement's parameter names (so a dict's __missing__ answers);
            # a name the mapping lacks is left out, for SQLite's binding error.
            con = self.connection
            out = []
            for name in _param_names(con._h, sql, con._dispatch):
                if name is not None:
                    try:
                        out.append((name, _adapted(parameters[name])))
                    except LookupError:
                        pass
            return out, True
        if not isinstance(parameters, (list, tuple)):
            # Any other sequence: its length, then its items by index (as PySequence_GetItem).
            if not hasattr(type(parameters), "__getitem__"):
                raise ProgrammingError("parameters are of unsupported type")
            n = len(parameters)
            parameters = [parameters[i] for i in range(n)]
        return [_adapted(p) for p in parameters], False

    def _execute(self, sql, parameters, many):
        self._locked = True
        try:
            return self._execute_locked(sql, parameters, many)
        finally:
            self._locked = False

    def _execute_locked(self, sql, parameters, many):
        if not isinstance(sql, str):
            raise TypeError("execute() argument 1 must be str, not " + type(sql).__name__)
        con = self.connection
        _check_sql(con, sql)
        dml = _is_dml(sql)
        if many and not dml:
            raise ProgrammingError("executemany() can only execute DML statements.")
        if con._isolation_level is not None and dml and _autocommit(con._h):
            con._run("BEGIN " + con._isolation_level)
        self._rows = []
        self._pos = 0
        self.description = None
        rowcount = 0
        tf = con.text_factory
        text_factory = None if tf is str else tf
        ran = False
        for params in parameters:
            vals, named = self._params(params, sql)
            cols, rows, changes, lastrowid, _readonly = _exec(
                con._h, sql, vals, named, text_factory, con._dispatch)
            ran = True
            if dml:
                rowcount += changes
            if not many:
                self.lastrowid = lastrowid
            self._cols = cols
            self._rows = rows
        if ran and self._cols:
            detect = con._detect_types
            self.description = tuple((_column_name(n, detect), None, None, None, None, None, None)
                                     for n, _ in self._cols)
        self.rowcount = rowcount if dml else -1
        return self

    def execute(self, sql, parameters=(), /):
        self._check()
        return self._execute(sql, [parameters], False)

    def executemany(self, sql, seq_of_parameters, /):
        self._check()
        return self._execute(sql, seq_of_parameters, True)

    def executescript(self, sql_script, /):
        self._check()
        if not isinstance(sql_script, str):
            raise TypeError("executescript() argument must be str, not "
                            + type(sql_script).__name__)
        con = self.connection
        if len(sql_script.encode("utf-8")) > con._sql_limit:
            raise DataError("query string is too large")
        if "\0" in sql_script:
            raise ValueError("embedded null character")
        if not _autocommit(con._h):
            con._run("COMMIT")
        _script(con._h, sql_script, con._dispatch)
        return self

    def _convert(self, row):
        con = self.connection
        detect = con._detect_types
        if detect:
            out = list(row)
            for i, (name, decl) in enumerate(self._cols):
                conv = None
                if detect & PARSE_COLNAMES:
                    a, b = name.find("["), name.find("]")
                    if 0 <= a < b:
                        conv = converters.get(name[a + 1:b].upper())
                if conv is None and detect & PARSE_DECLTYPES and decl:
                    conv = converters.get(decl.split("(")[0].split(" ")[0].upper())
                if conv is not None and out[i] is not None:
                    raw = _raw(out[i])
                    # An empty value has no blob pointer in SQLite: None, unconverted.
                    out[i] = conv(raw) if raw else None
            row = tuple(out)
        if self.row_factory is not None:
            return self.row_factory(self, row)
        return row

    def __iter__(self):
        return self

    def __next__(self):
        self._check()
        if self._pos >= len(self._rows):
            raise StopIteration
        row = self._rows[self._pos]
        self._pos += 1
        self._locked = True
        try:
            return self._convert(row)
        finally:
            self._locked = False

    def fetchone(self):
        try:
            return next(self)
        except StopIteration:
            return None

    def fetchmany(self, size=None):
        n = self.arraysize if size is None else size
        out = []
        while len(out) < n:
            r = self.fetchone()
            if r is None:
                break
            out.append(r)
        return out

    def fetchall(self):
        return list(self)

    def close(self):
        if self._closed is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        if self._locked:
            raise ProgrammingError("Recursive use of cursors not allowed.")
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


Cursor.__module__ = "sqlite3"


class Row:
    def __init__(self, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError("Row() argument 1 must be sqlite3.Cursor, not "
                            + type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError("Row() argument 2 must be tuple, not " + type(data).__name__)
        self._data = data
        self._desc = cursor.description

    def keys(self):
        return [d[0] for d in self._desc] if self._desc else []

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __getitem__(self, key):
        if isinstance(key, str):
            # Column names match ignoring ASCII case only, as CPython's Row compares them.
            k = key.encode("utf-8", "surrogatepass").lower()
            for i, d in enumerate(self._desc or ()):
                if d[0].encode("utf-8", "surrogatepass").lower() == k:
                    return self._data[i]
            raise IndexError("No item with that key")
        if isinstance(key, (int, slice)):
            return self._data[key]
        raise IndexError("Index must be int or string")

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._desc == other._desc and self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self._desc) ^ hash(self._data)


Row.__module__ = "sqlite3"


def _index(i):
    # An index as CPython's PyNumber_AsSsize_t(i, IndexError) takes it.
    import operator
    i = operator.index(i)
    if not -9223372036854775808 <= i <= 9223372036854775807:
        raise IndexError("cannot fit 'int' into an index-sized integer")
    return i


class Blob:
    # cpjit's _sqlite3 opens SQLite's blob handle anew for each operation (the handle can't
    # outlive a command of the connection's worker): a change of the blob's size since blobopen
    # stands for the row having changed, which expires CPython's handle.
    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Blob' instances")

    __iter__ = None

    def _check(self):
        self._con._check()
        if not self._open:
            raise ProgrammingError("Cannot operate on a closed blob.")

    def _op(self, op, offset, arg):
        name, table, column, row, readonly = self._key
        h = self._con._h
        if _blob(h, name, table, column, row, readonly, 0, 0, None) != self._len:
            raise OperationalError("the blob's row changed since it was opened")
        return _blob(h, name, table, column, row, readonly, op, offset, arg)

    def close(self):
        self._con._check()
        self._open = False

    def read(self, length=-1, /):
        self._check()
        length = _index(length)
        n = self._len - self._offset
        if 0 <= length < n:
            n = length
        data = self._op(1, self._offset, n) if n > 0 else b""
        self._offset += n
        return data

    def write(self, data, /):
        self._check()
        data = memoryview(data).tobytes()
        if len(data) > self._len - self._offset:
            raise ValueError("data longer than blob length")
        if data:
            self._op(2, self._offset, data)
        self._offset += len(data)

    def seek(self, offset, origin=0, /):
        self._check()
        offset = _index(offset)
        if not -2147483648 <= offset <= 2147483647:
            raise OverflowError("Python int too large to convert to C int")
        if origin == 1:
            if offset > 2147483647 - self._offset:
                raise OverflowError("seek offset results in overflow")
            offset += self._offset
        elif origin == 2:
            if offset > 2147483647 - self._len:
                raise OverflowError("seek offset results in overflow")
            offset += self._len
        elif origin != 0:
            raise ValueError("'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END")
        if offset < 0 or offset > self._len:
            raise ValueError("offset out of blob range")
        self._offset = offset

    def tell(self):
        self._check()
        return self._offset

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self._check()
        self.close()
        return False

    def __len__(self):
        self._check()
        return self._len

    def _position(self, item):
        # An index item as a position in the blob (negative counts from the end).
        i = _index(item)
        if i < 0:
            i += self._len
        if i < 0 or i >= self._len:
            raise IndexError("Blob index out of range")
        return i

    def __getitem__(self, item):
        self._check()
        if hasattr(type(item), "__index__"):
            return self._op(1, self._position(item), 1)[0]
        if isinstance(item, slice):
            start, stop, step = item.indices(self._len)
            if step == 1:
                return self._op(1, start, stop - start) if stop > start else b""
            n = len(range(start, stop, step))
            if n <= 0:
                return b""
            lo, hi = (start, stop) if step > 0 else (stop + 1, start + 1)
            return self._op(1, lo, hi - lo)[start - lo:stop - lo if stop >= lo else None:step]
        raise TypeError("Blob indices must be integers")

    def __setitem__(self, item, value):
        self._check()
        if hasattr(type(item), "__index__"):
            i = self._position(item)
            if not isinstance(value, int):
                raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an "
                                "integer")
            if not 0 <= value <= 255:
                raise ValueError("byte must be in range(0, 256)")
            self._op(2, i, bytes((value,)))
            return
        if isinstance(item, slice):
            start, stop, step = item.indices(self._len)
            data = memoryview(value).tobytes()
            n = len(range(start, stop, step))
            if len(data) != n:
                raise IndexError("Blob slice assignment is wrong size")
            if n == 0:
                return
            if step == 1:
                self._op(2, start, data)
                return
            lo, hi = (start, stop) if step > 0 else (stop + 1, start + 1)
            buf = bytearray(self._op(1, lo, hi - lo))
            buf[start - lo:stop - lo if stop >= lo else None:step] = data
            self._op(2, lo, bytes(buf))
            return
        raise TypeError("Blob indices must be integers")

    def __delitem__(self, item):
        self._check()
        if isinstance(item, slice):
            raise TypeError("Blob doesn't support slice deletion")
        raise TypeError("Blob doesn't support item deletion")


Blob.__module__ = "sqlite3"


def connect(*args, **kwargs):
    # The arguments go to the factory as given (CPython relays them unchanged).
    if len(args) > 5:
        factory = args[5]
        args = args[:5] + args[6:]
    else:
        factory = kwargs.pop("factory", Connection)
    return factory(*args, **kwargs)


def complete_statement(statement):
    # SQLite's sqlite3_complete: the text ends with a semicolon that is not inside a string,
    # identifier or comment (CREATE TRIGGER bodies aside).
    if not isinstance(statement, str):
        raise TypeError("complete_statement() argument 'statement' must be str, not "
                        + type(statement).__name__)
    i, n, complete = 0, len(statement), False
    while i < n:
        c = statement[i]
        if c == ";":
            complete = True
        elif c in "'\"`[":
            end = "]" if c == "[" else c
            j = statement.find(end, i + 1)
            if j < 0:
                return False
            i, complete = j, False
        elif statement.startswith("--", i):
            j = statement.find("\n", i)
            if j < 0:
                return complete
            i = j
        elif statement.startswith("/*", i):
            j = statement.find("*/", i + 2)
            if j < 0:
                return False
            i = j + 1
        elif not c.isspace():
            complete = False
        i += 1
    return complete
