//! Binary and unary operators: numeric fast paths, built-in sequence/set/dict operators, then
//! `__op__` / `__rop__` / `__iop__` dunders with CPython's subclass-first rule and error messages.

use crate::bytecode::opcode::{nb, Opcode};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::num::{self, float_binop, int_binop, int_of, IntVal};
use crate::vm::runtime::{dict as rdict, iter as riter};
use crate::vm::types::memoryview::buffer_bytes;
use crate::vm::types::{complex, dictview};
use crate::vm::value::Value;

/// The dunders the operators look up (`__op__`, `__rop__`, `__iop__`, in NB_* order), written out
/// here rather than formatted per operation.
#[rustfmt::skip]
const DUNDERS: [&str; 13] = [
    "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__",
    "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__",
];
#[rustfmt::skip]
const RDUNDERS: [&str; 13] = [
    "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmul__", "__rmod__",
    "__ror__", "__rpow__", "__rrshift__", "__rsub__", "__rtruediv__", "__rxor__",
];
#[rustfmt::skip]
const IDUNDERS: [&str; 13] = [
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__",
    "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__",
];
const SYMBOLS: [&str; 13] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
];

fn is_num(v: Value) -> bool {
    v.is_float() || num::is_int(v)
}

/// `a <op> b` (op an NB_* code, in-place forms >= 13).
pub fn binary_op(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult {
    binary_op_raising(vm, op, a, b, false)
}

/// `binary_op_from`, raising the TypeError where no implementation applies.
#[inline(always)]
fn binary_op_raising(vm: &mut Vm, op: u32, a: Value, b: Value, lhs_declined: bool) -> PyResult {
    match binary_op_from(vm, op, a, b, lhs_declined)? {
        Some(r) => Ok(r),
        None => {
            let (inplace, base) = (op >= nb::INPLACE, op % nb::INPLACE);
            Err(unsupported(vm, base, inplace, a, b))
        }
    }
}

/// Whether `binary_op` treats type `t` as user-defined (its dunders are looked up and called):
/// a Python class, an exception class, or `type`, whose `__or__` builds `int | str`
/// (types.UnionType).
#[inline(always)]
fn is_user_type(vm: &Vm, t: *const TypeObject) -> bool {
    let d = type_data(t);
    !d.builtin || d.is_exception || t == vm.t.type_
}

/// The Python function `a <op> b` calls first, with `a` and `b`, when that is all it does before
/// the call (`binary_op_or_none`'s order): a non-in-place operator, `a` an instance of a Python
/// class whose `__op__` is a plain function, no built-in behaviour for the pair (`a` not
/// built-in, `b` no built-in sequence to repeat nor a set-like view), and `b`'s reflected
/// method not due first (`b` of `a`'s type or of a built-in one). Compiled code then pushes its
/// frame instead of calling it natively (`jit::ops`, BINARY_OP); if it returns NotImplemented,
/// [`binary_op_after_lhs`] goes on.
pub fn lhs_dunder_first(vm: &mut Vm, op: u32, a: Value, b: Value) -> Option<Value> {
    if op >= nb::INPLACE || !a.is_ptr() || layout_of(a) != Layout::Instance {
        return None;
    }
    let (ta, tb) = (obj_type(a), vm.type_of(b));
    // A plain Python class (exception classes and `type`, user-defined to `binary_op` too, are
    // left to the native call).
    if type_data(ta).builtin || type_data(ta).is_exception || ta == vm.t.type_ {
        return None;
    }
    if (op == nb::MULTIPLY && is_seq(b) && type_data(tb).builtin) || dictview::is_setlike(b) {
        return None;
    }
    if ta != tb && is_user_type(vm, tb) {
        return None;
    }
    let k = dunder_key(vm, op);
    crate::vm::runtime::attr::lookup_type(ta, k).filter(|&f| as_function(f).is_some())
}

/// The interned `__op__` name of operator `base` (< 13), kept in `Vm::binop_dunders` after its
/// first use (`sname` compares the name's text at every lookup).
#[inline]
fn dunder_key(vm: &mut Vm, base: u32) -> Value {
    let mut k = vm.binop_dunders[base as usize];
    if k.is_null() {
        k = vm.intern(DUNDERS[base as usize]);
        vm.binop_dunders[base as usize] = k;
    }
    k
}

/// `a <op> b` after the left operand's method, called first as [`lhs_dunder_first`] found it,
/// returned NotImplemented: the rest of `binary_op` (which, for such operands, ends in the
/// TypeError).
pub fn binary_op_after_lhs(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult {
    binary_op_raising(vm, op, a, b, true)
}

/// `binary_op`, with `None` where no implementation applies (the caller raises the TypeError
/// naming its own operands: an instance of a built-in's subclass, unwrapped below, is named as
/// itself, not as its base, as CPython names `OrderedDict() + 1`'s operands).
fn binary_op_or_none(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    binary_op_from(vm, op, a, b, false)
}

/// `binary_op_or_none`; `lhs_declined`: `a`'s own method was called already and returned
/// NotImplemented (`binary_op_after_lhs`), so it is not called again.
fn binary_op_from(
    vm: &mut Vm,
    op: u32,
    a: Value,
    b: Value,
    lhs_declined: bool,
) -> PyResult<Option<Value>> {
    let inplace = op >= nb::INPLACE;
    let base = op % nb::INPLACE;
    if let Some(r) = builtin_binop(vm, base, inplace, a, b)? {
        return Ok(Some(r));
    }
    // Dunders.
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let (dunder, rdunder) = (DUNDERS[base as usize], RDUNDERS[base as usize]);
    if inplace {
        if let Some(f) = lookup_type_str(vm, ta, IDUNDERS[base as usize]) {
            let r = call_method_value(vm, f, a, &[b])?;
            if r != vm.not_implemented {
                return Ok(Some(r));
            }
        }
    }
    let (user_a, user_b) = (is_user_type(vm, ta), is_user_type(vm, tb));
    let mut tried_rev = false;
    // b's reflected method when b's type does not override the one a's type has (the same
    // object: CPython's `slotw == slotv`, and `method_is_overloaded` in its Python-class slots):
    // not tried before a's method; after it only when a's type is a Python class (which tries
    // b's reflected method then, as SLOT1BINFULL does).
    let rev = if ta != tb && user_b {
        lookup_type_str(vm, tb, rdunder)
            .filter(|&f| !skips_inherited_repeat(vm, base, b, f, rdunder))
    } else {
        None
    };
    let rev_inherited = rev.is_some() && rev == lookup_type_str(vm, ta, rdunder);
    if let Some(f) = rev.filter(|_| !rev_inherited && vm.is_subtype(tb, ta)) {
        tried_rev = true;
        let r = call_method_value(vm, f, b, &[a])?;
        if r != vm.not_implemented {
            return Ok(Some(r));
        }
    }
    if user_a && !lhs_declined {
        let key = dunder_key(vm, base);
        if let Some(f) = crate::vm::runtime::attr::lookup_type(ta, key)
            .filter(|&f| !skips_inherited_repeat(vm, base, a, f, dunder))
        {
            let r = call_method_value(vm, f, a, &[b])?;
            if r != vm.not_implemented {
                return Ok(Some(r));
            }
        }
    }
    if !tried_rev && !(rev_inherited && !user_a) {
        if let Some(f) = rev {
            let r = call_method_value(vm, f, b, &[a])?;
            if r != vm.not_implemented {
                return Ok(Some(r));
            }
        }
    }
    // Instances of built-in subclasses: the operation on the wrapped values.
    if let Some((x, y)) = crate::vm::types::subclass::unwrap_pair(vm, a, b, dunder, rdunder) {
        let Some(r) = binary_op_or_none(vm, op, x, y)? else {
            return Ok(None);
        };
        // In-place operators on a mutable base (list +=) mutate it and keep the instance.
        return Ok(Some(if inplace && r == x && x != a { a } else { r }));
    }
    Ok(None)
}

/// Whether `f`, the `*` method (`dunder`: `__mul__`/`__rmul__`) found on `v`'s type, is the
/// one a built-in sequence base (str, bytes, bytearray, list, tuple) gives a subclass that does
/// not override it: CPython's sequences repeat through `sq_repeat`, which `*` reaches only after
/// the number slots (and their "can't multiply sequence by non-int" error), never through the
/// wrapper method, whose own error is `'S' object cannot be interpreted as an integer`. Left to
/// the operation on the wrapped base values.
fn skips_inherited_repeat(vm: &mut Vm, base: u32, v: Value, f: Value, dunder: &str) -> bool {
    base == nb::MULTIPLY
        && f.is_ptr()
        && !matches!(layout_of(f), Layout::Function)
        && crate::vm::types::subclass::base_value(v).is_some_and(is_seq)
        && crate::vm::types::subclass::defer_to_base(vm, v, dunder).is_some()
}

fn unsupported(vm: &mut Vm, base: u32, inplace: bool, a: Value, b: Value) -> Value {
    let (na, nbn) = (vm.tp_name(a), vm.tp_name(b));
    let sym = SYMBOLS[base as usize];
    let sym = if base == nb::POWER {
        if inplace {
            "**=".to_string()
        } else {
            "** or pow()".to_string()
        }
    } else if inplace {
        format!("{sym}=")
    } else {
        sym.to_string()
    };
    // (Instances of sequence subclasses too: `S("a") * 1.5`.)
    let seq_like =
        |v: Value| is_seq(v) || crate::vm::types::subclass::base_value(v).is_some_and(is_seq);
    if (base == nb::MULTIPLY) && (seq_like(a) || seq_like(b)) {
        let other = if seq_like(a) { nbn } else { na };
        return vm.type_error(format!(
            "can't multiply sequence by non-int of type '{other}'"
        ));
    }
    if base == nb::ADD && (as_str(a).is_some() && obj_type(a) == vm.t.str_) {
        return vm.type_error(format!("can only concatenate str (not \"{nbn}\") to str"));
    }
    if base == nb::ADD && as_bytes(a).is_some() {
        return vm.type_error(format!("can't concat {nbn} to {na}"));
    }
    if base == nb::ADD && as_list(a).is_some() {
        return vm.type_error(format!("can only concatenate list (not \"{nbn}\") to list"));
    }
    if base == nb::ADD && as_tuple(a).is_some() {
        return vm.type_error(format!(
            "can only concatenate tuple (not \"{nbn}\") to tuple"
        ));
    }
    vm.type_error(format!(
        "unsupported operand type(s) for {sym}: '{na}' and '{nbn}'"
    ))
}

fn is_seq(v: Value) -> bool {
    v.is_ptr()
        && matches!(
            layout_of(v),
            Layout::Str | Layout::List | Layout::Tuple | Layout::Bytes
        )
}

fn seq_repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    match int_of(n) {
        Some(IntVal::Small(i)) => Ok(Some(i.max(0) as usize)),
        // PyNumber_AsSsize_t(n, OverflowError): out of range either way, negative too.
        Some(IntVal::Big(_)) => {
            Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        None => Ok(None),
    }
}

fn builtin_binop(
    vm: &mut Vm,
    base: u32,
    inplace: bool,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    if is_num(a) && is_num(b) {
        if a.is_float() || b.is_float() {
            let x = num::float_of(vm, a)?.unwrap();
            let y = num::float_of(vm, b)?.unwrap();
            return float_binop(vm, base, x, y);
        }
        let (x, y) = (num::int_ref(a).unwrap(), num::int_ref(b).unwrap());
        if base == nb::AND || base == nb::OR || base == nb::XOR {
            // bool & bool stays bool.
            if as_bool_obj(a).is_some() && as_bool_obj(b).is_some() {
                let (p, q) = (a == vm.true_, b == vm.true_);
                let r = match base {
                    nb::AND => p & q,
                    nb::OR => p | q,
                    _ => p ^ q,
                };
                return Ok(Some(vm.bool_val(r)));
            }
        }
        return int_binop(vm, base, x, y);
    }
    if !a.is_ptr() && !b.is_ptr() {
        return Ok(None);
    }
    if (complex::is_complex(a) && (is_num(b) || complex::is_complex(b)))
        || (complex::is_complex(b) && is_num(a))
    {
        return complex::binop(vm, base, a, b);
    }
    let la = if a.is_ptr() { Some(layout_of(a)) } else { None };
    let lb = if b.is_ptr() { Some(layout_of(b)) } else { None };
    let builtin_a = a.is_ptr() && type_data(obj_type(a)).builtin;
    if !builtin_a
        && !(base == nb::MULTIPLY && is_seq(b) && type_data(obj_type(b)).builtin)
        && !dictview::is_setlike(b)
    {
        return Ok(None);
    }
    match (base, la, lb) {
        (nb::ADD, Some(Layout::Str), Some(Layout::Str)) => Ok(Some(str_add(vm, a, b))),
        (nb::ADD, Some(Layout::List), Some(Layout::List)) if !inplace => {
            let mut v = as_list(a).unwrap().to_vec();
            v.extend_from_slice(as_list(b).unwrap());
            Ok(Some(vm.new_list(v)))
        }
        (nb::ADD, Some(Layout::List), _) if inplace => {
            riter::extend_list(vm, a, b)?;
            Ok(Some(a))
        }
        (nb::ADD, Some(Layout::Tuple), Some(Layout::Tuple)) => {
            let mut v = as_tuple(a).unwrap().to_vec();
            v.extend_from_slice(as_tuple(b).unwrap());
            Ok(Some(vm.new_tuple(v)))
        }
        // bytes / bytearray + any bytes-like object (memoryview, array.array: the buffer
        // protocol, as bytes_concat and bytearray_iconcat take it).
        (nb::ADD, Some(Layout::Bytes), _) if buffer_bytes(b).is_some() => {
            if inplace && crate::vm::types::bytes::is_bytearray(vm, a) {
                // bytearray += bytes-like extends in place (a copy first: `b` may be `a` or a
                // view of it).
                let add = buffer_bytes(b).unwrap().to_vec();
                as_bytes(a).unwrap().extend_from_slice(&add);
                return Ok(Some(a));
            }
            let x = as_bytes(a).unwrap();
            let y = buffer_bytes(b).unwrap();
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            Ok(Some(crate::vm::types::bytes::new_like(vm, a, v)))
        }
        (nb::MULTIPLY, Some(l), _)
            if matches!(
                l,
                Layout::Str | Layout::List | Layout::Tuple | Layout::Bytes
            ) =>
        {
            match seq_repeat_count(vm, b)? {
                Some(n) => seq_repeat(vm, a, n, inplace).map(Some),
                None => Ok(None),
            }
        }
        (nb::MULTIPLY, _, Some(l))
            if matches!(
                l,
                Layout::Str | Layout::List | Layout::Tuple | Layout::Bytes
            ) =>
        {
            match seq_repeat_count(vm, a)? {
                Some(n) => seq_repeat(vm, b, n, false).map(Some),
                None => Ok(None),
            }
        }
        (nb::REMAINDER, Some(Layout::Bytes), _) => {
            crate::vm::runtime::repr::percent_format(vm, a, b).map(Some)
        }
        (nb::REMAINDER, Some(Layout::Str), _) => {
            crate::vm::runtime::repr::percent_format(vm, a, b).map(Some)
        }
        (_, Some(Layout::Set), Some(Layout::Set))
            if matches!(base, nb::OR | nb::AND | nb::SUBTRACT | nb::XOR) =>
        {
            set_op(vm, base, inplace, a, b).map(Some)
        }
        _ if matches!(base, nb::OR | nb::AND | nb::SUBTRACT | nb::XOR)
            && (dictview::is_setlike(a) || dictview::is_setlike(b)) =>
        {
            // dict_keys / dict_items act as sets with any iterable; the result is a set.
            dictview::binop(vm, base, a, b).map(Some)
        }
        (nb::OR, Some(Layout::Dict), Some(Layout::Dict)) => {
            let target = if inplace {
                a
            } else {
                let d = vm.new_dict();
                for (k, v) in rdict::items_of(a) {
                    rdict::dict_set(vm, d, k, v)?;
                }
                d
            };
            for (k, v) in rdict::items_of(b) {
                rdict::dict_set(vm, target, k, v)?;
            }
            Ok(Some(target))
        }
        _ => Ok(None),
    }
}

/// The machine's RAM (Linux `MemTotal`), the most one object may take: the allocator reserves
/// address space lazily, so an impossible size would otherwise be "allocated" and then filled
/// until the system runs out of memory, where CPython's malloc fails at once.
pub fn physical_memory() -> usize {
    static MEM: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *MEM.get_or_init(|| {
        std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                let l = m.lines().find(|l| l.starts_with("MemTotal:"))?;
                let kb: usize = l.split_whitespace().nth(1)?.parse().ok()?;
                kb.checked_mul(1024)
            })
            .unwrap_or(usize::MAX)
    })
}

/// A padding width (`str.ljust`, `bytes.zfill`, ...) that can be allocated, else the
/// MemoryError CPython raises (instead of aborting the process on a failed allocation).
pub fn check_width(vm: &mut Vm, w: usize) -> PyResult<usize> {
    if w.saturating_mul(4) > physical_memory() {
        return Err(no_memory(vm));
    }
    Ok(w)
}

/// A bare MemoryError (no arguments), as CPython's PyErr_NoMemory.
pub fn no_memory(vm: &mut Vm) -> Value {
    let t = vm.t.exc("MemoryError");
    let args = vm.new_tuple(Vec::new());
    vm.new_exception_args(t, args)
}

/// `items * n` as a new vector; MemoryError (as CPython) when the result cannot be allocated,
/// instead of aborting the process or filling memory for minutes.
fn repeat_items<T: Copy>(vm: &mut Vm, items: &[T], n: usize) -> PyResult<Vec<T>> {
    let total = items
        .len()
        .checked_mul(n)
        .filter(|t| t.saturating_mul(std::mem::size_of::<T>()) <= physical_memory());
    let mut out = Vec::new();
    match total {
        Some(t) if out.try_reserve_exact(t).is_ok() => {}
        _ => return Err(no_memory(vm)),
    }
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn seq_repeat(vm: &mut Vm, a: Value, n: usize, inplace: bool) -> PyResult {
    // `s * 1` is `s` itself for the immutable sequences.
    if n == 1 && (matches!(layout_of(a), Layout::Str | Layout::Tuple) || obj_type(a) == vm.t.bytes)
    {
        return Ok(a);
    }
    match layout_of(a) {
        Layout::Str => {
            let s = repeat_items(vm, as_str(a).unwrap().s.as_bytes(), n)?;
            // Repeating valid UTF-8 gives valid UTF-8.
            let s = String::from_utf8(s).expect("utf-8");
            Ok(vm.new_str_owned(s))
        }
        Layout::Bytes if inplace && crate::vm::types::bytes::is_bytearray(vm, a) => {
            let items = as_bytes(a).unwrap().clone();
            let s = repeat_items(vm, &items, n)?;
            *as_bytes(a).unwrap() = s;
            Ok(a)
        }
        Layout::Bytes => {
            let items = as_bytes(a).unwrap().clone();
            let s = repeat_items(vm, &items, n)?;
            Ok(crate::vm::types::bytes::new_like(vm, a, s))
        }
        Layout::List => {
            let items = as_list(a).unwrap().to_vec();
            let r = repeat_items(vm, &items, n)?;
            if inplace {
                as_list(a).unwrap().set(r);
                return Ok(a);
            }
            Ok(vm.new_list(r))
        }
        _ => {
            let items = as_tuple(a).unwrap().to_vec();
            let r = repeat_items(vm, &items, n)?;
            Ok(vm.new_tuple(r))
        }
    }
}

fn set_op(vm: &mut Vm, base: u32, inplace: bool, a: Value, b: Value) -> PyResult {
    if inplace {
        super::set::inplace(vm, base, a, b)?;
        return Ok(a);
    }
    let t = super::set::binop(vm, base, a, b)?;
    let frozen = obj_type(a) == vm.t.frozenset;
    Ok(super::set::from_table(vm, t, frozen))
}

/// UNARY_POSITIVE / NEGATIVE / INVERT.
pub fn unary_op(vm: &mut Vm, op: Opcode, v: Value) -> PyResult {
    if v.is_float() {
        match op {
            Opcode::UNARY_NEGATIVE => return Ok(Value::from_f64(-v.as_f64())),
            Opcode::UNARY_POSITIVE => return Ok(v),
            _ => {}
        }
    } else if let Some(i) = int_of(v) {
        return Ok(match op {
            Opcode::UNARY_NEGATIVE => num::int_neg(vm, &i),
            Opcode::UNARY_POSITIVE => num::new_int(vm, i),
            _ => match i {
                IntVal::Small(x) => vm.new_int(!x),
                IntVal::Big(b) => vm.new_bigint(-b - 1),
            },
        });
    }
    if let Some(r) = complex::unary(vm, op, v) {
        return Ok(r);
    }
    let (dunder, sym) = match op {
        Opcode::UNARY_NEGATIVE => ("__neg__", "-"),
        Opcode::UNARY_POSITIVE => ("__pos__", "+"),
        _ => ("__invert__", "~"),
    };
    let t = vm.type_of(v);
    if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, dunder) {
        return unary_op(vm, op, b);
    }
    if !type_data(t).builtin {
        if let Some(f) = lookup_type_str(vm, t, dunder) {
            return call_method_value(vm, f, v, &[]);
        }
    }
    let n = vm.type_name(v);
    Err(vm.type_error(format!("bad operand type for unary {sym}: '{n}'")))
}

/// `a + b` for two strs (the generic path and BINARY_OP_ADD_UNICODE): with an empty side, the
/// other str itself where it is an exact str, as CPython's PyUnicode_Concat gives (so identity,
/// and what pickle memoizes by it, are as in CPython).
pub fn str_add(vm: &mut Vm, a: Value, b: Value) -> Value {
    let (sa, sb) = (as_str(a).unwrap(), as_str(b).unwrap());
    if sa.s.is_empty() && obj_type(b) == vm.t.str_ {
        return b;
    }
    if sb.s.is_empty() && obj_type(a) == vm.t.str_ {
        return a;
    }
    str_concat(vm, sa, sb)
}

/// The concatenation of two strs' texts, a new str.
pub fn str_concat(vm: &mut Vm, a: &StrData, b: &StrData) -> Value {
    let mut s = String::with_capacity(a.s.len() + b.s.len());
    s.push_str(&a.s);
    s.push_str(&b.s);
    vm.new_str_owned(s)
}
