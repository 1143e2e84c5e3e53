//! Set operations on rtlib's CPython-layout set table (so printed sets match CPython's order).

use crate::rtlib::set_ops;
use crate::rtlib::set_table::{ProbeSlot, SetTable};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::dict::{hash, key_eq, key_eq_without_python};
use crate::vm::runtime::iter::with_roots;
use crate::vm::value::Value;

/// A key the collector traces is a pointer (ints, floats and other immediates are not).
impl crate::rtlib::set_table::TableKey for Value {
    const EMPTY: Value = Value::NULL;
    // Any other word: a slot's key is read only when its hash is not -1.
    const DELETED: Value = Value(1);
    #[inline(always)]
    fn is_ref(&self) -> bool {
        self.is_ptr()
    }
}

/// Key equality for the passes that run no Python code: `Err` where `==` would be needed.
fn eq_without_python(a: &Value, b: &Value) -> Result<bool, ()> {
    key_eq_without_python(*a, *b).ok_or(())
}

pub fn table<'a>(s: Value) -> &'a mut SetTable<Value> {
    &mut as_set(s).expect("set").table
}

/// Where `find` left a key: at an active slot, or absent with the slot an insert would use.
enum Found {
    At(usize),
    Absent {
        freeslot: Option<usize>,
        empty: usize,
    },
}

/// `set_lookkey` and the probe of `set_add_entry`, re-entrant: no borrow of the table is held
/// while `key_eq` runs a Python `__eq__`, and when that comparison changed the table (replaced
/// it, or removed the key compared against) the probe starts again, as CPython's does.
fn find(vm: &mut Vm, s: Value, key: Value, h: i64) -> PyResult<Found> {
    'restart: loop {
        let mut p = table(s).probe(h);
        let mut freeslot = None;
        loop {
            match table(s).probe_next(&mut p) {
                ProbeSlot::Moved => continue 'restart,
                ProbeSlot::Empty(empty) => {
                    // A comparison may have filled the dummy remembered before it.
                    if let Some(f) = freeslot {
                        if !table(s).still_free(&p, f) {
                            continue 'restart;
                        }
                    }
                    return Ok(Found::Absent { freeslot, empty });
                }
                // CPython 3.11 remembers the last dummy on the probe path.
                ProbeSlot::Dummy(j) => freeslot = Some(j),
                ProbeSlot::Other => {}
                ProbeSlot::Candidate(j, k) => {
                    // Keys whose equality runs no Python code (the common case) need no
                    // re-validation.
                    match key_eq_without_python(k, key) {
                        Some(true) => return Ok(Found::At(j)),
                        Some(false) => continue,
                        None => {}
                    }
                    vm.roots.push(k);
                    let eq = key_eq(vm, k, key);
                    vm.roots.pop();
                    if !table(s).still_holds(&p, j, &k) {
                        continue 'restart;
                    }
                    if eq? {
                        return Ok(Found::At(j));
                    }
                }
            }
        }
    }
}

/// Adds `key`; returns whether it was new.
pub fn set_add(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    // A small int into a table of immediates only (no object keys: `refs` counts them): no
    // comparison on the probe path can run Python code, so the table's own probe-and-insert
    // does it in one pass instead of the re-entrant probe below (`eq_without_python` gives up,
    // leaving the table untouched, only for an int meeting an equal-hashed float).
    let h = hash(vm, key)? as i64;
    if key.is_small_int() && table(s).refs() == 0 {
        if let Ok(added) = table(s).add(key, h, eq_without_python) {
            return Ok(added);
        }
    }
    match find(vm, s, key, h)? {
        Found::At(_) => Ok(false),
        Found::Absent { freeslot, empty } => {
            table(s).insert_absent(key, h, freeslot, empty);
            Ok(true)
        }
    }
}

pub fn set_contains(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let (k, h) = key_hash(vm, key)?;
    if k == key {
        return Ok(matches!(find(vm, s, key, h)?, Found::At(_)));
    }
    // The stand-in frozenset lives only here while __eq__ may run Python code.
    vm.roots.push(k);
    let r = find(vm, s, k, h);
    vm.roots.pop();
    Ok(matches!(r?, Found::At(_)))
}

/// `key` and its hash for a lookup; a set (unhashable) stands for the frozenset of its items,
/// as CPython's set_contains/discard/remove retry it.
fn key_hash(vm: &mut Vm, key: Value) -> PyResult<(Value, i64)> {
    match hash(vm, key) {
        Ok(h) => Ok((key, h as i64)),
        Err(e) if as_set(key).is_some() && obj_type(key) != vm.t.frozenset => {
            if !vm.isinstance(e, vm.t.exc("TypeError")) {
                return Err(e);
            }
            let t = table(key).copy();
            let fz = from_table(vm, t, true);
            vm.roots.push(fz);
            let h = hash(vm, fz);
            vm.roots.pop();
            Ok((fz, h? as i64))
        }
        Err(e) => Err(e),
    }
}

/// Removes `key`; returns whether it was present.
pub fn set_discard(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let (k, h) = key_hash(vm, key)?;
    vm.roots.push(k);
    let r = find(vm, s, k, h);
    vm.roots.pop();
    match r? {
        Found::At(j) => Ok(table(s).remove_at(j).is_some()),
        Found::Absent { .. } => Ok(false),
    }
}

/// A new set (or frozenset) object holding `t`.
pub fn from_table(vm: &mut Vm, t: SetTable<Value>, frozen: bool) -> Value {
    let ty = if frozen { vm.t.frozenset } else { vm.t.set };
    // The table's slots (a key and a hash each) count toward the next collection, as a dict's
    // entries do: a loop making big sets (set algebra results) otherwise grows the heap between
    // collections by their tables, which only the objects' blocks paced.
    vm.heap
        .note_external(t.capacity() * 2 * std::mem::size_of::<Value>());
    vm.heap.alloc(ty, SetData { table: t })
}

/// Whether comparing `t`'s keys can run Python code: a key other than a str, int, float, None or
/// bool may have an `__eq__` that mutates the very sets being combined (test_set's
/// `TestBinaryOpsMutating`). The algebra below iterates one table while probing the other, so
/// such keys make it work on rooted copies instead (CPython restarts or raises "changed size
/// during iteration"; here the operation sees the sets as they were when it started).
fn may_run_python(vm: &Vm, t: &SetTable<Value>) -> bool {
    t.iter().any(|(k, _)| {
        let k = *k;
        !(k.is_small_int()
            || k.is_float()
            || k == vm.none
            || k == vm.true_
            || k == vm.false_
            || as_str(k).is_some()
            || obj_type(k) == vm.t.int)
    })
}

/// Copies of `a`'s and `b`'s tables when their keys may run Python code (see `may_run_python`),
/// with every key pushed on `vm.roots` so a mutation that drops them from the sets cannot free
/// them mid-operation. The caller truncates `vm.roots` to the returned base.
#[allow(clippy::type_complexity)]
fn snapshots(vm: &mut Vm, a: Value, b: Value) -> Option<(SetTable<Value>, SetTable<Value>, usize)> {
    if !may_run_python(vm, table(a)) && !may_run_python(vm, table(b)) {
        return None;
    }
    let (sa, sb) = (table(a).copy(), table(b).copy());
    let base = vm.roots.len();
    vm.roots.extend(sa.iter().map(|(k, _)| *k));
    vm.roots.extend(sb.iter().map(|(k, _)| *k));
    Some((sa, sb, base))
}

/// The set algebra on two tables (see `binop`).
fn binop_tables(
    vm: &mut Vm,
    op: u32,
    ta: &SetTable<Value>,
    tb: &SetTable<Value>,
) -> PyResult<SetTable<Value>> {
    binop_tables_with(op, ta, tb, |x: &Value, y: &Value| key_eq(vm, *x, *y))
}

fn binop_tables_with<E>(
    op: u32,
    ta: &SetTable<Value>,
    tb: &SetTable<Value>,
    eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
) -> Result<SetTable<Value>, E> {
    use crate::bytecode::opcode::nb;
    match op {
        nb::OR => set_ops::union(ta, tb, eq),
        nb::AND => set_ops::intersection(ta, tb, eq),
        nb::SUBTRACT => set_ops::difference(ta, tb, eq),
        _ => set_ops::symmetric_difference(ta, tb, eq),
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets, in CPython's element order.
pub fn binop(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<SetTable<Value>> {
    // First without Python: the tables are only read, so when some comparison would need `==`
    // (a key that is not an int, str or float), nothing is lost by starting again below. This
    // spares the common case `snapshots`' scan of both tables.
    if let Ok(t) = binop_tables_with(op, table(a), table(b), eq_without_python) {
        return Ok(t);
    }
    if let Some((sa, sb, base)) = snapshots(vm, a, b) {
        let r = binop_tables(vm, op, &sa, &sb);
        vm.roots.truncate(base);
        return r;
    }
    binop_tables(vm, op, table(a), table(b))
}

/// `ta op= tb` on two tables (see `inplace`).
fn inplace_tables(
    vm: &mut Vm,
    op: u32,
    ta: &mut SetTable<Value>,
    tb: &SetTable<Value>,
) -> PyResult<()> {
    use crate::bytecode::opcode::nb;
    let eq = |x: &Value, y: &Value| key_eq(vm, *x, *y);
    match op {
        nb::OR => ta.merge(tb, eq),
        nb::SUBTRACT => set_ops::difference_update(ta, tb, eq),
        nb::XOR => {
            let items: Vec<(Value, i64)> = tb.iter().map(|(k, h)| (*k, h)).collect();
            set_ops::symmetric_difference_update(ta, items, eq)
        }
        _ => {
            let t = set_ops::intersection(ta, tb, eq)?;
            *ta = t;
            Ok(())
        }
    }
}

/// `a |= b` and friends, updating `a`'s table in place as CPython does.
pub fn inplace(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<()> {
    if let Some((mut sa, sb, base)) = snapshots(vm, a, b) {
        let r = inplace_tables(vm, op, &mut sa, &sb);
        vm.roots.truncate(base);
        if r.is_ok() {
            *table(a) = sa;
        }
        return r;
    }
    inplace_tables(vm, op, table(a), table(b))
}

/// `s.update(it)` as CPython's `set_update_internal`: sets merge table-to-table, dicts pre-size.
pub fn update(vm: &mut Vm, s: Value, it: Value) -> PyResult<()> {
    if as_set(it).is_some() {
        return inplace(vm, crate::bytecode::opcode::nb::OR, s, it);
    }
    if let Some(d) = as_dict(it) {
        let n = d.table.len();
        table(s).reserve_for_update(n);
    }
    // Each item added as it comes: a generator reading the set sees it grow (not drained).
    crate::vm::runtime::iter::for_each(vm, it, None, |vm, x| set_add(vm, s, x).map(drop))
}

/// Whether every key of set `p` is in set `q` (`p <= q`).
pub fn is_subset(vm: &mut Vm, p: Value, q: Value) -> PyResult<bool> {
    // CPython's set_issubset: a bigger set is never a subset (and no `__eq__` runs).
    if table(p).len() > table(q).len() {
        return Ok(false);
    }
    // First a plain walk probing `q` with the stored hashes, for keys whose comparisons run no
    // Python code (ints, strs, floats: meteor_contest's `fp <= free`); it stops at the first
    // comparison that would need `==`, and the re-entrant walk below starts over.
    let (tp, tq) = (table(p), table(q));
    let plain = tp
        .iter()
        .try_for_each(|(k, h)| match tq.contains(k, h, eq_without_python) {
            Ok(true) => Ok(()),
            Ok(false) => Err(Some(false)),
            Err(()) => Err(None),
        });
    match plain {
        Ok(()) => return Ok(true),
        Err(Some(r)) => return Ok(r),
        Err(None) => {}
    }
    // Walks `p` by slot index, re-reading the table at each step (CPython's set_next), so a key's
    // `__eq__` that mutates `p` cannot invalidate the walk; the key being tested is rooted while
    // Python may run.
    let mut pos = 0;
    while let Some((i, &k, _)) = table(p).next_from(pos) {
        pos = i + 1;
        vm.roots.push(k);
        let found = crate::vm::runtime::dict::set_contains(vm, q, k);
        vm.roots.pop();
        if !found? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether some of `items` is (`want` true) or is not (false) in set `s`. The items are rooted
/// while `__eq__` runs, since it may empty the set they came from.
pub fn any_membership(vm: &mut Vm, s: Value, items: &[Value], want: bool) -> PyResult<bool> {
    with_roots(vm, items, |vm| {
        for &k in items {
            if set_contains(vm, s, k)? == want {
                return Ok(true);
            }
        }
        Ok(false)
    })
}
