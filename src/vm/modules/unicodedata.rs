//! `unicodedata`: character properties as the installed CPython's `unicodedata` (3.11: Unicode
//! 14.0.0) has them. The per-character properties (category, bidirectional, east_asian_width,
//! combining, mirrored, decimal, digit, numeric, decomposition) come from a table build.rs
//! generates with python3 (tools/gen_unicodedata.py; no crate carries all of them, and the
//! crates that carry some are on newer Unicode versions). Names come from unicode_names2 and
//! normalization from unicode-normalization, both limited to the characters assigned in the
//! table's version (names and the decompositions of assigned characters never change between
//! Unicode versions).

use unicode_normalization::UnicodeNormalization;

use super::{def, set_attr};
use crate::rtlib::surrogate::code_point;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::types::memoryview::buffer_bytes;
use crate::vm::types::nargs;
use crate::vm::value::Value;

mod table {
    include!(concat!(env!("OUT_DIR"), "/unicodedata.rs"));
}

type Record = (u8, u8, u8, u8, bool, i8, i8, u16);

fn record(cp: u32) -> &'static Record {
    let i = match table::RUNS.binary_search_by(|&(start, _)| start.cmp(&cp)) {
        Ok(i) => i,
        Err(i) => i - 1,
    };
    &table::RECORDS[table::RUNS[i].1 as usize]
}

/// Whether `c` is assigned in the table's Unicode version.
fn assigned(c: char) -> bool {
    table::CATEGORIES[record(code_point(c)).0 as usize] != "Cn"
}

pub fn create(vm: &mut Vm) -> PyResult {
    if !table::AVAILABLE {
        return Err(vm.err(
            "ImportError",
            "cpjit was built without python3, so unicodedata has no character table",
        ));
    }
    let m = vm.new_module("unicodedata");
    vm.roots.push(m);
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("category", category),
        ("bidirectional", bidirectional),
        ("east_asian_width", east_asian_width),
        ("combining", combining),
        ("mirrored", mirrored),
        ("decimal", decimal),
        ("digit", digit),
        ("numeric", numeric),
        ("decomposition", decomposition),
        ("name", name),
        ("lookup", lookup),
        ("normalize", normalize),
        ("is_normalized", is_normalized),
    ];
    for &(n, f) in fns {
        def(vm, m, n, f);
    }
    let v = vm.new_str(table::UNIDATA_VERSION);
    set_attr(vm, m, "unidata_version", v);
    vm.roots.pop();
    Ok(m)
}

/// The one character a property function is asked about.
fn char_arg(vm: &mut Vm, fname: &str, v: Value) -> PyResult<char> {
    if let Some(s) = as_str(v) {
        let mut it = s.s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
        return Err(vm.type_error(format!(
            "{fname}() argument must be a unicode character, not str"
        )));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "{fname}() argument must be a unicode character, not {tn}"
    )))
}

fn one(vm: &mut Vm, fname: &str, a: &[Value], k: &[Value]) -> PyResult<char> {
    nargs(vm, fname, a, k, 0, 1, 1)?;
    char_arg(vm, fname, a[0])
}

fn category(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let c = one(vm, "category", a, k)?;
    Ok(vm.new_str(table::CATEGORIES[record(code_point(c)).0 as usize]))
}

fn bidirectional(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let c = one(vm, "bidirectional", a, k)?;
    Ok(vm.new_str(table::BIDI[record(code_point(c)).1 as usize]))
}

fn east_asian_width(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let c = one(vm, "east_asian_width", a, k)?;
    Ok(vm.new_str(table::EAW[record(code_point(c)).2 as usize]))
}

fn combining(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let c = one(vm, "combining", a, k)?;
    Ok(vm.new_int(record(code_point(c)).3 as i64))
}

fn mirrored(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let c = one(vm, "mirrored", a, k)?;
    Ok(vm.new_int(record(code_point(c)).4 as i64))
}

/// decimal/digit/numeric: the value, else the default, else ValueError(`what`).
fn number(
    vm: &mut Vm,
    fname: &str,
    a: &[Value],
    k: &[Value],
    what: &str,
    get: fn(&Record) -> Option<f64>,
    int: bool,
) -> PyResult {
    nargs(vm, fname, a, k, 0, 1, 2)?;
    let c = char_arg(vm, fname, a[0])?;
    match get(record(code_point(c))) {
        Some(x) if int => Ok(vm.new_int(x as i64)),
        Some(x) => Ok(vm.new_float(x)),
        None => match a.get(1) {
            Some(&d) => Ok(d),
            None => Err(vm.value_error(what.to_string())),
        },
    }
}

fn decimal(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    number(
        vm,
        "decimal",
        a,
        k,
        "not a decimal",
        |r| (r.5 >= 0).then_some(r.5 as f64),
        true,
    )
}

fn digit(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    number(
        vm,
        "digit",
        a,
        k,
        "not a digit",
        |r| (r.6 >= 0).then_some(r.6 as f64),
        true,
    )
}

fn numeric(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    number(
        vm,
        "numeric",
        a,
        k,
        "not a numeric character",
        |r| (r.7 != 0xFFFF).then(|| table::NUMERIC[r.7 as usize]),
        false,
    )
}

fn decomposition(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let c = one(vm, "decomposition", a, k)?;
    let d = table::DECOMPOSITION
        .binary_search_by(|&(cp, _)| cp.cmp(&code_point(c)))
        .map(|i| table::DECOMPOSITION[i].1)
        .unwrap_or("");
    Ok(vm.new_str(d))
}

fn name(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "name", a, k, 0, 1, 2)?;
    let c = char_arg(vm, "name", a[0])?;
    let n = if assigned(c) {
        unicode_names2::name(c).map(|n| n.to_string())
    } else {
        None
    };
    match (n, a.get(1)) {
        (Some(n), _) => Ok(vm.new_str_owned(n)),
        (None, Some(&d)) => Ok(d),
        (None, None) => Err(vm.value_error("no such name")),
    }
}

fn lookup(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "lookup", a, k, 0, 1, 1)?;
    // A str or a bytes-like name.
    let text = match (as_str(a[0]), buffer_bytes(a[0])) {
        (Some(s), _) => s.s.to_string(),
        (None, Some(b)) => String::from_utf8_lossy(b).into_owned(),
        (None, None) => {
            let tn = vm.type_name(a[0]);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        }
    };
    if text.len() > 256 {
        return Err(vm.err("KeyError", "name too long"));
    }
    let found = if text.is_empty() {
        None
    } else {
        unicode_names2::character(&text.to_uppercase()).filter(|&c| assigned(c))
    };
    match found {
        Some(c) => Ok(vm.new_str_owned(c.to_string())),
        None => Err(vm.err("KeyError", format!("undefined character name '{text}'"))),
    }
}

/// The form and the text of normalize()/is_normalized().
fn form_args(vm: &mut Vm, fname: &str, a: &[Value], k: &[Value]) -> PyResult<(String, String)> {
    nargs(vm, fname, a, k, 0, 2, 2)?;
    let Some(form) = as_str(a[0]).map(|s| s.s.to_string()) else {
        let tn = vm.type_name(a[0]);
        return Err(vm.type_error(format!("{fname}() argument 1 must be str, not {tn}")));
    };
    let Some(text) = as_str(a[1]).map(|s| s.s.to_string()) else {
        let tn = vm.type_name(a[1]);
        return Err(vm.type_error(format!("{fname}() argument 2 must be str, not {tn}")));
    };
    if !matches!(form.as_str(), "NFC" | "NFD" | "NFKC" | "NFKD") {
        return Err(vm.value_error("invalid normalization form"));
    }
    Ok((form, text))
}

fn normalized(form: &str, text: &str) -> String {
    match form {
        "NFC" => text.nfc().collect(),
        "NFD" => text.nfd().collect(),
        "NFKC" => text.nfkc().collect(),
        _ => text.nfkd().collect(),
    }
}

fn normalize(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let (form, text) = form_args(vm, "normalize", a, k)?;
    let out = normalized(&form, &text);
    if out == text {
        return Ok(a[1]);
    }
    Ok(vm.new_str_owned(out))
}

fn is_normalized(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let (form, text) = form_args(vm, "is_normalized", a, k)?;
    Ok(if normalized(&form, &text) == text {
        vm.true_
    } else {
        vm.false_
    })
}
