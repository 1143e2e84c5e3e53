//! `_sre`: CPython 3.11's regular expression engine, the C half of the stdlib's `re` package.
//!
//! `re._compiler` (CPython's own, read from the stdlib at run time) turns a pattern into SRE
//! code words and calls `_sre.compile`; this module runs that code with the
//! `rustpython-sre_engine` crate. The crate numbers its opcodes, AT and CATEGORY codes as 3.11's
//! `re/_constants.py` does and expects 3.11's code layout: the one layout change after 3.11 (3.12's
//! REPEAT carries a repeat index word) is one the crate does not read, so its `SRE_MAGIC` (3.13's
//! number) is not ours; `MAGIC` here is 3.11's, which `re._compiler` asserts.
//!
//! Types: `re.Pattern`, `re.Match`, `_sre.SRE_Scanner` (`Layout::Native` payloads). Strings are
//! matched in place: bytes, bytearrays and ASCII strs as bytes, other strs as UTF-8 by code
//! point (the engine counts positions in characters either way, as Python does).

use crate::rtlib::surrogate::has_standin;
use rustpython_sre_engine::string::StringCursor;
use rustpython_sre_engine::string::{lower_ascii, lower_unicode};
use rustpython_sre_engine::{Request, State, StrDrive};

use super::{def, set_attr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::call;
use crate::vm::runtime::dict::{dict_get, dict_set};
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::types::{add_method, add_static, bind_named, nargs, split_kw};
use crate::vm::value::Value;

/// 3.11's `_sre.MAGIC` (`re/_constants.py`).
const MAGIC: i64 = 20220615;
const CODESIZE: i64 = 4;
const MAXREPEAT: i64 = u32::MAX as i64;
/// `SRE_MAXGROUPS` on 64-bit builds of 3.11: `INT32_MAX / 2`.
const MAXGROUPS: i64 = (i32::MAX / 2) as i64;

const FLAG_TEMPLATE: i64 = 1;
const FLAG_LOCALE: i64 = 4;
const FLAG_UNICODE: i64 = 32;
const FLAG_ASCII: i64 = 256;

// ---- objects ----------------------------------------------------------------------------------

/// `re.Pattern`.
pub struct PatternObj {
    code: Vec<u32>,
    /// The source pattern (str, bytes or None).
    pattern: Value,
    flags: i64,
    /// Number of capturing groups.
    groups: usize,
    /// name -> group number (a dict), NULL when there are no named groups.
    groupindex: Value,
    /// group number -> name (a tuple), NULL when there are no named groups.
    indexgroup: Value,
    /// Some(true) for a bytes pattern, Some(false) for str, None when `pattern` is None.
    isbytes: Option<bool>,
}

impl NativeObject for PatternObj {
    fn trace(&self, out: &mut Vec<Value>) {
        out.extend([self.pattern, self.groupindex, self.indexgroup]);
    }
    fn heap_bytes(&self) -> usize {
        self.code.capacity() * 4
    }
}

/// `re.Match`: spans are in characters (-1 for a group that did not take part).
pub struct MatchObj {
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    /// Group 0 (the whole match) then each group.
    spans: Vec<(isize, isize)>,
    lastindex: isize,
}

impl NativeObject for MatchObj {
    fn trace(&self, out: &mut Vec<Value>) {
        out.extend([self.pattern, self.string]);
    }
    fn heap_bytes(&self) -> usize {
        self.spans.capacity() * 16
    }
}

/// `_sre.SRE_Scanner`: successive matches or searches over one string.
pub struct ScannerObj {
    pattern: Value,
    string: Value,
    /// Where the next attempt starts; None once a search failed.
    start: Option<usize>,
    end: usize,
    must_advance: bool,
}

impl NativeObject for ScannerObj {
    fn trace(&self, out: &mut Vec<Value>) {
        out.extend([self.pattern, self.string]);
    }
}

/// `v`'s payload as a `T`, or the TypeError of a method of type `tname` called on another
/// object.
fn this<'a, T: NativeObject>(vm: &mut Vm, v: Value, tname: &str) -> PyResult<&'a mut T> {
    match as_native::<T>(v) {
        Some(p) => Ok(p),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a '{tname}' object but received a '{tn}'"
            )))
        }
    }
}

fn pattern_of<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut PatternObj> {
    this(vm, v, "re.Pattern")
}

fn match_of<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut MatchObj> {
    this(vm, v, "re.Match")
}

// ---- subjects ---------------------------------------------------------------------------------

/// The text a pattern runs over.
#[derive(Clone, Copy)]
enum Text<'a> {
    /// bytes, bytearray, or a str that is all ASCII (characters = bytes).
    Bytes(&'a [u8]),
    /// A str with non-ASCII characters: positions are code point indices.
    Str(&'a str),
}

impl Text<'_> {
    fn len(&self) -> usize {
        match self {
            Text::Bytes(b) => b.len(),
            Text::Str(s) => s.chars().count(),
        }
    }
}

/// The subject string `v` (str, bytes, bytearray or a subclass): its text and whether it is
/// bytes-like. TypeError otherwise.
fn text_of<'a>(vm: &mut Vm, v: Value) -> PyResult<(Text<'a>, bool)> {
    let b = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    if let Some(s) = as_str(b) {
        let t = if s.is_ascii() {
            Text::Bytes(s.s.as_bytes())
        } else {
            Text::Str(&s.s)
        };
        return Ok((t, false));
    }
    if let Some(bs) = as_bytes(b) {
        return Ok((Text::Bytes(bs.as_slice()), true));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")))
}

/// The subject's text after checking it suits the pattern (str patterns on str, bytes on bytes).
fn subject<'a>(vm: &mut Vm, p: &PatternObj, v: Value) -> PyResult<Text<'a>> {
    let (t, isbytes) = text_of(vm, v)?;
    match p.isbytes {
        Some(false) if isbytes => {
            Err(vm.type_error("cannot use a string pattern on a bytes-like object"))
        }
        Some(true) if !isbytes => {
            Err(vm.type_error("cannot use a bytes pattern on a string-like object"))
        }
        _ => Ok(t),
    }
}

/// Byte offsets of every character of `s` (and of its end): `table[i]` is where character `i`
/// starts.
fn char_table(s: &str) -> Vec<usize> {
    let mut t: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    t.push(s.len());
    t
}

/// Makes substrings of a subject: by character positions, as the subject's own type (str for
/// str and its subclasses, bytes, or bytearray).
struct Slicer<'a> {
    text: Text<'a>,
    string: Value,
    table: Option<Vec<usize>>,
}

impl<'a> Slicer<'a> {
    fn new(text: Text<'a>, string: Value) -> Self {
        let table = match text {
            Text::Str(s) => Some(char_table(s)),
            Text::Bytes(_) => None,
        };
        Slicer {
            text,
            string,
            table,
        }
    }

    fn slice(&self, vm: &mut Vm, a: usize, b: usize) -> Value {
        match self.text {
            Text::Str(s) => {
                let t = self.table.as_ref().unwrap();
                vm.new_str(&s[t[a]..t[b]])
            }
            Text::Bytes(bs) => {
                let part = &bs[a..b];
                let base =
                    crate::vm::types::subclass::base_value(self.string).unwrap_or(self.string);
                if as_str(base).is_some() {
                    // An ASCII str.
                    vm.new_str(std::str::from_utf8(part).unwrap_or_default())
                } else {
                    crate::vm::types::bytes::new_like(vm, base, part.to_vec())
                }
            }
        }
    }
}

// ---- running the engine -----------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// One successful match: group 0's span, then each group's (-1 when unset).
struct Found {
    spans: Vec<(isize, isize)>,
    lastindex: isize,
}

impl Found {
    fn end(&self) -> usize {
        self.spans[0].1 as usize
    }
    fn start(&self) -> usize {
        self.spans[0].0 as usize
    }
}

fn found<S: StrDrive>(state: &State, groups: usize) -> Result<Found, ()> {
    let mut spans = Vec::with_capacity(groups + 1);
    spans.push((state.start as isize, state.cursor.position as isize));
    for g in 0..groups {
        let (a, b) = state.marks.get(g);
        if a.is_some() && b.is_some() {
            let (a, b) = (a.unpack(), b.unpack());
            if a > b {
                return Err(());
            }
            spans.push((a as isize, b as isize));
        } else {
            spans.push((-1, -1));
        }
    }
    Ok(Found {
        spans,
        lastindex: state.marks.last_index(),
    })
}

fn wrong_span(vm: &mut Vm) -> crate::vm::value::Value {
    vm.err(
        "SystemError",
        "The span of capturing group is wrong, please report a bug for the re module.",
    )
}

/// A str subject holding lone surrogates: the engine sees each stand-in character as the
/// surrogate's code point, as the pattern (compiled from `ord()` values) expects.
#[derive(Clone, Copy)]
struct Surr<'a>(&'a str);

impl StrDrive for Surr<'_> {
    fn count(&self) -> usize {
        self.0.count()
    }
    fn create_cursor(&self, n: usize) -> StringCursor {
        self.0.create_cursor(n)
    }
    fn adjust_cursor(&self, cursor: &mut StringCursor, n: usize) {
        self.0.adjust_cursor(cursor, n)
    }
    fn advance(cursor: &mut StringCursor) -> u32 {
        surrogate_cp(<&str>::advance(cursor))
    }
    fn peek(cursor: &StringCursor) -> u32 {
        surrogate_cp(<&str>::peek(cursor))
    }
    fn skip(cursor: &mut StringCursor, n: usize) {
        <&str>::skip(cursor, n)
    }
    fn back_advance(cursor: &mut StringCursor) -> u32 {
        surrogate_cp(<&str>::back_advance(cursor))
    }
    fn back_peek(cursor: &StringCursor) -> u32 {
        surrogate_cp(<&str>::back_peek(cursor))
    }
    fn back_skip(cursor: &mut StringCursor, n: usize) {
        <&str>::back_skip(cursor, n)
    }
}

/// The code point Python sees for a character the engine read.
fn surrogate_cp(c: u32) -> u32 {
    char::from_u32(c).map_or(c, crate::rtlib::surrogate::code_point)
}

/// One match attempt from `start`.
fn run_one<S: StrDrive>(
    s: S,
    code: &[u32],
    start: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
    groups: usize,
) -> Result<Option<Found>, ()> {
    let mut req = Request::new(s, start, end, code, mode == Mode::FullMatch);
    req.must_advance = must_advance;
    let mut state = State::default();
    let ok = match mode {
        Mode::Search => state.search(req),
        _ => state.py_match(&req),
    };
    if !ok {
        return Ok(None);
    }
    found::<S>(&state, groups).map(Some)
}

/// Successive searches from `start` (findall, sub, split): at most `limit` matches (0: all).
fn run_all<S: StrDrive>(
    s: S,
    code: &[u32],
    start: usize,
    end: usize,
    groups: usize,
    limit: usize,
) -> Result<Vec<Found>, ()> {
    let mut req = Request::new(s, start, end, code, false);
    let mut state = State::default();
    let mut out = Vec::new();
    while limit == 0 || out.len() < limit {
        if req.start > req.end {
            break;
        }
        state.reset(&req, req.start);
        if !state.search(req) {
            break;
        }
        let f = found::<S>(&state, groups)?;
        req.must_advance = state.cursor.position == state.start;
        req.start = state.cursor.position;
        out.push(f);
    }
    Ok(out)
}

fn one(
    vm: &mut Vm,
    text: Text<'_>,
    p: &PatternObj,
    start: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<Option<Found>> {
    let r = match text {
        Text::Bytes(b) => run_one(b, &p.code, start, end, mode, must_advance, p.groups),
        Text::Str(s) if has_standin(s) => {
            run_one(Surr(s), &p.code, start, end, mode, must_advance, p.groups)
        }
        Text::Str(s) => run_one(s, &p.code, start, end, mode, must_advance, p.groups),
    };
    r.map_err(|_| wrong_span(vm))
}

fn all(
    vm: &mut Vm,
    text: Text<'_>,
    p: &PatternObj,
    start: usize,
    end: usize,
    limit: usize,
) -> PyResult<Vec<Found>> {
    let r = match text {
        Text::Bytes(b) => run_all(b, &p.code, start, end, p.groups, limit),
        Text::Str(s) if has_standin(s) => run_all(Surr(s), &p.code, start, end, p.groups, limit),
        Text::Str(s) => run_all(s, &p.code, start, end, p.groups, limit),
    };
    r.map_err(|_| wrong_span(vm))
}

// ---- argument parsing -------------------------------------------------------------------------

/// Binds a method's arguments (after `self`) to `names`, as Argument Clinic does: the first
/// `required` are required.
fn bind(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: &[Value],
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let (pos, kws) = split_kw(args, kw);
    bind_named(vm, fname, &pos[1..], &kws, names, names.len(), required)
}

/// An integer argument as i64 (`__index__`), saturating as `PyNumber_AsSsize_t` with no error
/// does for ints beyond 64 bits.
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match crate::vm::runtime::num::index_value(vm, v)? {
        Some(IntVal::Small(i)) => Ok(i),
        Some(IntVal::Big(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
            } else {
                Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
            }
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// `pos`/`endpos` clamped to the subject, as `state_init` does.
fn bounds(
    vm: &mut Vm,
    pos: Option<Value>,
    endpos: Option<Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| i.clamp(0, len as i64) as usize;
    let a = match pos {
        Some(v) => clamp(ssize_arg(vm, v)?),
        None => 0,
    };
    let b = match endpos {
        Some(v) => clamp(ssize_arg(vm, v)?),
        None => len,
    };
    Ok((a, b))
}

// ---- the module -------------------------------------------------------------------------------

/// Sets up the three types (once, at start-up).
pub fn install(vm: &mut Vm) {
    let (p, m, s) = (vm.t.sre_pattern, vm.t.sre_match, vm.t.sre_scanner);
    for (t, module) in [(p, "re"), (m, "re"), (s, "_sre")] {
        crate::vm::types::type_data_mut_module(t, module);
        add_static(vm, t, "__new__", no_new, false);
    }
    let pattern_methods: [(&'static str, BuiltinFn); 13] = [
        ("match", pattern_match),
        ("fullmatch", pattern_fullmatch),
        ("search", pattern_search),
        ("findall", pattern_findall),
        ("finditer", pattern_finditer),
        ("scanner", pattern_scanner),
        ("sub", pattern_sub),
        ("subn", pattern_subn),
        ("split", pattern_split),
        ("__repr__", pattern_repr),
        ("__eq__", pattern_eq),
        ("__ne__", pattern_ne),
        ("__hash__", pattern_hash),
    ];
    let match_methods: [(&'static str, BuiltinFn); 9] = [
        ("group", match_group),
        ("__getitem__", match_getitem),
        ("groups", match_groups),
        ("groupdict", match_groupdict),
        ("start", match_start),
        ("end", match_end),
        ("span", match_span),
        ("expand", match_expand),
        ("__repr__", match_repr),
    ];
    for (t, methods) in [(p, &pattern_methods[..]), (m, &match_methods[..])] {
        for &(name, f) in methods {
            add_method(vm, t, name, f);
        }
        add_method(vm, t, "__copy__", same);
        add_method(vm, t, "__deepcopy__", same_memo);
        let cg = crate::vm::types::metatype::class_getitem;
        add_static(vm, t, "__class_getitem__", cg, true);
    }
    install_getters(vm, [p, m, s]);
    add_method(vm, s, "match", scanner_match);
    add_method(vm, s, "search", scanner_search);
    add_method(vm, s, "__repr__", |vm, a, _k| {
        let r = crate::vm::runtime::repr::default_repr(vm, a[0]);
        Ok(vm.new_str_owned(r))
    });
}

/// A getter: the object -> the attribute.
type GetFn = fn(&mut Vm, Value) -> PyResult;

/// The read-only attributes of the three types: (type: 0 Pattern, 1 Match, 2 Scanner, name,
/// getter). Each becomes a getset_descriptor whose `fget` is `call_getter` bound to its index
/// here.
const GETTERS: &[(u8, &str, GetFn)] = &[
    (0, "pattern", get_pattern),
    (0, "flags", get_flags),
    (0, "groups", get_groups),
    (0, "groupindex", get_groupindex),
    (1, "string", get_string),
    (1, "re", get_re),
    (1, "pos", get_pos),
    (1, "endpos", get_endpos),
    (1, "lastindex", get_lastindex),
    (1, "lastgroup", get_lastgroup),
    (1, "regs", get_regs),
    (2, "pattern", get_scanner_pattern),
];

fn install_getters(vm: &mut Vm, types: [*const TypeObject; 3]) {
    for (i, &(t, name, _)) in GETTERS.iter().enumerate() {
        let n = vm.intern(name);
        let kind = vm.t.getset_descriptor;
        let index = Value::try_from_i64(i as i64).unwrap();
        crate::vm::types::getset::add_descriptor(
            vm,
            types[t as usize],
            n,
            kind,
            call_getter,
            index,
        );
    }
}

/// (getter index, object) -> the attribute.
fn call_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (Some(&i), Some(&obj)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("expected an object"));
    };
    let f = GETTERS[i.as_small_int() as usize].2;
    f(vm, obj)
}

fn get_pattern(vm: &mut Vm, v: Value) -> PyResult {
    Ok(pattern_of(vm, v)?.pattern)
}

fn get_flags(vm: &mut Vm, v: Value) -> PyResult {
    let f = pattern_of(vm, v)?.flags;
    Ok(vm.new_int(f))
}

fn get_groups(vm: &mut Vm, v: Value) -> PyResult {
    let g = pattern_of(vm, v)?.groups;
    Ok(vm.new_int(g as i64))
}

fn get_groupindex(vm: &mut Vm, v: Value) -> PyResult {
    let gi = pattern_of(vm, v)?.groupindex;
    if gi.is_null() {
        return Ok(vm.new_dict());
    }
    Ok(crate::vm::types::mappingproxy::new(vm, gi))
}

fn get_string(vm: &mut Vm, v: Value) -> PyResult {
    Ok(match_of(vm, v)?.string)
}

fn get_re(vm: &mut Vm, v: Value) -> PyResult {
    Ok(match_of(vm, v)?.pattern)
}

fn get_pos(vm: &mut Vm, v: Value) -> PyResult {
    let p = match_of(vm, v)?.pos;
    Ok(vm.new_int(p as i64))
}

fn get_endpos(vm: &mut Vm, v: Value) -> PyResult {
    let p = match_of(vm, v)?.endpos;
    Ok(vm.new_int(p as i64))
}

fn get_lastindex(vm: &mut Vm, v: Value) -> PyResult {
    let i = match_of(vm, v)?.lastindex;
    Ok(if i >= 0 {
        vm.new_int(i as i64)
    } else {
        vm.none
    })
}

fn get_lastgroup(vm: &mut Vm, v: Value) -> PyResult {
    let mo = match_of(vm, v)?;
    let i = mo.lastindex;
    let ig = as_native::<PatternObj>(mo.pattern).unwrap().indexgroup;
    if i < 0 || ig.is_null() {
        return Ok(vm.none);
    }
    Ok(as_tuple(ig)
        .and_then(|t| t.get(i as usize).copied())
        .unwrap_or(vm.none))
}

fn get_regs(vm: &mut Vm, v: Value) -> PyResult {
    let spans = match_of(vm, v)?.spans.clone();
    let items: Vec<Value> = spans.iter().map(|&sp| span_tuple(vm, sp)).collect();
    Ok(vm.new_tuple(items))
}

fn get_scanner_pattern(vm: &mut Vm, v: Value) -> PyResult {
    match as_native::<ScannerObj>(v) {
        Some(sc) => Ok(sc.pattern),
        None => Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object")),
    }
}

fn no_new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let n = args
        .first()
        .and_then(|&c| as_type(c).map(|t| format!("{}.{}", t.module, t.name)))
        .unwrap_or_default();
    Err(vm.type_error(format!("cannot create '{n}' instances")))
}

fn same(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__copy__", args, kw, 1, 0, 0)?;
    Ok(args[0])
}

fn same_memo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__deepcopy__", args, kw, 1, 1, 1)?;
    Ok(args[0])
}

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_sre");
    vm.roots.push(m);
    for (name, v) in [
        ("MAGIC", MAGIC),
        ("CODESIZE", CODESIZE),
        ("MAXREPEAT", MAXREPEAT),
        ("MAXGROUPS", MAXGROUPS),
    ] {
        let i = vm.new_int(v);
        set_attr(vm, m, name, i);
    }
    let c = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    set_attr(vm, m, "copyright", c);
    def(vm, m, "compile", sre_compile);
    def(vm, m, "getcodesize", |vm, a, k| {
        nargs(vm, "getcodesize", a, k, 0, 0, 0)?;
        Ok(vm.new_int(CODESIZE))
    });
    def(vm, m, "ascii_iscased", |vm, a, k| {
        let c = char_arg(vm, "ascii_iscased", a, k)?;
        Ok(vm.bool_val(c < 128 && (c as u8).is_ascii_alphabetic()))
    });
    def(vm, m, "unicode_iscased", |vm, a, k| {
        let c = char_arg(vm, "unicode_iscased", a, k)?;
        Ok(vm.bool_val(c != lower_unicode(c) || c != upper_first(c)))
    });
    def(vm, m, "ascii_tolower", |vm, a, k| {
        let c = char_arg(vm, "ascii_tolower", a, k)?;
        Ok(vm.new_int(lower_ascii(c) as i64))
    });
    def(vm, m, "unicode_tolower", |vm, a, k| {
        let c = char_arg(vm, "unicode_tolower", a, k)?;
        Ok(vm.new_int(lower_unicode(c) as i64))
    });
    vm.roots.pop();
    Ok(m)
}

/// CPython's `_PyUnicode_ToUppercase`: the simple mapping, or for characters with a special
/// (one-to-many) mapping its first character (ß -> S).
fn upper_first(c: u32) -> u32 {
    char::from_u32(c)
        .and_then(|ch| ch.to_uppercase().next())
        .map_or(c, |u| u as u32)
}

/// The `character` argument of the case helpers (a C `unsigned int`: the low 32 bits).
fn char_arg(vm: &mut Vm, name: &str, a: &[Value], k: &[Value]) -> PyResult<u32> {
    nargs(vm, name, a, k, 0, 1, 1)?;
    match crate::vm::runtime::num::index_value(vm, a[0])? {
        Some(IntVal::Small(i)) => Ok(i as u32),
        Some(IntVal::Big(b)) => {
            let (_, digits) = b.to_u32_digits();
            Ok(digits.first().copied().unwrap_or(0))
        }
        None => {
            let tn = vm.type_name(a[0]);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn sre_compile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let mut a = vec![Value::NULL];
    a.extend_from_slice(args);
    let names = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let v = bind(vm, "compile", &a, kw, &names, 6)?;
    let (pattern, flags, code, groups, groupindex, indexgroup) = (
        v[0].unwrap(),
        v[1].unwrap(),
        v[2].unwrap(),
        v[3].unwrap(),
        v[4].unwrap(),
        v[5].unwrap(),
    );
    let flags = ssize_arg(vm, flags)?;
    let Some(items) = as_list(code).map(|l| l.to_vec()) else {
        let tn = vm.type_name(code);
        return Err(vm.type_error(format!("compile() argument 'code' must be list, not {tn}")));
    };
    let mut words = Vec::with_capacity(items.len());
    for it in items {
        let w = match crate::vm::types::subclass::int_arg(it) {
            Some(IntVal::Small(i)) if (0..=u32::MAX as i64).contains(&i) => i as u32,
            Some(_) => return Err(vm.overflow_error("regular expression code size limit exceeded")),
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(format!("an integer is required (got type {tn})")));
            }
        };
        words.push(w);
    }
    let groups = ssize_arg(vm, groups)?.max(0) as usize;
    if as_dict(groupindex).is_none() {
        let tn = vm.type_name(groupindex);
        return Err(vm.type_error(format!(
            "compile() argument 'groupindex' must be dict, not {tn}"
        )));
    }
    if as_tuple(indexgroup).is_none() {
        let tn = vm.type_name(indexgroup);
        return Err(vm.type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {tn}"
        )));
    }
    let isbytes = if pattern == vm.none {
        None
    } else {
        Some(text_of(vm, pattern)?.1)
    };
    let named = crate::vm::runtime::dict::keys_of(groupindex).len() > 0;
    let (groupindex, indexgroup) = if named {
        // A copy, as CPython's compile takes one: later changes to the caller's dict do not
        // reach the pattern.
        let d = vm.new_dict();
        for (k, x) in crate::vm::runtime::dict::items_of(groupindex) {
            dict_set(vm, d, k, x)?;
        }
        (d, indexgroup)
    } else {
        (Value::NULL, Value::NULL)
    };
    let obj = PatternObj {
        code: words,
        pattern,
        flags,
        groups,
        groupindex,
        indexgroup,
        isbytes,
    };
    let ty = vm.t.sre_pattern;
    Ok(vm.heap.alloc(ty, Box::new(obj) as NativeData))
}

// ---- Pattern methods --------------------------------------------------------------------------

fn new_match(
    vm: &mut Vm,
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    f: Found,
) -> Value {
    let obj = MatchObj {
        pattern,
        string,
        pos,
        endpos,
        spans: f.spans,
        lastindex: f.lastindex,
    };
    let ty = vm.t.sre_match;
    vm.heap.alloc(ty, Box::new(obj) as NativeData)
}

fn match_like(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, mode: Mode) -> PyResult {
    let v = bind(vm, name, args, kw, &["string", "pos", "endpos"], 1)?;
    let this = args[0];
    let p = pattern_of(vm, this)?;
    let string = v[0].unwrap();
    let text = subject(vm, p, string)?;
    let (pos, endpos) = bounds(vm, v[1], v[2], text.len())?;
    match one(vm, text, p, pos, endpos, mode, false)? {
        Some(f) => Ok(new_match(vm, this, string, pos, endpos, f)),
        None => Ok(vm.none),
    }
}

fn pattern_match(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    match_like(vm, args, kw, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    match_like(vm, args, kw, "fullmatch", Mode::FullMatch)
}

fn pattern_search(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    match_like(vm, args, kw, "search", Mode::Search)
}

fn pattern_findall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = bind(vm, "findall", args, kw, &["string", "pos", "endpos"], 1)?;
    let p = pattern_of(vm, args[0])?;
    let string = v[0].unwrap();
    let text = subject(vm, p, string)?;
    let (pos, endpos) = bounds(vm, v[1], v[2], text.len())?;
    let found = all(vm, text, p, pos, endpos, 0)?;
    let sl = Slicer::new(text, string);
    let groups = p.groups;
    let mut out = Vec::with_capacity(found.len());
    let piece = |vm: &mut Vm, (a, b): (isize, isize)| {
        if a < 0 {
            sl.slice(vm, 0, 0)
        } else {
            sl.slice(vm, a as usize, b as usize)
        }
    };
    for f in &found {
        let item = match groups {
            0 => piece(vm, f.spans[0]),
            1 => piece(vm, f.spans[1]),
            _ => {
                let items: Vec<Value> = f.spans[1..].iter().map(|&s| piece(vm, s)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
    }
    Ok(vm.new_list(out))
}

fn new_scanner(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult {
    let v = bind(vm, name, args, kw, &["string", "pos", "endpos"], 1)?;
    let this = args[0];
    let p = pattern_of(vm, this)?;
    let string = v[0].unwrap();
    let text = subject(vm, p, string)?;
    let (pos, endpos) = bounds(vm, v[1], v[2], text.len())?;
    let obj = ScannerObj {
        pattern: this,
        string,
        start: Some(pos),
        end: endpos,
        must_advance: false,
    };
    let ty = vm.t.sre_scanner;
    Ok(vm.heap.alloc(ty, Box::new(obj) as NativeData))
}

fn pattern_scanner(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    new_scanner(vm, args, kw, "scanner")
}

/// `finditer`: `iter(scanner.search, None)`, as CPython builds it.
fn pattern_finditer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let sc = new_scanner(vm, args, kw, "finditer")?;
    vm.roots.push(sc);
    let search = vm.new_builtin("search", scanner_search, sc);
    vm.roots.pop();
    let none = vm.none;
    let ty = vm.t.callable_iterator;
    Ok(vm.new_iter(
        ty,
        IterData::Callable {
            f: search,
            sentinel: none,
        },
    ))
}

fn scan(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, mode: Mode) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 0)?;
    let this = args[0];
    let Some(sc) = as_native::<ScannerObj>(this) else {
        return Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object"));
    };
    let Some(start) = sc.start else {
        return Ok(vm.none);
    };
    let (pattern, string, end, must_advance) = (sc.pattern, sc.string, sc.end, sc.must_advance);
    let p = as_native::<PatternObj>(pattern).unwrap();
    let text = subject(vm, p, string)?;
    let end = end.min(text.len());
    let r = one(vm, text, p, start.min(end), end, mode, must_advance)?;
    let sc = as_native::<ScannerObj>(this).unwrap();
    match r {
        None => {
            sc.start = None;
            Ok(vm.none)
        }
        Some(f) => {
            sc.must_advance = f.end() == f.start();
            sc.start = Some(f.end());
            let pos = start;
            Ok(new_match(vm, pattern, string, pos, end, f))
        }
    }
}

fn scanner_match(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    scan(vm, args, kw, "match", Mode::Match)
}

fn scanner_search(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    scan(vm, args, kw, "search", Mode::Search)
}

/// Joins pieces of a sub() result with `"".join` / `b"".join` (their messages for bad items).
fn join_pieces(vm: &mut Vm, string: Value, pieces: Vec<Value>) -> PyResult {
    let (text, _) = text_of(vm, string)?;
    let empty = Slicer::new(text, string).slice(vm, 0, 0);
    vm.roots.push(empty);
    let list = vm.new_list(pieces);
    vm.roots.push(list);
    let j = vm.intern("join");
    let r = crate::vm::runtime::attr::getattr(vm, empty, j).and_then(|f| call(vm, f, &[list], &[]));
    vm.roots.pop();
    vm.roots.pop();
    r
}

/// What replaces each match: a callable, or a fixed string (None adds nothing).
enum Repl {
    Call(Value),
    Literal(Value),
}

fn sub_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, subn: bool) -> PyResult {
    let v = bind(vm, name, args, kw, &["repl", "string", "count"], 2)?;
    let this = args[0];
    let (repl, string) = (v[0].unwrap(), v[1].unwrap());
    let count = match v[2] {
        Some(c) => ssize_arg(vm, c)?,
        None => 0,
    };
    let callable = crate::vm::builtins::funcs::is_callable(vm, repl);
    let repl = if callable {
        Repl::Call(repl)
    } else {
        let literal = match text_of(vm, repl) {
            Ok((Text::Bytes(b), _)) => !b.contains(&b'\\'),
            Ok((Text::Str(s), _)) => !s.contains('\\'),
            Err(_) => false,
        };
        if literal {
            Repl::Literal(repl)
        } else {
            // Not a literal: re._subx compiles the template.
            let re = super::import_module(vm, "re")?;
            let k = vm.intern("_subx");
            let f = crate::vm::runtime::attr::getattr(vm, re, k)?;
            let filt = call(vm, f, &[this, repl], &[])?;
            if crate::vm::builtins::funcs::is_callable(vm, filt) {
                Repl::Call(filt)
            } else {
                Repl::Literal(filt)
            }
        }
    };
    let p = pattern_of(vm, this)?;
    let text = subject(vm, p, string)?;
    let len = text.len();
    let limit = if count < 0 {
        let whole = string_slice_all(vm, text, string);
        return finish_sub(vm, string, vec![whole], 0, subn);
    } else {
        count as usize
    };
    let found = all(vm, text, p, 0, len, limit)?;
    let n = found.len();
    let mut pieces = Vec::with_capacity(2 * n + 1);
    let mut i = 0usize;
    let sl = Slicer::new(text, string);
    let keep = vm.roots.len();
    vm.roots.extend([this, string]);
    let r: PyResult<()> = (|| {
        for f in found {
            let (b, e) = (f.start(), f.end());
            if i < b {
                let s = sl.slice(vm, i, b);
                vm.roots.push(s);
                pieces.push(s);
            }
            let item = match repl {
                Repl::Call(func) => {
                    vm.roots.push(func);
                    let m = new_match(vm, this, string, 0, len, f);
                    vm.roots.push(m);
                    call(vm, func, &[m], &[])?
                }
                Repl::Literal(l) => l,
            };
            if item != vm.none {
                vm.roots.push(item);
                pieces.push(item);
            }
            i = e;
        }
        Ok(())
    })();
    if let Err(e) = r {
        vm.roots.truncate(keep);
        return Err(e);
    }
    if i < len {
        let s = sl.slice(vm, i, len);
        vm.roots.push(s);
        pieces.push(s);
    }
    let r = finish_sub(vm, string, pieces, n, subn);
    vm.roots.truncate(keep);
    r
}

fn string_slice_all(vm: &mut Vm, text: Text<'_>, string: Value) -> Value {
    let n = text.len();
    Slicer::new(text, string).slice(vm, 0, n)
}

fn finish_sub(vm: &mut Vm, string: Value, pieces: Vec<Value>, n: usize, subn: bool) -> PyResult {
    let joined = join_pieces(vm, string, pieces)?;
    if subn {
        vm.roots.push(joined);
        let c = vm.new_int(n as i64);
        vm.roots.pop();
        Ok(vm.new_tuple(vec![joined, c]))
    } else {
        Ok(joined)
    }
}

fn pattern_sub(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    sub_impl(vm, args, kw, "sub", false)
}

fn pattern_subn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    sub_impl(vm, args, kw, "subn", true)
}

fn pattern_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = bind(vm, "split", args, kw, &["string", "maxsplit"], 1)?;
    let p = pattern_of(vm, args[0])?;
    let string = v[0].unwrap();
    let maxsplit = match v[1] {
        Some(c) => ssize_arg(vm, c)?,
        None => 0,
    };
    let text = subject(vm, p, string)?;
    let len = text.len();
    let found = if maxsplit < 0 {
        Vec::new()
    } else {
        all(vm, text, p, 0, len, maxsplit as usize)?
    };
    let sl = Slicer::new(text, string);
    let mut out = Vec::new();
    let mut last = 0usize;
    for f in &found {
        out.push(sl.slice(vm, last, f.start()));
        for &(a, b) in &f.spans[1..] {
            out.push(if a < 0 {
                vm.none
            } else {
                sl.slice(vm, a as usize, b as usize)
            });
        }
        last = f.end();
    }
    out.push(sl.slice(vm, last, len));
    Ok(vm.new_list(out))
}

fn pattern_repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__repr__", args, kw, 1, 0, 0)?;
    let p = pattern_of(vm, args[0])?;
    let (pattern, isbytes) = (p.pattern, p.isbytes);
    let mut flags = p.flags;
    if isbytes == Some(false) && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let names = [
        ("re.TEMPLATE", FLAG_TEMPLATE),
        ("re.IGNORECASE", 2),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut items: Vec<String> = Vec::new();
    for (n, bit) in names {
        if flags & bit != 0 {
            items.push(n.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("{flags:#x}"));
    }
    let r = crate::vm::runtime::repr::repr_string(vm, pattern)?;
    let r: String = r.chars().take(200).collect();
    let s = if items.is_empty() {
        format!("re.compile({r})")
    } else {
        format!("re.compile({r}, {})", items.join("|"))
    };
    Ok(vm.new_str_owned(s))
}

fn patterns_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (as_native::<PatternObj>(a), as_native::<PatternObj>(b)) else {
        return Ok(None);
    };
    if a == b {
        return Ok(Some(true));
    }
    if x.flags != y.flags || x.isbytes != y.isbytes || x.code != y.code {
        return Ok(Some(false));
    }
    let (pa, pb) = (x.pattern, y.pattern);
    crate::vm::runtime::compare::eq(vm, pa, pb).map(Some)
}

fn pattern_eq(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__eq__", args, kw, 1, 1, 1)?;
    Ok(match patterns_equal(vm, args[0], args[1])? {
        Some(r) => vm.bool_val(r),
        None => vm.not_implemented,
    })
}

fn pattern_ne(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__ne__", args, kw, 1, 1, 1)?;
    Ok(match patterns_equal(vm, args[0], args[1])? {
        Some(r) => vm.bool_val(!r),
        None => vm.not_implemented,
    })
}

fn pattern_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__hash__", args, kw, 1, 0, 0)?;
    let p = pattern_of(vm, args[0])?;
    let (pattern, flags, isbytes) = (p.pattern, p.flags, p.isbytes);
    let bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    let n = p.code.len() as i64;
    let mut h = crate::vm::runtime::dict::hash(vm, pattern)? as i64;
    h ^= crate::rtlib::hash::hash_bytes(&bytes) as i64;
    h ^= flags;
    h ^= match isbytes {
        Some(true) => 1,
        Some(false) => 0,
        None => -1,
    };
    h ^= n;
    if h == -1 {
        h = -2;
    }
    Ok(vm.new_int(h))
}

// ---- Match methods ----------------------------------------------------------------------------

/// The group number `g` names (an int, or a name in the pattern's groupindex).
fn group_index(vm: &mut Vm, m: Value, g: Value) -> PyResult<usize> {
    let mo = as_native::<MatchObj>(m).unwrap();
    let n = mo.spans.len() as i64;
    let pattern = mo.pattern;
    let i = if let Some(iv) = crate::vm::types::subclass::int_arg(g) {
        match iv {
            IntVal::Small(i) => i,
            IntVal::Big(_) => -1,
        }
    } else {
        let gi = as_native::<PatternObj>(pattern).unwrap().groupindex;
        let mut i = -1;
        if !gi.is_null() {
            if let Some(x) = dict_get(vm, gi, g)? {
                if let Some(IntVal::Small(k)) = int_of(x) {
                    i = k;
                }
            }
        }
        i
    };
    if i < 0 || i >= n {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

/// Group `i`'s text, or `default` when it did not take part.
fn group_value(vm: &mut Vm, m: Value, i: usize, default: Value) -> PyResult {
    let mo = as_native::<MatchObj>(m).unwrap();
    let (a, b) = mo.spans[i];
    if a < 0 {
        return Ok(default);
    }
    let string = mo.string;
    let (text, _) = text_of(vm, string)?;
    Ok(slice_one(vm, text, string, a as usize, b as usize))
}

/// One substring of a subject (no table for a single slice of a non-ASCII str).
fn slice_one(vm: &mut Vm, text: Text<'_>, string: Value, a: usize, b: usize) -> Value {
    match text {
        Text::Str(s) => {
            let mut it = s
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(s.len()));
            let x = it.nth(a).unwrap_or(s.len());
            let y = if b > a {
                it.nth(b - a - 1).unwrap_or(s.len())
            } else {
                x
            };
            vm.new_str(&s[x..y])
        }
        Text::Bytes(_) => Slicer {
            text,
            string,
            table: None,
        }
        .slice(vm, a, b),
    }
}

fn match_group(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("group() takes no keyword arguments"));
    }
    let m = args[0];
    let none = vm.none;
    match args.len() {
        1 => group_value(vm, m, 0, none),
        2 => {
            let i = group_index(vm, m, args[1])?;
            group_value(vm, m, i, none)
        }
        _ => {
            let mut out = Vec::with_capacity(args.len() - 1);
            for &g in &args[1..] {
                let i = group_index(vm, m, g)?;
                let v = group_value(vm, m, i, none)?;
                out.push(v);
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn match_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__getitem__", args, kw, 1, 1, 1)?;
    let i = group_index(vm, args[0], args[1])?;
    let none = vm.none;
    group_value(vm, args[0], i, none)
}

fn match_groups(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = bind(vm, "groups", args, kw, &["default"], 0)?;
    let default = v[0].unwrap_or(vm.none);
    let m = args[0];
    let n = match_of(vm, m)?.spans.len();
    let mut out = Vec::with_capacity(n.saturating_sub(1));
    for i in 1..n {
        out.push(group_value(vm, m, i, default)?);
    }
    Ok(vm.new_tuple(out))
}

fn match_groupdict(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = bind(vm, "groupdict", args, kw, &["default"], 0)?;
    let default = v[0].unwrap_or(vm.none);
    let m = args[0];
    let pattern = match_of(vm, m)?.pattern;
    let gi = as_native::<PatternObj>(pattern).unwrap().groupindex;
    let d = vm.new_dict();
    if gi.is_null() {
        return Ok(d);
    }
    vm.roots.push(d);
    let r: PyResult<()> = (|| {
        for k in crate::vm::runtime::dict::keys_of(gi) {
            let i = group_index(vm, m, k)?;
            let x = group_value(vm, m, i, default)?;
            dict_set(vm, d, k, x)?;
        }
        Ok(())
    })();
    vm.roots.pop();
    r.map(|_| d)
}

fn span_of(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<(isize, isize)> {
    nargs(vm, name, args, kw, 1, 0, 1)?;
    let m = args[0];
    match_of(vm, m)?;
    let i = match args.get(1) {
        Some(&g) => group_index(vm, m, g)?,
        None => 0,
    };
    Ok(as_native::<MatchObj>(m).unwrap().spans[i])
}

fn span_tuple(vm: &mut Vm, (a, b): (isize, isize)) -> Value {
    let (a, b) = (vm.new_int(a as i64), vm.new_int(b as i64));
    vm.new_tuple(vec![a, b])
}

fn match_start(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (a, _) = span_of(vm, args, kw, "start")?;
    Ok(vm.new_int(a as i64))
}

fn match_end(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (_, b) = span_of(vm, args, kw, "end")?;
    Ok(vm.new_int(b as i64))
}

fn match_span(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let sp = span_of(vm, args, kw, "span")?;
    Ok(span_tuple(vm, sp))
}

/// `expand(template)`: `re._expand(pattern, match, template)`.
fn match_expand(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let v = bind(vm, "expand", args, kw, &["template"], 1)?;
    let m = args[0];
    let pattern = match_of(vm, m)?.pattern;
    let re = super::import_module(vm, "re")?;
    let k = vm.intern("_expand");
    let f = crate::vm::runtime::attr::getattr(vm, re, k)?;
    call(vm, f, &[pattern, m, v[0].unwrap()], &[])
}

fn match_repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__repr__", args, kw, 1, 0, 0)?;
    let m = args[0];
    let (a, b) = match_of(vm, m)?.spans[0];
    let none = vm.none;
    let g = group_value(vm, m, 0, none)?;
    let r = crate::vm::runtime::repr::repr_string(vm, g)?;
    let r: String = r.chars().take(50).collect();
    Ok(vm.new_str_owned(format!("<re.Match object; span=({a}, {b}), match={r}>")))
}
