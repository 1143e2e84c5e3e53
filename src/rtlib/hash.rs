//! CPython 3.11's hash functions (Python/pyhash.c, Objects/longobject.c, tupleobject.c,
//! setobject.c), 64-bit build.
//!
//! Numbers hash by value modulo the Mersenne prime 2**61 - 1 so equal ints, floats and bools hash
//! equal. `None`, NaN and plain objects hash by address in 3.11 ([`hash_pointer`]). str/bytes use
//! SipHash-1-3 over CPython's internal string layout with CPython's key derivation, so with the
//! same `PYTHONHASHSEED` (including 0) cpjit's str hashes — and hence set orders — equal
//! CPython's; unset or "random" gives a random key, as in CPython.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;
use std::sync::OnceLock;

/// Number of bits of the modulus (`_PyHASH_BITS`).
pub const HASH_BITS: u32 = 61;
/// The modulus 2**61 - 1 (`_PyHASH_MODULUS`).
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `hash(float('inf'))`.
pub const HASH_INF: i64 = 314159;
/// Multiplier of the imaginary part in complex hashes (`_PyHASH_IMAG`).
pub const HASH_IMAG: u64 = 1000003;

fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int held as i64.
pub fn hash_i64(n: i64) -> i64 {
    let m = (n.unsigned_abs() % HASH_MODULUS) as i64;
    fix(if n < 0 { -m } else { m })
}

/// `hash(n)` for an int.
pub fn hash_bigint(n: &BigInt) -> i64 {
    if let Some(v) = n.to_i64() {
        return hash_i64(v);
    }
    // Reduce the magnitude's base-2**32 digits mod 2**61-1 (2**32 folds in exactly).
    let mut x: u128 = 0;
    for d in n.magnitude().iter_u32_digits().rev() {
        x = ((x << 32) | d as u128) % HASH_MODULUS as u128;
    }
    let m = x as i64;
    fix(if n.sign() == Sign::Minus { -m } else { m })
}

/// `hash(b)` for a bool.
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `_Py_HashPointer`: the hash of an object by address (`None`, NaN, plain objects in 3.11).
pub fn hash_pointer(addr: usize) -> i64 {
    let y = addr.rotate_right(4);
    fix(y as i64)
}

/// `_Py_HashDouble` for a float; NaN hashes by the float object's address, supplied as `nan_addr`.
pub fn hash_f64(v: f64, nan_addr: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(nan_addr);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    fix((x as i64).wrapping_mul(sign))
}

/// C's frexp: v = m * 2**e with 0.5 <= |m| < 1 (v finite and nonzero; (0, 0) for zero).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350000000000000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(complex(re, im))` from the hashes of its parts.
pub fn hash_complex(hash_re: i64, hash_im: i64) -> i64 {
    let h = (hash_re as u64).wrapping_add(HASH_IMAG.wrapping_mul(hash_im as u64));
    fix(h as i64)
}

/// `hash(tuple)` from the items' hashes (3.11's xxHash-based `tuplehash`).
pub fn hash_tuple<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    let mut len: u64 = 0;
    for h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
        len += 1;
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `hash(frozenset)` from its elements' hashes (order-independent).
pub fn hash_frozenset<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in item_hashes {
        hash ^= shuffle_bits(h as u64);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

/// The SipHash key (`_Py_HashSecret.siphash`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashSecret {
    pub k0: u64,
    pub k1: u64,
}

impl HashSecret {
    /// The key CPython uses for `PYTHONHASHSEED=seed` (0 means a zero key).
    pub fn from_seed(seed: u32) -> Self {
        if seed == 0 {
            return HashSecret { k0: 0, k1: 0 };
        }
        // lcg_urandom fills the 24-byte secret; the SipHash key is its first 16 bytes.
        let mut buf = [0u8; 24];
        let mut x = seed;
        for b in buf.iter_mut() {
            x = x.wrapping_mul(214013).wrapping_add(2531011);
            *b = ((x >> 16) & 0xff) as u8;
        }
        HashSecret {
            k0: u64::from_le_bytes(buf[0..8].try_into().expect("8 bytes")),
            k1: u64::from_le_bytes(buf[8..16].try_into().expect("8 bytes")),
        }
    }

    /// A random key (CPython's default when `PYTHONHASHSEED` is unset or "random").
    pub fn random() -> Self {
        use std::hash::{BuildHasher, Hasher};
        let rs = std::collections::hash_map::RandomState::new();
        let mut h = rs.build_hasher();
        h.write_u64(0x5eed);
        let k0 = h.finish();
        h.write_u64(0xc0ffee);
        HashSecret { k0, k1: h.finish() }
    }

    /// The process-wide key, chosen once from `PYTHONHASHSEED` like CPython does.
    pub fn global() -> HashSecret {
        static SECRET: OnceLock<HashSecret> = OnceLock::new();
        *SECRET.get_or_init(|| match std::env::var("PYTHONHASHSEED") {
            Ok(s) if s != "random" => match s.parse::<u32>() {
                Ok(seed) => HashSecret::from_seed(seed),
                Err(_) => HashSecret::random(),
            },
            _ => HashSecret::random(),
        })
    }
}

/// SipHash-1-3 exactly as CPython's `siphash13` (the final value is v0^v1^v2^v3).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    #[inline(always)]
    fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mi = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        v3 ^= mi;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= mi;
    }
    let rest = chunks.remainder();
    let mut t = 0u64;
    for (i, b) in rest.iter().enumerate() {
        t |= (*b as u64) << (8 * i);
    }
    let b = ((data.len() as u64) << 56) | t;
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    (v0 ^ v1) ^ (v2 ^ v3)
}

/// `hash(b)` for bytes with the given key.
pub fn hash_bytes_with(secret: &HashSecret, data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix(siphash13(secret.k0, secret.k1, data) as i64)
}

/// `hash(s)` for a str with the given key: SipHash over CPython's compact layout (1, 2 or 4
/// bytes per code point, chosen by the widest character).
pub fn hash_str_with(secret: &HashSecret, s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    // ASCII text is already its one-byte-per-code-point layout: no copy (most keys).
    if s.is_ascii() {
        return hash_bytes_with(secret, s.as_bytes());
    }
    // Lone surrogates count as their code point (U+D800..U+DFFF), not their stand-in.
    let cp = super::surrogate::code_point;
    let max = s.chars().map(cp).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u8));
    } else if max < 0x10000 {
        for c in s.chars() {
            buf.extend_from_slice(&(cp(c) as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&cp(c).to_le_bytes());
        }
    }
    hash_bytes_with(secret, &buf)
}

/// `hash(s)` for a str with the process-wide key.
pub fn hash_str(s: &str) -> i64 {
    hash_str_with(&HashSecret::global(), s)
}

/// `hash(b)` for bytes with the process-wide key.
pub fn hash_bytes(data: &[u8]) -> i64 {
    hash_bytes_with(&HashSecret::global(), data)
}
