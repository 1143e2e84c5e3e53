//! `_random`: the Mersenne Twister the standard library's `random.py` is built on (rtlib's
//! generator: the same streams as CPython for a given seed). `_random.Random` is a Python class
//! (the module's Python part) whose instances hold their generator in a native `_mt` object;
//! the functions here act on that object. `_sha512` (random.py's str/bytes seeding) is
//! in `hashes`.

use num_bigint::BigInt;

use crate::rtlib::random_mt::Random;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num;
use crate::vm::runtime::repr::rt_err;
use crate::vm::types::nargs;
use crate::vm::value::Value;

/// A generator's state (the payload of a `_random.Random` instance's `_mt`).
pub struct MtState(Random);

impl NativeObject for MtState {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        624 * 4
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_new_state", new_state),
        ("_seed", seed),
        ("_random", random),
        ("_getrandbits", getrandbits),
        ("_getstate", getstate),
        ("_setstate", setstate),
    ];
    super::native_with_python(vm, "_random", fns, RANDOM_SRC)
}

const RANDOM_SRC: &str = r#"
del __file__

class Random:
    "Random() -> create a random number generator with its own internal state."
    __module__ = '_random'

    # CPython's type: tp_new allocates (any arguments), tp_init (random_init) checks them
    # and seeds, so a subclass overriding __init__ (random.Random) seeds in its own way.
    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._mt = _new_state()
        return self

    def __init__(self, *args, **kwargs):
        if kwargs and (type(self) is Random or type(self).__init__ is Random.__init__):
            raise TypeError('Random() takes no keyword arguments')
        if len(args) > 1:
            raise TypeError('Random() requires 0 or 1 argument')
        _seed(self._mt, args[0] if args else None)

    # Plain methods (random.random is this very method, and bm_go-like programs call it in their
    # inner loops): binding `*args, **kwargs` and checking self in Python to word the C
    # methods' arity errors made bm_go 7% slower, so those errors keep Python's wording.
    def random(self):
        "random() -> x in the interval [0, 1)."
        return _random(self._mt)

    # Positional-only, as the C methods are (a keyword is a TypeError).
    def seed(self, n=None, /):
        "seed([n]) -> None."
        _seed(self._mt, n)

    def getrandbits(self, k, /):
        "getrandbits(k) -> x.  Generates an int with k random bits."
        return _getrandbits(self._mt, k)

    def getstate(self):
        "getstate() -> tuple containing the current state."
        return _getstate(self._mt)

    def setstate(self, state, /):
        "setstate(state) -> None.  Restores generator state."
        _setstate(self._mt, state)
"#;

fn state<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut Random> {
    match as_native::<MtState>(v) {
        Some(s) => Ok(&mut s.0),
        None => Err(vm.type_error("_random: not a generator state")),
    }
}

fn new_state(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_new_state", args, kw, 0, 0, 0)?;
    let ty = vm.t.mt_state;
    let st = MtState(Random::with_seed(&BigInt::from(0)));
    Ok(vm.heap.alloc(ty, Box::new(st) as NativeData))
}

/// `seed(n)`: None seeds from the OS; an int by its absolute value; anything else by its hash
/// (random.py turns str and bytes into ints itself).
fn seed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "seed", args, kw, 0, 2, 2)?;
    let st = state(vm, args[0])?;
    let n = args[1];
    if n == vm.none {
        st.seed_from_os();
    } else if let Some(i) = crate::vm::types::subclass::int_arg(n) {
        st.seed_int(&i.to_big());
    } else {
        let h = crate::vm::runtime::dict::hash(vm, n)?;
        st.seed_hash(h as i64);
    }
    Ok(vm.none)
}

fn random(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "random", args, kw, 0, 1, 1)?;
    let x = state(vm, args[0])?.random();
    Ok(vm.new_float(x))
}

fn getrandbits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getrandbits", args, kw, 0, 2, 2)?;
    // Argument Clinic's `int`: `__index__` taken, OverflowError past a C int.
    let k = num::index_c(vm, args[1], "int", |n| i32::try_from(n).is_ok())?;
    let st = state(vm, args[0])?;
    match st.getrandbits(k) {
        Ok(b) => Ok(vm.new_bigint(b)),
        Err(e) => Err(rt_err(vm, e)),
    }
}

fn getstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getstate", args, kw, 0, 1, 1)?;
    let (words, index) = state(vm, args[0])?.state();
    let mut items: Vec<Value> = words.iter().map(|&w| vm.new_int(w as i64)).collect();
    items.push(vm.new_int(index as i64));
    Ok(vm.new_tuple(items))
}

fn setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "setstate", args, kw, 0, 2, 2)?;
    let Some(t) = as_tuple(args[1]).map(|t| t.to_vec()) else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if t.len() != 625 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = Vec::with_capacity(624);
    // CPython reads each word with PyLong_AsUnsignedLong (ints only, no `__index__`) and keeps
    // its low 32 bits; the index with PyLong_AsLong (`__index__` taken).
    for &w in &t[..624] {
        let i = num::as_unsigned_long(vm, w)?;
        words.push(i as u32);
    }
    let index = num::index_c(vm, t[624], "long", |_| true)?;
    if !(0..=624).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    state(vm, args[0])?.set_state(&words, index as usize);
    Ok(vm.none)
}
