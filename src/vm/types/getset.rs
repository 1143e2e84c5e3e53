//! Descriptors on built-in types for attributes the VM computes (`runtime::special`):
//! `types.py` derives `GetSetDescriptorType` and `MemberDescriptorType` from
//! `FunctionType.__code__` and `FunctionType.__globals__`, so those two exist on the type as
//! CPython's read-only descriptor objects.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let f = vm.t.function;
    let (g, m) = (vm.t.getset_descriptor, vm.t.member_descriptor);
    add(vm, f, "__code__", g);
    add(vm, f, "__globals__", m);
    // Functions are descriptors: enum and others test for __get__.
    super::add_method(vm, f, "__get__", function_get);
}

/// `function.__get__(obj, type=None)`: a bound method, or the function itself for no object.
fn function_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__get__", args, kw, 1, 1, 2)?;
    if args[1] == vm.none {
        return Ok(args[0]);
    }
    let t = vm.type_of(args[1]);
    crate::vm::runtime::attr::bind_descriptor(vm, args[0], args[1], t)
}

fn add(vm: &mut Vm, owner: *const TypeObject, name: &str, kind: *const TypeObject) {
    let n = vm.intern(name);
    add_descriptor(vm, owner, n, kind, special_get, n);
}

/// Puts a read-only descriptor of type `kind` (getset_descriptor or member_descriptor) named
/// `name` in `owner`'s dict: reading it calls `f(bound, obj)` (`f(obj)` when `bound` is NULL).
pub fn add_descriptor(
    vm: &mut Vm,
    owner: *const TypeObject,
    name: Value,
    kind: *const TypeObject,
    f: BuiltinFn,
    bound: Value,
) {
    let bty = vm.t.builtin_function;
    let fget = vm.heap.alloc(
        bty,
        BuiltinData {
            name: "__get__",
            f,
            bound,
            // With no bound value the getter is a plain function of the object (an owner
            // would make it an unbound method descriptor).
            owner: if bound.is_null() {
                Value::NULL
            } else {
                Value::from_ptr(owner)
            },
        },
    );
    vm.roots.push(fget);
    let d = vm.heap.alloc(
        kind,
        PropertyData {
            fget,
            fset: Value::NULL,
            fdel: Value::NULL,
            doc: name,
        },
    );
    vm.roots.pop();
    let td = type_data(owner);
    let dict = td.dict;
    let _ = crate::vm::runtime::dict::dict_set(vm, dict, name, d);
    crate::vm::runtime::attr::invalidate_cache();
}

/// The getter: (name, obj) -> the attribute as `runtime::special` computes it.
fn special_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (name, obj) = (args[0], args[1]);
    let n = str_of(name).to_string();
    match crate::vm::runtime::special::special_attr(vm, obj, &n)? {
        Some(v) => Ok(v),
        None => {
            let tn = vm.type_name(obj);
            Err(vm.type_error(format!(
                "descriptor '{n}' for 'function' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}
