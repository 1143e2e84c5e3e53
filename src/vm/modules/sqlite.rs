//! `_sqlite3` over rusqlite (SQLite compiled from the crate's bundled amalgamation). The module's
//! classes (Connection, Cursor, Row, the DB-API exceptions, adapters and converters) are Python,
//! in py/_sqlite3_part.py, over the native functions here.
//!
//! Each connection lives on a worker thread of its own, so that SQLite can call back into Python
//! (user-defined functions and aggregates) without the callback needing the interpreter: the
//! worker sends the callback's arguments to the interpreter's thread, which is waiting for the
//! statement's result, runs the Python callable there and sends the result back. Only one side
//! runs at a time; no Python object crosses the threads (only SQL values do).
//!
//! A statement runs to completion when it is executed: its rows are collected then, and the
//! cursor hands them out as fetched (CPython steps the statement as rows are fetched; the
//! difference shows only in when user-defined functions of a SELECT run).

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::types::{Value as SqlValue, ValueRef};

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::call;
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::memoryview::buffer_bytes;
use crate::vm::types::nargs;
use crate::vm::value::Value;

const PART: &str = include_str!("py/_sqlite3_part.py");

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_open", open),
        ("_exec", exec),
        ("_script", script),
        ("_function", function),
        ("_close", close),
        ("_autocommit", autocommit),
        ("_total_changes", total_changes),
        ("_blob", blob),
        ("_collation", collation),
        ("_progress", progress),
        ("_trace", trace),
        ("_limit", limit),
        ("_interrupt", interrupt),
        ("_backup", backup_fn),
        ("_authorizer", authorizer),
        ("_prepare", prepare_fn),
        ("_param_names", param_names),
    ];
    let m = super::native_with_python(vm, "_sqlite3", fns, PART)?;
    let v = vm.new_str(rusqlite::version());
    super::set_attr(vm, m, "sqlite_version", v);
    Ok(m)
}

/// What the interpreter asks a connection's worker to do.
enum Cmd {
    /// Run one statement (positional or named parameters); `text_bytes` returns TEXT as bytes
    /// (for a `text_factory` other than str).
    Exec {
        sql: String,
        params: Params,
        text_bytes: bool,
    },
    Script(String),
    /// Register a user-defined function (`aggregate`: an aggregate class) under callback `id`.
    Function {
        name: String,
        narg: i32,
        id: i64,
        /// FN_SCALAR, FN_AGGREGATE, FN_WINDOW, or FN_REMOVE (unregister `name`/`narg`).
        kind: i64,
        deterministic: bool,
    },
    Autocommit,
    TotalChanges,
    /// An incremental blob I/O operation on (database, table, column, row).
    Blob {
        name: String,
        table: String,
        column: String,
        row: i64,
        readonly: bool,
        op: BlobOp,
    },
    /// Register (callback `id`) or remove (None) a collation.
    Collation {
        name: String,
        id: Option<i64>,
    },
    /// Install (callback `id`, every `n` instructions) or remove the progress handler.
    Progress {
        n: i32,
        id: Option<i64>,
    },
    /// Install (callback `id`) or remove the statement trace callback.
    Trace(Option<i64>),
    /// Install (callback `id`) or remove the authorizer.
    Authorizer(Option<i64>),
    /// Compile a statement without running it (`Connection.__call__`).
    Prepare(String),
    /// The names of a statement's parameters (None for a positional one), without the prefix.
    ParamNames(String),
    /// Read (`value` None) or set a limit; replies the old value.
    Limit {
        category: i32,
        value: Option<i32>,
    },
    /// Hand the connection over (to be the target of a backup run by another worker).
    Lend,
    /// Take the lent connection back.
    Restore(rusqlite::Connection),
    /// Copy database `name` into `target` (`pages` at a time; `id`: the progress callback).
    Backup {
        target: rusqlite::Connection,
        name: String,
        pages: i32,
        sleep_ms: i32,
        id: Option<i64>,
    },
}

enum BlobOp {
    Size,
    Read { offset: usize, n: usize },
    Write { offset: usize, data: Vec<u8> },
}

enum Params {
    Positional(Vec<SqlValue>),
    Named(Vec<(String, SqlValue)>),
}

/// A statement's result.
struct Outcome {
    /// The result columns (name, declared type); empty for a statement without any.
    columns: Vec<(String, Option<String>)>,
    rows: Vec<Vec<Out>>,
    changes: u64,
    lastrowid: i64,
    /// True for an INSERT/UPDATE/DELETE/REPLACE (the statement writes, per SQLite).
    readonly: bool,
}

/// A column value as returned to Python.
enum Out {
    Sql(SqlValue),
    TextBytes(Vec<u8>),
}

/// An SQLite failure: (DB-API exception name, message, SQLite's extended error code or -1).
type Failure = (&'static str, String, i32);

/// What a worker sends back: a finished command, or a callback to run.
enum Up {
    Done(Result<Reply, Failure>),
    Call {
        kind: u8,
        id: i64,
        args: Vec<SqlValue>,
    },
}

enum Reply {
    Unit,
    Bytes(Vec<u8>),
    /// A lent connection, or a backup's target with the backup's outcome.
    Conn(rusqlite::Connection),
    Backup(rusqlite::Connection, Result<(), Failure>),
    Names(Vec<Option<String>>),
    Outcome(Outcome),
    Bool(bool),
    Int(i64),
}

/// A callback's result as sent back to the worker: a value, or the error SQLite reports.
type CallResult = Result<SqlValue, String>;

/// Callback kinds: a scalar function, an aggregate's construction, step and finalize.
const CALL_FUNC: u8 = 0;
const CALL_INIT: u8 = 1;
const CALL_STEP: u8 = 2;
const CALL_FINAL: u8 = 3;
/// A collation's comparison, a progress handler's call, a trace callback's, a backup's progress.
const CALL_COLLATE: u8 = 4;
const CALL_PROGRESS: u8 = 5;
const CALL_TRACE: u8 = 6;
const CALL_BACKUP: u8 = 7;
const CALL_AUTHORIZE: u8 = 8;
/// A window function's value and inverse.
const CALL_VALUE: u8 = 9;
const CALL_INVERSE: u8 = 10;

/// What `_function` registers.
const FN_AGGREGATE: i64 = 1;
const FN_WINDOW: i64 = 2;
const FN_REMOVE: i64 = 3;

/// A callback's error that SQLite reports as SQLITE_TOOBIG (a result that does not fit, as
/// CPython's `set_sqlite_error` maps an OverflowError).
const TOOBIG: &str = "\0toobig";
/// ... and one it reports as SQLITE_NOMEM (a MemoryError).
const NOMEM: &str = "\0nomem";

/// What the interpreter sends a connection's worker: a command, or the result of the callback
/// the worker is waiting for. A callback may itself run commands on the connection (a
/// user-defined function that queries its own database): the worker serves them while it waits.
enum Down {
    Cmd(Cmd),
    Result(CallResult),
}

/// The interpreter's side of a connection.
struct Conn {
    down: Sender<Down>,
    up: Receiver<Up>,
    /// Interrupts the connection's statement from the interpreter's thread.
    interrupt: rusqlite::InterruptHandle,
}

thread_local! {
    static CONNS: std::cell::RefCell<HashMap<i64, Conn>> = std::cell::RefCell::new(HashMap::new());
    static NEXT: std::cell::Cell<i64> = const { std::cell::Cell::new(1) };
    /// On a worker thread: its connection (shared with the commands that run on it).
    static DB: std::cell::RefCell<Option<Rc<rusqlite::Connection>>> =
        const { std::cell::RefCell::new(None) };
}

/// The worker's connection.
fn worker_db() -> rusqlite::Result<Rc<rusqlite::Connection>> {
    DB.with(|d| d.borrow().clone())
        .ok_or_else(|| user_error("the connection is closed".into()))
}

/// The worker's way back to the interpreter, shared by the callbacks it registers.
#[derive(Clone)]
struct Link {
    up: Sender<Up>,
    down: Arc<Mutex<Receiver<Down>>>,
}

impl Link {
    /// The interpreter's next message (the lock is not held while it is handled, so a nested
    /// callback can wait for its own).
    fn recv(&self) -> Option<Down> {
        let rx = self.down.lock().ok()?;
        rx.recv().ok()
    }

    /// Runs callback `kind`/`id` on the interpreter's thread and waits for its result, serving
    /// the commands the callback sends meanwhile.
    fn call(&self, kind: u8, id: i64, args: Vec<SqlValue>) -> CallResult {
        if self.up.send(Up::Call { kind, id, args }).is_err() {
            return Err("the interpreter is gone".into());
        }
        loop {
            match self.recv() {
                Some(Down::Result(r)) => return r,
                Some(Down::Cmd(cmd)) => self.serve(cmd),
                None => return Err("the interpreter is gone".into()),
            }
        }
    }

    /// Runs `cmd` on the worker's connection and sends its outcome.
    fn serve(&self, cmd: Cmd) {
        let r = match cmd {
            // These need the connection to themselves.
            Cmd::Progress { .. }
            | Cmd::Trace(_)
            | Cmd::Authorizer(_)
            | Cmd::Lend
            | Cmd::Restore(_) => run_exclusive(cmd, self),
            cmd => worker_db().and_then(|db| run(&db, cmd, self)),
        }
        .map_err(failure);
        let _ = self.up.send(Up::Done(r));
    }
}

fn user_error(msg: String) -> rusqlite::Error {
    for (mark, code) in [
        (TOOBIG, rusqlite::ffi::SQLITE_TOOBIG),
        (NOMEM, rusqlite::ffi::SQLITE_NOMEM),
    ] {
        if msg == mark {
            return rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        }
    }
    rusqlite::Error::UserFunctionError(msg.into())
}

fn args_of(ctx: &Context<'_>) -> Vec<SqlValue> {
    (0..ctx.len()).map(|i| owned(ctx.get_raw(i))).collect()
}

/// An SQL value as an owned one (TEXT that is not UTF-8 decoded with replacement characters).
fn owned(v: ValueRef<'_>) -> SqlValue {
    match v {
        ValueRef::Null => SqlValue::Null,
        ValueRef::Integer(i) => SqlValue::Integer(i),
        ValueRef::Real(f) => SqlValue::Real(f),
        ValueRef::Text(t) => SqlValue::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => SqlValue::Blob(b.to_vec()),
    }
}

/// An aggregate class registered with SQLite: each group's accumulator is the key of the Python
/// instance the interpreter made for it.
struct PyAggregate {
    link: Link,
    id: i64,
}

impl Aggregate<i64, SqlValue> for PyAggregate {
    fn init(&self, _ctx: &mut Context<'_>) -> rusqlite::Result<i64> {
        match self.link.call(CALL_INIT, self.id, Vec::new()) {
            Ok(SqlValue::Integer(k)) => Ok(k),
            Ok(_) => Err(user_error("bad aggregate key".into())),
            Err(e) => Err(user_error(e)),
        }
    }
    fn step(&self, ctx: &mut Context<'_>, acc: &mut i64) -> rusqlite::Result<()> {
        let mut args = vec![SqlValue::Integer(*acc)];
        args.extend(args_of(ctx));
        self.link
            .call(CALL_STEP, self.id, args)
            .map(|_| ())
            .map_err(user_error)
    }
    fn finalize(&self, _ctx: &mut Context<'_>, acc: Option<i64>) -> rusqlite::Result<SqlValue> {
        match acc {
            // No rows: the class was never instantiated (CPython returns NULL too).
            None => Ok(SqlValue::Null),
            Some(k) => self
                .link
                .call(CALL_FINAL, self.id, vec![SqlValue::Integer(k)])
                .map_err(user_error),
        }
    }
}

impl rusqlite::functions::WindowAggregate<i64, SqlValue> for PyAggregate {
    fn value(&self, acc: Option<&mut i64>) -> rusqlite::Result<SqlValue> {
        match acc {
            None => Ok(SqlValue::Null),
            Some(k) => self
                .link
                .call(CALL_VALUE, self.id, vec![SqlValue::Integer(*k)])
                .map_err(user_error),
        }
    }
    fn inverse(&self, ctx: &mut Context<'_>, acc: &mut i64) -> rusqlite::Result<()> {
        let mut args = vec![SqlValue::Integer(*acc)];
        args.extend(args_of(ctx));
        self.link
            .call(CALL_INVERSE, self.id, args)
            .map(|_| ())
            .map_err(user_error)
    }
}

/// The DB-API exception for an SQLite result code, as CPython's `_pysqlite_seterror` picks it.
fn failure(e: rusqlite::Error) -> Failure {
    use rusqlite::ffi::ErrorCode as C;
    match e {
        rusqlite::Error::SqliteFailure(f, msg) => {
            let kind = match f.code {
                // Our own binding errors (`bind_error`).
                _ if f.extended_code == -2 => "ProgrammingError",
                _ if f.extended_code == -3 => "OperationalError",
                _ if f.extended_code == -4 => "NotSupportedError",
                C::InternalMalfunction | C::NotFound => "InternalError",
                C::OutOfMemory => "MemoryError",
                C::TooBig => "DataError",
                C::ConstraintViolation | C::TypeMismatch => "IntegrityError",
                C::ApiMisuse | C::ParameterOutOfRange => "InterfaceError",
                C::DatabaseCorrupt | C::NotADatabase => "DatabaseError",
                _ => "OperationalError",
            };
            let msg = msg.unwrap_or_else(|| f.to_string());
            (kind, msg, f.extended_code)
        }
        rusqlite::Error::MultipleStatement => (
            "ProgrammingError",
            "You can only execute one statement at a time.".into(),
            -1,
        ),
        rusqlite::Error::UserFunctionError(m) => ("OperationalError", m.to_string(), 1),
        e => ("OperationalError", e.to_string(), -1),
    }
}

/// Opens `path`; `timeout_ms`: how long a statement waits for a locked database (CPython's
/// `timeout`, where rusqlite's own default is 5 s).
fn open_connection(
    path: &str,
    uri: bool,
    timeout_ms: u64,
) -> rusqlite::Result<rusqlite::Connection> {
    use rusqlite::OpenFlags as F;
    let mut flags = F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_CREATE | F::SQLITE_OPEN_NO_MUTEX;
    if uri {
        flags |= F::SQLITE_OPEN_URI;
    }
    let db = rusqlite::Connection::open_with_flags(path, flags)?;
    db.busy_timeout(std::time::Duration::from_millis(timeout_ms))?;
    Ok(db)
}

/// The worker thread: runs commands on its connection until the interpreter hangs up.
fn worker(db: rusqlite::Connection, link: Link) {
    DB.with(|d| *d.borrow_mut() = Some(Rc::new(db)));
    while let Some(down) = link.recv() {
        match down {
            Down::Cmd(cmd) => link.serve(cmd),
            // A result nobody waits for (the callback's statement failed meanwhile).
            Down::Result(_) => {}
        }
    }
    DB.with(|d| d.borrow_mut().take());
}

fn run(db: &rusqlite::Connection, cmd: Cmd, link: &Link) -> rusqlite::Result<Reply> {
    match cmd {
        Cmd::Exec {
            sql,
            params,
            text_bytes,
        } => run_statement(db, &sql, params, text_bytes).map(Reply::Outcome),
        Cmd::Script(sql) => db.execute_batch(&sql).map(|_| Reply::Unit),
        Cmd::Function {
            name,
            narg,
            id,
            kind,
            deterministic,
        } => {
            let mut flags = FunctionFlags::SQLITE_UTF8;
            if deterministic {
                flags |= FunctionFlags::SQLITE_DETERMINISTIC;
            }
            let link = link.clone();
            match kind {
                FN_AGGREGATE => {
                    db.create_aggregate_function(&*name, narg, flags, PyAggregate { link, id })?
                }
                FN_WINDOW => {
                    db.create_window_function(&*name, narg, flags, PyAggregate { link, id })?
                }
                FN_REMOVE => db.remove_function(&*name, narg)?,
                _ => db.create_scalar_function(&*name, narg, flags, move |ctx| {
                    link.call(CALL_FUNC, id, args_of(ctx)).map_err(user_error)
                })?,
            }
            Ok(Reply::Unit)
        }
        Cmd::Autocommit => Ok(Reply::Bool(db.is_autocommit())),
        Cmd::Prepare(sql) => prepare(db, &sql).map(|_| Reply::Unit),
        Cmd::ParamNames(sql) => {
            let names = match prepare(db, &sql)? {
                Some(st) => (1..=st.parameter_count())
                    .map(|i| st.parameter_name(i).map(|n| n[1..].to_string()))
                    .collect(),
                None => Vec::new(),
            };
            Ok(Reply::Names(names))
        }
        Cmd::TotalChanges => Ok(Reply::Int(db.total_changes() as i64)),
        Cmd::Blob {
            name,
            table,
            column,
            row,
            readonly,
            op,
        } => {
            let mut b = db.blob_open(
                name.as_str(),
                table.as_str(),
                column.as_str(),
                row,
                readonly,
            )?;
            match op {
                BlobOp::Size => Ok(Reply::Int(b.size() as i64)),
                BlobOp::Read { offset, n } => {
                    let mut buf = vec![0u8; n];
                    b.read_at_exact(&mut buf, offset)?;
                    Ok(Reply::Bytes(buf))
                }
                BlobOp::Write { offset, data } => {
                    b.write_all_at(&data, offset)?;
                    Ok(Reply::Unit)
                }
            }
        }
        Cmd::Collation { name, id } => {
            match id {
                Some(id) => {
                    let link = link.clone();
                    db.create_collation(name.as_str(), move |a, b| {
                        let args = vec![SqlValue::Text(a.into()), SqlValue::Text(b.into())];
                        match link.call(CALL_COLLATE, id, args) {
                            Ok(SqlValue::Integer(r)) => r.cmp(&0),
                            _ => std::cmp::Ordering::Equal,
                        }
                    })?
                }
                None => db.remove_collation(name.as_str())?,
            }
            Ok(Reply::Unit)
        }
        Cmd::Limit { category, value } => {
            let Some(l) = limit_of(category) else {
                return Err(bind_error("'category' is out of bounds".into()));
            };
            let old = match value {
                None => db.limit(l)?,
                Some(v) => db.set_limit(l, v)?,
            };
            Ok(Reply::Int(old as i64))
        }
        Cmd::Backup {
            mut target,
            name,
            pages,
            sleep_ms,
            id,
        } => {
            let r = backup(db, &mut target, &name, pages, sleep_ms, id, link).map_err(failure);
            Ok(Reply::Backup(target, r))
        }
        cmd => run_exclusive(cmd, link),
    }
}

/// The commands that take the worker's connection out of its slot (no statement may be using
/// it): callbacks that need `&mut Connection`, lending it for a backup and taking it back.
fn run_exclusive(cmd: Cmd, link: &Link) -> rusqlite::Result<Reply> {
    match cmd {
        Cmd::Progress { n, id } => with_db_mut(|db| {
            match id {
                Some(id) => {
                    let link = link.clone();
                    db.progress_handler(
                        n,
                        Some(move || {
                            !matches!(
                                link.call(CALL_PROGRESS, id, Vec::new()),
                                Ok(SqlValue::Integer(0))
                            )
                        }),
                    )
                }
                None => db.progress_handler(0, None::<fn() -> bool>),
            }?;
            Ok(Reply::Unit)
        }),
        Cmd::Trace(id) => with_db_mut(|db| {
            use rusqlite::trace::{TraceEvent, TraceEventCodes};
            match id {
                Some(id) => {
                    let link = link.clone();
                    db.trace_v2(
                        TraceEventCodes::SQLITE_TRACE_STMT,
                        Some(move |e: TraceEvent<'_>| {
                            if let TraceEvent::Stmt(st, sql) = e {
                                let text = st.expanded_sql().unwrap_or_else(|| sql.to_string());
                                let _ = link.call(CALL_TRACE, id, vec![SqlValue::Text(text)]);
                            }
                        }),
                    )
                }
                None => db.trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>),
            }?;
            Ok(Reply::Unit)
        }),
        Cmd::Lend => {
            let rc = DB.with(|d| d.borrow_mut().take());
            let Some(rc) = rc else {
                return Err(user_error("the connection is closed".into()));
            };
            match Rc::try_unwrap(rc) {
                Ok(c) => Ok(Reply::Conn(c)),
                Err(rc) => {
                    DB.with(|d| *d.borrow_mut() = Some(rc));
                    Err(user_error("the target connection is in use".into()))
                }
            }
        }
        Cmd::Restore(c) => {
            DB.with(|d| *d.borrow_mut() = Some(Rc::new(c)));
            Ok(Reply::Unit)
        }
        Cmd::Authorizer(id) => with_db_mut(|db| {
            use rusqlite::hooks::{AuthContext, Authorization};
            match id {
                Some(id) => {
                    let link = link.clone();
                    db.authorizer(Some(move |ctx: AuthContext<'_>| {
                        let (code, arg1, arg2) = auth_args(&ctx.action);
                        let text = |s: Option<&str>| match s {
                            Some(s) => SqlValue::Text(s.into()),
                            None => SqlValue::Null,
                        };
                        let args = vec![
                            SqlValue::Integer(code as i64),
                            text(arg1),
                            text(arg2),
                            text(ctx.database_name),
                            text(ctx.accessor),
                        ];
                        match link.call(CALL_AUTHORIZE, id, args) {
                            Ok(SqlValue::Integer(0)) => Authorization::Allow,
                            Ok(SqlValue::Integer(2)) => Authorization::Ignore,
                            _ => Authorization::Deny,
                        }
                    }))
                }
                None => db.authorizer(None::<fn(AuthContext<'_>) -> Authorization>),
            }?;
            Ok(Reply::Unit)
        }),
        _ => Err(user_error("unexpected command".into())),
    }
}

/// Runs `f` on the worker's connection, which no statement may be using.
fn with_db_mut(
    f: impl FnOnce(&mut rusqlite::Connection) -> rusqlite::Result<Reply>,
) -> rusqlite::Result<Reply> {
    let rc = DB.with(|d| d.borrow_mut().take());
    let Some(mut rc) = rc else {
        return Err(user_error("the connection is closed".into()));
    };
    let r = match Rc::get_mut(&mut rc) {
        Some(db) => f(db),
        None => Err(user_error(
            "cannot change the connection's callbacks while a statement runs".into(),
        )),
    };
    DB.with(|d| *d.borrow_mut() = Some(rc));
    r
}

/// The action code and two arguments SQLite gave the authorizer (rusqlite hands them over
/// parsed; the arguments it drops are NULL for those actions, and the only TRANSACTION
/// operation it does not name is COMMIT).
fn auth_args<'a>(a: &rusqlite::hooks::AuthAction<'a>) -> (i32, Option<&'a str>, Option<&'a str>) {
    use rusqlite::ffi as f;
    use rusqlite::hooks::{AuthAction as A, TransactionOperation as T};
    let op = |o: &T| match o {
        T::Begin => "BEGIN",
        T::Release => "RELEASE",
        T::Rollback => "ROLLBACK",
        _ => "COMMIT",
    };
    match *a {
        A::Unknown { code, arg1, arg2 } => (code, arg1, arg2),
        A::CreateIndex {
            index_name,
            table_name,
        } => (f::SQLITE_CREATE_INDEX, Some(index_name), Some(table_name)),
        A::CreateTable { table_name } => (f::SQLITE_CREATE_TABLE, Some(table_name), None),
        A::CreateTempIndex {
            index_name,
            table_name,
        } => (
            f::SQLITE_CREATE_TEMP_INDEX,
            Some(index_name),
            Some(table_name),
        ),
        A::CreateTempTable { table_name } => (f::SQLITE_CREATE_TEMP_TABLE, Some(table_name), None),
        A::CreateTempTrigger {
            trigger_name,
            table_name,
        } => (
            f::SQLITE_CREATE_TEMP_TRIGGER,
            Some(trigger_name),
            Some(table_name),
        ),
        A::CreateTempView { view_name } => (f::SQLITE_CREATE_TEMP_VIEW, Some(view_name), None),
        A::CreateTrigger {
            trigger_name,
            table_name,
        } => (
            f::SQLITE_CREATE_TRIGGER,
            Some(trigger_name),
            Some(table_name),
        ),
        A::CreateView { view_name } => (f::SQLITE_CREATE_VIEW, Some(view_name), None),
        A::Delete { table_name } => (f::SQLITE_DELETE, Some(table_name), None),
        A::DropIndex {
            index_name,
            table_name,
        } => (f::SQLITE_DROP_INDEX, Some(index_name), Some(table_name)),
        A::DropTable { table_name } => (f::SQLITE_DROP_TABLE, Some(table_name), None),
        A::DropTempIndex {
            index_name,
            table_name,
        } => (
            f::SQLITE_DROP_TEMP_INDEX,
            Some(index_name),
            Some(table_name),
        ),
        A::DropTempTable { table_name } => (f::SQLITE_DROP_TEMP_TABLE, Some(table_name), None),
        A::DropTempTrigger {
            trigger_name,
            table_name,
        } => (
            f::SQLITE_DROP_TEMP_TRIGGER,
            Some(trigger_name),
            Some(table_name),
        ),
        A::DropTempView { view_name } => (f::SQLITE_DROP_TEMP_VIEW, Some(view_name), None),
        A::DropTrigger {
            trigger_name,
            table_name,
        } => (f::SQLITE_DROP_TRIGGER, Some(trigger_name), Some(table_name)),
        A::DropView { view_name } => (f::SQLITE_DROP_VIEW, Some(view_name), None),
        A::Insert { table_name } => (f::SQLITE_INSERT, Some(table_name), None),
        A::Pragma {
            pragma_name,
            pragma_value,
        } => (f::SQLITE_PRAGMA, Some(pragma_name), pragma_value),
        A::Read {
            table_name,
            column_name,
        } => (f::SQLITE_READ, Some(table_name), Some(column_name)),
        A::Select => (f::SQLITE_SELECT, None, None),
        A::Transaction { operation } => (f::SQLITE_TRANSACTION, Some(op(&operation)), None),
        A::Update {
            table_name,
            column_name,
        } => (f::SQLITE_UPDATE, Some(table_name), Some(column_name)),
        A::Attach { filename } => (f::SQLITE_ATTACH, Some(filename), None),
        A::Detach { database_name } => (f::SQLITE_DETACH, Some(database_name), None),
        A::AlterTable {
            database_name,
            table_name,
        } => (f::SQLITE_ALTER_TABLE, Some(database_name), Some(table_name)),
        A::Reindex { index_name } => (f::SQLITE_REINDEX, Some(index_name), None),
        A::Analyze { table_name } => (f::SQLITE_ANALYZE, Some(table_name), None),
        A::CreateVtable {
            table_name,
            module_name,
        } => (f::SQLITE_CREATE_VTABLE, Some(table_name), Some(module_name)),
        A::DropVtable {
            table_name,
            module_name,
        } => (f::SQLITE_DROP_VTABLE, Some(table_name), Some(module_name)),
        A::Function { function_name } => (f::SQLITE_FUNCTION, None, Some(function_name)),
        A::Savepoint {
            operation,
            savepoint_name,
        } => (
            f::SQLITE_SAVEPOINT,
            Some(op(&operation)),
            Some(savepoint_name),
        ),
        A::Recursive => (f::SQLITE_RECURSIVE, None, None),
        _ => (f::SQLITE_SELECT, None, None),
    }
}

/// SQLite's limit category `c`.
fn limit_of(c: i32) -> Option<rusqlite::limits::Limit> {
    use rusqlite::limits::Limit as L;
    Some(match c {
        0 => L::SQLITE_LIMIT_LENGTH,
        1 => L::SQLITE_LIMIT_SQL_LENGTH,
        2 => L::SQLITE_LIMIT_COLUMN,
        3 => L::SQLITE_LIMIT_EXPR_DEPTH,
        4 => L::SQLITE_LIMIT_COMPOUND_SELECT,
        5 => L::SQLITE_LIMIT_VDBE_OP,
        6 => L::SQLITE_LIMIT_FUNCTION_ARG,
        7 => L::SQLITE_LIMIT_ATTACHED,
        8 => L::SQLITE_LIMIT_LIKE_PATTERN_LENGTH,
        9 => L::SQLITE_LIMIT_VARIABLE_NUMBER,
        10 => L::SQLITE_LIMIT_TRIGGER_DEPTH,
        11 => L::SQLITE_LIMIT_WORKER_THREADS,
        _ => return None,
    })
}

/// CPython's backup loop: step `pages` pages at a time, report (status, remaining, pagecount)
/// to the progress callback after each step, sleep while the source is busy or locked.
fn backup(
    src: &rusqlite::Connection,
    target: &mut rusqlite::Connection,
    name: &str,
    pages: i32,
    sleep_ms: i32,
    id: Option<i64>,
    link: &Link,
) -> rusqlite::Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    let b = Backup::new_with_names(src, name, target, "main")?;
    loop {
        let r = b.step(pages)?;
        let status = match r {
            StepResult::Done => 101,
            StepResult::More => 0,
            StepResult::Busy => 5,
            StepResult::Locked => 6,
            _ => 1,
        };
        if let Some(id) = id {
            let p = b.progress();
            let args = vec![
                SqlValue::Integer(status),
                SqlValue::Integer(p.remaining as i64),
                SqlValue::Integer(p.pagecount as i64),
            ];
            link.call(CALL_BACKUP, id, args).map_err(user_error)?;
        }
        match r {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked => {
                std::thread::sleep(std::time::Duration::from_millis(sleep_ms.max(0) as u64))
            }
            _ => {}
        }
    }
}

fn bind_error(msg: String) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error {
            code: rusqlite::ffi::ErrorCode::ParameterOutOfRange,
            extended_code: -2,
        },
        Some(msg),
    )
}

/// Prepares the one statement of `sql` (None when it has only comments); anything but comments
/// after it is an error, as CPython's check of the statement's tail makes it.
fn prepare<'a>(
    db: &'a rusqlite::Connection,
    sql: &str,
) -> rusqlite::Result<Option<rusqlite::Statement<'a>>> {
    use rusqlite::fallible_iterator::FallibleIterator;
    let mut batch = rusqlite::Batch::new(db, sql);
    let Some(st) = batch.next()? else {
        return Ok(None);
    };
    match batch.next() {
        Ok(None) => Ok(Some(st)),
        _ => Err(rusqlite::Error::MultipleStatement),
    }
}

fn run_statement(
    db: &rusqlite::Connection,
    sql: &str,
    params: Params,
    text_bytes: bool,
) -> rusqlite::Result<Outcome> {
    let Some(mut st) = prepare(db, sql)? else {
        // Only comments and white space: nothing runs (as in CPython).
        return Ok(Outcome {
            columns: Vec::new(),
            rows: Vec::new(),
            changes: 0,
            lastrowid: db.last_insert_rowid(),
            readonly: true,
        });
    };
    let want = st.parameter_count();
    match params {
        Params::Positional(vals) => {
            if vals.len() != want {
                return Err(bind_error(format!(
                    "Incorrect number of bindings supplied. The current statement uses {want}, and there are {} supplied.",
                    vals.len()
                )));
            }
            for (i, v) in vals.iter().enumerate() {
                st.raw_bind_parameter(i + 1, v)?;
            }
        }
        Params::Named(vals) => {
            for i in 1..=want {
                let Some(pname) = st.parameter_name(i).map(str::to_string) else {
                    return Err(bind_error(format!(
                        "Binding {i} has no name, but you supplied a dictionary (which has only names)."
                    )));
                };
                let key = &pname[1..];
                let Some((_, v)) = vals.iter().find(|(k, _)| k == key) else {
                    return Err(bind_error(format!(
                        "You did not supply a value for binding parameter {pname}."
                    )));
                };
                st.raw_bind_parameter(i, v)?;
            }
        }
    }
    let columns: Vec<(String, Option<String>)> = st
        .columns()
        .map(|c| (c.name().to_string(), c.decl_type().map(str::to_string)))
        .collect();
    let readonly = st.readonly();
    let ncol = columns.len();
    let mut rows = Vec::new();
    let mut q = st.raw_query();
    let changes_before = db.total_changes();
    while let Some(row) = q.next()? {
        // The rows are collected now, not as they are fetched (see the module's comment): a
        // SELECT whose user-defined functions write to the database could see its own writes
        // without end, so it stops with an error instead.
        if readonly && !rows.is_empty() && db.total_changes() != changes_before {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error {
                    code: rusqlite::ffi::ErrorCode::Unknown,
                    extended_code: -4,
                },
                Some(
                    "cpjit's _sqlite3 runs a SELECT to its end when it is executed: a \
                     user-defined function that writes to the database during it is not supported"
                        .into(),
                ),
            ));
        }
        let mut out = Vec::with_capacity(ncol);
        for i in 0..ncol {
            out.push(match row.get_ref(i)? {
                ValueRef::Text(t) if text_bytes => Out::TextBytes(t.to_vec()),
                ValueRef::Text(t) if std::str::from_utf8(t).is_err() => {
                    return Err(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error {
                            code: rusqlite::ffi::ErrorCode::Unknown,
                            extended_code: -3,
                        },
                        Some(format!(
                            "Could not decode to UTF-8 column '{}' with text '{}'",
                            columns[i].0,
                            String::from_utf8_lossy(t)
                        )),
                    ))
                }
                v => Out::Sql(owned(v)),
            });
        }
        rows.push(out);
    }
    drop(q);
    Ok(Outcome {
        columns,
        rows,
        changes: db.changes(),
        lastrowid: db.last_insert_rowid(),
        readonly,
    })
}

/// Sends `cmd` to connection `h`'s worker and serves its callbacks (through `dispatch(kind, id,
/// args)`) until it is done.
fn request(vm: &mut Vm, h: i64, cmd: Cmd, dispatch: Value) -> PyResult<Reply> {
    let sent = CONNS.with(|c| {
        c.borrow()
            .get(&h)
            .map(|c| c.down.send(Down::Cmd(cmd)).is_ok())
    });
    if sent != Some(true) {
        return Err(vm.err("ValueError", "no such SQLite connection"));
    }
    serve(vm, h, dispatch)
}

/// Waits for the reply to the command sent to connection `h`'s worker, serving its callbacks.
fn serve(vm: &mut Vm, h: i64, dispatch: Value) -> PyResult<Reply> {
    // A Python error of the dispatching itself: raised once the worker is done.
    let mut raised = None;
    loop {
        let up = CONNS.with(|c| c.borrow().get(&h).map(|c| c.up.recv()));
        let Some(Ok(up)) = up else {
            return Err(vm.err("SystemError", "the SQLite worker thread is gone"));
        };
        match up {
            Up::Done(_) if raised.is_some() => {
                vm.roots.pop();
                return Err(raised.unwrap_or(vm.none));
            }
            Up::Done(Ok(r)) => return Ok(r),
            Up::Done(Err((kind, msg, code))) => return Err(sql_error(vm, kind, &msg, code)),
            Up::Call { kind, id, args } => {
                let r = if dispatch == vm.none {
                    Err("no callback can run here".to_string())
                } else {
                    match run_callback(vm, dispatch, kind, id, &args) {
                        Ok(r) => r,
                        Err(e) => {
                            if raised.is_none() {
                                vm.roots.push(e);
                                raised = Some(e);
                            }
                            Err("the callback failed".to_string())
                        }
                    }
                };
                CONNS.with(|c| {
                    if let Some(c) = c.borrow().get(&h) {
                        let _ = c.down.send(Down::Result(r));
                    }
                });
            }
        }
    }
}

/// Calls `dispatch(kind, id, args)`; its result (a value, or a str telling SQLite's error when
/// the callback raised, after the Python side reported it) goes back to SQLite.
fn run_callback(
    vm: &mut Vm,
    dispatch: Value,
    kind: u8,
    id: i64,
    args: &[SqlValue],
) -> PyResult<CallResult> {
    let base = vm.roots.len();
    let mut items = Vec::with_capacity(args.len());
    for a in args {
        let v = to_py(vm, a);
        vm.roots.push(v);
        items.push(v);
    }
    let t = vm.new_tuple(items);
    vm.roots.truncate(base);
    let (k, i) = (vm.new_int(kind as i64), vm.new_int(id));
    let r = call(vm, dispatch, &[k, i, t], &[])?;
    // (ok, value): ok False carries the error message.
    let Some(pair) = as_tuple(r).filter(|t| t.len() == 2) else {
        return Err(vm.type_error("bad callback result"));
    };
    let (ok, v) = (pair[0], pair[1]);
    if ok != vm.true_ {
        return Ok(Err(str_of(v).to_string()));
    }
    Ok(match from_py(vm, v)? {
        Some(s) => Ok(s),
        None => Err("user-defined function raised exception".into()),
    })
}

/// The DB-API exception `kind` with its message; `_sqlite3_part` gives it the error code.
fn sql_error(vm: &mut Vm, kind: &str, msg: &str, code: i32) -> Value {
    if kind == "MemoryError" {
        return vm.err("MemoryError", msg);
    }
    let m = match super::import_module(vm, "_sqlite3") {
        Ok(m) => m,
        Err(e) => return e,
    };
    let k = vm.intern("_error");
    let f = match crate::vm::runtime::attr::getattr(vm, m, k) {
        Ok(f) => f,
        Err(e) => return e,
    };
    let (a, b, c) = (vm.new_str(kind), vm.new_str(msg), vm.new_int(code as i64));
    match call(vm, f, &[a, b, c], &[]) {
        Ok(e) | Err(e) => e,
    }
}

fn to_py(vm: &mut Vm, v: &SqlValue) -> Value {
    match v {
        SqlValue::Null => vm.none,
        SqlValue::Integer(i) => vm.new_int(*i),
        SqlValue::Real(f) => vm.new_float(*f),
        SqlValue::Text(s) => vm.new_str(s),
        SqlValue::Blob(b) => vm.new_bytes(b.clone()),
    }
}

/// A Python value (already adapted) as an SQL value; None when its type has no SQL form.
fn from_py(vm: &mut Vm, v: Value) -> PyResult<Option<SqlValue>> {
    if v == vm.none {
        return Ok(Some(SqlValue::Null));
    }
    if let Some(i) = int_of(v) {
        return match i {
            IntVal::Small(i) => Ok(Some(SqlValue::Integer(i))),
            IntVal::Big(b) => match i64::try_from(&b) {
                Ok(i) => Ok(Some(SqlValue::Integer(i))),
                Err(_) => Err(vm.err(
                    "OverflowError",
                    "Python int too large to convert to SQLite INTEGER",
                )),
            },
        };
    }
    if v.is_float() {
        return Ok(Some(SqlValue::Real(v.as_f64())));
    }
    if let Some(s) = as_str(v) {
        if let Some(c) = crate::rtlib::surrogate::first_standin(&s.s) {
            let e = crate::rtlib::error::RtError::unsupported_char(c as u32);
            return Err(crate::vm::runtime::repr::rt_err(vm, e));
        }
        return Ok(Some(SqlValue::Text(s.s.to_string())));
    }
    if let Some(b) = buffer_bytes(v) {
        return Ok(Some(SqlValue::Blob(b.to_vec())));
    }
    Ok(None)
}

fn sql_values(vm: &mut Vm, seq: Value) -> PyResult<Vec<SqlValue>> {
    let items = crate::vm::runtime::iter::collect(vm, seq)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        match from_py(vm, v)? {
            Some(s) => out.push(s),
            None => {
                let tn = vm.type_name(v);
                let e = sql_error(
                    vm,
                    "ProgrammingError",
                    &format!(
                        "Error binding parameter {}: type '{tn}' is not supported",
                        i + 1
                    ),
                    -1,
                );
                return Err(e);
            }
        }
    }
    Ok(out)
}

fn handle(vm: &mut Vm, v: Value) -> PyResult<i64> {
    index_of(vm, v, "connection")
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match as_str(v) {
        Some(s) => Ok(s.s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

/// `_open(path, uri, timeout_ms) -> handle`: opens the database on a new worker thread.
fn open(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_open", a, k, 0, 3, 3)?;
    let path = str_arg(vm, a[0], "database")?;
    let uri = a[1] == vm.true_;
    let timeout_ms = index_of(vm, a[2], "timeout")?.max(0) as u64;
    let db = match open_connection(&path, uri, timeout_ms) {
        Ok(db) => db,
        Err(e) => {
            let (kind, msg, code) = failure(e);
            return Err(sql_error(vm, kind, &msg, code));
        }
    };
    let interrupt = db.get_interrupt_handle();
    let (up_tx, up_rx) = channel();
    let (down_tx, down_rx) = channel();
    let link = Link {
        up: up_tx,
        down: Arc::new(Mutex::new(down_rx)),
    };
    if std::thread::Builder::new()
        .name("sqlite".into())
        .spawn(move || worker(db, link))
        .is_err()
    {
        return Err(vm.err("OSError", "cannot start the SQLite worker thread"));
    }
    let h = NEXT.with(|n| {
        let h = n.get();
        n.set(h + 1);
        h
    });
    CONNS.with(|c| {
        c.borrow_mut().insert(
            h,
            Conn {
                down: down_tx,
                up: up_rx,
                interrupt,
            },
        )
    });
    Ok(vm.new_int(h))
}

/// `_exec(h, sql, params, named, text_factory, dispatch)` -> (columns, rows, changes, lastrowid,
/// readonly): `params` is a sequence of values, or with `named` a sequence of (name, value).
fn exec(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_exec", a, k, 0, 6, 6)?;
    let h = handle(vm, a[0])?;
    let sql = str_arg(vm, a[1], "sql")?;
    let params = if a[3] == vm.true_ {
        let pairs = crate::vm::runtime::iter::collect(vm, a[2])?;
        let mut names = Vec::with_capacity(pairs.len());
        let mut vals = Vec::with_capacity(pairs.len());
        for p in pairs {
            let t = as_tuple(p).map(|t| t.to_vec()).unwrap_or_default();
            if t.len() != 2 {
                return Err(vm.type_error("named parameters must be (name, value) pairs"));
            }
            names.push(str_arg(vm, t[0], "parameter name")?);
            vals.push(t[1]);
        }
        let l = vm.new_list(vals);
        let vals = sql_values(vm, l)?;
        Params::Named(names.into_iter().zip(vals).collect())
    } else {
        Params::Positional(sql_values(vm, a[2])?)
    };
    let factory = a[4];
    let text_bytes = factory != vm.none;
    let Reply::Outcome(o) = request(
        vm,
        h,
        Cmd::Exec {
            sql,
            params,
            text_bytes,
        },
        a[5],
    )?
    else {
        return Err(vm.err("SystemError", "unexpected SQLite reply"));
    };
    outcome_to_py(vm, o, factory)
}

/// The result tuple of `_exec`; TEXT values returned as bytes go through `factory`.
fn outcome_to_py(vm: &mut Vm, o: Outcome, factory: Value) -> PyResult {
    let base = vm.roots.len();
    let mut cols = Vec::with_capacity(o.columns.len());
    for (name, decl) in &o.columns {
        let n = vm.new_str(name);
        vm.roots.push(n);
        let d = match decl {
            Some(d) => vm.new_str(d),
            None => vm.none,
        };
        vm.roots.push(d);
        let t = vm.new_tuple(vec![n, d]);
        vm.roots.push(t);
        cols.push(t);
    }
    let mut rows = Vec::with_capacity(o.rows.len());
    for r in &o.rows {
        let mut items = Vec::with_capacity(r.len());
        for v in r {
            let x = match v {
                Out::Sql(s) => to_py(vm, s),
                Out::TextBytes(b) => {
                    let b = vm.new_bytes(b.clone());
                    vm.roots.push(b);
                    let r = call(vm, factory, &[b], &[]);
                    vm.roots.pop();
                    match r {
                        Ok(v) => v,
                        Err(e) => {
                            vm.roots.truncate(base);
                            return Err(e);
                        }
                    }
                }
            };
            vm.roots.push(x);
            items.push(x);
        }
        let t = vm.new_tuple(items);
        vm.roots.push(t);
        rows.push(t);
    }
    let cl = vm.new_list(cols);
    vm.roots.push(cl);
    let rl = vm.new_list(rows);
    vm.roots.push(rl);
    let ch = vm.new_int(o.changes as i64);
    let lr = vm.new_int(o.lastrowid);
    let ro = vm.bool_val(o.readonly);
    let r = vm.new_tuple(vec![cl, rl, ch, lr, ro]);
    vm.roots.truncate(base);
    Ok(r)
}

/// `_script(h, sql, dispatch)`: runs every statement of `sql`.
fn script(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_script", a, k, 0, 3, 3)?;
    let h = handle(vm, a[0])?;
    let sql = str_arg(vm, a[1], "sql_script")?;
    request(vm, h, Cmd::Script(sql), a[2])?;
    Ok(vm.none)
}

/// `_function(h, name, narg, id, kind, deterministic)`.
fn function(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_function", a, k, 0, 6, 6)?;
    let h = handle(vm, a[0])?;
    let name = str_arg(vm, a[1], "name")?;
    let narg = index_of(vm, a[2], "narg")? as i32;
    let id = index_of(vm, a[3], "id")?;
    let cmd = Cmd::Function {
        name,
        narg,
        id,
        kind: index_of(vm, a[4], "kind")?,
        deterministic: a[5] == vm.true_,
    };
    let none = vm.none;
    request(vm, h, cmd, none)?;
    Ok(vm.none)
}

/// `_close(h)`: ends the worker (which closes the database).
fn close(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_close", a, k, 0, 1, 1)?;
    let h = handle(vm, a[0])?;
    CONNS.with(|c| c.borrow_mut().remove(&h));
    Ok(vm.none)
}

/// `_autocommit(h)` and `_total_changes(h)`: a question about the connection's state.
fn query(vm: &mut Vm, a: &[Value], k: &[Value], name: &str, cmd: Cmd) -> PyResult {
    nargs(vm, name, a, k, 0, 1, 1)?;
    let h = handle(vm, a[0])?;
    let none = vm.none;
    match request(vm, h, cmd, none)? {
        Reply::Bool(b) => Ok(vm.bool_val(b)),
        Reply::Int(n) => Ok(vm.new_int(n)),
        _ => Err(vm.err("SystemError", "unexpected SQLite reply")),
    }
}

fn autocommit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    query(vm, a, k, "_autocommit", Cmd::Autocommit)
}

fn total_changes(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    query(vm, a, k, "_total_changes", Cmd::TotalChanges)
}

/// An optional callback id: None for Python's None.
fn opt_id(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if v == vm.none {
        Ok(None)
    } else {
        index_of(vm, v, "id").map(Some)
    }
}

fn i32_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i32> {
    let n = index_of(vm, v, what)?;
    i32::try_from(n)
        .map_err(|_| vm.err("OverflowError", "Python int too large to convert to C int"))
}

/// `_blob(h, name, table, column, row, readonly, op, offset, arg)`: op 0 the blob's size, 1
/// read `arg` bytes at `offset`, 2 write the bytes `arg` there. The blob is opened for each
/// operation (a Blob object can't keep SQLite's handle across the worker's commands).
fn blob(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_blob", a, k, 0, 9, 9)?;
    let h = handle(vm, a[0])?;
    let name = str_arg(vm, a[1], "name")?;
    let table = str_arg(vm, a[2], "table")?;
    let column = str_arg(vm, a[3], "column")?;
    let row = index_of(vm, a[4], "row")?;
    let readonly = a[5] == vm.true_;
    let offset = index_of(vm, a[7], "offset")?.max(0) as usize;
    let op = match index_of(vm, a[6], "op")? {
        0 => BlobOp::Size,
        1 => BlobOp::Read {
            offset,
            n: index_of(vm, a[8], "length")?.max(0) as usize,
        },
        _ => BlobOp::Write {
            offset,
            data: buffer_bytes(a[8])
                .map(|b| b.to_vec())
                .ok_or_else(|| vm.type_error("a bytes-like object is required"))?,
        },
    };
    let cmd = Cmd::Blob {
        name,
        table,
        column,
        row,
        readonly,
        op,
    };
    let none = vm.none;
    match request(vm, h, cmd, none)? {
        Reply::Int(n) => Ok(vm.new_int(n)),
        Reply::Bytes(b) => Ok(vm.new_bytes(b)),
        _ => Ok(vm.none),
    }
}

/// `_collation(h, name, id)`: registers callback `id` as collation `name` (None removes it).
fn collation(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_collation", a, k, 0, 3, 3)?;
    let h = handle(vm, a[0])?;
    let name = str_arg(vm, a[1], "name")?;
    let id = opt_id(vm, a[2])?;
    let none = vm.none;
    request(vm, h, Cmd::Collation { name, id }, none)?;
    Ok(vm.none)
}

/// `_progress(h, n, id)`: the progress handler (None removes it).
fn progress(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_progress", a, k, 0, 3, 3)?;
    let h = handle(vm, a[0])?;
    let n = i32_arg(vm, a[1], "n")?;
    let id = opt_id(vm, a[2])?;
    let none = vm.none;
    request(vm, h, Cmd::Progress { n, id }, none)?;
    Ok(vm.none)
}

/// `_trace(h, id)`: the statement trace callback (None removes it).
fn trace(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_trace", a, k, 0, 2, 2)?;
    let h = handle(vm, a[0])?;
    let id = opt_id(vm, a[1])?;
    let none = vm.none;
    request(vm, h, Cmd::Trace(id), none)?;
    Ok(vm.none)
}

/// `_limit(h, category, value)`: the limit's value before (`value` None only reads it).
fn limit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_limit", a, k, 0, 3, 3)?;
    let h = handle(vm, a[0])?;
    let category = i32_arg(vm, a[1], "category")?;
    let value = if a[2] == vm.none {
        None
    } else {
        Some(i32_arg(vm, a[2], "limit")?)
    };
    let none = vm.none;
    match request(vm, h, Cmd::Limit { category, value }, none)? {
        Reply::Int(n) => Ok(vm.new_int(n)),
        _ => Err(vm.err("SystemError", "unexpected SQLite reply")),
    }
}

/// `_interrupt(h)`: aborts the connection's running statement.
fn interrupt(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_interrupt", a, k, 0, 1, 1)?;
    let h = handle(vm, a[0])?;
    CONNS.with(|c| {
        if let Some(c) = c.borrow().get(&h) {
            c.interrupt.interrupt();
        }
    });
    Ok(vm.none)
}

/// `_backup(h, target, name, pages, sleep_ms, id, dispatch)`: copies database `name` of
/// connection `h` into connection `target`'s main database. The target's connection is lent
/// to `h`'s worker for the copy and given back after it.
fn backup_fn(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_backup", a, k, 0, 7, 7)?;
    let h = handle(vm, a[0])?;
    let t = handle(vm, a[1])?;
    let name = str_arg(vm, a[2], "name")?;
    let pages = i32_arg(vm, a[3], "pages")?;
    let sleep_ms = i32_arg(vm, a[4], "sleep")?;
    let id = opt_id(vm, a[5])?;
    let none = vm.none;
    let Reply::Conn(target) = request(vm, t, Cmd::Lend, none)? else {
        return Err(vm.err("SystemError", "unexpected SQLite reply"));
    };
    let cmd = Cmd::Backup {
        target,
        name,
        pages,
        sleep_ms,
        id,
    };
    // The source's worker sends the target back with the outcome even when the copy fails.
    let sent = CONNS.with(|c| c.borrow().get(&h).map(|c| c.down.send(Down::Cmd(cmd))));
    let outcome = match sent {
        Some(Ok(())) => serve(vm, h, a[6]),
        Some(Err(e)) => match e.0 {
            Down::Cmd(Cmd::Backup { target, .. }) => Ok(Reply::Backup(target, Ok(()))),
            _ => Err(vm.err("SystemError", "the SQLite worker thread is gone")),
        },
        None => Err(vm.err("ValueError", "no such SQLite connection")),
    };
    let (target, r) = match outcome {
        Ok(Reply::Backup(target, r)) => (target, r),
        Ok(_) => return Err(vm.err("SystemError", "unexpected SQLite reply")),
        Err(e) => return Err(e),
    };
    request(vm, t, Cmd::Restore(target), none)?;
    match r {
        Ok(()) => Ok(vm.none),
        Err((kind, msg, code)) => Err(sql_error(vm, kind, &msg, code)),
    }
}

/// `_authorizer(h, id)`: the authorizer callback (None removes it).
fn authorizer(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_authorizer", a, k, 0, 2, 2)?;
    let h = handle(vm, a[0])?;
    let id = opt_id(vm, a[1])?;
    let none = vm.none;
    request(vm, h, Cmd::Authorizer(id), none)?;
    Ok(vm.none)
}

/// `_prepare(h, sql, dispatch)`: compiles `sql` (raising its errors) without running it.
fn prepare_fn(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_prepare", a, k, 0, 3, 3)?;
    let h = handle(vm, a[0])?;
    let sql = str_arg(vm, a[1], "sql")?;
    request(vm, h, Cmd::Prepare(sql), a[2])?;
    Ok(vm.none)
}

/// `_param_names(h, sql, dispatch)`: the statement's parameter names (None for positional
/// ones), for looking them up in a mapping other than a dict.
fn param_names(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_param_names", a, k, 0, 3, 3)?;
    let h = handle(vm, a[0])?;
    let sql = str_arg(vm, a[1], "sql")?;
    let Reply::Names(names) = request(vm, h, Cmd::ParamNames(sql), a[2])? else {
        return Err(vm.err("SystemError", "unexpected SQLite reply"));
    };
    let base = vm.roots.len();
    let mut items = Vec::with_capacity(names.len());
    for n in names {
        let v = match n {
            Some(n) => vm.new_str(&n),
            None => vm.none,
        };
        vm.roots.push(v);
        items.push(v);
    }
    let l = vm.new_list(items);
    vm.roots.truncate(base);
    Ok(l)
}
