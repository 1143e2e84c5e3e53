//! `list.sort()` exactly as CPython 3.11 (Objects/listobject.c): timsort with binary insertion,
//! galloping merges and the powersort merge policy. Same comparisons in the same order, so with
//! inconsistent orders (NaN), side-effecting `__lt__`, or an exception mid-sort, the list ends up
//! exactly as CPython leaves it.
//!
//! Items are generic; `lt(a, b)` is `a < b` and may fail. With a key function, sort
//! (key, value) pairs and compare keys: CPython moves keys and values in lockstep.

const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    power: i32,
}

struct MergeState<'a, T, F> {
    a: &'a mut [T],
    tmp: Vec<T>,
    min_gallop: usize,
    pending: Vec<Run>,
    lt: F,
}

/// `gallop_left`: the leftmost position in sorted `run` where `key` belongs (run[k-1] < key <=
/// run[k]), starting the search at `hint`.
fn gallop_left<T, E>(
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    key: &T,
    run: &[T],
    hint: usize,
) -> Result<usize, E> {
    let n = run.len() as isize;
    let hint = hint as isize;
    let mut lastofs: isize = 0;
    let mut ofs: isize = 1;
    if lt(&run[hint as usize], key)? {
        let maxofs = n - hint;
        while ofs < maxofs {
            if lt(&run[(hint + ofs) as usize], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    } else {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(&run[(hint - ofs) as usize], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(&run[m as usize], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// `gallop_right`: the rightmost position in sorted `run` where `key` belongs (run[k-1] <= key <
/// run[k]), starting the search at `hint`.
fn gallop_right<T, E>(
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    key: &T,
    run: &[T],
    hint: usize,
) -> Result<usize, E> {
    let n = run.len() as isize;
    let hint = hint as isize;
    let mut lastofs: isize = 0;
    let mut ofs: isize = 1;
    if lt(key, &run[hint as usize])? {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(key, &run[(hint - ofs) as usize])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        let maxofs = n - hint;
        while ofs < maxofs {
            if lt(key, &run[(hint + ofs) as usize])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, &run[m as usize])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

/// `binarysort`: sort a[lo..hi] by binary insertion, a[lo..start] being sorted already.
fn binarysort<T: Clone, E>(
    a: &mut [T],
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    lo: usize,
    hi: usize,
    mut start: usize,
) -> Result<(), E> {
    if lo == start {
        start += 1;
    }
    while start < hi {
        let mut l = lo;
        let mut r = start;
        let pivot = a[r].clone();
        loop {
            let p = l + ((r - l) >> 1);
            if lt(&pivot, &a[p])? {
                r = p;
            } else {
                l = p + 1;
            }
            if l >= r {
                break;
            }
        }
        let mut p = start;
        while p > l {
            a[p] = a[p - 1].clone();
            p -= 1;
        }
        a[l] = pivot;
        start += 1;
    }
    Ok(())
}

/// `count_run`: length of the run at a[lo..hi] and whether it is strictly descending.
fn count_run<T, E>(
    a: &[T],
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    lo: usize,
    hi: usize,
) -> Result<(usize, bool), E> {
    let mut p = lo + 1;
    if p == hi {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(&a[p], &a[p - 1])? {
        p += 1;
        while p < hi {
            if lt(&a[p], &a[p - 1])? {
                p += 1;
                n += 1;
            } else {
                break;
            }
        }
        Ok((n, true))
    } else {
        p += 1;
        while p < hi {
            if lt(&a[p], &a[p - 1])? {
                break;
            }
            p += 1;
            n += 1;
        }
        Ok((n, false))
    }
}

/// `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// `powerloop`: the powersort "power" of the run boundary.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> i32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<'a, T: Clone, E, F: FnMut(&T, &T) -> Result<bool, E>> MergeState<'a, T, F> {
    /// `merge_lo`: merge a[pa..pa+na] and a[pb..pb+nb] (adjacent, na <= nb) via a copy of A.
    fn merge_lo(
        &mut self,
        base_a: usize,
        mut na: usize,
        base_b: usize,
        mut nb: usize,
    ) -> Result<(), E> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[base_a..base_a + na]);
        let mut dest = base_a;
        let mut pa = 0usize;
        let mut pb = base_b;
        let result: Result<(), E> = 'merge: {
            self.a[dest] = self.a[pb].clone();
            dest += 1;
            pb += 1;
            nb -= 1;
            if nb == 0 {
                break 'merge Ok(());
            }
            if na == 1 {
                // CopyB
                for i in 0..nb {
                    self.a[dest + i] = self.a[pb + i].clone();
                }
                self.a[dest + nb] = self.tmp[pa].clone();
                return Ok(());
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    let k = match (self.lt)(&self.a[pb], &self.tmp[pa]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        self.a[dest] = self.a[pb].clone();
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge Ok(());
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[dest] = self.tmp[pa].clone();
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            for i in 0..nb {
                                self.a[dest + i] = self.a[pb + i].clone();
                            }
                            self.a[dest + nb] = self.tmp[pa].clone();
                            return Ok(());
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = self.a[pb].clone();
                    let k = match gallop_right(&mut self.lt, &key, &self.tmp[pa..pa + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    acount = k;
                    if k > 0 {
                        for i in 0..k {
                            self.a[dest + i] = self.tmp[pa + i].clone();
                        }
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            for i in 0..nb {
                                self.a[dest + i] = self.a[pb + i].clone();
                            }
                            self.a[dest + nb] = self.tmp[pa].clone();
                            return Ok(());
                        }
                        if na == 0 {
                            break 'merge Ok(());
                        }
                    }
                    self.a[dest] = self.a[pb].clone();
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Ok(());
                    }
                    let key = self.tmp[pa].clone();
                    let k = match gallop_left(&mut self.lt, &key, &self.a[pb..pb + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    bcount = k;
                    if k > 0 {
                        for i in 0..k {
                            self.a[dest + i] = self.a[pb + i].clone();
                        }
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge Ok(());
                        }
                    }
                    self.a[dest] = self.tmp[pa].clone();
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        for i in 0..nb {
                            self.a[dest + i] = self.a[pb + i].clone();
                        }
                        self.a[dest + nb] = self.tmp[pa].clone();
                        return Ok(());
                    }
                    if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        // Succeed / Fail: what is left of A goes back in place.
        for i in 0..na {
            self.a[dest + i] = self.tmp[pa + i].clone();
        }
        result
    }

    /// `merge_hi`: like merge_lo from the top, via a copy of B (na > nb).
    fn merge_hi(
        &mut self,
        base_a: usize,
        mut na: usize,
        base_b: usize,
        mut nb: usize,
    ) -> Result<(), E> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[base_b..base_b + nb]);
        let mut dest = (base_b + nb - 1) as isize;
        let mut pa = (base_a + na - 1) as isize; // last of A, in the list
        let mut pb = (nb - 1) as isize; // last of B, in tmp
        let basea = base_a;
        macro_rules! copy_a_and_return {
            () => {{
                // CopyA: the first element of B belongs at the front of the merge.
                let (d, s) = (dest - na as isize + 1, pa - na as isize + 1);
                for i in (0..na as isize).rev() {
                    self.a[(d + i) as usize] = self.a[(s + i) as usize].clone();
                }
                dest -= na as isize;
                self.a[dest as usize] = self.tmp[pb as usize].clone();
                return Ok(());
            }};
        }
        let result: Result<(), E> = 'merge: {
            self.a[dest as usize] = self.a[pa as usize].clone();
            dest -= 1;
            pa -= 1;
            na -= 1;
            if na == 0 {
                break 'merge Ok(());
            }
            if nb == 1 {
                copy_a_and_return!();
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    let k = match (self.lt)(&self.tmp[pb as usize], &self.a[pa as usize]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        self.a[dest as usize] = self.a[pa as usize].clone();
                        dest -= 1;
                        pa -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge Ok(());
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[dest as usize] = self.tmp[pb as usize].clone();
                        dest -= 1;
                        pb -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            copy_a_and_return!();
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = self.tmp[pb as usize].clone();
                    let k = match gallop_right(
                        &mut self.lt,
                        &key,
                        &self.a[basea..basea + na],
                        na - 1,
                    ) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pa -= k as isize;
                        for i in (1..=k as isize).rev() {
                            self.a[(dest + i) as usize] = self.a[(pa + i) as usize].clone();
                        }
                        na -= k;
                        if na == 0 {
                            break 'merge Ok(());
                        }
                    }
                    self.a[dest as usize] = self.tmp[pb as usize].clone();
                    dest -= 1;
                    pb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        copy_a_and_return!();
                    }
                    let key = self.a[pa as usize].clone();
                    let k = match gallop_left(&mut self.lt, &key, &self.tmp[0..nb], nb - 1) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pb -= k as isize;
                        for i in 1..=k as isize {
                            self.a[(dest + i) as usize] = self.tmp[(pb + i) as usize].clone();
                        }
                        nb -= k;
                        if nb == 1 {
                            copy_a_and_return!();
                        }
                        if nb == 0 {
                            break 'merge Ok(());
                        }
                    }
                    self.a[dest as usize] = self.a[pa as usize].clone();
                    dest -= 1;
                    pa -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'merge Ok(());
                    }
                    if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        // Succeed / Fail: what is left of B goes back in place.
        if nb > 0 {
            let d = dest - (nb as isize - 1);
            for i in 0..nb {
                self.a[(d + i as isize) as usize] = self.tmp[i].clone();
            }
        }
        result
    }

    /// `merge_at`: merge pending runs i and i+1.
    fn merge_at(&mut self, i: usize) -> Result<(), E> {
        let (base_a, na) = (self.pending[i].base, self.pending[i].len);
        let (base_b, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        let key = self.a[base_b].clone();
        let k = gallop_right(&mut self.lt, &key, &self.a[base_a..base_a + na], 0)?;
        let base_a = base_a + k;
        let na = na - k;
        if na == 0 {
            return Ok(());
        }
        let key = self.a[base_a + na - 1].clone();
        let nb = gallop_left(&mut self.lt, &key, &self.a[base_b..base_b + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(base_a, na, base_b, nb)
        } else {
            self.merge_hi(base_a, na, base_b, nb)
        }
    }

    /// `found_new_run`: powersort's merges before pushing a run of length n2.
    fn found_new_run(&mut self, n2: usize) -> Result<i32, E> {
        let Some(top) = self.pending.last() else {
            return Ok(0);
        };
        let power = powerloop(top.base, top.len, n2, self.a.len());
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            let n = self.pending.len();
            self.merge_at(n - 2)?;
        }
        let n = self.pending.len();
        self.pending[n - 1].power = power;
        Ok(power)
    }

    /// `merge_force_collapse`.
    fn force_collapse(&mut self) -> Result<(), E> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }
}

/// The sort proper on `a` (no reversal handling).
fn timsort<T: Clone, E>(a: &mut [T], lt: impl FnMut(&T, &T) -> Result<bool, E>) -> Result<(), E> {
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = compute_minrun(n);
    let mut ms = MergeState {
        a,
        tmp: Vec::new(),
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
        lt,
    };
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = count_run(ms.a, &mut ms.lt, lo, lo + remaining)?;
        if descending {
            ms.a[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            binarysort(ms.a, &mut ms.lt, lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(run)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    ms.force_collapse()
}

/// `list.sort(reverse=...)`: sorts `items` in place with `lt` (`a < b`, possibly failing). On
/// error the list is left as CPython leaves it (a permutation of the input).
pub fn list_sort<T: Clone, E>(
    items: &mut [T],
    reverse: bool,
    lt: impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    if reverse && items.len() > 1 {
        items.reverse();
    }
    let r = timsort(items, lt);
    if reverse && items.len() > 1 {
        items.reverse();
    }
    r
}
