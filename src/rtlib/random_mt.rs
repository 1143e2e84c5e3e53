//! The `random` module's generator and its Python-level algorithms, bit-exact with CPython 3.11:
//! MT19937 seeded like `_random.Random.seed` (int seeds via `init_by_array`), `random()`,
//! `getrandbits`, and Lib/random.py's `randrange`/`randint`/`choice`/`shuffle`/`sample`/
//! `uniform`/`choices`/`gauss`, which consume the stream exactly as CPython does.

use super::error::{ExcKind, RtError, RtResult};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

const N: usize = 624;
const M: usize = 397;

/// A Mersenne Twister in CPython's `_random.Random` state, plus random.py's `gauss_next`.
#[derive(Clone)]
pub struct Random {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Default for Random {
    fn default() -> Self {
        let mut r = Random {
            mt: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        r.seed_from_os();
        r
    }
}

impl Random {
    /// A generator seeded with `random.seed(n)` for an int `n`.
    pub fn with_seed(n: &BigInt) -> Self {
        let mut r = Random {
            mt: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        r.seed_int(n);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            self.mt[i] = 1812433253u32
                .wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            self.mt[i] = (self.mt[i]
                ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1664525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            self.mt[i] = (self.mt[i]
                ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1566083941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x80000000;
    }

    /// `random.seed(n)` for an int: |n| split into 32-bit words, least significant first.
    pub fn seed_int(&mut self, n: &BigInt) {
        let mut key: Vec<u32> = n.magnitude().iter_u32_digits().collect();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `random.seed(s)` for str (pass its UTF-8 bytes) or bytes: version 2 seeds with
    /// `int.from_bytes(s + sha512(s).digest(), 'big')`.
    pub fn seed_bytes(&mut self, s: &[u8]) {
        let mut all = s.to_vec();
        all.extend_from_slice(&super::sha512::sha512(s));
        self.seed_int(&BigInt::from_bytes_be(Sign::Plus, &all));
    }

    /// `random.seed(x)` for other hashable seeds (floats, ...): seeded with `hash(x)` as an
    /// unsigned 64-bit number.
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_int(&BigInt::from(hash as u64));
    }

    /// `random.seed()` / `random.seed(None)`: fresh OS-derived entropy (624 words, as CPython).
    pub fn seed_from_os(&mut self) {
        use std::hash::{BuildHasher, Hasher};
        let rs = std::collections::hash_map::RandomState::new();
        let mut key = [0u32; N];
        for (i, k) in key.iter_mut().enumerate() {
            let mut h = rs.build_hasher();
            h.write_usize(i);
            *k = h.finish() as u32;
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `_random.Random.getstate()`: the 624 state words and the index.
    pub fn state(&self) -> (Vec<u32>, usize) {
        (self.mt.to_vec(), self.index)
    }

    /// `_random.Random.setstate()`: false (nothing changed) unless there are 624 words and
    /// the index is in 0..=624.
    pub fn set_state(&mut self, words: &[u32], index: usize) -> bool {
        if words.len() != N || index > N {
            return false;
        }
        self.mt.copy_from_slice(words);
        self.index = index;
        true
    }

    /// `genrand_uint32`: the next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        const MAG01: [u32; 2] = [0, 0x9908b0df];
        const UPPER: u32 = 0x80000000;
        const LOWER: u32 = 0x7fffffff;
        if self.index >= N {
            let mt = &mut self.mt;
            let mut kk = 0;
            while kk < N - M {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
                kk += 1;
            }
            let y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`: 53 random bits in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `random.getrandbits(k)`.
    pub fn getrandbits(&mut self, k: i64) -> RtResult<BigInt> {
        if k < 0 {
            return Err(RtError::value("number of bits must be non-negative"));
        }
        if k == 0 {
            return Ok(BigInt::zero());
        }
        if k <= 32 {
            return Ok(BigInt::from(self.next_u32() >> (32 - k)));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut left = k;
        let mut digits = Vec::with_capacity(words);
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left -= 32;
        }
        Ok(BigInt::from_biguint(Sign::Plus, BigUint::new(digits)))
    }

    /// `_randbelow_with_getrandbits(n)` for n > 0.
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits() as i64;
        loop {
            let r = self.getrandbits(k).expect("k >= 0");
            if &r < n {
                return r;
            }
        }
    }

    /// `randbelow` for machine-sized n > 0.
    pub fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow(&BigInt::from(n))
            .to_usize()
            .expect("below n")
    }

    /// `random.randrange(start, stop, step)` for ints (`stop = None` is the one-argument form).
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> RtResult<BigInt> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(RtError::type_("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(RtError::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(RtError::value(format!(
                "empty range for randrange() ({}, {}, {})",
                start, stop, width
            )));
        }
        let n = if step.is_positive() {
            let t: BigInt = &width + step - 1;
            t.div_floor(step)
        } else if step.is_negative() {
            let t: BigInt = &width + step + 1;
            t.div_floor(step)
        } else {
            return Err(RtError::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(RtError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `random.randint(a, b)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> RtResult<BigInt> {
        self.randrange(a, Some(&(b + 1)), &BigInt::one())
    }

    /// `random.choice(seq)`: the index to pick from a sequence of length `len`.
    pub fn choice_index(&mut self, len: usize) -> RtResult<usize> {
        if len == 0 {
            return Err(RtError {
                kind: ExcKind::IndexError,
                msg: "Cannot choose from an empty sequence".into(),
            });
        }
        Ok(self.randbelow_usize(len))
    }

    /// `random.shuffle(x)` in place.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow_usize(i + 1);
            x.swap(i, j);
        }
    }

    /// `random.sample(population, k)`: the chosen indices into a population of size `n`.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> RtResult<Vec<usize>> {
        if k < 0 || k as usize > n {
            return Err(RtError::value(
                "Sample larger than population or is negative",
            ));
        }
        let k = k as usize;
        let mut setsize: f64 = 21.0;
        if k > 5 {
            let l = super::math_fns::log(
                &super::math_fns::LogArg::Float((k * 3) as f64),
                Some(&super::math_fns::LogArg::Float(4.0)),
            )?;
            setsize += 4f64.powi(l.ceil() as i32);
        }
        let mut result = Vec::with_capacity(k);
        if n as f64 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::new();
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.choices(population, k=k)` without weights: indices into a population of `n`.
    pub fn choices_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let nf = n as f64;
        (0..k)
            .map(|_| (self.random() * nf).floor() as usize)
            .collect()
    }

    /// `random.choices(population, cum_weights=..., k=k)`: indices chosen by cumulative weights
    /// (for `weights=`, pass their running sums).
    pub fn choices_weighted(
        &mut self,
        n: usize,
        cum_weights: &[f64],
        k: usize,
    ) -> RtResult<Vec<usize>> {
        if cum_weights.len() != n {
            return Err(RtError::value(
                "The number of weights does not match the population",
            ));
        }
        let total = cum_weights.last().copied().unwrap_or(0.0) + 0.0;
        if total <= 0.0 {
            return Err(RtError::value("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(RtError::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        Ok((0..k)
            .map(|_| {
                let x = self.random() * total;
                // bisect_right(cum_weights, x, 0, hi)
                let (mut lo, mut hi) = (0, hi);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if x < cum_weights[mid] {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                lo
            })
            .collect())
    }

    /// `random.gauss(mu, sigma)` (keeps the second value for the next call, as random.py).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }
}
