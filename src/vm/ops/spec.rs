//! The guarded fast paths of the specialized instructions (PEP 659) that both the interpreter's
//! arms (`vm::eval`) and the JIT's runtime functions (`jit::ops`) run, so each operation has one
//! implementation. Each takes the code units after the instruction (`c`: its inline cache;
//! `c[0]` is the specialization counter) and returns `None`/`false` when a guard fails (a miss: the caller runs the family's
//! generic form, or the JIT exits to the interpreter at the instruction).

use std::cell::Cell;

use crate::bytecode::opcode::{nb, Opcode};
use crate::vm::adaptive::read_u64;
use crate::vm::dict::DictTable;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call;
use crate::vm::runtime::inline_cache as ic;
use crate::vm::runtime::subscr::norm_index;
use crate::vm::value::Value;

/// LOAD_GLOBAL_MODULE (`builtin` false) / LOAD_GLOBAL_BUILTIN: the globals' (and builtins') dict
/// keys versions, then one indexed load. (A code object may run under other globals:
/// `exec(code, d)`, so the globals are the frame's.)
#[inline(always)]
pub fn load_global(vm: &Vm, globals: Value, builtin: bool, c: &[Cell<u32>]) -> Option<Value> {
    let g: &DictTable = &as_dict(globals)?.table;
    if g.shape() != read_u64(c, 1) {
        return None;
    }
    let src: &DictTable = if builtin {
        let b = &as_dict(vm.builtins)?.table;
        if b.shape() != read_u64(c, 3) {
            return None;
        }
        b
    } else {
        g
    };
    src.slot(c[5].get() as usize).map(|e| e.value)
}

/// LOAD_ATTR_INSTANCE_VALUE: a type-version compare and one indexed load (the class's shared keys
/// give the index; a NULL value or a dict-backed instance misses).
#[inline(always)]
pub fn load_attr_instance_value(o: Value, c: &[Cell<u32>]) -> Option<Value> {
    if o.is_ptr() && type_data(obj_type(o)).version.get() == c[1].get() {
        as_instance(o)?.value(c[2].get() as usize)
    } else {
        None
    }
}

/// LOAD_METHOD_WITH_VALUES / LOAD_METHOD_NO_DICT: the method cached for the receiver's type
/// version, unless (WITH_VALUES) the instance's own dict shadows the name.
#[inline(always)]
pub fn load_method(vm: &Vm, op: Opcode, o: Value, name: Value, c: &[Cell<u32>]) -> Option<Value> {
    let ty = vm.type_of(o);
    if type_data(ty).version.get() != c[1].get() {
        return None;
    }
    if op == Opcode::LOAD_METHOD_WITH_VALUES {
        let d = as_instance(o)?.dict;
        if !d.is_null() && ic::find_str(&as_dict(d)?.table, name).is_some() {
            return None;
        }
    }
    Some(Value(read_u64(c, 3)))
}

/// STORE_ATTR_INSTANCE_VALUE: `o.<name> = v` into the instance's values array.
#[inline(always)]
pub fn store_attr_instance_value(vm: &mut Vm, o: Value, v: Value, c: &[Cell<u32>]) -> bool {
    o.is_ptr()
        && type_data(obj_type(o)).version.get() == c[1].get()
        && crate::vm::types::instance::store_at(vm, o, c[2].get() as usize, v)
}

/// The item `seq[k]` of an exact list (`list`) or tuple for a small int index in range (negative
/// counts from the end): the guard and lookup BINARY_SUBSCR_LIST_INT / BINARY_SUBSCR_TUPLE_INT
/// and STORE_SUBSCR_LIST_INT share (the JIT's stencils read or write the item through it).
#[inline(always)]
pub fn seq_item<'a>(vm: &Vm, list: bool, seq: Value, k: Value) -> Option<&'a mut Value> {
    if !k.is_small_int() {
        return None;
    }
    let items: &mut [Value] = if list {
        if !is_exact(seq, vm.t.list) {
            return None;
        }
        as_list(seq)?
    } else {
        if !is_exact(seq, vm.t.tuple) {
            return None;
        }
        as_tuple(seq)?
    };
    let j = norm_index(k.as_small_int(), items.len())?;
    Some(&mut items[j])
}

/// BINARY_SUBSCR_LIST_INT / BINARY_SUBSCR_TUPLE_INT: `seq[k]` (`seq_item`).
#[inline(always)]
pub fn subscr_seq_int(vm: &Vm, op: Opcode, seq: Value, k: Value) -> Option<Value> {
    seq_item(vm, op == Opcode::BINARY_SUBSCR_LIST_INT, seq, k).map(|v| *v)
}

/// STORE_SUBSCR_LIST_INT: `lst[k] = v` (`seq_item`).
#[inline(always)]
pub fn store_subscr_list_int(vm: &Vm, v: Value, lst: Value, k: Value) -> bool {
    match seq_item(vm, true, lst, k) {
        Some(item) => {
            *item = v;
            true
        }
        None => false,
    }
}

/// CALL_BUILTIN_FAST: `stack` is the call's part of the value stack (NULL or callable, callable
/// or self, the arguments). The built-in function to call and where its arguments start in
/// `stack`: an unbound built-in, and for a method descriptor a `self` of exactly its type (others
/// go through the generic call's checks and conversions).
#[inline(always)]
pub fn builtin_fast_target(vm: &Vm, stack: &[Value]) -> Option<(BuiltinFn, usize)> {
    let (callable, start) = if stack[0].is_null() {
        (stack[1], 2)
    } else {
        (stack[0], 1)
    };
    let b = as_builtin(callable)?;
    let self_ok = b.owner.is_null()
        || (start < stack.len() && Value::from_ptr(vm.type_of(stack[start])) == b.owner);
    (b.bound.is_null() && self_ok).then_some((b.f, start))
}

/// COPY_FREE_VARS: the closure's cells of function `func` into the frame's free slots `frees`
/// (false when `func` has no such closure).
#[inline(always)]
pub fn copy_free_vars(func: Value, frees: &mut [Value]) -> bool {
    let Some(cells) = as_function(func).and_then(|f| as_tuple(f.closure)) else {
        return false;
    };
    match cells.get(..frees.len()) {
        Some(c) => {
            frees.copy_from_slice(c);
            true
        }
        None => false,
    }
}

/// A float or a small int as an f64 (small ints have at most 48 bits: exact in an f64, as
/// CPython's int-to-float conversion is for them). Shared by BINARY_OP's inline fast path
/// (`eval::binary_op_fast`) and BINARY_OP_NUMERIC_FLOAT.
#[inline(always)]
pub fn as_f64_number(v: Value) -> Option<f64> {
    if v.is_float() {
        Some(v.as_f64())
    } else if v.is_small_int() {
        Some(v.as_small_int() as f64)
    } else {
        None
    }
}

/// BINARY_OP_NUMERIC_FLOAT: `a <op> b` (op = `oparg`, in-place forms included) when both are
/// floats or small ints and the result is the float CPython computes without raising; None
/// otherwise (the generic form then runs and raises what CPython raises). Small ints have at most
/// 48 bits, so converting one to f64 is exact, as CPython's int-to-float conversion is for them;
/// CPython divides two ints that fit in a double's mantissa as doubles too (`long_true_divide`'s
/// fast path), and `**` calls the C library's `pow` as `f64::powf` does. Overflow (an infinite
/// `**` result) and zero divisors are left to the generic form.
#[inline]
pub fn numeric_float(oparg: u32, a: Value, b: Value) -> Option<Value> {
    let (x, y) = (as_f64_number(a)?, as_f64_number(b)?);
    let r = match oparg % nb::INPLACE {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::TRUE_DIVIDE if y != 0.0 => x / y,
        nb::POWER if a.is_float() && b.is_float() && x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    // + - * of two small ints is an int: those sites have their own forms (BINARY_OP_*_INT).
    if a.is_small_int() && b.is_small_int() && oparg % nb::INPLACE != nb::TRUE_DIVIDE {
        return None;
    }
    Some(Value::from_f64(r))
}

/// CALL_PY_EXACT_ARGS / CALL_PY_WITH_DEFAULTS / CALL_BOUND_METHOD_EXACT_ARGS: `stack` is the
/// call's part of the value stack (NULL or callable, callable or self, the arguments). Checks the
/// guards and returns the Python function to call and where its arguments start in `stack`; a
/// bound method in a method call's callable slot is unpacked in place (function, self).
#[inline(always)]
pub fn py_call_target<'a>(op: Opcode, stack: &mut [Value]) -> Option<PyCall<'a>> {
    let (mut callable, mut start) = if stack[0].is_null() {
        (stack[1], 2)
    } else {
        (stack[0], 1)
    };
    if op == Opcode::CALL_BOUND_METHOD_EXACT_ARGS && start == 2 {
        if let Some(m) = as_bound_method(callable) {
            stack[0] = m.func;
            stack[1] = m.self_;
            callable = m.func;
            start = 1;
        }
    }
    let fd = as_function(callable)?;
    let cd = as_code(fd.code)?;
    let nargs = stack.len() - start;
    let fits = if op == Opcode::CALL_PY_WITH_DEFAULTS {
        call::fits_with_defaults(&cd.code, fd, nargs)
    } else {
        call::is_exact_positional(&cd.code, nargs, &[])
    };
    fits.then_some(PyCall {
        callable,
        start,
        fd,
        cd,
    })
}

/// CALL_ALLOC_AND_ENTER_INIT's guard on `stack` (NULL, the class, the arguments): the class is
/// the one specialized for (its type version is `c[1]`: every change to its attributes, its
/// bases' or its `__class__` gives it a new one), still with the `__new__`/`__init__` pair
/// cached under that version (`call::ctor_slots`) and metaclass `type`; its `__init__` takes self
/// and exactly the arguments. The target's `start` is 1: the instance goes in place of the class.
#[inline(always)]
pub fn init_call_target<'a>(vm: &Vm, stack: &[Value], c: &[Cell<u32>]) -> Option<PyCall<'a>> {
    let cls = stack[1];
    if !stack[0].is_null() || !cls.is_ptr() || obj_type(cls) != vm.t.type_ {
        return None;
    }
    let td = type_data(cls.as_ptr::<TypeObject>());
    let version = td.version.get();
    let (cached, _, init, concrete) = td.ctor_cache.get();
    if version != c[1].get() || cached != version || !concrete {
        return None;
    }
    let (fd, cd) = exact_function(init, stack.len() - 1)?;
    Some(PyCall {
        callable: init,
        start: 1,
        fd,
        cd,
    })
}

/// `f` when it is a Python function taking exactly `nargs` positional arguments (self included)
/// and nothing else, not a generator function: one whose frame can be pushed with the arguments
/// as they are. The `__init__` CALL_ALLOC_AND_ENTER_INIT pushes (checked at every call too: the
/// class's version does not cover a new `__code__`), or the `__op__` compiled code pushes for a
/// BINARY_OP (`jit::ops`).
#[inline(always)]
pub fn exact_function<'a>(f: Value, nargs: usize) -> Option<(&'a FunctionData, &'a CodeData)> {
    let fd = as_function(f)?;
    let cd = as_code(fd.code)?;
    (call::is_exact_positional(&cd.code, nargs, &[]) && !crate::vm::eval::makes_generator(cd))
        .then_some((fd, cd))
}

/// CALL_ALLOC_AND_ENTER_INIT after its guard (`init_call_target`): allocates the instance of the
/// class at `stack[1]` (as `object.__new__`), leaves it in `stack[0]`, where the call's result
/// goes, and in `stack[1]` as `__init__`'s self, and pushes the `__init__` frame (`FRAME_INIT`:
/// its return pushes nothing, `eval::return_from_init`). The caller syncs its frame before and
/// keeps one value of the window on its stack after (the instance).
#[inline(always)]
pub fn enter_init(
    vm: &mut Vm,
    t: &PyCall<'_>,
    stack: &mut [Value],
) -> PyResult<crate::vm::framestack::FramePtr> {
    let cls = stack[1].as_ptr::<TypeObject>() as *const TypeObject;
    let obj = call::new_instance(vm, cls);
    stack[0] = obj;
    stack[1] = obj;
    let f = crate::vm::eval::push_frame_exact(vm, t.callable, t.fd, t.cd, &stack[1..])?;
    f.get().flags = crate::vm::frame::FRAME_INIT;
    Ok(f)
}

/// The Python function a CALL_PY_* instruction calls: the callable, the index of its first
/// argument in the call's stack window, and its function and code objects (looked up once for
/// the guard, the frame push and the switch into its compiled code).
pub struct PyCall<'a> {
    pub callable: Value,
    pub start: usize,
    pub fd: &'a FunctionData,
    pub cd: &'a CodeData,
}

/// LOAD_ATTR_SLOT: a type-version compare and the slot's value (`None` when it is unset too, so
/// the generic form raises AttributeError).
#[inline(always)]
pub fn load_attr_slot(o: Value, c: &[Cell<u32>]) -> Option<Value> {
    if !(o.is_ptr() && type_data(obj_type(o)).version.get() == c[1].get()) {
        return None;
    }
    ic::slot_value(o, c[2].get() as usize)
}

/// STORE_ATTR_SLOT: a type-version compare and the store into the slot (slot values are indexed
/// by the class's slot names, allocated with the instance).
#[inline(always)]
pub fn store_attr_slot(o: Value, v: Value, c: &[Cell<u32>]) -> bool {
    if !(o.is_ptr() && type_data(obj_type(o)).version.get() == c[1].get()) {
        return false;
    }
    let Some(inst) = as_instance(o) else {
        return false;
    };
    let i = c[2].get() as usize;
    if i >= inst.cap as usize {
        return false;
    }
    inst.values_mut()[i] = v;
    inst.hi = inst.hi.max(i as u32 + 1);
    true
}

/// LOAD_ATTR_CLASS: the class's version, then the cached attribute.
#[inline(always)]
pub fn load_attr_class(o: Value, c: &[Cell<u32>]) -> Option<Value> {
    let td = as_type(o)?;
    (td.version.get() == c[1].get()).then(|| Value(read_u64(c, 3)))
}

/// LOAD_METHOD_CLASS: when `o` is the class specialized for (its type version), the two values
/// the instruction leaves (the first in place of `o`): a classmethod's function and the class,
/// which the call passes where a method's self goes, or NULL and the cached value.
#[inline(always)]
pub fn load_method_class(o: Value, c: &[Cell<u32>]) -> Option<(Value, Value)> {
    let td = as_type(o)?;
    if td.version.get() != c[1].get() {
        return None;
    }
    let v = Value(read_u64(c, 3));
    Some(if c[2].get() != 0 {
        (v, o)
    } else {
        (Value::NULL, v)
    })
}

/// LOAD_METHOD_SUPER: when `o` is a super object bound to an instance, whose class has the
/// version specialized for (unit 2) and comes in the instance type's MRO followed by exactly its
/// own MRO (`super_mro_is_tail`), the cached method (units 3-4) and the instance, the two values
/// the instruction leaves. The method was found in the class's MRO after the class; a type's
/// version changes with any change to it or an ancestor, and no two types share one. Out of
/// line: inlined into the interpreter loop, its body cost every other instruction there (fib's
/// calls 583 -> 597 instructions each, the loop's registers allocated differently).
#[inline(never)]
pub fn load_method_super(o: Value, c: &[Cell<u32>]) -> Option<(Value, Value)> {
    let sd = as_super(o)?;
    // Bound to an instance (a class-bound super's obj is its obj_type).
    if sd.obj.is_null() || sd.obj == sd.obj_type || !sd.ty.is_ptr() || !sd.obj_type.is_ptr() {
        return None;
    }
    let start = sd.ty.as_ptr::<TypeObject>();
    if type_data(start).version.get() != c[2].get() || !super_mro_is_tail(sd.obj_type, sd.ty) {
        return None;
    }
    Some((Value(read_u64(c, 3)), sd.obj))
}

/// Whether the MRO of `t` ends with the MRO of `start` (which begins with `start`), so that
/// what `super(start, obj)` finds for an instance of `t` is what `start`'s own MRO after
/// `start` holds: always under single inheritance, so one site serves every subclass.
#[inline]
pub fn super_mro_is_tail(t: Value, start: Value) -> bool {
    let (m, own) = (&type_data(t.as_ptr()).mro, &type_data(start.as_ptr()).mro);
    m.len() >= own.len() && m[m.len() - own.len()..] == own[..]
}

/// LOAD_ATTR_MODULE / LOAD_METHOD_MODULE: the module attribute's value when `o` is a module whose
/// dict still has the cached shape (`c[1..3]`) and a live entry at the cached index (`c[3]`).
#[inline(always)]
pub fn load_attr_module(o: Value, c: &[Cell<u32>]) -> Option<Value> {
    let m = as_module(o)?;
    let t: &DictTable = &as_dict(m.dict)?.table;
    if t.shape() != read_u64(c, 1) {
        return None;
    }
    t.slot(c[3].get() as usize).map(|e| e.value)
}

/// UNPACK_SEQUENCE_TWO_TUPLE / _TUPLE / _LIST: the `n` items of `v` when it is an exact tuple
/// (list for _LIST) of that length.
#[inline(always)]
pub fn unpack_items<'a>(vm: &Vm, op: Opcode, v: Value, n: usize) -> Option<&'a [Value]> {
    let items: &[Value] = if op == Opcode::UNPACK_SEQUENCE_LIST {
        if !is_exact(v, vm.t.list) {
            return None;
        }
        &as_list(v)?[..]
    } else {
        if !is_exact(v, vm.t.tuple) {
            return None;
        }
        &as_tuple(v)?[..]
    };
    (items.len() == n).then_some(items)
}

/// CALL_LEN / CALL_ISINSTANCE / CALL_TYPE_1 / CALL_STR_1 / CALL_TUPLE_1 / CALL_BUILTIN_CLASS on
/// `stack` (NULL, the callable, the arguments): `None` when a guard fails (a pinned built-in
/// callable, no keyword names, one argument or two for isinstance, any for a built-in class),
/// else the call's result. The caller syncs the frame first: len() and the constructors may run
/// Python code.
pub fn call_builtin_1(
    vm: &mut Vm,
    op: Opcode,
    stack: &[Value],
    c: &[Cell<u32>],
) -> Option<PyResult> {
    if !(stack[0].is_null() && stack[1].0 == read_u64(c, 1)) {
        return None;
    }
    let arg = stack[stack.len() - 1];
    match op {
        Opcode::CALL_LEN => {
            Some(crate::vm::builtins::len_of(vm, arg).map(|n| vm.new_int(n as i64)))
        }
        Opcode::CALL_ISINSTANCE => {
            let (o, cls) = (stack[stack.len() - 2], arg);
            match as_type(cls) {
                // A class whose metaclass is `type` itself: no __instancecheck__.
                Some(_) if obj_type(cls) == vm.t.type_ => {
                    let t = vm.type_of(o);
                    Some(Ok(vm.bool_val(vm.is_subtype(t, cls.as_ptr()))))
                }
                _ => None,
            }
        }
        Opcode::CALL_TYPE_1 => Some(Ok(Value::from_ptr(vm.type_of(arg)))),
        Opcode::CALL_STR_1 if is_exact(arg, vm.t.str_) => Some(Ok(arg)),
        Opcode::CALL_TUPLE_1 if is_exact(arg, vm.t.tuple) => Some(Ok(arg)),
        Opcode::CALL_STR_1 | Opcode::CALL_TUPLE_1 => {
            Some(call::type_call(vm, stack[1], &[arg], &[]))
        }
        Opcode::CALL_BUILTIN_CLASS => {
            // The class's __new__ on the class and the arguments, where they are on the stack
            // (type_call_default returns its object as is for these classes).
            let t = stack[1].as_ptr::<TypeObject>() as *const TypeObject;
            let new = call::builtin_new(vm, t)?;
            Some(crate::vm::panic_guard::guard(vm, |vm| {
                new(vm, &stack[1..], &[])
            }))
        }
        _ => None,
    }
}

/// CALL_LIST_APPEND on `stack` (list.append, the list, the argument): appends and returns true
/// when the guards hold.
#[inline(always)]
pub fn call_list_append(vm: &Vm, oparg: u32, stack: &[Value], c: &[Cell<u32>]) -> bool {
    if !(oparg == 1 && stack[0].0 == read_u64(c, 1) && is_exact(stack[1], vm.t.list)) {
        return false;
    }
    as_list(stack[1]).unwrap().push(stack[2]);
    true
}

/// Generic CALL on `stack` (NULL or callable, callable or self, the arguments): the callable and
/// where its arguments start. A bound method in the callable's slot is unpacked in place
/// (function, self) so Python methods run inline; a bound built-in method's self goes in the
/// callable's slot so the arguments stay one contiguous slice (then the callable returned is
/// the built-in's function, as `Err`).
pub fn call_target(stack: &mut [Value]) -> Result<(Value, usize), (BuiltinFn, usize)> {
    if !stack[0].is_null() {
        return Ok((stack[0], 1));
    }
    let callable = stack[1];
    if let Some(m) = as_bound_method(callable) {
        stack[0] = m.func;
        stack[1] = m.self_;
        return Ok((m.func, 1));
    }
    if let Some(b) = as_builtin(callable) {
        // A built-in bound to an instance of a Python class (which may wrap a built-in value
        // the method must run on) goes through `call::call`, which unwraps it.
        let plain_self = !b.bound.is_ptr() || layout_of(b.bound) != Layout::Instance;
        if !b.bound.is_null() && plain_self {
            stack[1] = b.bound;
            return Err((b.f, 1));
        }
    }
    Ok((callable, 2))
}
