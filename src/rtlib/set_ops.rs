//! Set algebra with CPython 3.11's algorithms (Objects/setobject.c), so results iterate in
//! CPython's order: which operand is scanned, early exits and dummy clean-up all follow C.
//! Identity cases (`s & s`, `s - s`, ...) are for the caller: CPython answers them with a copy or
//! a clear before reaching these algorithms.

use super::set_table::{SetTable, TableKey};

/// `set_intersection` for two sets: scans the smaller one (the right one on ties).
pub fn intersection<K: Clone + TableKey, E>(
    a: &SetTable<K>,
    b: &SetTable<K>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<SetTable<K>, E> {
    let (so, other) = if b.len() > a.len() { (b, a) } else { (a, b) };
    let mut result = SetTable::new();
    for (key, hash) in other.iter() {
        if so.contains(key, hash, &mut eq)? {
            result.add(key.clone(), hash, &mut eq)?;
        }
    }
    Ok(result)
}

/// `set_intersection` with a non-set iterable of (key, hash): keeps the iterable's order and stops
/// once the result is as large as `a`.
pub fn intersection_iter<K: TableKey, E>(
    a: &SetTable<K>,
    items: impl IntoIterator<Item = Result<(K, i64), E>>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<SetTable<K>, E> {
    let mut result = SetTable::new();
    for item in items {
        let (key, hash) = item?;
        if a.contains(&key, hash, &mut eq)? {
            result.add(key, hash, &mut eq)?;
            if result.len() >= a.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// The clean-up at the end of `set_difference_update_internal`: resize when more than a quarter
/// of the slots are dummies. Call after discarding an iterable's keys one by one.
pub fn purge_dummies<K: TableKey>(so: &mut SetTable<K>) {
    if so.fill() - so.len() <= (so.capacity() - 1) / 4 {
        return;
    }
    let minused = if so.len() > 50000 {
        so.len() * 2
    } else {
        so.len() * 4
    };
    so.resize(minused);
}

/// `s.difference_update(other_set)` / `s -= other_set` (other is a different set).
pub fn difference_update<K: Clone + TableKey, E>(
    so: &mut SetTable<K>,
    other: &SetTable<K>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<(), E> {
    // When other is more than 8 times larger, discard only the common keys.
    let small;
    let other = if (other.len() >> 3) > so.len() {
        small = intersection(so, other, &mut eq)?;
        &small
    } else {
        other
    };
    for (key, hash) in other.iter() {
        so.discard(key, hash, &mut eq)?;
    }
    purge_dummies(so);
    Ok(())
}

/// `s.difference_update(iterable)` for a non-set iterable of (key, hash).
pub fn difference_update_iter<K: TableKey, E>(
    so: &mut SetTable<K>,
    items: impl IntoIterator<Item = Result<(K, i64), E>>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<(), E> {
    for item in items {
        let (key, hash) = item?;
        so.discard(&key, hash, &mut eq)?;
    }
    purge_dummies(so);
    Ok(())
}

/// `s - other_set` / `s.difference(other_set)` (other is a different set).
pub fn difference<K: Clone + TableKey, E>(
    so: &SetTable<K>,
    other: &SetTable<K>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<SetTable<K>, E> {
    if (so.len() >> 2) > other.len() {
        let mut result = so.copy();
        difference_update(&mut result, other, eq)?;
        return Ok(result);
    }
    let mut result = SetTable::new();
    for (key, hash) in so.iter() {
        if !other.contains(key, hash, &mut eq)? {
            result.add(key.clone(), hash, &mut eq)?;
        }
    }
    Ok(result)
}

/// `s.difference(d)` for an exact dict `d` of `other_len` keys; `in_other` tests membership with
/// the known hash. (For other iterables CPython copies `s` and uses `difference_update_iter`.)
pub fn difference_dict<K: Clone + TableKey, E>(
    so: &SetTable<K>,
    other_len: usize,
    mut in_other: impl FnMut(&K, i64) -> Result<bool, E>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<Option<SetTable<K>>, E> {
    if (so.len() >> 2) > other_len {
        // CPython copies and discards the dict's keys instead: the caller does that.
        return Ok(None);
    }
    let mut result = SetTable::new();
    for (key, hash) in so.iter() {
        if !in_other(key, hash)? {
            result.add(key.clone(), hash, &mut eq)?;
        }
    }
    Ok(Some(result))
}

/// `s.symmetric_difference_update(other)` / `s ^= other` where `other` iterates a different
/// set's (or dict's) keys with hashes, in its order.
pub fn symmetric_difference_update<K: TableKey, E>(
    so: &mut SetTable<K>,
    other: impl IntoIterator<Item = (K, i64)>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<(), E> {
    for (key, hash) in other {
        if so.discard(&key, hash, &mut eq)?.is_none() {
            so.add(key, hash, &mut eq)?;
        }
    }
    Ok(())
}

/// `a ^ b` for two different sets: copies `b`, then applies `a`'s keys to it.
pub fn symmetric_difference<K: Clone + TableKey, E>(
    a: &SetTable<K>,
    b: &SetTable<K>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<SetTable<K>, E> {
    let mut result = b.copy();
    let items: Vec<(K, i64)> = a.iter().map(|(k, h)| (k.clone(), h)).collect();
    symmetric_difference_update(&mut result, items, &mut eq)?;
    Ok(result)
}

/// `a | b` for sets: a copy of `a` merged with `b`.
pub fn union<K: Clone + TableKey, E>(
    a: &SetTable<K>,
    b: &SetTable<K>,
    eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<SetTable<K>, E> {
    let mut result = a.copy();
    result.merge(b, eq)?;
    Ok(result)
}

/// `a <= b` for sets (`set_issubset`).
pub fn is_subset<K: TableKey, E>(
    a: &SetTable<K>,
    b: &SetTable<K>,
    mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
) -> Result<bool, E> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (key, hash) in a.iter() {
        if !b.contains(key, hash, &mut eq)? {
            return Ok(false);
        }
    }
    Ok(true)
}
