//! The hash table behind `set`/`frozenset`, reproducing CPython 3.11's Objects/setobject.c
//! (linear probes of 9 then perturbed probing, 5-bit perturb shift, fill/used accounting, dummy
//! slots on delete, the resize rules of `set_add_entry`/`set_table_resize`/`set_merge`), so that
//! iteration order — and hence printed sets — match CPython given the same hashes.
//!
//! Keys are generic; the caller supplies hashes and an equality callback that may fail (a
//! Python `__eq__` can raise). The callback must not re-enter this table (CPython restarts the
//! probe when a comparison mutates the set; here Rust's borrow rules make that impossible).

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// Initial (and minimum) number of slots, `PySet_MINSIZE`.
pub const MIN_SIZE: usize = 8;

/// One slot, 16 bytes like CPython's `setentry` (an enum of empty/dummy/active would take 24,
/// a third more memory to walk in every probe and scan). An active slot holds a key and its
/// hash; a slot without a key has the hash -1, which no key has (`hash()` turns -1 into -2),
/// and its key is `TableKey::EMPTY` or `TableKey::DELETED` (CPython's NULL and `dummy`).
#[derive(Clone, Copy, Debug)]
struct Slot<K> {
    hash: i64,
    key: K,
}

/// The hash of a slot without a key.
const NO_HASH: i64 = -1;

/// A slot as the table's code reads it.
enum View<'a, K> {
    Empty,
    Dummy,
    Active(i64, &'a K),
}

impl<K: TableKey> Slot<K> {
    const EMPTY: Slot<K> = Slot {
        hash: NO_HASH,
        key: K::EMPTY,
    };
    const DUMMY: Slot<K> = Slot {
        hash: NO_HASH,
        key: K::DELETED,
    };

    #[inline(always)]
    fn active(hash: i64, key: K) -> Slot<K> {
        debug_assert_ne!(hash, NO_HASH, "-1 is not a hash");
        Slot { hash, key }
    }

    #[inline(always)]
    fn view(&self) -> View<'_, K> {
        if self.hash != NO_HASH {
            View::Active(self.hash, &self.key)
        } else if self.key == K::EMPTY {
            View::Empty
        } else {
            View::Dummy
        }
    }

    #[inline(always)]
    fn is_active(&self) -> bool {
        self.hash != NO_HASH
    }

    #[inline(always)]
    fn is_empty(&self) -> bool {
        self.hash == NO_HASH && self.key == K::EMPTY
    }
}

/// What a table needs to know of its keys: whether one refers to something a collector must
/// trace (the table keeps a count, so a set of ints or other immediate values is not scanned),
/// and two distinct values that mark an empty and a deleted slot (never read as keys).
pub trait TableKey: Copy + PartialEq {
    const EMPTY: Self;
    const DELETED: Self;
    fn is_ref(&self) -> bool;
}

impl TableKey for i64 {
    const EMPTY: i64 = 0;
    const DELETED: i64 = 1;
    fn is_ref(&self) -> bool {
        false
    }
}

/// An open-addressing set table with CPython's layout and probing.
#[derive(Clone, Debug)]
pub struct SetTable<K> {
    /// Active keys for which `is_ref` holds (kept by every insertion and removal below).
    refs: usize,
    table: Vec<Slot<K>>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop()` resumes scanning.
    finger: usize,
    /// Bumped whenever `table` is replaced (resize, clear): a probe that ran Python code between
    /// steps restarts when it changed, as `set_lookkey` does when `so->table` moved.
    generation: u64,
}

/// A probe in progress for the re-entrant lookups (`probe`, `probe_next`): CPython's `i`,
/// `perturb` and the position in the current linear run.
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    i: usize,
    perturb: u64,
    j: usize,
    end: usize,
    hash: i64,
    generation: u64,
}

/// One slot on a probe path, as `probe_next` reports it.
#[derive(Debug)]
pub enum ProbeSlot<K> {
    /// An empty slot: the key is absent; an insert goes here (or into the last dummy seen).
    Empty(usize),
    /// A deleted slot.
    Dummy(usize),
    /// An active slot whose hash equals the probe's: the caller compares the key.
    Candidate(usize, K),
    /// An active slot with another hash.
    Other,
    /// The table was replaced since the probe started: start again.
    Moved,
}

impl<K: TableKey> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: TableKey> SetTable<K> {
    /// An empty table of `MIN_SIZE` slots.
    pub fn new() -> Self {
        SetTable {
            refs: 0,
            table: Self::empty_slots(MIN_SIZE),
            fill: 0,
            used: 0,
            finger: 0,
            generation: 0,
        }
    }

    fn empty_slots(n: usize) -> Vec<Slot<K>> {
        vec![Slot::EMPTY; n]
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Number of elements (`len(s)`).
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Number of slots (mask + 1).
    pub fn capacity(&self) -> usize {
        self.table.len()
    }

    /// Active plus dummy slots (`so->fill`).
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Elements with their hashes, in CPython's iteration order (slot order).
    pub fn iter(&self) -> impl Iterator<Item = (&K, i64)> + '_ {
        self.table
            .iter()
            .filter(|s| s.is_active())
            .map(|s| (&s.key, s.hash))
    }

    /// The element stored at slot `pos` or later: (slot index, key, hash). Iterators resume
    /// from index + 1 (CPython's `set_next`).
    pub fn next_from(&self, pos: usize) -> Option<(usize, &K, i64)> {
        self.table
            .iter()
            .enumerate()
            .skip(pos)
            .find(|(_, s)| s.is_active())
            .map(|(i, s)| (i, &s.key, s.hash))
    }

    /// Starts a re-entrant probe for `hash`. `probe_next` walks CPython's probe sequence one slot
    /// per call, so the caller can compare keys (running Python code that may mutate this very
    /// table) with no borrow of the table held across the comparison.
    pub fn probe(&self, hash: i64) -> Probe {
        let i = (hash as u64 as usize) & self.mask();
        Probe {
            i,
            perturb: hash as u64,
            j: i,
            end: self.run_end(i),
            hash,
            generation: self.generation,
        }
    }

    fn run_end(&self, i: usize) -> usize {
        if i + LINEAR_PROBES <= self.mask() {
            i + LINEAR_PROBES
        } else {
            i
        }
    }

    /// The next slot on `p`'s path (see `ProbeSlot`).
    pub fn probe_next(&self, p: &mut Probe) -> ProbeSlot<K>
    where
        K: Clone,
    {
        if p.generation != self.generation || p.j >= self.table.len() {
            return ProbeSlot::Moved;
        }
        let j = p.j;
        if p.j < p.end {
            p.j += 1;
        } else {
            p.perturb >>= PERTURB_SHIFT;
            p.i =
                (p.i.wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(p.perturb as usize))
                    & self.mask();
            p.j = p.i;
            p.end = self.run_end(p.i);
        }
        match self.table[j].view() {
            View::Empty => ProbeSlot::Empty(j),
            View::Dummy => ProbeSlot::Dummy(j),
            View::Active(hash, key) if hash == p.hash => ProbeSlot::Candidate(j, *key),
            View::Active(..) => ProbeSlot::Other,
        }
    }

    /// Whether slot `j` still holds `key` in the table `p` probes (CPython's check after a rich
    /// comparison: `table == so->table && entry->key == startkey`).
    pub fn still_holds(&self, p: &Probe, j: usize, key: &K) -> bool
    where
        K: PartialEq,
    {
        p.generation == self.generation
            && matches!(self.table.get(j), Some(s) if s.is_active() && s.key == *key)
    }

    /// Removes the active slot `j` found by a probe, leaving a dummy.
    pub fn remove_at(&mut self, j: usize) -> Option<K> {
        if !self.table.get(j)?.is_active() {
            return None;
        }
        self.used -= 1;
        let key = std::mem::replace(&mut self.table[j], Slot::DUMMY).key;
        self.refs -= key.is_ref() as usize;
        Some(key)
    }

    /// Active keys that refer to something a collector traces (`TableKey::is_ref`): none means
    /// the keys need no tracing.
    pub fn refs(&self) -> usize {
        self.refs
    }

    /// Stores `key` after a probe found it absent: into the last dummy on the path, else into the
    /// empty slot that ended it, then grows as `set_add_entry` does. The probe must not have
    /// been invalidated (see `still_free`).
    pub fn insert_absent(&mut self, key: K, hash: i64, freeslot: Option<usize>, empty_at: usize) {
        self.used += 1;
        self.refs += key.is_ref() as usize;
        if let Some(f) = freeslot {
            self.table[f] = Slot::active(hash, key);
            return;
        }
        self.fill += 1;
        self.table[empty_at] = Slot::active(hash, key);
        if self.fill * 5 < self.mask() * 3 {
            return;
        }
        let minused = if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(minused);
    }

    /// Whether `p` still probes the current table and slot `j` is still free (a comparison may
    /// have filled it).
    pub fn still_free(&self, p: &Probe, j: usize) -> bool {
        p.generation == self.generation && matches!(self.table.get(j), Some(s) if !s.is_active())
    }

    /// `set_lookkey`: the slot holding an equal key, or None.
    #[inline]
    fn lookup<E>(
        &self,
        key: &K,
        hash: i64,
        eq: &mut impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            for j in i..=self.run_end(i) {
                // `eq` may have shrunk the table (a key's __eq__ clearing the set).
                let Some(slot) = self.table.get(j) else {
                    return Ok(None);
                };
                if slot.hash == hash {
                    if eq(&slot.key, key)? {
                        return Ok(Some(j));
                    }
                } else if slot.is_empty() {
                    return Ok(None);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `key in s`.
    #[inline]
    pub fn contains<E>(
        &self,
        key: &K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.lookup(key, hash, &mut eq)?.is_some())
    }

    /// The stored key equal to `key`, if any.
    pub fn get<E>(
        &self,
        key: &K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<&K>, E> {
        Ok(self
            .lookup(key, hash, &mut eq)?
            .and_then(|j| self.table.get(j).filter(|s| s.is_active()).map(|s| &s.key)))
    }

    /// `set_add_entry`: add `key` unless an equal key is present. Returns whether it was added.
    pub fn add<E>(
        &mut self,
        key: K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        let empty_at;
        'outer: loop {
            for j in i..=self.run_end(i) {
                let Some(slot) = self.table.get(j) else {
                    // `eq` shrank the table: start again in the new one.
                    return self.add(key, hash, eq);
                };
                match slot.view() {
                    View::Empty => {
                        empty_at = j;
                        break 'outer;
                    }
                    View::Active(h, k) if h == hash && eq(k, &key)? => {
                        return Ok(false);
                    }
                    // CPython 3.11 remembers the last dummy on the probe path.
                    View::Dummy => freeslot = Some(j),
                    View::Active(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.insert_absent(key, hash, freeslot, empty_at);
        Ok(true)
    }

    /// `set_insert_clean`: place a key known to be absent into a table without dummies.
    fn insert_clean(table: &mut [Slot<K>], key: K, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].is_empty() {
                table[i] = Slot::active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                if let Some(slot) = table[i + 1..=i + LINEAR_PROBES]
                    .iter_mut()
                    .find(|s| s.is_empty())
                {
                    *slot = Slot::active(hash, key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize`: rebuild with the smallest power-of-two size > `minused`.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return; // small table without dummies: nothing to do
        }
        let old = std::mem::replace(&mut self.table, Self::empty_slots(newsize));
        self.generation += 1;
        self.fill = self.used;
        for s in old {
            if s.is_active() {
                Self::insert_clean(&mut self.table, s.key, s.hash);
            }
        }
    }

    /// `set_discard_entry`: remove an equal key, leaving a dummy. Returns the removed key.
    pub fn discard<E>(
        &mut self,
        key: &K,
        hash: i64,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<K>, E> {
        // `remove_at` checks the slot is still active (an `eq` that mutated the set may have
        // emptied it or shrunk the table: then the key is gone already).
        Ok(self
            .lookup(key, hash, &mut eq)?
            .and_then(|j| self.remove_at(j)))
    }

    /// `set.pop()`: remove and return an element starting at the finger, or None when empty
    /// (the caller raises KeyError "pop from an empty set").
    pub fn pop(&mut self) -> Option<(K, i64)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        while !self.table[j].is_active() {
            j += 1;
            if j > mask {
                j = 0;
            }
        }
        self.used -= 1;
        self.finger = j + 1;
        let Slot { hash, key } = std::mem::replace(&mut self.table[j], Slot::DUMMY);
        self.refs -= key.is_ref() as usize;
        Some((key, hash))
    }

    /// `set.clear()`: back to an empty `MIN_SIZE` table (the pop finger is kept, as in CPython).
    pub fn clear(&mut self) {
        let (finger, generation) = (self.finger, self.generation);
        *self = Self::new();
        self.finger = finger;
        self.generation = generation + 1;
    }

    /// The pre-sizing `set_update_internal` does before adding `n` keys from a dict (call it,
    /// then `add` each key with the dict's stored hash).
    pub fn reserve_for_update(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// `set_merge`: add every element of `other` (`s.update(other_set)`, `set(other_set)`, copy).
    pub fn merge<E>(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E>
    where
        K: Clone,
    {
        if other.used == 0 || std::ptr::eq(self, other) {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.table.len() == other.table.len() && other.fill == other.used {
            // Same size, no dummies: copy slot for slot.
            // (Dummies are absent, so the slots copy as they are, empty ones included.)
            self.table.copy_from_slice(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            self.refs = other.refs;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            self.refs = other.refs;
            for (key, hash) in other.iter() {
                Self::insert_clean(&mut self.table, key.clone(), hash);
            }
            return Ok(());
        }
        for (key, hash) in other.iter() {
            self.add(key.clone(), hash, &mut eq)?;
        }
        Ok(())
    }

    /// `set.copy()` / `set(s)` / `frozenset(s)`: a new table merged from this one.
    pub fn copy(&self) -> SetTable<K>
    where
        K: Clone,
    {
        let mut t = SetTable::new();
        t.merge(self, |_, _| Ok::<bool, std::convert::Infallible>(false))
            .unwrap_or_else(|e| match e {});
        t
    }
}
