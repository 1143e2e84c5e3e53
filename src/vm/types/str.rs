//! str methods.

use super::{add_method, add_static, nargs, split_kw};
use crate::rtlib::str_format::{format_with, FormatEnv};
use crate::rtlib::strmethods as sm;
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::repr::{fmt_err, FmtErr};
use crate::vm::runtime::{attr, iter as riter, repr, subscr};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.str_;
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("upper", upper),
        ("lower", lower),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
        ("casefold", casefold),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isprintable", isprintable),
        ("istitle", istitle),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isidentifier", isidentifier),
        ("isascii", isascii),
        ("format", format),
        ("format_map", format_map),
        ("translate", super::str_translate::translate),
        ("zfill", zfill),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("encode", encode),
        ("splitlines", splitlines),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("expandtabs", expandtabs),
        ("__len__", len),
        ("__format__", dunder_format),
    ];
    for &(n, f) in methods {
        add_method(vm, t, n, f);
    }
    add_static(vm, t, "__new__", new, false);
    add_static(vm, t, "maketrans", super::str_translate::maketrans, false);
}

fn s<'a>(v: Value) -> &'a str {
    &as_str(v).unwrap().s
}

/// `like` itself when `r` is its text, else a new str: CPython's str methods return their
/// receiver when nothing changes (`unicode_result_unchanged`).
fn same_or_new(vm: &mut Vm, like: Value, r: &str) -> Value {
    if s(like) == r {
        return like;
    }
    vm.new_str(r)
}

fn arg_str<'a>(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'a str> {
    match super::subclass::str_arg(v) {
        Some(x) => Ok(&x.s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(if what.is_empty() {
                format!("must be str, not {tn}")
            } else {
                format!("{what} must be str, not {tn}")
            }))
        }
    }
}

fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 4 {
        return Err(vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            pos.len() - 1 + kws.len()
        )));
    }
    let mut a: [Option<Value>; 3] = [
        pos.get(1).copied(),
        pos.get(2).copied(),
        pos.get(3).copied(),
    ];
    for (k, v) in kws {
        let i = match k {
            "object" => 0,
            "encoding" => 1,
            "errors" => 2,
            _ => {
                return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for str()")))
            }
        };
        if a[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for str() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        a[i] = Some(v);
    }
    let [obj, enc, errors] = a;
    if enc.is_none() && errors.is_none() {
        return match obj {
            Some(o) => repr::str(vm, o),
            None => Ok(vm.new_str("")),
        };
    }
    let mut text = |v: Option<Value>, name: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => match super::subclass::str_arg(v) {
                Some(x) => Ok(x.s.to_string()),
                None => {
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!("str() argument '{name}' must be str, not {tn}")))
                }
            },
        }
    };
    let enc = text(enc, "encoding", "utf-8")?;
    let errors = text(errors, "errors", "strict")?;
    let Some(obj) = obj else {
        return Ok(vm.new_str(""));
    };
    if super::subclass::str_arg(obj).is_some() {
        return Err(vm.type_error("decoding str is not supported"));
    }
    let Some(data) = super::memoryview::buffer_bytes(obj).map(|b| b.to_vec()) else {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(format!(
            "decoding to str: need a bytes-like object, {tn} found"
        )));
    };
    match crate::rtlib::codecs::decode(&data, &enc, &errors) {
        Ok(s) => Ok(vm.new_str_owned(s)),
        Err(e) => match super::bytes::registry_codec(vm, &e, "decode", obj, &enc, &errors) {
            Some(r) => r,
            None => Err(super::bytes::codec_error(vm, e)),
        },
    }
}

fn join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "str.join", args, kw, 1, 1, 1)?;
    let items = riter::collect_fast(vm, args[1], "can only join an iterable")?;
    // Joining a single str gives that str.
    if let [one] = items[..] {
        if as_str(one).is_some() {
            return Ok(one);
        }
    }
    let sep = s(args[0]);
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match super::subclass::str_arg(*it) {
            Some(x) => out.push_str(&x.s),
            None => {
                let tn = vm.type_name(*it);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    Ok(vm.new_str_owned(out))
}

fn sep_and_max(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
) -> PyResult<(Option<String>, i64)> {
    let (pos, kws) = split_kw(args, kw);
    // Argument Clinic's (sep=None, maxsplit=-1).
    let a = super::bind_named(vm, name, &pos[1..], &kws, &["sep", "maxsplit"], 2, 0)?;
    let (sep, maxs) = (a[0], a[1]);
    // maxsplit is converted by Argument Clinic (Py_ssize_t), before the impl looks at sep.
    let max = match maxs {
        Some(v) => crate::vm::runtime::num::index_c(vm, v, "ssize_t", |_| true)?,
        None => -1,
    };
    let sep = match sep {
        Some(v) if v != vm.none => {
            let x = match super::subclass::str_arg(v) {
                Some(x) => x.s.to_string(),
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(format!("must be str or None, not {tn}")));
                }
            };
            if x.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(x)
        }
        _ => None,
    };
    Ok((sep, max))
}

fn split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (sep, max) = sep_and_max(vm, args, kw, "split")?;
    let st = s(args[0]);
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                st.split(sep.as_str()).map(String::from).collect()
            } else {
                st.splitn(max as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => sm::split_whitespace(st, max),
    };
    let vals: Vec<Value> = parts
        .into_iter()
        .map(|p| same_or_new(vm, args[0], &p))
        .collect();
    Ok(vm.new_list(vals))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (sep, max) = sep_and_max(vm, args, kw, "rsplit")?;
    let st = s(args[0]);
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                st.rsplit(sep.as_str()).map(String::from).collect()
            } else {
                st.rsplitn(max as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let mut v = sm::rsplit_whitespace(st, max);
            v.reverse();
            v
        }
    };
    parts.reverse();
    let vals: Vec<Value> = parts
        .into_iter()
        .map(|p| same_or_new(vm, args[0], &p))
        .collect();
    Ok(vm.new_list(vals))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 1)?;
    let st = s(args[0]);
    let chars: Option<Vec<char>> = match args.get(1) {
        Some(&v) if v != vm.none => match super::subclass::str_arg(v) {
            Some(x) => Some(x.s.chars().collect()),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
        _ => None,
    };
    let cs: Option<String> = chars.map(|v| v.into_iter().collect());
    let owned = match (left, right) {
        (true, true) => sm::strip(st, cs.as_deref()),
        (true, false) => sm::lstrip(st, cs.as_deref()),
        _ => sm::rstrip(st, cs.as_deref()),
    };
    let r: &str = &owned;
    if r.len() == st.len() {
        return Ok(args[0]);
    }
    Ok(vm.new_str(r))
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

fn replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "replace", args, kw, 1, 2, 3)?;
    let old = arg_str(vm, args[1], "replace() argument 1")?;
    let new = arg_str(vm, args[2], "replace() argument 2")?;
    let count = if args.len() > 3 {
        crate::vm::runtime::num::index_c(vm, args[3], "ssize_t", |_| true)?
    } else {
        -1
    };
    let st = s(args[0]);
    let r = if count < 0 {
        st.replace(old, new)
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in st.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        out
    } else {
        st.replacen(old, new, count as usize)
    };
    Ok(same_or_new(vm, args[0], &r))
}

/// Converts code-point bounds (start, end) to a byte range of `st`.
fn bounds(vm: &mut Vm, st: &str, args: &[Value]) -> PyResult<(usize, usize)> {
    // CPython's ADJUST_INDICES: the end is clamped to the length, the start only from below
    // (a start past the end finds nothing, not even an empty string).
    let n = st.chars().count() as i64;
    let from_end = |i: i64| if i < 0 { i.saturating_add(n).max(0) } else { i };
    let a = match args.first() {
        Some(&v) if v != vm.none => from_end(subscr::slice_index(vm, v)?),
        _ => 0,
    };
    let b = match args.get(1) {
        Some(&v) if v != vm.none => from_end(subscr::slice_index(vm, v)?).min(n),
        _ => n,
    };
    let to_byte = |cp: i64| {
        st.char_indices()
            .nth(cp as usize)
            .map(|p| p.0)
            .unwrap_or(st.len())
    };
    if a > b {
        return Ok((1, 0));
    }
    Ok((to_byte(a), to_byte(b)))
}

fn byte_to_cp(st: &str, b: usize) -> i64 {
    st[..b].chars().count() as i64
}

fn affix(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, start: bool) -> PyResult {
    super::parse_tuple_nargs(vm, name, args, kw, 1, 1, 3)?;
    let st = s(args[0]);
    let (a, b) = bounds(vm, st, &args[2..])?;
    // Out of range, nothing matches, but every pattern is still type-checked (as CPython's
    // tailmatch loop does).
    let sub = if a > b { None } else { Some(&st[a..b]) };
    let pats: Vec<Value> = match as_tuple(args[1]) {
        Some(t) => t.to_vec(),
        None => vec![args[1]],
    };
    let in_tuple = as_tuple(args[1]).is_some();
    for p in pats {
        let Some(ps) = super::subclass::str_arg(p) else {
            let tn = vm.type_name(p);
            return Err(vm.type_error(if in_tuple {
                format!("tuple for {name} must only contain str, not {tn}")
            } else {
                format!("{name} first arg must be str or a tuple of str, not {tn}")
            }));
        };
        let hit = sub.is_some_and(|sub| {
            if start {
                sub.starts_with(&*ps.s)
            } else {
                sub.ends_with(&*ps.s)
            }
        });
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

fn find_impl(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, rev: bool) -> PyResult<i64> {
    super::parse_tuple_nargs(vm, name, args, kw, 1, 1, 3)?;
    let st = s(args[0]);
    let sub = arg_str(vm, args[1], "")?;
    let (a, b) = bounds(vm, st, &args[2..])?;
    if a > b {
        return Ok(-1);
    }
    let hay = &st[a..b];
    let r = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match r {
        Some(i) => byte_to_cp(st, a + i),
        None => -1,
    })
}
fn find(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let r = find_impl(vm, a, k, "find", false)?;
    Ok(vm.new_int(r))
}
fn rfind(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let r = find_impl(vm, a, k, "rfind", true)?;
    Ok(vm.new_int(r))
}
fn index(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let r = find_impl(vm, a, k, "index", false)?;
    if r < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(vm.new_int(r))
}
fn rindex(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let r = find_impl(vm, a, k, "rindex", true)?;
    if r < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(vm.new_int(r))
}
fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::parse_tuple_nargs(vm, "count", args, kw, 1, 1, 3)?;
    let st = s(args[0]);
    let sub = arg_str(vm, args[1], "")?;
    let (a, b) = bounds(vm, st, &args[2..])?;
    if a > b {
        return Ok(vm.new_int(0));
    }
    let hay = &st[a..b];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(sub).count()
    };
    Ok(vm.new_int(n as i64))
}

fn map_str(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: fn(&str) -> String,
) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 0)?;
    let r = f(s(args[0]));
    Ok(vm.new_str_owned(r))
}
fn upper(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_str(vm, a, k, "str.upper", sm::upper)
}
fn lower(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_str(vm, a, k, "str.lower", sm::lower)
}
fn capitalize(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_str(vm, a, k, "str.capitalize", sm::capitalize)
}
fn title(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_str(vm, a, k, "str.title", sm::title)
}
fn swapcase(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_str(vm, a, k, "str.swapcase", sm::swapcase)
}

fn pred(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: fn(&str) -> bool) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 0)?;
    let r = f(s(args[0]));
    Ok(vm.bool_val(r))
}
fn isdigit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isdigit", sm::isdigit)
}
fn isnumeric(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isnumeric", sm::isnumeric)
}
fn isalpha(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isalpha", sm::isalpha)
}
fn isalnum(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isalnum", sm::isalnum)
}
fn isspace(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isspace", sm::isspace)
}
fn isupper(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isupper", sm::isupper)
}
fn islower(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.islower", sm::islower)
}
fn isidentifier(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isidentifier", sm::isidentifier)
}
fn isascii(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isascii", sm::isascii)
}

fn pad_args(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<(usize, char)> {
    nargs(vm, name, args, kw, 1, 1, 2)?;
    let w = super::exc::ssize_index(vm, args[1])?.max(0) as usize;
    let w = crate::vm::runtime::ops::check_width(vm, w)?;
    let fill = match args.get(2) {
        Some(&f) => {
            let fs = arg_str(vm, f, "fill character")?;
            let mut cs = fs.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    Ok((w, fill))
}
fn center(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (w, fill) = pad_args(vm, args, kw, "center")?;
    let st = s(args[0]);
    let n = st.chars().count();
    if n >= w {
        return Ok(args[0]);
    }
    let marg = w - n;
    let left = marg / 2 + (marg & w & 1);
    let right = marg - left;
    let r: String = std::iter::repeat(fill).take(left).collect::<String>()
        + st
        + &std::iter::repeat(fill).take(right).collect::<String>();
    Ok(vm.new_str_owned(r))
}
fn ljust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (w, fill) = pad_args(vm, args, kw, "ljust")?;
    let st = s(args[0]);
    let n = st.chars().count();
    if n >= w {
        return Ok(args[0]);
    }
    let r = st.to_string() + &std::iter::repeat(fill).take(w - n).collect::<String>();
    Ok(vm.new_str_owned(r))
}
fn rjust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (w, fill) = pad_args(vm, args, kw, "rjust")?;
    let st = s(args[0]);
    let n = st.chars().count();
    if n >= w {
        return Ok(args[0]);
    }
    let r = std::iter::repeat(fill).take(w - n).collect::<String>() + st;
    Ok(vm.new_str_owned(r))
}
fn zfill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "zfill", args, kw, 1, 1, 1)?;
    let w = super::exc::ssize_index(vm, args[1])?.max(0) as usize;
    let w = crate::vm::runtime::ops::check_width(vm, w)?;
    let st = s(args[0]);
    let n = st.chars().count();
    if n >= w {
        return Ok(args[0]);
    }
    let (sign, rest) = match st.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &st[1..]),
        _ => (String::new(), st),
    };
    let r = sign + &"0".repeat(w - n) + rest;
    Ok(vm.new_str_owned(r))
}

/// `s.encode(encoding='utf-8', errors='strict')`.
fn encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 3 {
        return Err(vm.type_error(format!(
            "encode() takes at most 2 arguments ({} given)",
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
                    vm.type_error(format!("'{k}' is an invalid keyword argument for encode()"))
                )
            }
        }
    }
    let text = |vm: &mut Vm, v: Option<Value>, n: usize, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            // Argument Clinic names a parameter that can be a keyword.
            Some(v) => super::clinic_str(
                vm,
                "encode",
                if n == 1 { "'encoding'" } else { "'errors'" },
                v,
            ),
        }
    };
    let enc = text(vm, enc, 1, "utf-8")?;
    let errors = text(vm, errors, 2, "strict")?;
    match crate::rtlib::codecs::encode(s(args[0]), &enc, &errors) {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(e) => match super::bytes::registry_codec(vm, &e, "encode", args[0], &enc, &errors) {
            Some(r) => r,
            None => Err(super::bytes::codec_error(vm, e)),
        },
    }
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let keep = super::splitlines_keepends(vm, args, kw)?;
    let st = s(args[0]);
    let mut out = Vec::new();
    let mut start = 0;
    let b: Vec<(usize, char)> = st.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (pos, c) = b[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < b.len() && b[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(if keep {
                &st[start..end]
            } else {
                &st[start..pos]
            });
            start = end;
        }
        i += 1;
    }
    if start < st.len() {
        out.push(&st[start..]);
    }
    let vals: Vec<Value> = out.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(vals))
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: &[Value], rev: bool) -> PyResult {
    nargs(
        vm,
        if rev { "rpartition" } else { "partition" },
        args,
        kw,
        1,
        1,
        1,
    )?;
    let st = s(args[0]);
    let sep = arg_str(vm, args[1], "")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts = if rev { st.rfind(sep) } else { st.find(sep) };
    let (a, b, c) = match parts {
        Some(i) => (&st[..i], sep, &st[i + sep.len()..]),
        None => {
            if rev {
                ("", "", st)
            } else {
                (st, "", "")
            }
        }
    };
    let vals = vec![
        same_or_new(vm, args[0], a),
        vm.new_str(b),
        same_or_new(vm, args[0], c),
    ];
    Ok(vm.new_tuple(vals))
}
fn partition(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    partition_impl(vm, a, k, false)
}
fn rpartition(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    partition_impl(vm, a, k, true)
}
fn removeprefix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "removeprefix", args, kw, 1, 1, 1)?;
    let p = arg_str(vm, args[1], "removeprefix() argument")?;
    match s(args[0]).strip_prefix(p) {
        Some(r) => Ok(vm.new_str(r)),
        None => Ok(args[0]),
    }
}
fn removesuffix(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "removesuffix", args, kw, 1, 1, 1)?;
    let p = arg_str(vm, args[1], "removesuffix() argument")?;
    match s(args[0]).strip_suffix(p) {
        Some(r) => Ok(vm.new_str(r)),
        None => Ok(args[0]),
    }
}
fn expandtabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let ts = super::expandtabs_tabsize(vm, args, kw)?;
    let mut out = String::new();
    let mut col = 0i64;
    for c in s(args[0]).chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(same_or_new(vm, args[0], &out))
}
fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.new_int(as_str(args[0]).unwrap().nchars as i64))
}
fn dunder_format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__format__", args, kw, 1, 1, 1)?;
    if super::subclass::str_arg(args[1]).is_none() {
        let tn = vm.arg_type_name(args[1]);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    }
    repr::format(vm, args[0], args[1])
}

/// `str.format` through rtlib's template evaluator.
struct Env<'a> {
    vm: &'a mut Vm,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
    /// `format_map`'s mapping (keyword fields are looked up in it), or NULL.
    mapping: Value,
}

impl<'a> FormatEnv for Env<'a> {
    type Obj = Value;
    type Error = FmtErr;
    fn positional(&mut self, index: usize) -> Result<Option<Value>, FmtErr> {
        if !self.mapping.is_null() {
            let e = self
                .vm
                .value_error("Format string contains positional fields");
            return Err(FmtErr::Py(e));
        }
        Ok(self.pos.get(index).copied())
    }
    fn keyword(&mut self, key: &str) -> Result<Value, FmtErr> {
        if !self.mapping.is_null() {
            let k = self.vm.new_str(key);
            self.vm.roots.push(k);
            let r = subscr::getitem(self.vm, self.mapping, k);
            self.vm.roots.pop();
            return r.map_err(FmtErr::Py);
        }
        match self.kw.iter().find(|(k, _)| k == key) {
            Some((_, v)) => Ok(*v),
            None => {
                let k = self.vm.new_str(key);
                let kt = self.vm.t.exc("KeyError");
                let a = self.vm.new_tuple(vec![k]);
                Err(FmtErr::Py(self.vm.new_exception_args(kt, a)))
            }
        }
    }
    fn getattr(&mut self, obj: &Value, name: &str) -> Result<Value, FmtErr> {
        let n = self.vm.intern(name);
        attr::getattr(self.vm, *obj, n).map_err(FmtErr::Py)
    }
    fn getitem_int(&mut self, obj: &Value, index: usize) -> Result<Value, FmtErr> {
        let i = self.vm.new_int(index as i64);
        subscr::getitem(self.vm, *obj, i).map_err(FmtErr::Py)
    }
    fn getitem_str(&mut self, obj: &Value, key: &str) -> Result<Value, FmtErr> {
        let k = self.vm.new_str(key);
        subscr::getitem(self.vm, *obj, k).map_err(FmtErr::Py)
    }
    fn convert(&mut self, obj: &Value, conversion: char) -> Result<Value, FmtErr> {
        let r = match conversion {
            'r' => repr::repr(self.vm, *obj),
            'a' => repr::ascii(self.vm, *obj),
            _ => repr::str(self.vm, *obj),
        };
        r.map_err(FmtErr::Py)
    }
    fn format(&mut self, obj: &Value, spec: &str) -> Result<String, FmtErr> {
        let sp = self.vm.new_str(spec);
        let r = repr::format(self.vm, *obj, sp).map_err(FmtErr::Py)?;
        Ok(str_of(r).to_string())
    }
}

fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let template = s(args[0]).to_string();
    let pos_v = pos[1..].to_vec();
    let kw_v: Vec<(String, Value)> = kws.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let mut env = Env {
        vm,
        pos: pos_v,
        kw: kw_v,
        mapping: Value::NULL,
    };
    let r = format_with(&template, &mut env);
    match r {
        Ok(out) => Ok(same_or_new(env.vm, args[0], &out)),
        Err(e) => Err(fmt_err(env.vm, e)),
    }
}

/// `s.format_map(mapping)`.
fn format_map(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "format_map", args, kw, 1, 1, 1)?;
    let template = s(args[0]).to_string();
    let mut env = Env {
        vm,
        pos: Vec::new(),
        kw: Vec::new(),
        mapping: args[1],
    };
    let r = format_with(&template, &mut env);
    match r {
        Ok(out) => Ok(same_or_new(env.vm, args[0], &out)),
        Err(e) => Err(fmt_err(env.vm, e)),
    }
}

fn casefold(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    map_str(vm, a, k, "str.casefold", sm::casefold)
}
fn isdecimal(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isdecimal", sm::isdecimal)
}
fn isprintable(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.isprintable", sm::isprintable)
}
fn istitle(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    pred(vm, a, k, "str.istitle", sm::istitle)
}
