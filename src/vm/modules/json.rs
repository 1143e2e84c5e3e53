//! `_json`: the accelerator `json` uses when it can import it (CPython's Modules/_json.c):
//! `scanstring`, `make_scanner` (the `Scanner` type: the whole decoder), `make_encoder` (the
//! `Encoder` type: the whole one-shot encoder), `encode_basestring_ascii` and
//! `encode_basestring`, with _json.c's behaviour: its error messages and positions, its
//! recursion checks, `parse_float`/`parse_int`/`parse_constant`/`object_hook`/
//! `object_pairs_hook` called as it calls them, int and float subclasses encoded by their
//! value. The decoding and encoding run in Rust (`_scan_once`, `_encode`); the Python part
//! (`SRC`) gives the types and signatures.

use super::native_with_python;
use crate::rtlib::surrogate::{code_point, from_code_point, FromCodePoint};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::getattr;
use crate::vm::runtime::call::call;
use crate::vm::runtime::num::IntVal;
use crate::vm::types::nargs;
use crate::vm::types::subclass::{base_value, int_arg, str_arg};
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_scanstring", scanstring),
        ("_scan_once", scan_once),
        ("_encode", encode),
        ("_encode_basestring_ascii", basestring_ascii),
        ("_encode_basestring", basestring),
    ];
    native_with_python(vm, "_json", fns, SRC)
}

const SRC: &str = r#"
def scanstring(string, end, strict=True):
    """scanstring(string, end, strict=True) -> (string, end)

Scan the string s for a JSON string. End is the index of the
character in s after the quote that started the JSON string.
Unescapes all valid JSON string escape sequences and raises ValueError
on attempt to decode an invalid string. If strict is False then literal
control characters are allowed in the string.

Returns a tuple of the decoded string and the index of the character in s
after the end quote."""
    return _scanstring(string, end, strict)

def encode_basestring_ascii(s):
    """encode_basestring_ascii(string) -> string

Return an ASCII-only JSON representation of a Python string"""
    return _encode_basestring_ascii(s)

def encode_basestring(s):
    """encode_basestring(string) -> string

Return a JSON representation of a Python string"""
    return _encode_basestring(s)

class Scanner:
    """JSON scanner object"""
    __module__ = '_json'
    def __init__(self, context):
        self.strict = bool(context.strict)
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
    def __call__(self, string, idx):
        return _scan_once(self.strict, self.object_hook, self.object_pairs_hook,
                          self.parse_float, self.parse_int, self.parse_constant,
                          string, idx)

make_scanner = Scanner

class Encoder:
    """_iterencode(obj, _current_indent_level) -> iterable"""
    __module__ = '_json'
    def __init__(self, markers, default, encoder, indent, key_separator,
                 item_separator, sort_keys, skipkeys, allow_nan):
        if markers is not None and not isinstance(markers, dict):
            raise TypeError('make_encoder() argument 1 must be dict or None, not %.200s'
                            % type(markers).__name__)
        for n, v in ((5, key_separator), (6, item_separator)):
            if not isinstance(v, str):
                raise TypeError('make_encoder() argument %d must be str, not %.200s'
                                % (n, type(v).__name__))
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.key_separator = key_separator
        self.item_separator = item_separator
        self.sort_keys = bool(sort_keys)
        self.skipkeys = bool(skipkeys)
        self.allow_nan = bool(allow_nan)
        self._fast = (1 if encoder is encode_basestring_ascii
                      else 2 if encoder is encode_basestring else 0)
    def __call__(self, obj, _current_indent_level):
        return (_encode(self.markers, self.default, self.encoder, self._fast,
                        self.key_separator, self.item_separator, self.sort_keys,
                        self.skipkeys, self.allow_nan, obj),)

make_encoder = Encoder
"#;

/// `_json`'s own error for a non-str first argument.
fn not_a_string(vm: &mut Vm, v: Value) -> Value {
    let tn = vm.type_name(v);
    vm.type_error(format!("first argument must be a string, not {tn:.80}"))
}

fn chars_of(vm: &mut Vm, v: Value) -> PyResult<Vec<char>> {
    match str_arg(v) {
        Some(s) => Ok(s.s.chars().collect()),
        None => Err(not_a_string(vm, v)),
    }
}

// ---- decoding ----

/// What one scan needs: the text, the scanner's settings and the key memo.
struct Scan<'a> {
    s: &'a [char],
    /// The str being scanned (for the errors' `doc`).
    pystr: Value,
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    memo: std::collections::HashMap<String, Value>,
}

/// `JSONDecodeError(msg, doc, pos)` of the `json.decoder` in sys.modules, as _json.c's
/// raise_errmsg looks it up.
fn errmsg(vm: &mut Vm, pystr: Value, msg: &str, pos: usize) -> Value {
    let k = vm.new_str("json.decoder");
    let modules = vm.modules;
    let cls = match crate::vm::runtime::dict::dict_get(vm, modules, k) {
        Ok(Some(m)) => {
            let n = vm.intern("JSONDecodeError");
            getattr(vm, m, n)
        }
        Ok(None) => Err(vm.err("KeyError", "json.decoder")),
        Err(e) => Err(e),
    };
    let cls = match cls {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    let p = vm.new_int(pos as i64);
    match call(vm, cls, &[m, pystr, p], &[]) {
        Ok(e) | Err(e) => e,
    }
}

fn stop_iteration(vm: &mut Vm, idx: usize) -> Value {
    let cls = Value::from_ptr(vm.t.exc("StopIteration"));
    let i = vm.new_int(idx as i64);
    match call(vm, cls, &[i], &[]) {
        Ok(e) | Err(e) => e,
    }
}

fn hex4(s: &[char], at: usize) -> Option<u32> {
    let mut v = 0;
    for &d in s.get(at..at + 4)? {
        v = v << 4 | d.to_digit(16)?;
    }
    Some(v)
}

/// _json.c's scanstring_unicode: the str starting after the quote at `end - 1`, and the index
/// after its closing quote.
fn scan_string(
    vm: &mut Vm,
    s: &[char],
    pystr: Value,
    end: i64,
    strict: bool,
) -> PyResult<(String, usize)> {
    let len = s.len();
    if end < 0 || end as usize > len {
        return Err(vm.value_error("end is out of bounds"));
    }
    let mut end = end as usize;
    let begin = end.wrapping_sub(1);
    let mut out = String::new();
    loop {
        let mut next = end;
        let mut c = '\0';
        while next < len {
            c = s[next];
            if c == '"' || c == '\\' {
                break;
            }
            if (c as u32) <= 0x1f && strict {
                return Err(errmsg(vm, pystr, "Invalid control character at", next));
            }
            next += 1;
        }
        if next >= len || !(c == '"' || c == '\\') {
            return Err(errmsg(vm, pystr, "Unterminated string starting at", begin));
        }
        out.extend(&s[end..next]);
        next += 1;
        if c == '"' {
            end = next;
            break;
        }
        if next == len {
            return Err(errmsg(vm, pystr, "Unterminated string starting at", begin));
        }
        let e = s[next];
        let ch: u32;
        if e != 'u' {
            end = next + 1;
            ch = match e {
                '"' => '"' as u32,
                '\\' => '\\' as u32,
                '/' => '/' as u32,
                'b' => 8,
                'f' => 12,
                'n' => 10,
                'r' => 13,
                't' => 9,
                _ => return Err(errmsg(vm, pystr, "Invalid \\escape", end - 2)),
            };
        } else {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(errmsg(vm, pystr, "Invalid \\uXXXX escape", next - 1));
            }
            let Some(mut v) = hex4(s, next) else {
                return Err(errmsg(vm, pystr, "Invalid \\uXXXX escape", end - 5));
            };
            // A high surrogate followed by `\u` and a low one makes one character.
            if (0xD800..0xDC00).contains(&v) && end + 6 < len && s[end] == '\\' && s[end + 1] == 'u'
            {
                let Some(v2) = hex4(s, end + 2) else {
                    return Err(errmsg(vm, pystr, "Invalid \\uXXXX escape", end + 1));
                };
                if (0xDC00..0xE000).contains(&v2) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (v2 - 0xDC00);
                    end += 6;
                }
            }
            ch = v;
        }
        match from_code_point(ch) {
            FromCodePoint::Char(c) => out.push(c),
            _ => {
                let m = crate::rtlib::surrogate::unsupported_message(ch);
                return Err(vm.not_implemented(m));
            }
        }
    }
    Ok((out, end))
}

/// `_scanstring(string, end, strict)`.
fn scanstring(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "scanstring", args, kw, 0, 3, 3)?;
    let end = crate::vm::types::exc::ssize_index(vm, args[1])?;
    let s = chars_of(vm, args[0])?;
    let strict = crate::vm::runtime::compare::truthy(vm, args[2])?;
    let (out, end) = scan_string(vm, &s, args[0], end, strict)?;
    let a = vm.new_str_owned(out);
    let b = vm.new_int(end as i64);
    Ok(vm.new_tuple(vec![a, b]))
}

/// `_scan_once(strict, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant, string, idx)`: (value, end), or StopIteration(idx) where no value starts.
fn scan_once(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "scan_once", args, kw, 0, 8, 8)?;
    let idx = crate::vm::types::exc::ssize_index(vm, args[7])?;
    let s = chars_of(vm, args[6])?;
    let mut sc = Scan {
        s: &s,
        pystr: args[6],
        strict: crate::vm::runtime::compare::truthy(vm, args[0])?,
        object_hook: args[1],
        object_pairs_hook: args[2],
        parse_float: args[3],
        parse_int: args[4],
        parse_constant: args[5],
        memo: std::collections::HashMap::new(),
    };
    let base = vm.roots.len();
    let r = scan_value(vm, &mut sc, idx);
    vm.roots.truncate(base);
    let (v, end) = r?;
    let e = vm.new_int(end as i64);
    Ok(vm.new_tuple(vec![v, e]))
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn skip_ws(s: &[char], mut i: usize) -> usize {
    while i < s.len() && is_ws(s[i]) {
        i += 1;
    }
    i
}

fn matches_at(s: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    s.len() >= i + n && s[i..i + n].iter().copied().eq(word.chars())
}

/// _json.c's scan_once_unicode.
fn scan_value(vm: &mut Vm, sc: &mut Scan, idx: i64) -> PyResult<(Value, usize)> {
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let idx = idx as usize;
    let s = sc.s;
    if idx >= s.len() {
        return Err(stop_iteration(vm, idx));
    }
    match s[idx] {
        '"' => {
            let (st, end) = scan_string(vm, s, sc.pystr, idx as i64 + 1, sc.strict)?;
            return Ok((vm.new_str_owned(st), end));
        }
        '{' => {
            vm.enter_recursive(" while decoding a JSON object from a unicode string")?;
            let r = parse_object(vm, sc, idx + 1);
            vm.leave_recursive();
            return r;
        }
        '[' => {
            vm.enter_recursive(" while decoding a JSON array from a unicode string")?;
            let r = parse_array(vm, sc, idx + 1);
            vm.leave_recursive();
            return r;
        }
        'n' if matches_at(s, idx, "null") => return Ok((vm.none, idx + 4)),
        't' if matches_at(s, idx, "true") => return Ok((vm.bool_val(true), idx + 4)),
        'f' if matches_at(s, idx, "false") => return Ok((vm.bool_val(false), idx + 5)),
        'N' if matches_at(s, idx, "NaN") => return parse_constant(vm, sc, "NaN", idx),
        'I' if matches_at(s, idx, "Infinity") => return parse_constant(vm, sc, "Infinity", idx),
        '-' if matches_at(s, idx, "-Infinity") => return parse_constant(vm, sc, "-Infinity", idx),
        _ => {}
    }
    match_number(vm, sc, idx)
}

fn parse_constant(vm: &mut Vm, sc: &Scan, name: &str, idx: usize) -> PyResult<(Value, usize)> {
    let n = vm.new_str(name);
    let v = call(vm, sc.parse_constant, &[n], &[])?;
    Ok((v, idx + name.len()))
}

fn parse_object(vm: &mut Vm, sc: &mut Scan, start: usize) -> PyResult<(Value, usize)> {
    let s = sc.s;
    let pairs_hook = sc.object_pairs_hook != vm.none;
    let rval = if pairs_hook {
        vm.new_list(Vec::new())
    } else {
        vm.new_dict()
    };
    vm.roots.push(rval);
    let mut idx = skip_ws(s, start);
    if idx >= s.len() || s[idx] != '}' {
        loop {
            if idx >= s.len() || s[idx] != '"' {
                let msg = "Expecting property name enclosed in double quotes";
                return Err(errmsg(vm, sc.pystr, msg, idx));
            }
            let (k, next) = scan_string(vm, s, sc.pystr, idx as i64 + 1, sc.strict)?;
            let key = match sc.memo.get(&k) {
                Some(&v) => v,
                None => {
                    let v = vm.new_str(&k);
                    vm.roots.push(v);
                    sc.memo.insert(k, v);
                    v
                }
            };
            idx = skip_ws(s, next);
            if idx >= s.len() || s[idx] != ':' {
                return Err(errmsg(vm, sc.pystr, "Expecting ':' delimiter", idx));
            }
            idx = skip_ws(s, idx + 1);
            let (val, next) = scan_value(vm, sc, idx as i64)?;
            if pairs_hook {
                let t = vm.new_tuple(vec![key, val]);
                as_list(rval).unwrap().push(t);
            } else {
                crate::vm::runtime::dict::dict_set(vm, rval, key, val)?;
            }
            idx = skip_ws(s, next);
            if idx < s.len() && s[idx] == '}' {
                break;
            }
            if idx >= s.len() || s[idx] != ',' {
                return Err(errmsg(vm, sc.pystr, "Expecting ',' delimiter", idx));
            }
            idx = skip_ws(s, idx + 1);
        }
    }
    let end = idx + 1;
    if pairs_hook {
        return Ok((call(vm, sc.object_pairs_hook, &[rval], &[])?, end));
    }
    if sc.object_hook != vm.none {
        return Ok((call(vm, sc.object_hook, &[rval], &[])?, end));
    }
    Ok((rval, end))
}

fn parse_array(vm: &mut Vm, sc: &mut Scan, start: usize) -> PyResult<(Value, usize)> {
    let s = sc.s;
    let rval = vm.new_list(Vec::new());
    vm.roots.push(rval);
    let mut idx = skip_ws(s, start);
    if idx >= s.len() || s[idx] != ']' {
        loop {
            let (val, next) = scan_value(vm, sc, idx as i64)?;
            as_list(rval).unwrap().push(val);
            idx = skip_ws(s, next);
            if idx < s.len() && s[idx] == ']' {
                break;
            }
            if idx >= s.len() || s[idx] != ',' {
                return Err(errmsg(vm, sc.pystr, "Expecting ',' delimiter", idx));
            }
            idx = skip_ws(s, idx + 1);
        }
    }
    Ok((rval, idx + 1))
}

/// _json.c's _match_number_unicode.
fn match_number(vm: &mut Vm, sc: &Scan, start: usize) -> PyResult<(Value, usize)> {
    let s = sc.s;
    let n = s.len();
    let digit = |i: usize| i < n && s[i].is_ascii_digit();
    let mut idx = start;
    if s[idx] == '-' {
        idx += 1;
        if idx >= n {
            return Err(stop_iteration(vm, start));
        }
    }
    if ('1'..='9').contains(&s[idx]) {
        idx += 1;
        while digit(idx) {
            idx += 1;
        }
    } else if s[idx] == '0' {
        idx += 1;
    } else {
        return Err(stop_iteration(vm, start));
    }
    let mut is_float = false;
    if idx + 1 < n && s[idx] == '.' && s[idx + 1].is_ascii_digit() {
        is_float = true;
        idx += 2;
        while digit(idx) {
            idx += 1;
        }
    }
    if idx + 1 < n && (s[idx] == 'e' || s[idx] == 'E') {
        let e_start = idx;
        idx += 1;
        if idx + 1 < n && (s[idx] == '-' || s[idx] == '+') {
            idx += 1;
        }
        while digit(idx) {
            idx += 1;
        }
        if s[idx - 1].is_ascii_digit() {
            is_float = true;
        } else {
            idx = e_start;
        }
    }
    let text: String = s[start..idx].iter().collect();
    let float_t = Value::from_ptr(vm.t.float);
    let int_t = Value::from_ptr(vm.t.int);
    let v = if is_float && sc.parse_float != float_t {
        let t = vm.new_str_owned(text);
        call(vm, sc.parse_float, &[t], &[])?
    } else if !is_float && sc.parse_int != int_t {
        let t = vm.new_str_owned(text);
        call(vm, sc.parse_int, &[t], &[])?
    } else if is_float {
        Value::from_f64(text.parse::<f64>().unwrap_or(f64::NAN))
    } else if let Some(i) = text.parse::<i64>().ok().filter(|_| text.len() <= 18) {
        vm.new_int(i)
    } else {
        // int() itself, for its digit limit (sys.set_int_max_str_digits).
        let t = vm.new_str_owned(text);
        call(vm, int_t, &[t], &[])?
    };
    Ok((v, idx))
}

// ---- encoding ----

fn push_u(out: &mut String, v: u32) {
    out.push_str(&format!("\\u{v:04x}"));
}

/// _json.c's ascii_escape_unicode (`ascii`: every character outside ' '..'~' escaped) and
/// escape_unicode (only '"', '\\' and the control characters escaped), quoted.
fn escape(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if !ascii && (c as u32) >= 0x20 => out.push(c),
            _ => {
                let v = code_point(c);
                if v >= 0x10000 {
                    let v = v - 0x10000;
                    push_u(&mut out, 0xD800 | (v >> 10));
                    push_u(&mut out, 0xDC00 | (v & 0x3ff));
                } else {
                    push_u(&mut out, v);
                }
            }
        }
    }
    out.push('"');
    out
}

fn basestring_ascii(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "encode_basestring_ascii", args, kw, 0, 1, 1)?;
    match str_arg(args[0]) {
        Some(s) => {
            let out = escape(&s.s, true);
            Ok(vm.new_str_owned(out))
        }
        None => Err(not_a_string(vm, args[0])),
    }
}

fn basestring(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "encode_basestring", args, kw, 0, 1, 1)?;
    match str_arg(args[0]) {
        Some(s) => {
            let out = escape(&s.s, false);
            Ok(vm.new_str_owned(out))
        }
        None => Err(not_a_string(vm, args[0])),
    }
}

/// An encoder's settings (`Encoder`'s attributes).
struct Enc {
    markers: Value,
    default: Value,
    encoder: Value,
    /// 1: encode_basestring_ascii, 2: encode_basestring, 0: call `encoder`.
    fast: i64,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

/// `_encode(markers, default, encoder, fast, key_separator, item_separator, sort_keys,
/// skipkeys, allow_nan, obj)`: the JSON text of obj.
fn encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_iterencode", args, kw, 0, 10, 10)?;
    let sep = |v: Value| str_arg(v).map(|s| s.s.to_string()).unwrap_or_default();
    let e = Enc {
        markers: args[0],
        default: args[1],
        encoder: args[2],
        fast: match int_arg(args[3]) {
            Some(IntVal::Small(n)) => n,
            _ => 0,
        },
        key_sep: sep(args[4]),
        item_sep: sep(args[5]),
        sort_keys: crate::vm::runtime::compare::truthy(vm, args[6])?,
        skipkeys: crate::vm::runtime::compare::truthy(vm, args[7])?,
        allow_nan: crate::vm::runtime::compare::truthy(vm, args[8])?,
    };
    let mut out = String::new();
    let base = vm.roots.len();
    let r = encode_obj(vm, &e, &mut out, args[9]);
    vm.roots.truncate(base);
    r?;
    Ok(vm.new_str_owned(out))
}

fn float_value(v: Value) -> Option<f64> {
    if v.is_float() {
        return Some(v.as_f64());
    }
    base_value(v).filter(|b| b.is_float()).map(|b| b.as_f64())
}

fn encode_float(vm: &mut Vm, e: &Enc, f: f64) -> PyResult<String> {
    if !f.is_finite() {
        if !e.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        return Ok(if f > 0.0 {
            "Infinity"
        } else if f < 0.0 {
            "-Infinity"
        } else {
            "NaN"
        }
        .to_string());
    }
    Ok(crate::vm::runtime::repr::float_repr(f))
}

fn encode_string(vm: &mut Vm, e: &Enc, out: &mut String, v: Value) -> PyResult<()> {
    match (e.fast, str_arg(v)) {
        (1, Some(s)) => out.push_str(&escape(&s.s, true)),
        (2, Some(s)) => out.push_str(&escape(&s.s, false)),
        _ => {
            let r = call(vm, e.encoder, &[v], &[])?;
            match str_arg(r) {
                Some(s) => out.push_str(&s.s),
                None => {
                    let tn = vm.type_name(r);
                    return Err(
                        vm.type_error(format!("encoder() must return a string, not {tn:.80}"))
                    );
                }
            }
        }
    }
    Ok(())
}

/// Marks a container as being encoded (ValueError if it already is: a cycle); its id key.
fn mark(vm: &mut Vm, e: &Enc, v: Value) -> PyResult<Option<Value>> {
    if e.markers == vm.none {
        return Ok(None);
    }
    let ident = vm.new_int((v.0 & 0x7fff_ffff_ffff) as i64);
    if crate::vm::runtime::dict::dict_get(vm, e.markers, ident)?.is_some() {
        return Err(vm.value_error("Circular reference detected"));
    }
    crate::vm::runtime::dict::dict_set(vm, e.markers, ident, v)?;
    Ok(Some(ident))
}

fn unmark(vm: &mut Vm, e: &Enc, ident: Option<Value>) -> PyResult<()> {
    if let Some(i) = ident {
        crate::vm::runtime::dict::dict_del(vm, e.markers, i)?;
    }
    Ok(())
}

fn int_repr(i: IntVal) -> String {
    match i {
        IntVal::Small(n) => n.to_string(),
        IntVal::Big(b) => b.to_string(),
    }
}

/// _json.c's encoder_listencode_obj.
fn encode_obj(vm: &mut Vm, e: &Enc, out: &mut String, v: Value) -> PyResult<()> {
    if v == vm.none {
        out.push_str("null");
    } else if v == vm.bool_val(true) {
        out.push_str("true");
    } else if v == vm.bool_val(false) {
        out.push_str("false");
    } else if str_arg(v).is_some() {
        encode_string(vm, e, out, v)?;
    } else if let Some(i) = int_arg(v) {
        out.push_str(&int_repr(i));
    } else if let Some(f) = float_value(v) {
        out.push_str(&encode_float(vm, e, f)?);
    } else if let Some(items) = sequence_items(v) {
        vm.enter_recursive(" while encoding a JSON object")?;
        let r = encode_list(vm, e, out, v, items);
        vm.leave_recursive();
        r?;
    } else if is_dict(v) {
        vm.enter_recursive(" while encoding a JSON object")?;
        let r = encode_dict(vm, e, out, v);
        vm.leave_recursive();
        r?;
    } else {
        let ident = mark(vm, e, v)?;
        let newobj = call(vm, e.default, &[v], &[])?;
        vm.roots.push(newobj);
        vm.enter_recursive(" while encoding a JSON object")?;
        let r = encode_obj(vm, e, out, newobj);
        vm.leave_recursive();
        r?;
        unmark(vm, e, ident)?;
    }
    Ok(())
}

/// A list's or tuple's items (of a subclass instance too, as PySequence_Fast reads them).
fn sequence_items(v: Value) -> Option<Vec<Value>> {
    let b = base_value(v).unwrap_or(v);
    as_list(b)
        .map(|l| l.to_vec())
        .or_else(|| as_tuple(b).map(|t| t.to_vec()))
}

fn is_dict(v: Value) -> bool {
    as_dict(base_value(v).unwrap_or(v)).is_some()
}

/// _json.c's encoder_listencode_list: a list is read live, its length again at every item (a
/// `default` that shortens it ends the loop).
fn encode_list(
    vm: &mut Vm,
    e: &Enc,
    out: &mut String,
    v: Value,
    items: Vec<Value>,
) -> PyResult<()> {
    if items.is_empty() {
        out.push_str("[]");
        return Ok(());
    }
    let ident = mark(vm, e, v)?;
    out.push('[');
    let seq = base_value(v).unwrap_or(v);
    let t = vm.new_tuple(items);
    vm.roots.push(t);
    let mut i = 0;
    loop {
        let item = match as_list(seq) {
            Some(l) => l.get(i).copied(),
            None => as_tuple(t).unwrap().get(i).copied(),
        };
        let Some(x) = item else { break };
        if i > 0 {
            out.push_str(&e.item_sep);
        }
        vm.roots.push(x);
        encode_obj(vm, e, out, x)?;
        i += 1;
    }
    unmark(vm, e, ident)?;
    out.push(']');
    Ok(())
}

/// A dict's (key, value) pairs as PyMapping_Items gives them: a dict's own, a subclass's from
/// its `items()`.
fn dict_items(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if as_dict(v).is_some() {
        let pairs: Vec<Value> = crate::vm::runtime::dict::items_of(v)
            .into_iter()
            .map(|(k, x)| vm.new_tuple(vec![k, x]))
            .collect();
        return Ok(vm.new_list(pairs));
    }
    let name = vm.intern("items");
    let m = getattr(vm, v, name)?;
    let it = call(vm, m, &[], &[])?;
    let l = crate::vm::runtime::iter::with_roots(vm, &[it], |vm| {
        crate::vm::runtime::iter::collect(vm, it)
    })?;
    Ok(vm.new_list(l))
}

fn encode_dict(vm: &mut Vm, e: &Enc, out: &mut String, v: Value) -> PyResult<()> {
    if crate::vm::runtime::dict::len_of(base_value(v).unwrap_or(v)) == 0 {
        out.push_str("{}");
        return Ok(());
    }
    let ident = mark(vm, e, v)?;
    out.push('{');
    let items = dict_items(vm, v)?;
    vm.roots.push(items);
    if e.sort_keys {
        let name = vm.intern("sort");
        let sort = getattr(vm, items, name)?;
        call(vm, sort, &[], &[])?;
    }
    let list = as_list(items).unwrap().to_vec();
    let mut first = true;
    for item in list {
        let pair = as_tuple(item)
            .filter(|t| t.len() == 2)
            .map(|t| (t[0], t[1]));
        let Some((key, value)) = pair else {
            return Err(vm.value_error("items must return 2-tuples"));
        };
        let kstr = if str_arg(key).is_some() {
            key
        } else if let Some(f) = float_value(key) {
            let s = encode_float(vm, e, f)?;
            vm.new_str_owned(s)
        } else if key == vm.bool_val(true) {
            vm.new_str("true")
        } else if key == vm.bool_val(false) {
            vm.new_str("false")
        } else if key == vm.none {
            vm.new_str("null")
        } else if let Some(i) = int_arg(key) {
            let s = int_repr(i);
            vm.new_str_owned(s)
        } else if e.skipkeys {
            continue;
        } else {
            let tn = vm.type_name(key);
            return Err(vm.type_error(format!(
                "keys must be str, int, float, bool or None, not {tn:.100}"
            )));
        };
        if !first {
            out.push_str(&e.item_sep);
        }
        first = false;
        vm.roots.push(kstr);
        encode_string(vm, e, out, kstr)?;
        out.push_str(&e.key_sep);
        encode_obj(vm, e, out, value)?;
    }
    unmark(vm, e, ident)?;
    out.push('}');
    Ok(())
}
