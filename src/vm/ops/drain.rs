//! Generators drained by the built-ins that collect them (`list(g)`, `tuple(genexpr)`,
//! `set(genexpr)`, `"".join(genexpr)`, `sorted(g)`, ...).
//!
//! Such a consumer calls `next` on the generator until it ends and does nothing between two items
//! but keep the item. Resumed by `next`, every item costs a resume and a suspension: the frame
//! linked in and out, the exception state swapped twice, the interpreter loop (or compiled code)
//! entered and left, about 430 instructions under `--jit` for a generator expression whose body
//! is a handful of instructions (nqueens resumes ~1.1M of them per loop). Drained, the consumer
//! resumes the generator once with [`Drain`] set on the VM, and every YIELD_VALUE of that
//! generator's frame whose value the drain takes appends it to [`Vm::drained`](crate::vm::interp::Vm)
//! and goes on right away as if `next()` had resumed it (the yield expression's value is None),
//! in the interpreter loop or in compiled code alike: both call [`drain_yield`].
//!
//! Why nothing can tell the difference: between two items the consumer runs no Python code, so
//! no code observes the generator suspended (`gi_running`, `gi_frame.f_lasti`, a `next()` on it
//! from elsewhere) or the exception state swapped back. Where keeping an item can run Python code
//! (adding to a set calls `__hash__` and `__eq__`), the drain takes only values whose hash and
//! equality are the built-in types' own ([`Accept::PureHash`]); any other value is yielded as
//! usual, so the consumer handles it between the generator's steps exactly as `next` would have.
//! Tracing (`sys.settrace`) would see the missing call and return events; cpjit has none.

use crate::vm::framestack::{boxed_frame, FramePtr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

use super::{gen_resume, Exit};

/// Which yielded values a drain takes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Accept {
    /// None: the generator is resumed by `next` for each item.
    Nothing,
    /// Every value (the consumer only collects them: `list`, `tuple`, `sorted`, `str.join`).
    All,
    /// Values whose hashing and comparing run no Python code (`set(genexpr)`): exact int, bool,
    /// float, str, bytes, None, and tuples of those.
    PureHash,
    /// Small ints, bools and floats (`sum` with an int or float total: adding them runs no Python
    /// code and cannot fail, where a float and a huge int raise OverflowError).
    Number,
    /// Values whose truth the built-in types decide and is false (`any`: such an item never
    /// ends it).
    Falsy,
    /// ... and is true (`all`).
    Truthy,
}

/// The generator frame being drained and what its yields hand over.
#[derive(Clone, Copy, Debug)]
pub struct Drain {
    frame: FramePtr,
    accept: Accept,
    /// `vm.drained` holds at most this many values (a yield beyond is a plain one).
    limit: usize,
}

/// Resumes generator `gen` (an exact generator, not a coroutine or async generator) as `next()`
/// would, draining it: the values its frame yields that `accept` takes are appended to
/// `vm.drained` and the frame runs on; the result is the first value it yields that `accept` does
/// not take (`Exit::Yield`), or its end. The caller takes the drained values off `vm.drained`
/// (above the length it had) whatever the result.
pub fn resume_draining(vm: &mut Vm, gen: Value, accept: Accept, limit: usize) -> PyResult<Exit> {
    let g = as_generator(gen).unwrap();
    let frame = boxed_frame(&mut g.frame);
    // A drain inside the generator's body (its own `list(...)` of another generator) sets its
    // own and puts this one back when it ends.
    let outer = vm.drain.replace(Drain {
        frame,
        accept,
        limit,
    });
    if let Some(st) = vm.stats.as_deref_mut() {
        st.drains += 1;
    }
    let none = vm.none;
    let r = gen_resume(vm, gen, none, None);
    vm.drain = outer;
    r
}

/// YIELD_VALUE of frame `f` yielding `v`, for the interpreter's arm and the JIT's `yield_switch`:
/// true when the frame is being drained and the drain takes `v` (then appended to `vm.drained`):
/// the frame goes on after the yield with None pushed, as if resumed by `next()`.
#[inline]
pub fn drain_yield(vm: &mut Vm, f: FramePtr, v: Value) -> bool {
    match vm.drain {
        Some(d) if d.frame == f && vm.drained.len() < d.limit && takes(vm, d.accept, v) => {
            vm.drained.push(v);
            if let Some(st) = vm.stats.as_deref_mut() {
                st.drained_items += 1;
            }
            true
        }
        _ => false,
    }
}

/// Whether a drain of kind `accept` takes `v`.
pub fn takes(vm: &Vm, accept: Accept, v: Value) -> bool {
    match accept {
        Accept::Nothing => false,
        Accept::All => true,
        Accept::PureHash => pure_hash(vm, v, 2),
        Accept::Number => !v.is_ptr() || v == vm.true_ || v == vm.false_,
        Accept::Falsy => pure_truth(vm, v) == Some(false),
        Accept::Truthy => pure_truth(vm, v) == Some(true),
    }
}

/// `v`'s truth when the built-in types' own code decides it (no `__bool__`/`__len__` of a
/// class): small ints and floats, None, exact int/bool/str/bytes/tuple/list/dict/set.
fn pure_truth(vm: &Vm, v: Value) -> Option<bool> {
    if !v.is_ptr() {
        return Some(if v.is_float() {
            v.as_f64() != 0.0
        } else {
            v.as_small_int() != 0
        });
    }
    if v == vm.true_ {
        return Some(true);
    }
    if v == vm.false_ || v == vm.none {
        return Some(false);
    }
    let t = obj_type(v);
    if t == vm.t.int {
        return Some(true); // a big int (small ones are not pointers) is never zero
    }
    if t == vm.t.str_ {
        return as_str(v).map(|s| !s.s.is_empty());
    }
    if t == vm.t.bytes {
        return as_bytes(v).map(|b| !b.is_empty());
    }
    if t == vm.t.tuple {
        return as_tuple(v).map(|x| !x.is_empty());
    }
    if t == vm.t.list {
        return as_list(v).map(|x| !x.is_empty());
    }
    None
}

/// Whether hashing `v` and comparing it with other such values runs only the built-in types'
/// code: exact int/bool/float/str/bytes, None, and exact tuples of those (`depth` levels down).
pub fn pure_hash(vm: &Vm, v: Value, depth: u32) -> bool {
    if !v.is_ptr() || v == vm.none {
        return true;
    }
    let t = obj_type(v);
    if t == vm.t.int || t == vm.t.bool_ || t == vm.t.str_ || t == vm.t.bytes {
        return true;
    }
    if t == vm.t.tuple && depth > 0 {
        return as_tuple(v).is_some_and(|items| items.iter().all(|&x| pure_hash(vm, x, depth - 1)));
    }
    false
}
