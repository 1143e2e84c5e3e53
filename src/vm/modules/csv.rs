//! `_csv`: the CSV reader's state machine and the writer's quoting in Rust, under a Python
//! part that gives the module CPython's shape (`Dialect`, `reader`, `writer`, `Error`, the
//! dialect registry, `field_size_limit`). csv.py (DictReader, DictWriter, Sniffer, the
//! `excel` dialects) runs unchanged on top of it.
//!
//! A native `CsvState` holds one dialect's parameters plus the reader's or the writer's
//! in-progress record; the module's Python classes hold one each and call the functions here
//! once per line (reader) or per field (writer).

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::call;
use crate::vm::types::nargs;
use crate::vm::value::Value;

const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

/// The reader's states (those of CPython's parser, so its corner cases match).
#[derive(Clone, Copy, PartialEq)]
enum St {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One character of input, or the end of a line.
#[derive(Clone, Copy, PartialEq)]
enum Ch {
    C(char),
    Eol,
}

pub struct CsvState {
    /// `_csv.Error`, the class raised for malformed input.
    error: Value,
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: i64,
    lineterminator: String,
    // Reader.
    state: St,
    field: String,
    field_len: usize,
    numeric: bool,
    fields: Vec<Value>,
    // Writer.
    rec: String,
    num_fields: usize,
}

impl NativeObject for CsvState {
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.error);
        out.extend(self.fields.iter().copied());
    }
    fn heap_bytes(&self) -> usize {
        self.field.capacity() + self.rec.capacity() + self.fields.capacity() * 8
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_state", new_state),
        ("_reset", reset),
        ("_feed", feed),
        ("_eof", eof),
        ("_append", append),
        ("_finish", finish),
    ];
    super::native_with_python(vm, "_csv", fns, CSV_SRC)
}

fn st<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut CsvState> {
    match as_native::<CsvState>(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("_csv: not a csv state")),
    }
}

/// `_csv.Error(msg)` as the error to return.
fn csv_error(vm: &mut Vm, error: Value, msg: &str) -> Value {
    let m = vm.new_str(msg);
    match call(vm, error, &[m], &[]) {
        Ok(e) | Err(e) => e,
    }
}

fn opt_char(v: Value, none: Value) -> Option<char> {
    if v == none {
        None
    } else {
        str_of(v).chars().next()
    }
}

/// `_state(Error, delimiter, quotechar, escapechar, doublequote, skipinitialspace, strict,
/// quoting, lineterminator)`: the Python part has validated every parameter.
fn new_state(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_state", args, kw, 0, 9, 9)?;
    let none = vm.none;
    let quoting =
        crate::vm::runtime::num::index_c(vm, args[7], "int", |n| i32::try_from(n).is_ok())?;
    let s = CsvState {
        error: args[0],
        delimiter: str_of(args[1]).chars().next().unwrap_or(','),
        quotechar: opt_char(args[2], none),
        escapechar: opt_char(args[3], none),
        doublequote: args[4] == vm.true_,
        skipinitialspace: args[5] == vm.true_,
        strict: args[6] == vm.true_,
        quoting,
        lineterminator: str_of(args[8]).to_string(),
        state: St::StartRecord,
        field: String::new(),
        field_len: 0,
        numeric: false,
        fields: Vec::new(),
        rec: String::new(),
        num_fields: 0,
    };
    let ty = vm.t.csv_state;
    Ok(vm.heap.alloc(ty, Box::new(s) as NativeData))
}

fn reset(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_reset", args, kw, 0, 1, 1)?;
    let s = st(vm, args[0])?;
    s.state = St::StartRecord;
    s.field.clear();
    s.field_len = 0;
    s.numeric = false;
    s.fields.clear();
    s.rec.clear();
    s.num_fields = 0;
    Ok(vm.none)
}

impl CsvState {
    fn add_char(&mut self, vm: &mut Vm, c: char, limit: usize) -> PyResult<()> {
        if self.field_len >= limit {
            let e = self.error;
            return Err(csv_error(
                vm,
                e,
                &format!("field larger than field limit ({limit})"),
            ));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    fn save_field(&mut self, vm: &mut Vm) -> PyResult<()> {
        let f = vm.new_str(&self.field);
        self.field.clear();
        self.field_len = 0;
        let v = if self.numeric {
            self.numeric = false;
            self.fields.push(f); // rooted while float() runs
            let r = crate::vm::types::float::float_from(vm, f);
            self.fields.pop();
            r?
        } else {
            f
        };
        self.fields.push(v);
        Ok(())
    }

    fn is_quote(&self, c: char) -> bool {
        self.quoting != QUOTE_NONE && Some(c) == self.quotechar
    }

    fn end_line_state(ch: Ch) -> St {
        if ch == Ch::Eol {
            St::StartRecord
        } else {
            St::EatCrnl
        }
    }

    /// One step of the reader's state machine.
    fn process(&mut self, vm: &mut Vm, ch: Ch, limit: usize) -> PyResult<()> {
        let nl = matches!(ch, Ch::C('\n') | Ch::C('\r'));
        let c = match ch {
            Ch::C(c) => Some(c),
            Ch::Eol => None,
        };
        let is_esc = c.is_some() && c == self.escapechar;
        let is_delim = c == Some(self.delimiter);
        let mut state = self.state;
        if state == St::StartRecord {
            if ch == Ch::Eol {
                return Ok(());
            }
            if nl {
                self.state = St::EatCrnl;
                return Ok(());
            }
            state = St::StartField;
        }
        if state == St::AfterEscapedCrnl {
            if ch == Ch::Eol {
                return Ok(());
            }
            state = St::InField;
        }
        match state {
            St::StartField => {
                if nl || ch == Ch::Eol {
                    self.save_field(vm)?;
                    self.state = Self::end_line_state(ch);
                } else if c.is_some_and(|c| self.is_quote(c)) {
                    self.state = St::InQuotedField;
                } else if is_esc {
                    self.state = St::EscapedChar;
                } else if c == Some(' ') && self.skipinitialspace {
                    self.state = St::StartField;
                } else if is_delim {
                    self.save_field(vm)?;
                    self.state = St::StartField;
                } else {
                    if self.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(vm, c.unwrap(), limit)?;
                    self.state = St::InField;
                }
            }
            St::EscapedChar => {
                if nl {
                    self.add_char(vm, c.unwrap(), limit)?;
                    self.state = St::AfterEscapedCrnl;
                } else {
                    self.add_char(vm, c.unwrap_or('\n'), limit)?;
                    self.state = St::InField;
                }
            }
            St::InField => {
                if nl || ch == Ch::Eol {
                    self.save_field(vm)?;
                    self.state = Self::end_line_state(ch);
                } else if is_esc {
                    self.state = St::EscapedChar;
                } else if is_delim {
                    self.save_field(vm)?;
                    self.state = St::StartField;
                } else {
                    self.add_char(vm, c.unwrap(), limit)?;
                    self.state = St::InField;
                }
            }
            St::InQuotedField => {
                if ch == Ch::Eol {
                } else if is_esc {
                    self.state = St::EscapeInQuotedField;
                } else if c.is_some_and(|c| self.is_quote(c)) {
                    self.state = if self.doublequote {
                        St::QuoteInQuotedField
                    } else {
                        St::InField
                    };
                } else {
                    self.add_char(vm, c.unwrap(), limit)?;
                }
            }
            St::EscapeInQuotedField => {
                self.add_char(vm, c.unwrap_or('\n'), limit)?;
                self.state = St::InQuotedField;
            }
            St::QuoteInQuotedField => {
                if c.is_some_and(|c| self.is_quote(c)) {
                    self.add_char(vm, c.unwrap(), limit)?;
                    self.state = St::InQuotedField;
                } else if is_delim {
                    self.save_field(vm)?;
                    self.state = St::StartField;
                } else if nl || ch == Ch::Eol {
                    self.save_field(vm)?;
                    self.state = Self::end_line_state(ch);
                } else if !self.strict {
                    self.add_char(vm, c.unwrap(), limit)?;
                    self.state = St::InField;
                } else {
                    let msg = format!(
                        "'{}' expected after '{}'",
                        self.delimiter,
                        self.quotechar.unwrap_or('"')
                    );
                    let e = self.error;
                    return Err(csv_error(vm, e, &msg));
                }
            }
            St::EatCrnl => {
                if nl {
                } else if ch == Ch::Eol {
                    self.state = St::StartRecord;
                } else {
                    let e = self.error;
                    return Err(csv_error(
                        vm,
                        e,
                        "new-line character seen in unquoted field - \
                         do you need to open the file in universal-newline mode?",
                    ));
                }
            }
            St::StartRecord | St::AfterEscapedCrnl => unreachable!("handled above"),
        }
        Ok(())
    }

    /// The finished record as a list (the fields move out of the state).
    fn take_record(&mut self, vm: &mut Vm) -> Value {
        let fields = std::mem::take(&mut self.fields);
        vm.new_list(fields)
    }
}

fn limit_arg(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let l = crate::vm::runtime::num::index_c(vm, v, "long", |_| true)?;
    Ok(l.max(0) as usize)
}

/// `_feed(state, line, limit)`: runs one line through the parser; the record when it is
/// complete, else None (a quoted field goes on over the next line).
fn feed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_feed", args, kw, 0, 3, 3)?;
    let limit = limit_arg(vm, args[2])?;
    let line = str_of(args[1]).to_string();
    let s = st(vm, args[0])?;
    for c in line.chars() {
        s.process(vm, Ch::C(c), limit)?;
    }
    s.process(vm, Ch::Eol, limit)?;
    if s.state == St::StartRecord {
        Ok(s.take_record(vm))
    } else {
        Ok(vm.none)
    }
}

/// `_eof(state)`: the input ended; the last record if a field is pending, else None.
fn eof(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_eof", args, kw, 0, 1, 1)?;
    let s = st(vm, args[0])?;
    if s.field_len != 0 || s.state == St::InQuotedField {
        if s.strict {
            let e = s.error;
            return Err(csv_error(vm, e, "unexpected end of data"));
        }
        s.save_field(vm)?;
        return Ok(s.take_record(vm));
    }
    Ok(vm.none)
}

impl CsvState {
    /// Appends one field (None: no data) to the writer's record, quoting or escaping it as
    /// the dialect says.
    fn join_append(&mut self, field: Option<&str>, mut quoted: bool) -> Result<(), &'static str> {
        let mut body = String::new();
        for c in field.unwrap_or("").chars() {
            let special = c == self.delimiter
                || Some(c) == self.escapechar
                || Some(c) == self.quotechar
                || self.lineterminator.contains(c);
            let mut want_escape = false;
            if special {
                if self.quoting == QUOTE_NONE {
                    want_escape = true;
                } else {
                    if Some(c) == self.quotechar {
                        if self.doublequote {
                            body.push(c);
                        } else {
                            want_escape = true;
                        }
                    } else if Some(c) == self.escapechar {
                        want_escape = true;
                    }
                    if !want_escape {
                        quoted = true;
                    }
                }
                if want_escape {
                    match self.escapechar {
                        Some(e) => body.push(e),
                        None => return Err("need to escape, but no escapechar set"),
                    }
                }
            }
            body.push(c);
        }
        if self.num_fields > 0 {
            self.rec.push(self.delimiter);
        }
        let q = self.quotechar.filter(|_| quoted);
        if let Some(q) = q {
            self.rec.push(q);
        }
        self.rec.push_str(&body);
        if let Some(q) = q {
            self.rec.push(q);
        }
        self.num_fields += 1;
        Ok(())
    }
}

/// `_append(state, field, quoted)`: field is a str or None.
fn append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_append", args, kw, 0, 3, 3)?;
    let field = if args[1] == vm.none {
        None
    } else {
        Some(str_of(args[1]).to_string())
    };
    let quoted = args[2] == vm.true_;
    let s = st(vm, args[0])?;
    if let Err(msg) = s.join_append(field.as_deref(), quoted) {
        let e = s.error;
        return Err(csv_error(vm, e, msg));
    }
    Ok(vm.none)
}

/// `_finish(state)`: the record with its line terminator (the state is ready for the next).
fn finish(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_finish", args, kw, 0, 1, 1)?;
    let s = st(vm, args[0])?;
    let r = finish_record(s);
    s.rec.clear();
    s.num_fields = 0;
    match r {
        Ok(line) => Ok(vm.new_str_owned(line)),
        Err(msg) => {
            let e = s.error;
            Err(csv_error(vm, e, msg))
        }
    }
}

fn finish_record(s: &mut CsvState) -> Result<String, &'static str> {
    if s.num_fields > 0 && s.rec.is_empty() {
        // A record of one empty field: written as a quoted empty string so it reads back.
        if s.quoting == QUOTE_NONE {
            return Err("single empty field record must be quoted");
        }
        s.num_fields -= 1;
        s.join_append(None, true)?;
    }
    let mut line = std::mem::take(&mut s.rec);
    line.push_str(&s.lineterminator);
    Ok(line)
}

const CSV_SRC: &str = r#"
"""CSV parsing and writing.

The reader and writer objects read and write rows of fields in the formats spreadsheets
and databases exchange; a Dialect names the punctuation (delimiter, quote character,
escape character, line terminator) and the quoting rules.
"""
del __file__

__version__ = "1.0"
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = 0, 1, 2, 3

_dialects = {}
_field_limit = [128 * 1024]
_KEYS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
         'quotechar', 'quoting', 'skipinitialspace', 'strict')
_NOTSET = object()


class Error(Exception):
    __module__ = '_csv'


def _char(name, v, dflt, allow_none):
    if v is _NOTSET:
        return dflt
    if v is None and allow_none:
        return None
    if not isinstance(v, str):
        raise TypeError('"%s" must be string%s, not %s'
                        % (name, ' or None' if allow_none else '', type(v).__name__))
    if len(v) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return v


def _bool(v, dflt):
    return dflt if v is _NOTSET else bool(v)


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""
    __module__ = '_csv'
    __slots__ = ('_v', '_st')

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _KEYS:
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if isinstance(dialect, Dialect) and not kwargs:
                return dialect
        p = {}
        for k in _KEYS:
            if k in kwargs:
                p[k] = kwargs[k]
            elif dialect is not None:
                p[k] = getattr(dialect, k, _NOTSET)
            else:
                p[k] = _NOTSET
        delimiter = _char('delimiter', p['delimiter'], ',', False)
        doublequote = _bool(p['doublequote'], True)
        escapechar = _char('escapechar', p['escapechar'], None, True)
        lt = p['lineterminator']
        if lt is _NOTSET:
            lt = '\r\n'
        elif lt is not None and not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        quotechar = _char('quotechar', p['quotechar'], '"', True)
        quoting = p['quoting']
        if quoting is _NOTSET:
            quoting = QUOTE_NONE if p['quotechar'] is None else QUOTE_MINIMAL
        else:
            # CPython's _set_int: an exact int (PyLong_CheckExact), then _PyLong_AsInt.
            if type(quoting) is not int:
                raise TypeError('"quoting" must be an integer')
            if not -2**31 <= quoting < 2**31:
                raise OverflowError('Python int too large to convert to C int')
            if quoting not in (0, 1, 2, 3):
                raise TypeError('bad "quoting" value')
        skipinitialspace = _bool(p['skipinitialspace'], False)
        strict = _bool(p['strict'], False)
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')
        if lt is None:
            raise TypeError('lineterminator must be set')
        self = object.__new__(cls)
        v = (delimiter, doublequote, escapechar, lt, quotechar, int(quoting),
             skipinitialspace, strict)
        object.__setattr__(self, '_v', v)
        return self

    def __setattr__(self, name, value):
        if name in _KEYS:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'" % name)

    __delattr__ = __setattr__

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' object")

    delimiter = property(lambda self: self._v[0])
    doublequote = property(lambda self: self._v[1])
    escapechar = property(lambda self: self._v[2])
    lineterminator = property(lambda self: self._v[3])
    quotechar = property(lambda self: self._v[4])
    quoting = property(lambda self: self._v[5])
    skipinitialspace = property(lambda self: self._v[6])
    strict = property(lambda self: self._v[7])


def _new_state(d):
    return _state(Error, d.delimiter, d.quotechar, d.escapechar, d.doublequote,
                  d.skipinitialspace, d.strict, d.quoting, d.lineterminator)


def _call_dialect(args, kwargs):
    if args:
        return Dialect(args[0], **kwargs)
    return Dialect(**kwargs)


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""
    __module__ = '_csv'
    __qualname__ = 'reader'

    def __new__(cls, *a, **k):
        raise TypeError("cannot create '_csv.reader' instances")

    def __iter__(self):
        return self

    def __next__(self):
        st = self._st
        _reset(st)
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                rec = _eof(st)
                if rec is None:
                    raise
                return rec
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            rec = _feed(st, line, _field_limit[0])
            if rec is not None:
                return rec


Reader.__name__ = 'reader'


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""
    __module__ = '_csv'
    __qualname__ = 'writer'

    def __new__(cls, *a, **k):
        raise TypeError("cannot create '_csv.writer' instances")

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        try:
            it = iter(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        st = self._st
        _reset(st)
        quoting = self.dialect.quoting
        for field in it:
            if quoting == QUOTE_ALL:
                quoted = True
            elif quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = False
            if field is None:
                s = None
            elif isinstance(field, float):
                s = repr(field)
            else:
                s = str(field)
            _append(st, s, quoted)
        line = _finish(st)
        return self._write(line)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


Writer.__name__ = 'writer'


def _is_number(x):
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__int__')
            or hasattr(t, '__float__'))


def reader(*args, **kwargs):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError(" expected at most 2 arguments, got %d" % len(args))
    it = iter(args[0])
    d = _call_dialect(args[1:], kwargs)
    self = object.__new__(Reader)
    self._it = it
    self.dialect = d
    self.line_num = 0
    self._st = _new_state(d)
    return self


def writer(*args, **kwargs):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError(" expected at most 2 arguments, got %d" % len(args))
    try:
        write = args[0].write
    except AttributeError:
        write = None
    if write is None or not callable(write):
        raise TypeError('argument 1 must have a "write" method')
    d = _call_dialect(args[1:], kwargs)
    self = object.__new__(Writer)
    self._write = write
    self.dialect = d
    self._st = _new_state(d)
    return self


def register_dialect(*args, **kwargs):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError(" expected at most 2 arguments, got %d" % len(args))
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _call_dialect(args[1:], kwargs)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name.
    csv.unregister_dialect(name)"""
    try:
        del _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def get_dialect(name):
    """Return the dialect instance associated with name.
    dialect = csv.get_dialect(name)"""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    """Return a list of all know dialect names.
    names = csv.list_dialects()"""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields.
    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    if kwargs:
        raise TypeError("field_size_limit() takes no keyword arguments")
    if len(args) > 1:
        raise TypeError("field_size_limit() takes at most 1 argument (%d given)" % len(args))
    old = _field_limit[0]
    if args:
        # An exact int (PyLong_CheckExact), then PyLong_AsLong.
        if type(args[0]) is not int:
            raise TypeError("limit must be an integer")
        if not -2**63 <= args[0] < 2**63:
            raise OverflowError("Python int too large to convert to C long")
        _field_limit[0] = args[0]
    return old
"#;
