//! The `random` module on rtlib's Mersenne Twister (same streams as CPython for a given seed).

use num_bigint::BigInt;

use super::def;
use crate::rtlib::random_mt::Random;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num;
use crate::vm::runtime::repr::rt_err;
use crate::vm::runtime::{dict as rdict, iter as riter};
use crate::vm::types::{nargs, split_kw};
use crate::vm::value::Value;

thread_local! {
    static RNG: std::cell::RefCell<Random> = std::cell::RefCell::new({
        let mut r = Random::with_seed(&BigInt::from(0));
        r.seed_from_os();
        r
    });
}

fn with_rng<T>(f: impl FnOnce(&mut Random) -> T) -> T {
    RNG.with(|r| f(&mut r.borrow_mut()))
}

pub fn create(vm: &mut Vm) -> Value {
    let m = vm.new_module("random");
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("seed", seed),
        ("random", random),
        ("randint", randint),
        ("randrange", randrange),
        ("choice", choice),
        ("shuffle", shuffle),
        ("uniform", uniform),
        ("sample", sample),
        ("getrandbits", getrandbits),
        ("gauss", gauss),
    ];
    for &(n, f) in fns {
        def(vm, m, n, f);
    }
    m
}

fn big(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match crate::vm::types::subclass::int_arg(v) {
        Some(i) => Ok(i.to_big()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn seed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "seed", args, kw, 0, 0, 2)?;
    match args.first() {
        None => with_rng(|r| r.seed_from_os()),
        Some(&v) if v == vm.none => with_rng(|r| r.seed_from_os()),
        Some(&v) => {
            let n = match crate::vm::types::subclass::int_arg(v) {
                Some(i) => i.to_big(),
                None => return Err(vm.not_implemented("random.seed() with a non-int seed")),
            };
            with_rng(|r| r.seed_int(&n));
        }
    }
    Ok(vm.none)
}

fn random(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "random", args, kw, 0, 0, 0)?;
    Ok(Value::from_f64(with_rng(|r| r.random())))
}

fn randint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "randint", args, kw, 0, 2, 2)?;
    let (a, b) = (big(vm, args[0])?, big(vm, args[1])?);
    match with_rng(|r| r.randint(&a, &b)) {
        Ok(v) => Ok(vm.new_bigint(v)),
        Err(e) => Err(rt_err(vm, e)),
    }
}

fn randrange(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "randrange", args, kw, 0, 1, 3)?;
    let a = big(vm, args[0])?;
    let stop = if args.len() > 1 {
        Some(big(vm, args[1])?)
    } else {
        None
    };
    let step = if args.len() > 2 {
        big(vm, args[2])?
    } else {
        BigInt::from(1)
    };
    match with_rng(|r| r.randrange(&a, stop.as_ref(), &step)) {
        Ok(v) => Ok(vm.new_bigint(v)),
        Err(e) => Err(rt_err(vm, e)),
    }
}

fn choice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "choice", args, kw, 0, 1, 1)?;
    let n = crate::vm::builtins::len_of(vm, args[0])?;
    match with_rng(|r| r.choice_index(n)) {
        Ok(i) => {
            let iv = vm.new_int(i as i64);
            crate::vm::runtime::subscr::getitem(vm, args[0], iv)
        }
        Err(e) => Err(rt_err(vm, e)),
    }
}

fn shuffle(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "shuffle", args, kw, 0, 1, 1)?;
    let Some(l) = as_list(args[0]) else {
        return Err(vm.not_implemented("random.shuffle() of a non-list"));
    };
    with_rng(|r| r.shuffle(l));
    Ok(vm.none)
}

fn uniform(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "uniform", args, kw, 0, 2, 2)?;
    let a = num::float_of(vm, args[0])?.unwrap_or(0.0);
    let b = num::float_of(vm, args[1])?.unwrap_or(0.0);
    Ok(Value::from_f64(with_rng(|r| r.uniform(a, b))))
}

fn sample(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, _) = split_kw(args, kw);
    if pos.len() != 2 {
        return Err(vm.type_error("sample() takes 2 positional arguments"));
    }
    let items = if as_set(pos[0]).is_some() || as_dict(pos[0]).is_some() {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    } else {
        riter::collect(vm, pos[0])?
    };
    let k = num::int_to_i64(pos[1]).unwrap_or(-1);
    match with_rng(|r| r.sample_indices(items.len(), k)) {
        Ok(idx) => {
            let v: Vec<Value> = idx.into_iter().map(|i| items[i]).collect();
            Ok(vm.new_list(v))
        }
        Err(e) => Err(rt_err(vm, e)),
    }
}

fn getrandbits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getrandbits", args, kw, 0, 1, 1)?;
    let k = num::int_to_i64(args[0]).unwrap_or(-1);
    match with_rng(|r| r.getrandbits(k)) {
        Ok(v) => Ok(vm.new_bigint(v)),
        Err(e) => Err(rt_err(vm, e)),
    }
}

fn gauss(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "gauss", args, kw, 0, 0, 2)?;
    let mu = match args.first() {
        Some(&v) => num::float_of(vm, v)?.unwrap_or(0.0),
        None => 0.0,
    };
    let sigma = match args.get(1) {
        Some(&v) => num::float_of(vm, v)?.unwrap_or(1.0),
        None => 1.0,
    };
    let _ = rdict::len_of;
    Ok(Value::from_f64(with_rng(|r| r.gauss(mu, sigma))))
}
