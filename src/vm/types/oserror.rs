//! OSError's constructor and str(): `OSError(errno, strerror[, filename[, winerror[,
//! filename2]]])` sets `.errno`, `.strerror`, `.filename`, `.filename2`, picks the subclass
//! matching the errno when called as OSError itself, and shows as
//! `[Errno 2] No such file or directory: 'x'` (CPython's Objects/exceptions.c).
//!
//! The four attributes live in the exception's `ExcData::extra` as a 4-tuple.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::runtime::repr;
use crate::vm::value::Value;

/// The OSError subclass CPython picks for an errno (Linux values).
fn subclass_for_errno(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// Creates an instance of `cls` (a subclass of OSError) from positional `args`.
pub fn new(vm: &mut Vm, mut cls: *const TypeObject, args: &[Value]) -> PyResult {
    let parsed = (2..=5).contains(&args.len());
    if parsed && cls == vm.t.exc("OSError") {
        if let Some(IntVal::Small(n)) = int_of(args[0]) {
            if let Some(name) = subclass_for_errno(n) {
                cls = vm.t.exc(name);
            }
        }
    }
    let none = vm.none;
    let (mut errno, mut strerror, mut filename, mut filename2) = (none, none, none, none);
    let mut stored: &[Value] = args;
    // BlockingIOError's third argument, a number, is the count of characters written (and
    // stays in args), as CPython's oserror_init takes it for that exact type.
    let mut written = None;
    if parsed {
        errno = args[0];
        strerror = args[1];
        if args.len() >= 3
            && args[2] != none
            && cls == vm.t.exc("BlockingIOError")
            && is_number(vm, args[2])
        {
            // PyNumber_AsSsize_t(x, ValueError).
            use crate::vm::runtime::num::index_i64;
            written = Some(match index_i64(vm, args[2])? {
                Some(IntVal::Small(i)) => vm.new_int(i),
                Some(IntVal::Big(_)) => {
                    return Err(vm.value_error("cannot fit 'int' into an index-sized integer"))
                }
                None => {
                    let tn = vm.type_name(args[2]);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            });
        } else if args.len() >= 3 && args[2] != none {
            filename = args[2];
            if args.len() == 5 {
                filename2 = args[4];
            }
            // With a filename, args keeps only (errno, strerror).
            stored = &args[..2];
        }
    }
    let a = vm.new_tuple(stored.to_vec());
    vm.roots.push(a);
    let extra = vm.new_tuple(vec![errno, strerror, filename, filename2]);
    vm.roots.pop();
    let e = vm.new_exception_args(cls, a);
    if let Some(x) = as_instance(e).and_then(|i| i.exc.as_mut()) {
        x.extra = extra;
    }
    if let Some(w) = written {
        vm.roots.push(e);
        let k = vm.intern("characters_written");
        let r = crate::vm::runtime::attr::generic_setattr(vm, e, k, w);
        vm.roots.pop();
        r?;
    }
    Ok(e)
}

/// CPython's PyNumber_Check: an int, float or complex, or an object with `__index__`,
/// `__int__` or `__float__`.
fn is_number(vm: &mut Vm, v: Value) -> bool {
    let b = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    if v.is_float() || int_of(b).is_some() || b.is_float() || super::complex::is_complex(b) {
        return true;
    }
    let t = vm.type_of(v);
    ["__index__", "__int__", "__float__"]
        .iter()
        .any(|n| crate::vm::runtime::attr::lookup_type_str(vm, t, n).is_some())
}

fn fields(v: Value) -> Option<[Value; 4]> {
    let x = as_instance(v)?.exc.as_ref()?;
    let t = as_tuple(x.extra)?;
    (t.len() == 4).then(|| [t[0], t[1], t[2], t[3]])
}

/// `.errno`, `.strerror`, `.filename`, `.filename2` of an OSError instance.
pub fn attr(vm: &mut Vm, v: Value, name: &str) -> Option<Value> {
    let i = match name {
        "errno" => 0,
        "strerror" => 1,
        "filename" => 2,
        "filename2" => 3,
        _ => return None,
    };
    if !vm.isinstance(v, vm.t.exc("OSError")) {
        return None;
    }
    Some(fields(v).map_or(vm.none, |f| f[i]))
}

/// str() of an OSError instance; None to use BaseException's.
pub fn str(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let Some([errno, strerror, filename, filename2]) = fields(v) else {
        return Ok(None);
    };
    let none = vm.none;
    let s = if filename != none {
        let (e, s, f) = (
            repr::str_string(vm, errno)?,
            repr::str_string(vm, strerror)?,
            repr::repr_string(vm, filename)?,
        );
        if filename2 != none {
            let f2 = repr::repr_string(vm, filename2)?;
            format!("[Errno {e}] {s}: {f} -> {f2}")
        } else {
            format!("[Errno {e}] {s}: {f}")
        }
    } else if errno != none && strerror != none {
        let (e, s) = (
            repr::str_string(vm, errno)?,
            repr::str_string(vm, strerror)?,
        );
        format!("[Errno {e}] {s}")
    } else {
        return Ok(None);
    };
    Ok(Some(vm.new_str_owned(s)))
}

/// Whether `v` is an OSError whose constructor already parsed its arguments.
pub fn initialized(v: Value) -> bool {
    fields(v).is_some()
}
