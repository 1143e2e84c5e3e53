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
        aggregate: bool,
        deterministic: bool,
    },
    Autocommit,
    TotalChanges,
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

/// The interpreter's side of a connection.
struct Conn {
    cmd: Sender<Cmd>,
    up: Receiver<Up>,
    down: Sender<CallResult>,
}

thread_local! {
    static CONNS: std::cell::RefCell<HashMap<i64, Conn>> = std::cell::RefCell::new(HashMap::new());
    static NEXT: std::cell::Cell<i64> = const { std::cell::Cell::new(1) };
}

/// The worker's way back to the interpreter, shared by the callbacks it registers.
#[derive(Clone)]
struct Link {
    up: Sender<Up>,
    down: Arc<Mutex<Receiver<CallResult>>>,
}

impl Link {
    /// Runs callback `kind`/`id` on the interpreter's thread and waits for its result.
    fn call(&self, kind: u8, id: i64, args: Vec<SqlValue>) -> CallResult {
        if self.up.send(Up::Call { kind, id, args }).is_err() {
            return Err("the interpreter is gone".into());
        }
        let rx = self
            .down
            .lock()
            .map_err(|_| "callback channel poisoned".to_string())?;
        rx.recv()
            .unwrap_or_else(|_| Err("the interpreter is gone".into()))
    }
}

fn user_error(msg: String) -> rusqlite::Error {
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

/// The DB-API exception for an SQLite result code, as CPython's `_pysqlite_seterror` picks it.
fn failure(e: rusqlite::Error) -> Failure {
    use rusqlite::ffi::ErrorCode as C;
    match e {
        rusqlite::Error::SqliteFailure(f, msg) => {
            let kind = match f.code {
                // Our own binding errors (`bind_error`).
                _ if f.extended_code == -2 => "ProgrammingError",
                _ if f.extended_code == -3 => "OperationalError",
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

fn open_connection(path: &str, uri: bool) -> rusqlite::Result<rusqlite::Connection> {
    use rusqlite::OpenFlags as F;
    let mut flags = F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_CREATE | F::SQLITE_OPEN_NO_MUTEX;
    if uri {
        flags |= F::SQLITE_OPEN_URI;
    }
    rusqlite::Connection::open_with_flags(path, flags)
}

/// The worker thread: runs commands on its connection until the interpreter hangs up.
fn worker(db: rusqlite::Connection, cmds: Receiver<Cmd>, link: Link) {
    while let Ok(cmd) = cmds.recv() {
        let r = run(&db, cmd, &link).map_err(failure);
        if link.up.send(Up::Done(r)).is_err() {
            break;
        }
    }
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
            aggregate,
            deterministic,
        } => {
            let mut flags = FunctionFlags::SQLITE_UTF8;
            if deterministic {
                flags |= FunctionFlags::SQLITE_DETERMINISTIC;
            }
            let link = link.clone();
            if aggregate {
                db.create_aggregate_function(&*name, narg, flags, PyAggregate { link, id })?;
            } else {
                db.create_scalar_function(&*name, narg, flags, move |ctx| {
                    link.call(CALL_FUNC, id, args_of(ctx)).map_err(user_error)
                })?;
            }
            Ok(Reply::Unit)
        }
        Cmd::Autocommit => Ok(Reply::Bool(db.is_autocommit())),
        Cmd::TotalChanges => Ok(Reply::Int(db.total_changes() as i64)),
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

fn run_statement(
    db: &rusqlite::Connection,
    sql: &str,
    params: Params,
    text_bytes: bool,
) -> rusqlite::Result<Outcome> {
    let mut st = db.prepare(sql)?;
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
    while let Some(row) = q.next()? {
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
    let sent = CONNS.with(|c| c.borrow().get(&h).map(|c| c.cmd.send(cmd).is_ok()));
    if sent != Some(true) {
        return Err(vm.err("ValueError", "no such SQLite connection"));
    }
    loop {
        let up = CONNS.with(|c| c.borrow().get(&h).map(|c| c.up.recv()));
        let Some(Ok(up)) = up else {
            return Err(vm.err("SystemError", "the SQLite worker thread is gone"));
        };
        match up {
            Up::Done(Ok(r)) => return Ok(r),
            Up::Done(Err((kind, msg, code))) => return Err(sql_error(vm, kind, &msg, code)),
            Up::Call { kind, id, args } => {
                let r = run_callback(vm, dispatch, kind, id, &args)?;
                CONNS.with(|c| {
                    if let Some(c) = c.borrow().get(&h) {
                        let _ = c.down.send(r);
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

/// `_open(path, uri) -> handle`: opens the database on a new worker thread.
fn open(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_open", a, k, 0, 2, 2)?;
    let path = str_arg(vm, a[0], "database")?;
    let uri = a[1] == vm.true_;
    let db = match open_connection(&path, uri) {
        Ok(db) => db,
        Err(e) => {
            let (kind, msg, code) = failure(e);
            return Err(sql_error(vm, kind, &msg, code));
        }
    };
    let (cmd_tx, cmd_rx) = channel();
    let (up_tx, up_rx) = channel();
    let (down_tx, down_rx) = channel();
    let link = Link {
        up: up_tx,
        down: Arc::new(Mutex::new(down_rx)),
    };
    if std::thread::Builder::new()
        .name("sqlite".into())
        .spawn(move || worker(db, cmd_rx, link))
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
                cmd: cmd_tx,
                up: up_rx,
                down: down_tx,
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

/// `_function(h, name, narg, id, aggregate, deterministic)`.
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
        aggregate: a[4] == vm.true_,
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
