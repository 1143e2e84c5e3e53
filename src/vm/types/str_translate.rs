//! `str.maketrans` (1-, 2- and 3-argument forms) and `str.translate`, with CPython's errors.

use super::nargs;
use crate::rtlib::surrogate::{self, code_point};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::runtime::{dict as rdict, subscr};
use crate::vm::value::Value;

/// A str, or the str an instance of a str subclass wraps.
fn str_of<'a>(v: Value) -> Option<&'a StrData> {
    as_str(super::subclass::base_value(v).unwrap_or(v)).map(|s| &*s)
}

fn str_arg<'a>(vm: &mut Vm, v: Value, n: usize) -> PyResult<&'a str> {
    match str_of(v) {
        Some(s) => Ok(&s.s),
        None => {
            let tn = vm.arg_type_name(v);
            Err(vm.type_error(format!("maketrans() argument {n} must be str, not {tn}")))
        }
    }
}

/// `str.maketrans(x[, y[, z]])` (a static method).
pub fn maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("str.maketrans() takes no keyword arguments"));
    }
    nargs(vm, "maketrans", args, kw, 0, 1, 3)?;
    // Argument Clinic converts y and z (unicode) before the impl looks at x.
    for (i, &v) in args.iter().enumerate().skip(1) {
        str_arg(vm, v, i + 1)?;
    }
    let d = vm.new_dict();
    vm.roots.push(d);
    let r = fill(vm, d, args);
    vm.roots.pop();
    r.map(|_| d)
}

fn fill(vm: &mut Vm, d: Value, args: &[Value]) -> PyResult<()> {
    if args.len() == 1 {
        let x = args[0];
        // PyDict_CheckExact: a dict subclass is refused too.
        if as_dict(x).is_none() || obj_type(x) != vm.t.dict {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        for (k, v) in rdict::items_of(x) {
            let key = if let Some(s) = str_of(k) {
                let mut cs = s.s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => vm.new_int(code_point(c) as i64),
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                }
            } else if int_of(k).is_some() {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            rdict::dict_set(vm, d, key, v)?;
        }
        return Ok(());
    }
    let Some(x) = str_of(args[0]) else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let x: Vec<char> = x.s.chars().collect();
    let y: Vec<char> = str_arg(vm, args[1], 2)?.chars().collect();
    let z: Vec<char> = match args.get(2) {
        Some(&z) => str_arg(vm, z, 3)?.chars().collect(),
        None => Vec::new(),
    };
    if x.len() != y.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.into_iter().zip(y) {
        let (k, v) = (
            vm.new_int(code_point(a) as i64),
            vm.new_int(code_point(b) as i64),
        );
        rdict::dict_set(vm, d, k, v)?;
    }
    for c in z {
        let (k, none) = (vm.new_int(code_point(c) as i64), vm.none);
        rdict::dict_set(vm, d, k, none)?;
    }
    Ok(())
}

/// `s.translate(table)`: each character's code point is looked up with `table[ord(c)]`;
/// LookupError keeps the character, None deletes it, an int or str replaces it.
pub fn translate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "translate", args, kw, 1, 1, 1)?;
    let text = str_of(args[0]).map(|s| s.s.to_string()).unwrap_or_default();
    let table = args[1];
    let lookup_error = vm.t.exc("LookupError");
    let mut out = String::with_capacity(text.len());
    let mut cache: std::collections::HashMap<char, Option<String>> = Default::default();
    for c in text.chars() {
        if let Some(r) = cache.get(&c) {
            if let Some(s) = r {
                out.push_str(s);
            }
            continue;
        }
        let k = vm.new_int(code_point(c) as i64);
        let rep: Option<String> = match subscr::getitem(vm, table, k) {
            Err(e) if vm.isinstance(e, lookup_error) => Some(c.to_string()),
            Err(e) => return Err(e),
            Ok(v) if v == vm.none => None,
            Ok(v) => {
                if let Some(s) = str_of(v) {
                    Some(s.s.to_string())
                } else if let Some(i) = int_of(v) {
                    let ch = match i {
                        IntVal::Small(i) if (0..0x110000).contains(&i) => {
                            surrogate::from_code_point(i as u32)
                        }
                        _ => surrogate::FromCodePoint::OutOfRange,
                    };
                    match ch {
                        surrogate::FromCodePoint::Char(ch) => Some(ch.to_string()),
                        surrogate::FromCodePoint::Unsupported => {
                            let n = if let IntVal::Small(n) = i {
                                n as u32
                            } else {
                                0
                            };
                            return Err(vm.not_implemented(surrogate::unsupported_message(n)));
                        }
                        surrogate::FromCodePoint::OutOfRange => {
                            return Err(
                                vm.value_error("character mapping must be in range(0x110000)")
                            )
                        }
                    }
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
        };
        if let Some(s) = &rep {
            out.push_str(s);
        }
        // Like CPython's ASCII fast path, each ASCII character is looked up once.
        if c.is_ascii() {
            cache.insert(c, rep);
        }
    }
    Ok(vm.new_str_owned(out))
}
