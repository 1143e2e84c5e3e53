//! The insertion-ordered hash table behind dicts (and, until rtlib's CPython-ordered set table is
//! used, nothing else): an entry vector in insertion order plus a hashbrown index of entry numbers.
//! Key equality is supplied by the caller because it may run Python `__eq__` and fail.

use hashbrown::HashTable;

use super::value::Value;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: u64,
    /// NULL for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictTable {
    index: HashTable<usize>,
    entries: Vec<Entry>,
    len: usize,
}

impl DictTable {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn with_capacity(n: usize) -> Self {
        DictTable {
            index: HashTable::with_capacity(n),
            entries: Vec::with_capacity(n),
            len: 0,
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
        let mut err = None;
        let entries = &self.entries;
        let found = self.index.find(hash, |&i| {
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
        let entries = &self.entries;
        self.index.insert_unique(hash, i, |&j| entries[j].hash);
        self.len += 1;
    }

    /// Removes entry `i`; returns it.
    pub fn remove_at(&mut self, i: usize) -> Entry {
        let e = self.entries[i];
        if let Ok(occ) = self.index.find_entry(e.hash, |&j| j == i) {
            occ.remove();
        }
        self.entries[i].key = Value::NULL;
        self.entries[i].value = Value::NULL;
        self.len -= 1;
        if self.len == 0 {
            self.entries.clear();
            self.index.clear();
        } else if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        e
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            let entries = &self.entries;
            self.index.insert_unique(e.hash, i, |&j| entries[j].hash);
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
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
