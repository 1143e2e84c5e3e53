//! The `builtins` module: functions, and the built-in types and exceptions by name.

pub mod exec;
pub mod funcs;
pub mod io;
pub mod numeric;
pub mod stdio;

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::dict::{dict_set_str, len_of as table_len};
use crate::vm::runtime::num::IntVal;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    let types: Vec<(&str, *const TypeObject)> = vec![
        ("object", vm.t.object),
        ("type", vm.t.type_),
        ("int", vm.t.int),
        ("bool", vm.t.bool_),
        ("float", vm.t.float),
        ("complex", vm.t.complex),
        ("str", vm.t.str_),
        ("bytes", vm.t.bytes),
        ("bytearray", vm.t.bytearray),
        ("list", vm.t.list),
        ("tuple", vm.t.tuple),
        ("dict", vm.t.dict),
        ("set", vm.t.set),
        ("frozenset", vm.t.frozenset),
        ("range", vm.t.range),
        ("slice", vm.t.slice),
        ("property", vm.t.property),
        ("classmethod", vm.t.classmethod),
        ("staticmethod", vm.t.staticmethod),
        ("super", vm.t.super_),
        ("enumerate", vm.t.enumerate),
        ("zip", vm.t.zip),
        ("map", vm.t.map),
        ("filter", vm.t.filter),
        ("reversed", vm.t.reversed),
    ];
    for (n, t) in types {
        let k = vm.intern(n);
        dict_set_str(vm, b, k, Value::from_ptr(t));
    }
    for n in vm.t.exception_names() {
        let t = vm.t.exc(n);
        let k = vm.intern(n);
        dict_set_str(vm, b, k, Value::from_ptr(t));
    }
    let k = vm.intern("EnvironmentError");
    let t = vm.t.exc("OSError");
    dict_set_str(vm, b, k, Value::from_ptr(t));
    let k = vm.intern("IOError");
    dict_set_str(vm, b, k, Value::from_ptr(t));
    for (n, v) in [
        ("None", vm.none),
        ("True", vm.true_),
        ("False", vm.false_),
        ("NotImplemented", vm.not_implemented),
        ("Ellipsis", vm.ellipsis),
    ] {
        let k = vm.intern(n);
        dict_set_str(vm, b, k, v);
    }
    let k = vm.intern("__name__");
    let n = vm.new_str("builtins");
    dict_set_str(vm, b, k, n);
    let (k, mv) = (vm.intern("memoryview"), Value::from_ptr(vm.t.memoryview));
    dict_set_str(vm, b, k, mv);
    // The module attributes CPython's builtins has (`__spec__` and `__loader__` come with the
    // import machinery, issue 13).
    let doc = vm.new_str(
        "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' \
         object; Ellipsis represents `...' in slices.",
    );
    let empty = vm.new_str("");
    let t = vm.true_;
    for (n, v) in [("__doc__", doc), ("__package__", empty), ("__debug__", t)] {
        let k = vm.intern(n);
        dict_set_str(vm, b, k, v);
    }
    funcs::install(vm);
    exec::install(vm);
    numeric::install(vm);
    io::install(vm);
}

/// Registers a built-in function in `dict`.
pub fn def(vm: &mut Vm, dict: Value, name: &'static str, f: BuiltinFn) {
    let v = vm.new_builtin(name, f, Value::NULL);
    if dict == vm.builtins {
        let m = vm.intern("builtins");
        as_builtin(v).unwrap().module = m;
    }
    let k = vm.intern(name);
    dict_set_str(vm, dict, k, v);
}

/// The length a `__len__` returned: an int in 0..=sys.maxsize (ValueError below,
/// OverflowError above).
pub(crate) fn len_result(vm: &mut Vm, r: Value) -> PyResult<usize> {
    match crate::vm::types::subclass::int_arg(r) {
        Some(IntVal::Small(n)) if n >= 0 => Ok(n as usize),
        Some(IntVal::Small(_)) => Err(vm.value_error("__len__() should return >= 0")),
        Some(IntVal::Big(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                Err(vm.value_error("__len__() should return >= 0"))
            } else {
                match i64::try_from(&b) {
                    Ok(n) => Ok(n as usize),
                    Err(_) => {
                        Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
                    }
                }
            }
        }
        None => {
            let tn = vm.type_name(r);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// `len(v)`.
pub fn len_of(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if let Some(r) = crate::vm::types::metatype::meta_dunder(vm, v, "__len__", &[])? {
        return len_result(vm, r);
    }
    if v.is_ptr() {
        match layout_of(v) {
            Layout::Str => return Ok(as_str(v).unwrap().nchars),
            Layout::List => return Ok(as_list(v).unwrap().len()),
            Layout::Tuple => return Ok(as_tuple(v).unwrap().len()),
            Layout::Dict | Layout::Set => return Ok(table_len(v)),
            Layout::Bytes => return Ok(as_bytes(v).unwrap().len()),
            Layout::DictView => return Ok(table_len(as_view(v).unwrap().dict)),
            Layout::Range => {
                let r = as_range(v).unwrap();
                if let Some(b) = &r.big {
                    return crate::vm::types::range_big::len(vm, b);
                }
                return Ok(crate::vm::types::misc::range_len(r.start, r.stop, r.step) as usize);
            }
            Layout::Instance | Layout::Native => {
                if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, "__len__") {
                    return len_of(vm, b);
                }
                let t = obj_type(v);
                if let Some(f) = lookup_type_str(vm, t, "__len__") {
                    let r = call_method_value(vm, f, v, &[])?;
                    return len_result(vm, r);
                }
            }
            _ => {}
        }
    }
    let tn = vm.tp_name(v);
    Err(vm.type_error(format!("object of type '{tn}' has no len()")))
}
