//! The insertion-ordered hash table behind dicts (and, until rtlib's CPython-ordered set table is
//! used, nothing else): an entry vector in insertion order plus a hashbrown index of entry numbers.
//! Key equality is supplied by the caller because it may run Python `__eq__` and fail.
//!
//! Tables of at most [`SMALL`] entry slots (most instance dicts, keyword-argument dicts) have no
//! index at all and are searched linearly by hash: no second allocation, and a scan of a few
//! words beats hashing into an index. `shape` counts key additions and removals so inline caches
//! can prove a key is still absent (LOAD_GLOBAL of a builtin) without a lookup.

use hashbrown::HashTable;

use super::object::VecParts;
use super::value::Value;

/// `repr(C)`: LOAD_GLOBAL's stencils read an entry's value at `DICT_ENTRY_VALUE_OFFSET` of
/// entry `i`, `DICT_ENTRY_SIZE * i` bytes into the entries (`vm::abi`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: u64,
    /// NULL for a deleted entry.
    pub key: Value,
    pub value: Value,
}

/// Entry-slot count up to which a table has no hash index.
pub const SMALL: usize = 8;

/// `repr(C)` with `shape` and the entries' parts first: LOAD_GLOBAL's stencils compare the
/// shape with their inline cache and read the cached entry (`DICT_SHAPE_OFFSET`,
/// `DICT_ENTRIES_OFFSET`, `DICT_ENTRIES_LEN_OFFSET` in `vm::abi`, from the dict object).
#[repr(C)]
#[derive(Default)]
pub struct DictTable {
    shape: u64,
    entries: VecParts<Entry>,
    len: usize,
    /// Present when `entries.len() > SMALL` (or made so by `with_capacity`); when present it
    /// indexes every entry. Boxed: most dicts are small, and the box
    /// keeps the dict object in a 64-byte block instead of a 96-byte one.
    index: Option<Box<HashTable<usize>>>,
}

/// Source of fresh shapes: a table's shape after any key change is a number no table has had, so
/// (table address, shape) also tells a table apart from a later one at the same address.
static SHAPES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[inline]
fn fresh_shape() -> u64 {
    // The VM is single-threaded: a plain load and store (no read-modify-write) suffice.
    use std::sync::atomic::Ordering::Relaxed;
    let n = SHAPES.load(Relaxed) + 1;
    SHAPES.store(n, Relaxed);
    n
}

impl DictTable {
    /// Offsets of the private fields compiled code reads (checked against `vm::abi` in
    /// `vm::object`).
    pub const SHAPE_OFFSET: usize = std::mem::offset_of!(DictTable, shape);
    pub const ENTRIES_OFFSET: usize = std::mem::offset_of!(DictTable, entries);

    pub fn new() -> Self {
        Self::default()
    }
    /// The bytes the table holds outside its owner (entry vector and index), roughly.
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.index.as_ref().map_or(0, |ix| {
                std::mem::size_of::<HashTable<usize>>()
                    + ix.capacity() * (std::mem::size_of::<usize>() + 1)
            })
    }

    pub fn with_capacity(n: usize) -> Self {
        DictTable {
            index: (n > SMALL).then(|| Box::new(HashTable::with_capacity(n))),
            entries: VecParts::from(Vec::with_capacity(n)),
            len: 0,
            shape: fresh_shape(),
        }
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Number of entry slots (live and deleted); iteration indices run below this.
    #[inline]
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    #[inline]
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }
    /// The raw entry slot `i` (its key is NULL when deleted), for inline-cache hints.
    #[inline]
    pub fn slot(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }
    /// Changes whenever a key is added or removed (not when a value is replaced).
    #[inline]
    pub fn shape(&self) -> u64 {
        self.shape
    }
    #[inline]
    pub fn entry_mut(&mut self, i: usize) -> &mut Entry {
        &mut self.entries[i]
    }

    /// Finds the entry whose key equals per `eq` (called only on entries with the same hash).
    #[inline]
    pub fn find<E>(
        &self,
        hash: u64,
        mut eq: impl FnMut(Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let entries = &self.entries;
        let Some(index) = self.index.as_deref() else {
            for (i, e) in entries.iter().enumerate() {
                if e.hash == hash && !e.key.is_null() && eq(e.key)? {
                    return Ok(Some(i));
                }
            }
            return Ok(None);
        };
        let mut err = None;
        let found = index.find(hash, |&i| {
            let e = &entries[i];
            if e.hash != hash || err.is_some() {
                return false;
            }
            match eq(e.key) {
                Ok(b) => b,
                Err(x) => {
                    err = Some(x);
                    false
                }
            }
        });
        match err {
            Some(e) => Err(e),
            None => Ok(found.copied()),
        }
    }

    /// Appends a new entry; the caller has checked the key is absent.
    pub fn insert_new(&mut self, hash: u64, key: Value, value: Value) {
        let i = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        self.len += 1;
        self.shape = fresh_shape();
        if i + 1 == SMALL + 1 {
            self.rebuild_index();
        } else if let Some(index) = self.index.as_deref_mut() {
            let entries = &self.entries;
            index.insert_unique(hash, i, |&j| entries[j].hash);
        }
    }

    /// Removes entry `i`; returns it.
    pub fn remove_at(&mut self, i: usize) -> Entry {
        let e = self.entries[i];
        self.shape = fresh_shape();
        if let Some(index) = self.index.as_deref_mut() {
            if let Ok(occ) = index.find_entry(e.hash, |&j| j == i) {
                occ.remove();
            }
        }
        self.entries[i].key = Value::NULL;
        self.entries[i].value = Value::NULL;
        self.len -= 1;
        if self.len == 0 {
            self.entries.clear();
            self.index = None;
        } else if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        e
    }

    fn compact(&mut self) {
        self.entries.vec(|v| v.retain(|e| !e.key.is_null()));
        self.rebuild_index();
    }

    /// Re-creates the index from the entries (empty for small tables).
    fn rebuild_index(&mut self) {
        if self.entries.len() <= SMALL {
            self.index = None;
            return;
        }
        let index = self.index.get_or_insert_with(Default::default);
        index.clear();
        let entries = &self.entries;
        for (i, e) in entries.iter().enumerate() {
            if !e.key.is_null() {
                index.insert_unique(e.hash, i, |&j| entries[j].hash);
            }
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
        self.len = 0;
        self.shape = fresh_shape();
    }

    /// Removes and returns the last entry (dict.popitem).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(i))
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// All key and value words, for the GC.
    pub fn values_for_gc(&self) -> impl Iterator<Item = Value> + '_ {
        self.entries.iter().flat_map(|e| [e.key, e.value])
    }
}
