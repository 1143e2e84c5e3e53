//! Structural pattern matching (PEP 634): the MATCH_CLASS, MATCH_KEYS, MATCH_MAPPING and
//! MATCH_SEQUENCE instructions, with CPython 3.11's rules and error messages (ceval.c
//! `match_class` / `match_keys`).

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{attr, call, set};
use crate::vm::types::subclass;
use crate::vm::value::Value;

/// Built-in types whose class pattern matches the subject itself with one positional
/// sub-pattern (CPython's `_Py_TPFLAGS_MATCH_SELF`; inherited by subclasses).
fn matches_self(vm: &Vm, cls: *const TypeObject) -> bool {
    let t = &vm.t;
    let selfish = [
        t.bool_,
        t.bytes,
        t.dict,
        t.float,
        t.frozenset,
        t.int,
        t.list,
        t.set,
        t.str_,
        t.tuple,
    ];
    type_data(cls)
        .mro
        .iter()
        .any(|m| selfish.contains(&(m.as_ptr::<TypeObject>() as *const TypeObject)))
}

/// MATCH_CLASS: `subject` matched against class `cls` with `nargs` positional sub-patterns and
/// the keyword attribute names in the tuple `kwnames`. A tuple of the extracted attributes, or
/// None when the subject does not match.
pub fn match_class(
    vm: &mut Vm,
    subject: Value,
    cls: Value,
    kwnames: Value,
    nargs: usize,
) -> PyResult {
    if as_type(cls).is_none() {
        return Err(vm.type_error("called match pattern must be a type"));
    }
    let t = cls.as_ptr::<TypeObject>() as *const TypeObject;
    if !vm.isinstance(subject, t) {
        return Ok(vm.none);
    }
    let mut match_args: Option<Value> = None;
    let mut match_self = false;
    if nargs > 0 {
        let k = vm.sname("__match_args__");
        let ma = match attr::getattr(vm, cls, k) {
            Ok(v) => Some(v),
            Err(e) if vm.isinstance(e, vm.t.exc("AttributeError")) => None,
            Err(e) => return Err(e),
        };
        let allowed = match ma {
            Some(m) => {
                // CPython requires exactly a tuple (PyTuple_CheckExact).
                if as_tuple(m).is_none() {
                    let (cn, mn) = (type_data(t).name.clone(), vm.type_name(m));
                    return Err(
                        vm.type_error(format!("{cn}.__match_args__ must be a tuple (got {mn})"))
                    );
                }
                match_args = Some(m);
                as_tuple(m).unwrap().len()
            }
            None => {
                match_self = matches_self(vm, t);
                usize::from(match_self)
            }
        };
        if allowed < nargs {
            let cn = type_data(t).name.clone();
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format!(
                "{cn}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
            )));
        }
    }
    let kw: Vec<Value> = as_tuple(kwnames).map(|t| t.to_vec()).unwrap_or_default();
    let roots = vm.roots.len();
    let r = (|| -> PyResult {
        let mut seen: Vec<Value> = Vec::new();
        let mut attrs = Vec::with_capacity(nargs + kw.len());
        for i in 0..nargs {
            let a = if match_self {
                subject
            } else {
                let name = as_tuple(match_args.unwrap()).unwrap()[i];
                if as_str(name).is_none() {
                    let tn = vm.type_name(name);
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {tn})"
                    )));
                }
                match class_attr(vm, subject, t, name, &mut seen)? {
                    Some(a) => a,
                    None => return Ok(vm.none),
                }
            };
            vm.roots.push(a);
            attrs.push(a);
        }
        for &name in &kw {
            match class_attr(vm, subject, t, name, &mut seen)? {
                Some(a) => {
                    vm.roots.push(a);
                    attrs.push(a);
                }
                None => return Ok(vm.none),
            }
        }
        Ok(vm.new_tuple(attrs))
    })();
    vm.roots.truncate(roots);
    r
}

/// One attribute of a class pattern; None (no match) when the subject lacks it.
fn class_attr(
    vm: &mut Vm,
    subject: Value,
    t: *const TypeObject,
    name: Value,
    seen: &mut Vec<Value>,
) -> PyResult<Option<Value>> {
    if seen.iter().any(|&s| str_of(s) == str_of(name)) {
        let cn = type_data(t).name.clone();
        let nr = crate::vm::runtime::repr::str_repr(str_of(name));
        return Err(vm.type_error(format!(
            "{cn}() got multiple sub-patterns for attribute {nr}"
        )));
    }
    seen.push(name);
    match attr::getattr(vm, subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.isinstance(e, vm.t.exc("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// MATCH_MAPPING: dicts and their subclasses.
pub fn is_mapping(vm: &Vm, v: Value) -> bool {
    let v = subclass::base_value(v).unwrap_or(v);
    let _ = vm;
    as_dict(v).is_some()
}

/// MATCH_SEQUENCE: list, tuple, range and their subclasses (never str, bytes or bytearray).
pub fn is_sequence(vm: &Vm, v: Value) -> bool {
    let v = subclass::base_value(v).unwrap_or(v);
    let _ = vm;
    as_list(v).is_some() || as_tuple(v).is_some() || as_range(v).is_some()
}

/// MATCH_KEYS: a tuple of `subject.get(key)` for every key of the tuple `keys`, or None if a
/// key is missing.
pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult {
    let keys: Vec<Value> = as_tuple(keys).map(|t| t.to_vec()).unwrap_or_default();
    if keys.is_empty() {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let gk = vm.sname("get");
    let get = attr::getattr(vm, subject, gk)?;
    let dummy = call::new_instance(vm, vm.t.object);
    let seen = set::from_table(vm, Default::default(), false);
    let roots = vm.roots.len();
    vm.roots.extend([get, dummy, seen]);
    let r = (|| -> PyResult {
        let mut values = Vec::with_capacity(keys.len());
        for &k in &keys {
            if set::set_contains(vm, seen, k)? {
                let kr = crate::vm::runtime::repr::repr_string(vm, k)?;
                return Err(vm.value_error(format!("mapping pattern checks duplicate key ({kr})")));
            }
            set::set_add(vm, seen, k)?;
            let v = call::call(vm, get, &[k, dummy], &[])?;
            if v == dummy {
                return Ok(vm.none);
            }
            vm.roots.push(v);
            values.push(v);
        }
        Ok(vm.new_tuple(values))
    })();
    vm.roots.truncate(roots);
    r
}
