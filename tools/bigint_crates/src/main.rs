//! pidigits (pyperformance's algorithm, 2000 digits) and the bigint kernel (fact(15000) % p,
//! fib(250000)) on several big-int crates. Each op allocates a fresh result, as an interpreter must.
use std::time::Instant;

macro_rules! workloads {
    ($modname:ident, $T:ty, $from:expr, $divfloor:expr, $rem:expr, $bits:expr, $to_u64:expr) => {
        workloads!($modname, $T, $from, $divfloor, $rem, $bits, $to_u64,
            |a: &$T, b: &$T| -> $T { a * b }, |a: &$T, b: &$T| -> $T { a + b });
    };
    ($modname:ident, $T:ty, $from:expr, $divfloor:expr, $rem:expr, $bits:expr, $to_u64:expr, $mul:expr, $add:expr) => {
        mod $modname {
            #[allow(unused_imports)]
            use super::*;
            type T = $T;
            fn f(i: i64) -> T { ($from)(i) }
            fn mul(a: &T, b: &T) -> T { ($mul)(a, b) }
            fn add(a: &T, b: &T) -> T { ($add)(a, b) }
            fn compose(a: &[T; 4], b: &[T; 4]) -> [T; 4] {
                [mul(&a[0], &b[0]), add(&mul(&a[0], &b[1]), &mul(&a[1], &b[3])), add(&mul(&a[2], &b[0]), &mul(&a[3], &b[2])), add(&mul(&a[2], &b[1]), &mul(&a[3], &b[3]))]
            }
            fn extract(z: &[T; 4], j: i64) -> T {
                let jj = f(j);
                let n = add(&mul(&z[0], &jj), &z[1]);
                let d = add(&mul(&z[2], &jj), &z[3]);
                ($divfloor)(&n, &d)
            }
            pub fn pidigits(n: usize) -> u64 {
                let mut z = [f(1), f(0), f(0), f(1)];
                let mut k = 0i64;
                let mut acc = 0u64;
                for _ in 0..n {
                    let mut y = extract(&z, 3);
                    while y != extract(&z, 4) {
                        k += 1;
                        z = compose(&z, &[f(k), f(4 * k + 2), f(0), f(2 * k + 1)]);
                        y = extract(&z, 3);
                    }
                    let yy: u64 = ($to_u64)(&y);
                    z = compose(&[f(10), f(-10 * yy as i64), f(0), f(1)], &z);
                    acc = acc * 10 % 1_000_000_007 + yy;
                }
                acc
            }
            pub fn fact() -> u64 {
                let mut r = f(1);
                for i in 2..=15000i64 { r = mul(&r, &f(i)); }
                ($to_u64)(&($rem)(&r, &f(1_000_000_007)))
            }
            pub fn kernel() -> (u64, u64) {
                let (mut a, mut b) = (f(0), f(1));
                for _ in 0..250_000 { let c = add(&a, &b); a = b; b = c; }
                let bits: u64 = ($bits)(&a);
                let m: u64 = ($to_u64)(&($rem)(&a, &f(999_999_937)));
                (bits, m)
            }
        }
    };
}

workloads!(nb, num_bigint::BigInt, |i: i64| num_bigint::BigInt::from(i),
    |a: &num_bigint::BigInt, b: &num_bigint::BigInt| num_integer::Integer::div_floor(a, b),
    |a: &num_bigint::BigInt, b: &num_bigint::BigInt| num_integer::Integer::mod_floor(a, b),
    |a: &num_bigint::BigInt| a.bits(),
    |a: &num_bigint::BigInt| num_traits::ToPrimitive::to_u64(a).unwrap());

#[cfg(feature = "malachite")]
workloads!(mal, malachite::Integer, |i: i64| malachite::Integer::from(i),
    |a: &malachite::Integer, b: &malachite::Integer| { use malachite::base::num::arithmetic::traits::DivRound; a.div_round(b, malachite::base::rounding_modes::RoundingMode::Floor).0 },
    |a: &malachite::Integer, b: &malachite::Integer| { use malachite::base::num::arithmetic::traits::Mod; a.mod_op(b) },
    |a: &malachite::Integer| { use malachite::base::num::logic::traits::SignificantBits; a.significant_bits() },
    |a: &malachite::Integer| u64::try_from(a).unwrap());

#[cfg(feature = "dashu")]
workloads!(dsh, dashu::integer::IBig, |i: i64| dashu::integer::IBig::from(i),
    |a: &dashu::integer::IBig, b: &dashu::integer::IBig| { use dashu::base::DivRemEuclid; let (q, r) = a.div_rem_euclid(b); let _ = r; q },
    |a: &dashu::integer::IBig, b: &dashu::integer::IBig| { use dashu::base::RemEuclid; dashu::integer::IBig::from(a.rem_euclid(b)) },
    |a: &dashu::integer::IBig| { use dashu::base::{UnsignedAbs, BitTest}; a.clone().unsigned_abs().bit_len() as u64 },
    |a: &dashu::integer::IBig| u64::try_from(a).unwrap());

#[cfg(feature = "rug")]
workloads!(rg, rug::Integer, |i: i64| rug::Integer::from(i),
    |a: &rug::Integer, b: &rug::Integer| <(rug::Integer, rug::Integer)>::from(a.div_rem_floor_ref(b)).0,
    |a: &rug::Integer, b: &rug::Integer| { let (_, r) = <(rug::Integer, rug::Integer)>::from(a.div_rem_floor_ref(b)); r },
    |a: &rug::Integer| a.significant_bits() as u64,
    |a: &rug::Integer| a.to_u64().unwrap(),
    |a: &rug::Integer, b: &rug::Integer| rug::Integer::from(a * b),
    |a: &rug::Integer, b: &rug::Integer| rug::Integer::from(a + b));

fn time<R: std::fmt::Debug>(name: &str, what: &str, f: impl Fn() -> R) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..3 {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    println!("{name:12} {what:10} {:8.1} ms  {:?}", best * 1e3, out.unwrap());
}

fn main() {
    time("num-bigint", "pidigits", || nb::pidigits(2000));
    time("num-bigint", "fact", nb::fact); time("num-bigint", "fib", nb::kernel);
    #[cfg(feature = "malachite")]
    { time("malachite", "pidigits", || mal::pidigits(2000)); time("malachite", "fact", mal::fact); time("malachite", "fib", mal::kernel); }
    #[cfg(feature = "dashu")]
    { time("dashu", "pidigits", || dsh::pidigits(2000)); time("dashu", "fact", dsh::fact); time("dashu", "fib", dsh::kernel); }
    #[cfg(feature = "rug")]
    { time("rug", "pidigits", || rg::pidigits(2000)); time("rug", "fact", rg::fact); time("rug", "fib", rg::kernel); }
}
