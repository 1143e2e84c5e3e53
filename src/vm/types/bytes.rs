//! bytes and bytearray methods. Both types share the `Bytes` layout (a `Vec<u8>` payload);
//! bytearray is the mutable one. Methods return an object of the receiver's type, as CPython's
//! do for bytearray.

use super::{add_method, add_static, nargs, split_kw};
use crate::rtlib::codecs::CodecError;
use crate::rtlib::strmethods::adjust_indices;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::generic_setattr;
use crate::vm::runtime::iter as riter;
use crate::vm::runtime::num::{index_value, IntVal};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    for t in [vm.t.bytes, vm.t.bytearray] {
        let methods: [(&'static str, BuiltinFn); 28] = [
            ("decode", decode),
            ("hex", hex),
            ("upper", upper),
            ("lower", lower),
            ("swapcase", swapcase),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("split", split),
            ("rsplit", rsplit),
            ("join", join),
            ("startswith", startswith),
            ("endswith", endswith),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("replace", replace),
            ("isdigit", isdigit),
            ("isalpha", isalpha),
            ("isalnum", isalnum),
            ("isspace", isspace),
            ("isupper", isupper),
            ("islower", islower),
            ("partition", partition),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
        ];
        for (n, f) in methods {
            add_method(vm, t, n, f);
        }
        let more: [(&'static str, BuiltinFn); 13] = [
            ("rpartition", rpartition),
            ("isascii", isascii),
            ("istitle", istitle),
            ("splitlines", splitlines),
            ("center", center),
            ("ljust", ljust),
            ("rjust", rjust),
            ("zfill", zfill),
            ("capitalize", capitalize),
            ("title", title),
            ("translate", translate),
            ("expandtabs", expandtabs),
            ("__len__", len),
        ];
        for (n, f) in more {
            add_method(vm, t, n, f);
        }
        add_static(vm, t, "fromhex", fromhex, true);
        let mt: BuiltinFn = if t == vm.t.bytes {
            bytes_maketrans
        } else {
            bytearray_maketrans
        };
        add_static(vm, t, "maketrans", mt, false);
    }
    let ba = vm.t.bytearray;
    add_static(vm, ba, "__new__", bytearray_new, false);
    add_method(vm, ba, "__init__", bytearray_init);
    add_method(vm, ba, "__alloc__", bytearray_alloc);
    add_method(vm, ba, "__reduce__", bytearray_reduce);
    add_method(vm, ba, "__reduce_ex__", bytearray_reduce_ex);
    add_method(vm, ba, "append", append);
    add_method(vm, ba, "extend", extend);
    add_method(vm, ba, "pop", pop);
    add_method(vm, ba, "clear", clear);
    add_method(vm, ba, "reverse", reverse);
    add_method(vm, ba, "copy", copy);
    add_method(vm, ba, "insert", insert);
    add_method(vm, ba, "remove", remove);
}

/// The bytes of a bytes/bytearray object, or of an instance of a subclass (its wrapped value).
fn bytes_of<'a>(v: Value) -> Option<&'a mut Vec<u8>> {
    as_bytes(super::subclass::base_value(v).unwrap_or(v))
}

fn data(v: Value) -> &'static [u8] {
    bytes_of(v).map(|b| b.as_slice()).unwrap_or(&[])
}

/// A new object of the same type as `like` (bytes or bytearray).
pub fn new_like(vm: &mut Vm, like: Value, b: Vec<u8>) -> Value {
    if like.is_ptr() && obj_type(like) == vm.t.bytearray {
        let ty = vm.t.bytearray;
        vm.heap.alloc(ty, b)
    } else {
        vm.new_bytes(b)
    }
}

/// `like` itself when it is a bytes object (not bytearray, not a subclass) holding `out`, else a
/// new object of its type: CPython's bytes methods return their receiver when nothing changes.
fn same_or_new(vm: &mut Vm, like: Value, out: Vec<u8>) -> Value {
    if like.is_ptr() && obj_type(like) == vm.t.bytes && data(like) == out.as_slice() {
        return like;
    }
    new_like(vm, like, out)
}

pub fn is_bytearray(vm: &Vm, v: Value) -> bool {
    v.is_ptr() && obj_type(v) == vm.t.bytearray
}

/// A bytes-like argument ("a bytes-like object is required, not 'str'").
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match super::memoryview::buffer_bytes(v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// The "sub" argument of find/count/index: bytes-like or an int in range(256).
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = super::memoryview::buffer_bytes(v) {
        return Ok(b.to_vec());
    }
    if let Some(i) = index_value(vm, v)? {
        return match i {
            IntVal::Small(x) if (0..256).contains(&x) => Ok(vec![x as u8]),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{tn}'"
    )))
}

/// An optional slice bound (None or an int).
fn bound_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v == vm.none {
        return Ok(None);
    }
    match index_value(vm, v)? {
        Some(IntVal::Small(i)) => Ok(Some(i)),
        Some(IntVal::Big(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// `item in b`: a byte value or a bytes-like substring.
pub fn contains(vm: &mut Vm, b: Value, item: Value) -> PyResult<bool> {
    if super::memoryview::buffer_bytes(item).is_none() && index_value(vm, item)?.is_none() {
        let tn = vm.type_name(item);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    }
    let sub = sub_arg(vm, item)?;
    Ok(find_sub(data(b), &sub).is_some())
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// find/rfind/index/rindex/count share argument handling: (sub, start, end).
fn search(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
) -> PyResult<(Vec<u8>, usize, usize)> {
    super::parse_tuple_nargs(vm, name, args, kw, 1, 1, 3)?;
    // CPython's order: the slice bounds, then the sub argument.
    let start = bound_arg(vm, args.get(2).copied())?;
    let end = bound_arg(vm, args.get(3).copied())?;
    let sub = sub_arg(vm, args[1])?;
    let len = data(args[0]).len();
    let (a, b) = adjust_indices(start, end, len);
    Ok((sub, a as usize, b as usize))
}

fn find_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, rev: bool) -> PyResult<i64> {
    let (sub, a, b) = search(vm, args, kw, name)?;
    let d = data(args[0]);
    if a > d.len() || a > b || b - a < sub.len() {
        return Ok(-1);
    }
    let hay = &d[a..b];
    let r = if rev {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(r.map_or(-1, |i| (i + a) as i64))
}

fn find(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let r = find_impl(vm, args, kw, "find", false)?;
    Ok(vm.new_int(r))
}
fn rfind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let r = find_impl(vm, args, kw, "rfind", true)?;
    Ok(vm.new_int(r))
}
fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    match find_impl(vm, args, kw, "index", false)? {
        -1 => Err(vm.value_error("subsection not found")),
        r => Ok(vm.new_int(r)),
    }
}
fn rindex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    match find_impl(vm, args, kw, "rindex", true)? {
        -1 => Err(vm.value_error("subsection not found")),
        r => Ok(vm.new_int(r)),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (sub, a, b) = search(vm, args, kw, "count")?;
    let d = data(args[0]);
    if a > d.len() || a > b {
        return Ok(vm.new_int(0));
    }
    let hay = &d[a..b];
    let n = if sub.is_empty() {
        hay.len() + 1
    } else {
        let mut n = 0;
        let mut i = 0;
        while i + sub.len() <= hay.len() {
            if &hay[i..i + sub.len()] == sub.as_slice() {
                n += 1;
                i += sub.len();
            } else {
                i += 1;
            }
        }
        n
    };
    Ok(vm.new_int(n as i64))
}

fn map_bytes(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: fn(u8) -> u8) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 0)?;
    let out: Vec<u8> = data(args[0]).iter().map(|&c| f(c)).collect();
    Ok(new_like(vm, args[0], out))
}

fn upper(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_bytes(vm, a, k, "upper", |c| c.to_ascii_uppercase())
}
fn lower(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_bytes(vm, a, k, "lower", |c| c.to_ascii_lowercase())
}
fn swapcase(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_bytes(vm, a, k, "swapcase", |c| {
        if c.is_ascii_lowercase() {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        }
    })
}

fn pred(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 0)?;
    let r = f(data(args[0]));
    Ok(vm.bool_val(r))
}
fn isdigit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}
fn isalpha(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}
fn isalnum(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}
fn isspace(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "isspace", |d| {
        !d.is_empty() && d.iter().all(|&c| is_space(c))
    })
}
fn isupper(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}
fn islower(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

/// CPython's `Py_ISSPACE` for bytes.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn strip_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, l: bool, r: bool) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 1)?;
    let chars: Option<Vec<u8>> = match args.get(1) {
        Some(&c) if c != vm.none => Some(bytes_arg(vm, c)?),
        _ => None,
    };
    let strip_it = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let d = data(args[0]);
    let mut a = 0;
    let mut b = d.len();
    if l {
        while a < b && strip_it(d[a]) {
            a += 1;
        }
    }
    if r {
        while b > a && strip_it(d[b - 1]) {
            b -= 1;
        }
    }
    let out = d[a..b].to_vec();
    Ok(same_or_new(vm, args[0], out))
}
fn strip(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    strip_impl(vm, a, k, "strip", true, true)
}
fn lstrip(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    strip_impl(vm, a, k, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    strip_impl(vm, a, k, "rstrip", false, true)
}

/// (sep, maxsplit) of split/rsplit, positional or by keyword.
fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
) -> PyResult<(Option<Vec<u8>>, i64)> {
    let (pos, kws) = split_kw(args, kw);
    // Argument Clinic's (sep=None, maxsplit=-1).
    let a = super::bind_named(vm, name, &pos[1..], &kws, &["sep", "maxsplit"], 2, 0)?;
    let (sep, max) = (a[0], a[1]);
    // Argument Clinic's Py_ssize_t: a boxed int that fits in 64 bits (2**50) is no overflow.
    // It is converted before the separator is looked at (as a buffer, then for emptiness).
    let max = match max {
        None => -1,
        Some(m) => crate::vm::runtime::num::index_c(vm, m, "ssize_t", |_| true)?,
    };
    let sep = match sep {
        Some(s) if s != vm.none => {
            let b = bytes_arg(vm, s)?;
            if b.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(b)
        }
        _ => None,
    };
    Ok((sep, max))
}

fn split_parts(d: &[u8], sep: &Option<Vec<u8>>, max: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            let mut i = 0;
            let mut start = 0;
            while left > 0 && i + sep.len() <= d.len() {
                if &d[i..i + sep.len()] == sep.as_slice() {
                    out.push(d[start..i].to_vec());
                    i += sep.len();
                    start = i;
                    left -= 1;
                } else {
                    i += 1;
                }
            }
            out.push(d[start..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < d.len() && is_space(d[i]) {
                    i += 1;
                }
                if i == d.len() {
                    break;
                }
                if left == 0 {
                    // The rest is kept as is, trailing white space included.
                    out.push(d[i..].to_vec());
                    break;
                }
                let s = i;
                while i < d.len() && !is_space(d[i]) {
                    i += 1;
                }
                out.push(d[s..i].to_vec());
                left -= 1;
            }
        }
    }
    out
}

fn split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (sep, max) = split_args(vm, args, kw, "split")?;
    let parts = split_parts(data(args[0]), &sep, max);
    let vals: Vec<Value> = parts
        .into_iter()
        .map(|p| same_or_new(vm, args[0], p))
        .collect();
    Ok(vm.new_list(vals))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (sep, max) = split_args(vm, args, kw, "rsplit")?;
    // rsplit is split of the reversed data with a reversed separator, reversed back.
    let rev: Vec<u8> = data(args[0]).iter().rev().copied().collect();
    let rsep = sep.map(|s| s.into_iter().rev().collect::<Vec<u8>>());
    let parts = split_parts(&rev, &rsep, max);
    let vals: Vec<Value> = parts
        .into_iter()
        .rev()
        .map(|p| {
            let p: Vec<u8> = p.into_iter().rev().collect();
            same_or_new(vm, args[0], p)
        })
        .collect();
    Ok(vm.new_list(vals))
}

fn join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "join", args, kw, 1, 1, 1)?;
    let items = riter::collect(vm, args[1])?;
    // Joining a single bytes object gives that object.
    if let [one] = items[..] {
        if obj_type(args[0]) == vm.t.bytes && one.is_ptr() && obj_type(one) == vm.t.bytes {
            return Ok(one);
        }
    }
    let sep = data(args[0]).to_vec();
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_of(*it) {
            Some(b) => out.extend_from_slice(b),
            None => {
                let tn = vm.type_name(*it);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {tn} found"
                )));
            }
        }
    }
    Ok(new_like(vm, args[0], out))
}

fn affix(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, start: bool) -> PyResult {
    super::parse_tuple_nargs(vm, name, args, kw, 1, 1, 3)?;
    let s0 = bound_arg(vm, args.get(2).copied())?;
    let e0 = bound_arg(vm, args.get(3).copied())?;
    let d = data(args[0]);
    let (a, b) = adjust_indices(s0, e0, d.len());
    let in_tuple = as_tuple(args[1]).is_some();
    let cands: Vec<Value> = match as_tuple(args[1]) {
        Some(t) => t.to_vec(),
        None => vec![args[1]],
    };
    for c in cands {
        let Some(p) = bytes_of(c) else {
            let tn = vm.type_name(c);
            if in_tuple {
                // A tuple's item goes through the buffer protocol (CPython's _bytes_tailmatch).
                return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
            }
            return Err(vm.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {tn}"
            )));
        };
        if a as usize > d.len() || a > b {
            continue;
        }
        let hay = &d[a as usize..b as usize];
        let hit = if start {
            hay.starts_with(p)
        } else {
            hay.ends_with(p)
        };
        if hit {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}
fn startswith(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    affix(vm, a, k, "startswith", true)
}
fn endswith(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    affix(vm, a, k, "endswith", false)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "replace", args, kw, 1, 2, 3)?;
    let old = bytes_arg(vm, args[1])?;
    let new = bytes_arg(vm, args[2])?;
    let mut left = match args.get(3) {
        Some(&c) => match index_value(vm, c)? {
            Some(IntVal::Small(i)) if i >= 0 => i as usize,
            Some(IntVal::Small(_)) => usize::MAX,
            Some(IntVal::Big(_)) => usize::MAX,
            None => {
                let tn = vm.type_name(c);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
        None => usize::MAX,
    };
    let d = data(args[0]);
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to `count` times.
        for &c in d {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
    } else {
        let mut i = 0;
        while i < d.len() {
            if left > 0 && d[i..].starts_with(&old) {
                out.extend_from_slice(&new);
                i += old.len();
                left -= 1;
            } else {
                out.push(d[i]);
                i += 1;
            }
        }
    }
    Ok(same_or_new(vm, args[0], out))
}

fn partition(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "partition", args, kw, 1, 1, 1)?;
    let sep = bytes_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let d = data(args[0]);
    let (a, s, b) = match find_sub(d, &sep) {
        Some(i) => (d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()),
        None => (d.to_vec(), Vec::new(), Vec::new()),
    };
    let items = vec![
        same_or_new(vm, args[0], a),
        new_like(vm, args[0], s),
        same_or_new(vm, args[0], b),
    ];
    Ok(vm.new_tuple(items))
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "removeprefix", args, kw, 1, 1, 1)?;
    let p = bytes_arg(vm, args[1])?;
    let d = data(args[0]);
    let out = d.strip_prefix(p.as_slice()).unwrap_or(d).to_vec();
    Ok(same_or_new(vm, args[0], out))
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "removesuffix", args, kw, 1, 1, 1)?;
    let p = bytes_arg(vm, args[1])?;
    let d = data(args[0]);
    let out = d.strip_suffix(p.as_slice()).unwrap_or(d).to_vec();
    Ok(same_or_new(vm, args[0], out))
}

/// `b.hex(sep=<unrepresentable>, bytes_per_sep=1)`.
fn hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (sep, per) = hex_args(vm, args, kw)?;
    hex_impl(vm, data(args[0]), sep, per)
}

/// The (sep, bytes_per_sep) of bytes/bytearray/memoryview.hex, bound and converted as
/// Argument Clinic does (bytes_per_sep is a C int).
pub fn hex_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(Option<Value>, i64)> {
    let (pos, kws) = split_kw(args, kw);
    let a = super::bind_named(vm, "hex", &pos[1..], &kws, &["sep", "bytes_per_sep"], 2, 0)?;
    let per = match a[1] {
        None => 1,
        Some(p) => crate::vm::runtime::num::c_int_arg(vm, p)? as i64,
    };
    Ok((a[0], per))
}

/// `d` as lowercase hex digits, two a byte.
pub fn hex_string(d: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = vec![0u8; d.len() * 2];
    for (pair, &b) in s.chunks_exact_mut(2).zip(d) {
        pair[0] = HEX[(b >> 4) as usize];
        pair[1] = HEX[(b & 15) as usize];
    }
    String::from_utf8(s).expect("hex digits are ASCII")
}

/// `d` in hex digits, `sep` between groups of `per` bytes (CPython's _Py_strhex_impl).
pub fn hex_impl(vm: &mut Vm, d: &[u8], sep: Option<Value>, per: i64) -> PyResult {
    let Some(sepv) = sep else {
        return Ok(vm.new_str_owned(hex_string(d)));
    };
    let digits: Vec<String> = d.iter().map(|b| format!("{b:02x}")).collect();
    // bytes_per_sep is converted first (Argument Clinic), then sep's length (any object with a
    // len()), then its type, as CPython's _Py_strhex_impl checks them.
    let sep_len = if let Some(s) = as_str(sepv) {
        s.s.chars().count()
    } else if let Some(b) = as_bytes(sepv).filter(|_| obj_type(sepv) == vm.t.bytes) {
        b.len()
    } else {
        // Subclasses and any other object: PyObject_Length, whose __len__ may run Python code.
        crate::vm::builtins::len_of(vm, sepv)?
    };
    if sep_len != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    // PyUnicode_Check, then PyBytes_Check (a bytearray is neither); the first character is
    // the separator.
    let st = vm.type_of(sepv);
    let sep_s: String = if let Some(s) = super::subclass::str_arg(sepv) {
        s.s.chars().take(1).collect()
    } else if vm.is_subtype(st, vm.t.bytes) {
        data(sepv).iter().take(1).map(|&c| c as char).collect()
    } else {
        return Err(vm.type_error("sep must be str or bytes."));
    };
    if !sep_s.is_ascii() {
        return Err(vm.value_error("sep must be ASCII."));
    }
    if per == 0 || d.is_empty() {
        return Ok(vm.new_str_owned(digits.concat()));
    }
    let n = per.unsigned_abs() as usize;
    // Positive counts group from the right, negative from the left.
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = d.len() % n;
        let mut i = 0;
        if first > 0 {
            groups.push(digits[..first].concat());
            i = first;
        }
        while i < d.len() {
            groups.push(digits[i..i + n].concat());
            i += n;
        }
    } else {
        for c in digits.chunks(n) {
            groups.push(c.concat());
        }
    }
    Ok(vm.new_str_owned(groups.join(&sep_s)))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`.
fn fromhex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let cls = args[0].as_ptr::<TypeObject>() as *const TypeObject;
    let name = if as_type(args[0]).is_some() && vm.is_subtype(cls, vm.t.bytearray) {
        "bytearray.fromhex"
    } else {
        "bytes.fromhex"
    };
    nargs(vm, name, args, kw, 1, 1, 1)?;
    // A str or an instance of a str subclass (its value).
    let arg = super::subclass::base_value(args[1]).unwrap_or(args[1]);
    let Some(s) = as_str(arg) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
    };
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii());
        let Some(hi) = hi else {
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        let Some(lo) = lo else {
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = args[0];
    if cls == Value::from_ptr(vm.t.bytearray) {
        let ty = vm.t.bytearray;
        return Ok(vm.heap.alloc(ty, out));
    }
    Ok(vm.new_bytes(out))
}

/// `b.decode(encoding='utf-8', errors='strict')`.
fn decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "decode() takes at most 2 arguments ({} given)",
            pos.len() - 1
        )));
    }
    let mut enc = pos.get(1).copied();
    let mut errors = pos.get(2).copied();
    for (k, v) in kws {
        match k {
            "encoding" => enc = Some(v),
            "errors" => errors = Some(v),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for decode()"))
                )
            }
        }
    }
    let text_arg = |vm: &mut Vm, v: Option<Value>, n: usize, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            // Argument Clinic names a parameter that can be a keyword.
            Some(v) => super::clinic_str(
                vm,
                "decode",
                if n == 1 { "'encoding'" } else { "'errors'" },
                v,
            ),
        }
    };
    let enc = text_arg(vm, enc, 1, "utf-8")?;
    let errors = text_arg(vm, errors, 2, "strict")?;
    let d = data(args[0]).to_vec();
    match crate::rtlib::codecs::decode(&d, &enc, &errors) {
        Ok(s) => Ok(vm.new_str_owned(s)),
        Err(e) => match registry_codec(vm, &e, "decode", args[0], &enc, &errors) {
            Some(r) => r,
            None => Err(codec_error(vm, e)),
        },
    }
}

/// Whether CPython knows the codec `name` (cpjit implements only some of them).
fn cpython_has_codec(name: &str) -> bool {
    // encodings.normalize_encoding: runs of other characters than alphanumerics and '.' become
    // one '_'; the alias table is then searched with '.' as '_' too.
    let mut norm = String::new();
    let mut pending = false;
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending && !norm.is_empty() {
                norm.push('_');
            }
            pending = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            pending = true;
        }
    }
    let dotted = norm.replace('.', "_");
    let names = super::codec_names::CPYTHON_CODECS;
    names.binary_search(&norm.as_str()).is_ok() || names.binary_search(&dotted.as_str()).is_ok()
}

/// A codec CPython has and cpjit's native codecs lack (`e` is their UnknownEncoding): `func`
/// ("encode" or "decode") through the codec registry, `_codecs.encode`/`decode` (the Python
/// codecs of Lib/encodings); None for another failure.
pub fn registry_codec(
    vm: &mut Vm,
    e: &CodecError,
    func: &str,
    obj: Value,
    enc: &str,
    errors: &str,
) -> Option<PyResult> {
    let CodecError::UnknownEncoding(name) = e else {
        return None;
    };
    if !cpython_has_codec(name) {
        return None;
    }
    let run = |vm: &mut Vm| -> PyResult {
        let m = crate::vm::modules::import_module(vm, "_codecs")?;
        let k = vm.intern(func);
        let f = crate::vm::runtime::attr::getattr(vm, m, k)?;
        let (ev, xv) = (vm.new_str(enc), vm.new_str(errors));
        let args = [obj, ev, xv];
        crate::vm::runtime::iter::with_roots(vm, &args, |vm| {
            crate::vm::runtime::call::call(vm, f, &args, &[])
        })
    };
    Some(run(vm))
}

/// The exception for a codec failure, with CPython's message and attributes.
pub fn codec_error(vm: &mut Vm, e: CodecError) -> Value {
    if let CodecError::UnknownEncoding(name) = &e {
        if cpython_has_codec(name) {
            return vm.not_implemented(format!("the '{name}' codec"));
        }
    }
    if let CodecError::Unsupported(what) = e {
        return vm.not_implemented(what);
    }
    let exc = vm.err(e.exc_name(), e.message());
    let attrs: Option<(&str, Value, usize, usize, String)> = match e {
        CodecError::Decode {
            encoding,
            object,
            start,
            end,
            reason,
        } => {
            let o = vm.new_bytes(object);
            Some((encoding, o, start, end, reason))
        }
        CodecError::Encode {
            encoding,
            object,
            start,
            end,
            reason,
        } => {
            let o = vm.new_str_owned(object);
            Some((encoding, o, start, end, reason))
        }
        _ => None,
    };
    if let Some((encoding, o, start, end, reason)) = attrs {
        vm.roots.push(exc);
        let vals = [
            ("encoding", vm.new_str(encoding)),
            ("object", o),
            ("start", vm.new_int(start as i64)),
            ("end", vm.new_int(end as i64)),
            ("reason", vm.new_str_owned(reason)),
        ];
        for (k, v) in vals {
            let k = vm.intern(k);
            let _ = generic_setattr(vm, exc, k, v);
        }
        vm.roots.pop();
    }
    exc
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "rpartition", args, kw, 1, 1, 1)?;
    let sep = bytes_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let d = data(args[0]);
    let (a, s, b) = match rfind_sub(d, &sep) {
        Some(i) => (d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()),
        None => (Vec::new(), Vec::new(), d.to_vec()),
    };
    let items = vec![
        same_or_new(vm, args[0], a),
        new_like(vm, args[0], s),
        same_or_new(vm, args[0], b),
    ];
    Ok(vm.new_tuple(items))
}

fn isascii(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "isascii", |d| d.is_ascii())
}

fn istitle(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "istitle", |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for &c in d {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__len__", args, kw, 1, 0, 0)?;
    let n = data(args[0]).len();
    Ok(vm.new_int(n as i64))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let keep = super::splitlines_keepends(vm, args, kw)?;
    let d = data(args[0]);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let s = i;
        while i < d.len() && d[i] != b'\n' && d[i] != b'\r' {
            i += 1;
        }
        let mut e = i;
        if i < d.len() {
            i += if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            if keep {
                e = i;
            }
        }
        parts.push(d[s..e].to_vec());
    }
    let vals: Vec<Value> = parts
        .into_iter()
        .map(|p| same_or_new(vm, args[0], p))
        .collect();
    Ok(vm.new_list(vals))
}

/// The width of center/ljust/rjust/zfill: a Py_ssize_t (OverflowError past 64 bits), and
/// MemoryError for one that cannot be allocated.
fn width_arg(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let w = crate::vm::runtime::num::index_c(vm, v, "ssize_t", |_| true)?.max(0) as usize;
    crate::vm::runtime::ops::check_width(vm, w)
}

/// (width, fill byte) of center/ljust/rjust.
fn pad_args(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<(usize, u8)> {
    nargs(vm, name, args, kw, 1, 1, 2)?;
    let w = width_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(&f) => match bytes_of(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let tn = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
        },
    };
    Ok((w, fill))
}

fn pad(vm: &mut Vm, like: Value, left: usize, right: usize, fill: u8) -> Value {
    let d = data(like);
    let mut out = Vec::with_capacity(d.len() + left + right);
    out.resize(left, fill);
    out.extend_from_slice(d);
    out.resize(out.len() + right, fill);
    same_or_new(vm, like, out)
}

fn center(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (w, fill) = pad_args(vm, args, kw, "center")?;
    let n = data(args[0]).len();
    if w <= n {
        let d = data(args[0]).to_vec();
        return Ok(same_or_new(vm, args[0], d));
    }
    // CPython's pad(): the extra byte goes left when the width is odd.
    let marg = w - n;
    let left = marg / 2 + (marg & w & 1);
    Ok(pad(vm, args[0], left, marg - left, fill))
}

fn ljust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (w, fill) = pad_args(vm, args, kw, "ljust")?;
    let n = data(args[0]).len();
    Ok(pad(vm, args[0], 0, w.saturating_sub(n), fill))
}

fn rjust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (w, fill) = pad_args(vm, args, kw, "rjust")?;
    let n = data(args[0]).len();
    Ok(pad(vm, args[0], w.saturating_sub(n), 0, fill))
}

fn zfill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "zfill", args, kw, 1, 1, 1)?;
    let w = width_arg(vm, args[1])?;
    let d = data(args[0]);
    if w <= d.len() {
        let d = d.to_vec();
        return Ok(same_or_new(vm, args[0], d));
    }
    let fill = w - d.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(d);
    if matches!(d.first(), Some(b'+' | b'-')) {
        out[0] = d[0];
        out[fill] = b'0';
    }
    Ok(new_like(vm, args[0], out))
}

fn capitalize(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "capitalize", args, kw, 1, 0, 0)?;
    let out: Vec<u8> = data(args[0])
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(new_like(vm, args[0], out))
}

fn title(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "title", args, kw, 1, 0, 0)?;
    let mut prev_cased = false;
    let out: Vec<u8> = data(args[0])
        .iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(new_like(vm, args[0], out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let tabsize = super::expandtabs_tabsize(vm, args, kw)?;
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in data(args[0]) {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_like(vm, args[0], out))
}

fn bytes_maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    maketrans(vm, args, kw, "bytes")
}

fn bytearray_maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    maketrans(vm, args, kw, "bytearray")
}

/// `bytes.maketrans(frm, to)` (a static method, keywords refused naming its type): a 256-byte
/// translation table.
fn maketrans(vm: &mut Vm, args: &[Value], kw: &[Value], owner: &str) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{owner}.maketrans() takes no keyword arguments")));
    }
    nargs(vm, "maketrans", args, kw, 0, 2, 2)?;
    let frm = bytes_arg(vm, args[0])?;
    let to = bytes_arg(vm, args[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (a, b) in frm.into_iter().zip(to) {
        table[a as usize] = b;
    }
    Ok(vm.new_bytes(table))
}

/// `b.translate(table, delete=b'')`: table is None or 256 bytes.
fn translate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(format!(
            "translate() takes from 1 to 2 positional arguments but {} were given",
            pos.len() - 1
        )));
    }
    let mut delete = pos.get(2).copied();
    for (k, v) in kws {
        if k == "delete" {
            delete = Some(v);
        } else {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for translate()"
            )));
        }
    }
    let table = if pos[1] == vm.none {
        None
    } else {
        let t = bytes_arg(vm, pos[1])?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del = match delete {
        Some(d) => bytes_arg(vm, d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = data(args[0])
        .iter()
        .filter(|c| !del.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(new_like(vm, args[0], out))
}

// ---- bytearray ------------------------------------------------------------------------------

fn bytearray_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, bytearray_new)? {
        return Ok(r);
    }
    let b = bytearray_content(vm, &args[1..], kw)?;
    let ty = vm.t.bytearray;
    Ok(vm.heap.alloc(ty, b))
}

/// What `bytearray(*args, **kw)` holds (CPython's bytearray_init).
fn bytearray_content(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Vec<u8>> {
    let (x, enc, errors) = super::misc::bytes_args(vm, "bytearray", args, kw)?;
    match x {
        Some(x) => super::misc::bytes_content(vm, "bytearray", x, enc, errors),
        None if enc.is_some() => Err(vm.type_error("encoding without a string argument")),
        None if errors.is_some() => Err(vm.type_error("errors without a string argument")),
        None => Ok(Vec::new()),
    }
}

/// `bytearray.__init__(self, source, encoding, errors)`: refills `self`.
fn bytearray_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let b = bytearray_content(vm, &args[1..], kw)?;
    let d = args
        .first()
        .filter(|&&s| vm.isinstance(s, vm.t.bytearray))
        .and_then(|&s| bytes_of(s));
    let Some(d) = d else {
        return Err(vm.type_error("descriptor '__init__' requires a 'bytearray' object"));
    };
    *d = b;
    Ok(vm.none)
}

/// `bytearray.__alloc__()`: the bytes cpjit's buffer has room for (CPython counts its
/// allocation, with the trailing NUL it keeps; 0 for an empty bytearray that never held any).
fn bytearray_alloc(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "bytearray.__alloc__", args, kw, 1, 0, 0)?;
    let cap = bytes_of(args[0]).unwrap().capacity();
    Ok(vm.new_int(cap as i64))
}

/// A byte value argument ("an integer is required" / "byte must be in range(0, 256)").
pub fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    match index_value(vm, v)? {
        Some(IntVal::Small(x)) if (0..256).contains(&x) => Ok(x as u8),
        Some(_) => Err(vm.value_error("byte must be in range(0, 256)")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The bytes of `items` (ints or objects with `__index__`, which may run Python code: the items
/// stay rooted). `bytes(...)` and `int.from_bytes` say "bytes must be in range(0, 256)" where
/// bytearray's methods say "byte must ...": `plural` picks the former.
pub fn byte_values(vm: &mut Vm, items: &[Value], plural: bool) -> PyResult<Vec<u8>> {
    riter::with_roots(vm, items, |vm| {
        let mut out = Vec::with_capacity(items.len());
        for &it in items {
            out.push(byte_value(vm, it).map_err(|e| {
                if plural && vm.isinstance(e, vm.t.exc("ValueError")) {
                    vm.value_error("bytes must be in range(0, 256)")
                } else {
                    e
                }
            })?);
        }
        Ok(out)
    })
}

fn append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "append", args, kw, 1, 1, 1)?;
    let b = byte_value(vm, args[1])?;
    bytes_of(args[0]).unwrap().push(b);
    Ok(vm.none)
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "extend", args, kw, 1, 1, 1)?;
    // CPython 3.11's bytearray_extend: a buffer (bytes, bytearray, memoryview, array) is
    // appended whole; anything else is iterated (a str too: an empty one adds nothing, a
    // non-empty one fails on its first item), each item converted as the iterator produces
    // it, and the bytearray changed only once all have been; an object that is not iterable
    // is "can't extend bytearray with T".
    let add: Vec<u8> = if let Some(b) = super::memoryview::buffer_bytes(args[1]) {
        b.to_vec()
    } else {
        let it = match riter::get_iter(vm, args[1]) {
            Ok(it) => it,
            Err(e) if vm.isinstance(e, vm.t.exc("TypeError")) => {
                let tn = vm.tp_name(args[1]);
                return Err(vm.type_error(format!("can't extend bytearray with {tn}")));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        riter::with_roots(vm, &[it], |vm| {
            riter::for_each(vm, it, None, |vm, x| {
                out.push(byte_value(vm, x)?);
                Ok(())
            })
        })?;
        out
    };
    bytes_of(args[0]).unwrap().extend(add);
    Ok(vm.none)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "pop", args, kw, 1, 0, 1)?;
    // Argument Clinic converts the index (Py_ssize_t) before the bytearray is looked at.
    let mut i = match args.get(1) {
        Some(&v) => crate::vm::runtime::num::index_c(vm, v, "ssize_t", |_| true)?,
        None => -1,
    };
    let len = data(args[0]).len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = bytes_of(args[0]).unwrap().remove(i as usize);
    Ok(vm.new_int(b as i64))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "clear", args, kw, 1, 0, 0)?;
    bytes_of(args[0]).unwrap().clear();
    Ok(vm.none)
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "reverse", args, kw, 1, 0, 0)?;
    bytes_of(args[0]).unwrap().reverse();
    Ok(vm.none)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "copy", args, kw, 1, 0, 0)?;
    let d = data(args[0]).to_vec();
    Ok(new_like(vm, args[0], d))
}

fn insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "insert", args, kw, 1, 2, 2)?;
    // Argument Clinic's Py_ssize_t: OverflowError past 64 bits, before the item is looked at.
    let i = crate::vm::runtime::num::index_c(vm, args[1], "ssize_t", |_| true)?;
    let b = byte_value(vm, args[2])?;
    let l = bytes_of(args[0]).unwrap();
    let n = l.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(at as usize, b);
    Ok(vm.none)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "remove", args, kw, 1, 1, 1)?;
    let b = byte_value(vm, args[1])?;
    let l = bytes_of(args[0]).unwrap();
    match l.iter().position(|&c| c == b) {
        Some(i) => {
            l.remove(i);
            Ok(vm.none)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

/// `bytearray.__reduce__()`: the protocol-2 form of `__reduce_ex__`.
fn bytearray_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "bytearray.__reduce__", args, kw, 1, 0, 0)?;
    let f = super::metatype::types_helper(vm, "bytearray_reduce")?;
    let two = Value::try_from_i64(2).unwrap();
    crate::vm::runtime::call::call(vm, f, &[args[0], two], &[])
}

/// `bytearray.__reduce_ex__(proto=0, /)`: latin-1 text below protocol 3, bytes from 3 on.
fn bytearray_reduce_ex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("bytearray.__reduce_ex__() takes no keyword arguments"));
    }
    nargs(vm, "__reduce_ex__", args, kw, 1, 0, 1)?;
    let proto = match args.get(1) {
        Some(&p) => crate::vm::runtime::num::c_int_arg(vm, p)?,
        None => 0,
    };
    let f = super::metatype::types_helper(vm, "bytearray_reduce")?;
    let p = vm.new_int(proto as i64);
    crate::vm::runtime::call::call(vm, f, &[args[0], p], &[])
}
