//! The object model: every heap object is a `repr(C)` [`Obj<T>`] that starts with [`ObjHeader`]
//! (`type` pointer, then GC word; offsets in `vm::abi`), followed by its type's payload `T`.
//!
//! A type's [`Layout`] says which payload its instances carry; the GC (`vm::gc`) uses it to trace
//! and free objects, and the checked accessors below use it to hand out payload references. This
//! module and `vm::gc` are the only places that turn `Value` bits back into Rust references.
//!
//! The interpreter is single-threaded and objects never move, so a payload reference stays valid
//! while the object is reachable; callers keep references short (never across a call that may run
//! Python code and so collect garbage, unless the object is rooted).

use std::cell::Cell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::abi::*;
use super::dict::DictTable;
use super::value::Value;
use crate::bytecode::code::CodeObject;

#[repr(C)]
pub struct ObjHeader {
    pub ty: *const Obj<TypeData>,
    /// Bit 0: mark bit. Bit 1: immortal (never freed).
    pub gc: Cell<u64>,
}

#[repr(C)]
pub struct Obj<T> {
    pub header: ObjHeader,
    pub data: T,
}

pub type TypeObject = Obj<TypeData>;

const _: () = {
    assert!(std::mem::offset_of!(ObjHeader, ty) == OBJ_TYPE_OFFSET as usize);
    assert!(std::mem::offset_of!(ObjHeader, gc) == OBJ_GC_OFFSET as usize);
    assert!(std::mem::size_of::<ObjHeader>() == OBJ_HEADER_SIZE as usize);
    assert!(std::mem::offset_of!(Obj<u64>, data) == OBJ_HEADER_SIZE as usize);
};

/// Which payload a type's instances carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Plain instances (of `object` and of user classes): a `__dict__`, and exception data for
    /// subclasses of BaseException.
    Instance,
    Type,
    Str,
    Bytes,
    BigInt,
    Bool,
    NoneType,
    /// NotImplemented, Ellipsis: payload-less singletons.
    Singleton,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    Builtin,
    Code,
    Cell,
    BoundMethod,
    /// classmethod / staticmethod: wraps one callable.
    MethodWrapper,
    Property,
    Generator,
    Module,
    Iter,
    /// `range_iterator`: a `repr(C)` [`RangeIterData`] the JIT's FOR_ITER_RANGE reads in place.
    RangeIter,
    /// `list_iterator` and `tuple_iterator`: a `repr(C)` [`SeqIterData`].
    SeqIter,
    Super,
    /// dict_keys / dict_values / dict_items.
    DictView,
    /// float and small ints are never heap objects; their types use this layout.
    Unboxed,
    /// complex: two f64s.
    Complex,
    /// weakref.ref: a referent the GC does not trace (cleared when it dies).
    WeakRef,
    /// Objects of types written in Rust outside the core (`_sre`'s Pattern and Match, ...): a
    /// boxed [`NativeObject`] that traces its own Values.
    Native,
}

/// `repr(C)` only so that `version` sits at a fixed offset compiled code reads
/// (`TYPE_VERSION_OFFSET` in `vm::abi`); the other fields' order does not matter.
#[repr(C)]
pub struct TypeData {
    /// The type version tag (CPython's `tp_version_tag`): a number no other type has had, taken
    /// at creation and again whenever this type's or an ancestor's attributes change
    /// (`runtime::attr::type_modified`). Specialized instructions guard on it alone. 0: none
    /// (the counter ran out), never specialized on.
    pub version: Cell<u32>,
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub bases: Vec<Value>,
    pub mro: Vec<Value>,
    /// `__dict__`: a dict object.
    pub dict: Value,
    pub layout: Layout,
    /// Built-in types cannot have attributes set.
    pub builtin: bool,
    /// Can be subclassed by Python classes.
    pub base_ok: bool,
    /// Subclass of BaseException (instances carry exception data).
    pub is_exception: bool,
    /// MRO lookup cache: (epoch, name object bits -> result); see `runtime::attr::lookup_type`.
    pub lookup_cache: std::cell::RefCell<(u64, super::fxhash::FxHashMap<u64, Option<Value>>)>,
    /// Classes whose instances are not plain (a built-in base value, `__slots__`, a
    /// `__getattribute__` override): see `types::subclass`. None for ordinary classes.
    pub ext: Option<Box<ClassExt>>,
    /// Direct subclasses (weak: the GC unlinks a class it frees), so a change to this type's
    /// attributes can give every descendant a new version.
    pub subclasses: std::cell::RefCell<Vec<Value>>,
    /// The shared keys of instances' values (`InstanceData`): interned attribute names, only
    /// ever appended (a name keeps its index for the class's lifetime; at most
    /// `types::instance::MAX_SHARED_KEYS`). Appending one gives the class a new version tag.
    pub keys: std::cell::RefCell<Vec<Value>>,
    /// What calling the class runs, as `type.__call__` resolved it for `version`: (version,
    /// `__new__`, `__init__`, no `__abstractmethods__` in the class's dict) — CPython's `tp_new` /
    /// `tp_init` slots, kept valid by the version tag instead of slot updates. Version 0: empty.
    pub ctor_cache: Cell<(u32, Value, Value, bool)>,
    /// The version tag under which no class of the MRO defines `__bool__` or `__len__`, so every
    /// instance is true (`runtime::compare::truthy`'s shortcut; CPython reads its `nb_bool` and
    /// `mp_length` slots). 0: not known.
    pub always_true: Cell<u32>,
    /// (version tag, whether `__eq__` and `__ne__` both resolve to `object`'s under it): then
    /// `==`/`!=` between two such instances is identity (`runtime::compare::default_equality`;
    /// CPython's `object_richcompare`). Version 0: not known.
    pub default_eq: Cell<(u32, bool)>,
    /// (version tag, whether a class of the MRO defines `__del__` under it): then each new
    /// instance is registered with the collector for finalization (`vm::finalize`). Version 0:
    /// not known.
    pub finalizer: Cell<(u32, bool)>,
    /// A class written in Python that stands in for a type CPython writes in C (`deque`,
    /// `itertools.count`, `functools.partial`, ...; marked by `_cpjit.c_type`): its name in
    /// messages is CPython's `tp_name`, module-qualified (`Vm::tp_name`).
    pub c_type: Cell<bool>,
}

/// What sets a class apart from an ordinary one (computed once, when the class is created).
#[derive(Clone, Debug, Default)]
pub struct ClassExt {
    /// The built-in type (int, str, list, ...) whose value each instance wraps, or null.
    pub builtin_base: *const TypeObject,
    /// Instances have no `__dict__` (every class of the MRO declares `__slots__`).
    pub dictless: bool,
    /// Instances are `ExtInstanceData` objects (a built-in base or slots).
    pub ext_instance: bool,
    /// A class of the MRO other than `object` defines `__getattribute__`.
    pub getattribute: bool,
    /// Number of `__slots__` members the classes of the MRO declare.
    pub nslots: usize,
}

pub struct StrData {
    pub s: Box<str>,
    /// Number of code points; equals `s.len()` exactly when the string is ASCII.
    pub nchars: usize,
    /// Cached hash; `u64::MAX` when not yet computed.
    pub hash: Cell<u64>,
    /// Whether this object is the one `Vm::intern` hands out for its text: two interned strs are
    /// equal exactly when they are the same object, so a lookup among interned keys (the shared
    /// keys of instances) can stop after comparing addresses.
    pub interned: Cell<bool>,
}

impl StrData {
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
}

pub struct ExcData {
    pub args: Value,
    /// Traceback entries in the order they were added (innermost first): (code object, instr index).
    pub traceback: Vec<(Value, u32)>,
    /// The globals of each traceback entry's frame (`tb_frame.f_globals`), by index; shorter
    /// than `traceback` (or NULL) where an entry was added without them.
    pub tb_globals: Vec<Value>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// NameError: the globals of the raising frame (for suggestions); otherwise NULL.
    pub extra: Value,
}

/// An instance of a Python class. Instances of plain classes (`types::instance::uses_values`)
/// keep their attributes as *values* (CPython 3.11's inline values with keys shared per class):
/// `values[i]` holds the attribute named by the class's shared key `i` (`TypeData::keys`), NULL
/// when the instance does not have it. `__dict__` is materialized on demand
/// (`types::instance::dict`): then `values` is released and every attribute lives in `dict` from
/// then on. Offsets (`INSTANCE_*` in `vm::abi`) are what LOAD_ATTR_INSTANCE_VALUE and
/// STORE_ATTR_INSTANCE_VALUE read.
#[repr(C)]
pub struct InstanceData {
    /// `cap` Values (from the slab allocator), or null.
    pub values: *mut Value,
    /// Room in `values` (0 when `values` is null, so `i < cap` is the one check a load needs).
    pub cap: u32,
    /// One past the greatest index that has held a value. A new attribute may only go at or
    /// above it, so index order is insertion order (what a materialized `__dict__` shows);
    /// otherwise the instance switches to a dict.
    pub hi: u32,
    /// The materialized `__dict__` (then `values` is null), or NULL.
    pub dict: Value,
    pub exc: Option<Box<ExcData>>,
}

const _: () = {
    assert!(std::mem::offset_of!(TypeObject, data.version) == TYPE_VERSION_OFFSET as usize);
};

const _: () = {
    type I = Obj<InstanceData>;
    assert!(std::mem::offset_of!(I, data.values) == INSTANCE_VALUES_OFFSET as usize);
    assert!(std::mem::offset_of!(I, data.cap) == INSTANCE_CAP_OFFSET as usize);
    assert!(std::mem::offset_of!(I, data.hi) == INSTANCE_HI_OFFSET as usize);
    assert!(std::mem::offset_of!(I, data.dict) == INSTANCE_DICT_OFFSET as usize);
};

impl InstanceData {
    pub fn new(exc: Option<Box<ExcData>>) -> Self {
        InstanceData {
            values: std::ptr::null_mut(),
            cap: 0,
            hi: 0,
            dict: Value::NULL,
            exc,
        }
    }

    /// The values array (empty when there is none).
    #[inline(always)]
    pub fn values(&self) -> &[Value] {
        if self.values.is_null() {
            return &[];
        }
        // SAFETY: a non-null `values` points to `cap` initialized Values owned by this instance
        // (allocated by `realloc_values`, released only by `release_values`).
        unsafe { std::slice::from_raw_parts(self.values, self.cap as usize) }
    }

    #[inline(always)]
    pub fn values_mut(&mut self) -> &mut [Value] {
        if self.values.is_null() {
            return &mut [];
        }
        // SAFETY: as `values`; `&mut self` makes this the only reference to the array.
        unsafe { std::slice::from_raw_parts_mut(self.values, self.cap as usize) }
    }

    /// The value at index `i`, if the instance has it.
    #[inline(always)]
    pub fn value(&self, i: usize) -> Option<Value> {
        if i < self.cap as usize {
            // SAFETY: `i < cap`, so `values` is non-null and has a Value at `i` (see `values`).
            let v = unsafe { *self.values.add(i) };
            (!v.is_null()).then_some(v)
        } else {
            None
        }
    }
}

/// Gives `inst` a values array of `cap` slots (its old values copied, the rest NULL); returns
/// the bytes of the new block. Part of the GC's allocator (see `Heap::grow_values`).
pub(crate) fn realloc_values(
    slab: &mut super::alloc::SlabAlloc,
    inst: &mut InstanceData,
    cap: usize,
) -> usize {
    let bytes = cap * std::mem::size_of::<Value>();
    let p = slab.alloc(bytes) as *mut Value;
    let old = inst.values().len();
    debug_assert!(cap >= old);
    // SAFETY: `p` is a fresh block of `cap` Values; the old array (if any) holds `old <= cap`
    // initialized Values and does not overlap it. The rest is zeroed (Value::NULL is 0).
    unsafe {
        if old > 0 {
            std::ptr::copy_nonoverlapping(inst.values, p, old);
        }
        std::ptr::write_bytes(p.add(old), 0, cap - old);
    }
    release_values(slab, inst);
    inst.values = p;
    inst.cap = cap as u32;
    super::alloc::SlabAlloc::block_size(bytes)
}

/// Returns `inst`'s values array (if any) to the allocator; the instance has none afterwards.
pub(crate) fn release_values(slab: &mut super::alloc::SlabAlloc, inst: &mut InstanceData) {
    if !inst.values.is_null() {
        // SAFETY: an instance's values array comes from `slab.alloc` with room for `cap` values
        // (`realloc_values`), and the instance drops its pointer to it just below.
        unsafe {
            slab.release(
                inst.values as *mut u8,
                inst.cap as usize * std::mem::size_of::<Value>(),
            )
        };
    }
    inst.values = std::ptr::null_mut();
    inst.cap = 0;
}

/// A `Vec` kept as its raw parts, `repr(C)` so that compiled code reads them at fixed offsets:
/// a list's items (`ListData`: `LIST_ITEMS_OFFSET` / `LIST_LEN_OFFSET` / `LIST_CAP_OFFSET`,
/// CPython's `ob_item`, `ob_size`, `allocated`) and a dict's entries (`DICT_ENTRIES_*`). Rust
/// code reads a slice (`Deref`) and changes the items through `vec`, which lends the `Vec`
/// back for one operation; the methods below are the common ones.
///
/// Nothing that may run Python code may run inside `vec`'s closure: the `Vec` is written back
/// when the closure returns, so a change the Python code made to these items meanwhile
/// (through its own reference) would be lost. Every method here only moves values.
#[repr(C)]
pub struct VecParts<T> {
    items: std::ptr::NonNull<T>,
    len: usize,
    cap: usize,
}

/// A list's items.
pub type ListData = VecParts<Value>;

const _: () = {
    type D = Obj<DictData>;
    type E = super::dict::Entry;
    assert!(std::mem::offset_of!(D, data.table) == OBJ_HEADER_SIZE as usize);
    assert!(super::dict::DictTable::SHAPE_OFFSET == (DICT_SHAPE_OFFSET - OBJ_HEADER_SIZE) as usize);
    assert!(
        super::dict::DictTable::ENTRIES_OFFSET == (DICT_ENTRIES_OFFSET - OBJ_HEADER_SIZE) as usize
    );
    assert!(std::mem::size_of::<E>() == DICT_ENTRY_SIZE as usize);
    assert!(std::mem::offset_of!(E, value) == DICT_ENTRY_VALUE_OFFSET as usize);
    assert!(DICT_ENTRIES_LEN_OFFSET == DICT_ENTRIES_OFFSET + 8);
};

const _: () = {
    type L = Obj<ListData>;
    assert!(std::mem::offset_of!(L, data.items) == LIST_ITEMS_OFFSET as usize);
    assert!(std::mem::offset_of!(L, data.len) == LIST_LEN_OFFSET as usize);
    assert!(std::mem::offset_of!(L, data.cap) == LIST_CAP_OFFSET as usize);
};

impl<T> From<Vec<T>> for VecParts<T> {
    fn from(v: Vec<T>) -> Self {
        let mut v = std::mem::ManuallyDrop::new(v);
        VecParts {
            // SAFETY: a Vec's pointer is never null (dangling and aligned when it has no room).
            items: unsafe { std::ptr::NonNull::new_unchecked(v.as_mut_ptr()) },
            len: v.len(),
            cap: v.capacity(),
        }
    }
}

impl<T> Default for VecParts<T> {
    fn default() -> Self {
        VecParts::from(Vec::new())
    }
}

/// Writes a lent `Vec`'s parts back into its `VecParts` when dropped (also on a panic inside
/// the operation, so the owner never keeps parts the `Vec` has since freed).
struct LentVec<'a, T> {
    list: &'a mut VecParts<T>,
    vec: std::mem::ManuallyDrop<Vec<T>>,
}

impl<T> Drop for LentVec<'_, T> {
    fn drop(&mut self) {
        // SAFETY: a Vec's pointer is never null.
        self.list.items = unsafe { std::ptr::NonNull::new_unchecked(self.vec.as_mut_ptr()) };
        self.list.len = self.vec.len();
        self.list.cap = self.vec.capacity();
    }
}

impl<T> VecParts<T> {
    /// Runs `f` on the items as a `Vec` (it may grow, shrink or reallocate them). `f` must not
    /// run Python code (see the type's doc).
    #[inline]
    pub fn vec<R>(&mut self, f: impl FnOnce(&mut Vec<T>) -> R) -> R {
        // SAFETY: `items`, `len` and `cap` are the parts of the Vec this list owns (`from`, or
        // written back by a `LentVec`); the Vec made here is the only owner until the guard
        // writes its parts back, and `ManuallyDrop` keeps it from freeing them.
        let vec = std::mem::ManuallyDrop::new(unsafe {
            Vec::from_raw_parts(self.items.as_ptr(), self.len, self.cap)
        });
        let mut lent = LentVec { list: self, vec };
        f(&mut lent.vec)
    }

    #[inline]
    pub fn push(&mut self, v: T) {
        if self.len < self.cap {
            // SAFETY: `len < cap`: the buffer has room at `len` (a Vec's spare capacity).
            unsafe { self.items.as_ptr().add(self.len).write(v) };
            self.len += 1;
        } else {
            self.vec(|l| l.push(v));
        }
    }

    pub fn pop(&mut self) -> Option<T> {
        self.vec(|l| l.pop())
    }

    pub fn insert(&mut self, i: usize, v: T) {
        self.vec(|l| l.insert(i, v))
    }

    pub fn remove(&mut self, i: usize) -> T {
        self.vec(|l| l.remove(i))
    }

    pub fn extend_from_slice(&mut self, items: &[T])
    where
        T: Copy,
    {
        self.vec(|l| l.extend_from_slice(items))
    }

    /// Appends what `items` yields; the items are collected first, so an iterator that runs
    /// Python code runs outside `vec`.
    pub fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        let items: Vec<T> = items.into_iter().collect();
        self.vec(|l| l.extend(items))
    }

    pub fn clear(&mut self) {
        self.vec(|l| l.clear())
    }

    pub fn truncate(&mut self, n: usize) {
        self.vec(|l| l.truncate(n))
    }

    pub fn reserve(&mut self, n: usize) {
        self.vec(|l| l.reserve(n))
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// The items, leaving the list empty (with no buffer).
    pub fn take(&mut self) -> Vec<T> {
        self.vec(std::mem::take)
    }

    /// Replaces the items with `items`.
    pub fn set(&mut self, items: Vec<T>) {
        self.vec(|l| *l = items)
    }
}

impl<T> std::ops::Deref for VecParts<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        // SAFETY: the first `len` items of the buffer these parts own are initialized.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }
}

impl<T> std::ops::DerefMut for VecParts<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as `deref`; `&mut self` makes this the only reference to the items.
        unsafe { std::slice::from_raw_parts_mut(self.items.as_ptr(), self.len) }
    }
}

impl<T> Drop for VecParts<T> {
    fn drop(&mut self) {
        // SAFETY: the parts of the Vec these parts own, given back once.
        drop(unsafe { Vec::from_raw_parts(self.items.as_ptr(), self.len, self.cap) });
    }
}

/// A tuple's items: a boxed slice kept as its raw parts, `repr(C)` so that compiled code reads
/// them at `TUPLE_ITEMS_OFFSET` / `TUPLE_LEN_OFFSET` (UNPACK_SEQUENCE_TWO_TUPLE's stencil and
/// the other tuple stencils); Rust code sees a slice (`Deref`).
#[repr(C)]
pub struct TupleData {
    items: std::ptr::NonNull<Value>,
    len: usize,
}

const _: () = {
    type T = Obj<TupleData>;
    assert!(std::mem::offset_of!(T, data.items) == TUPLE_ITEMS_OFFSET as usize);
    assert!(std::mem::offset_of!(T, data.len) == TUPLE_LEN_OFFSET as usize);
};

impl From<Box<[Value]>> for TupleData {
    fn from(items: Box<[Value]>) -> Self {
        let len = items.len();
        let raw = Box::into_raw(items) as *mut Value;
        TupleData {
            // SAFETY: `Box::into_raw` never returns null (an empty slice's pointer is dangling,
            // non-null and aligned).
            items: unsafe { std::ptr::NonNull::new_unchecked(raw) },
            len,
        }
    }
}

impl std::ops::Deref for TupleData {
    type Target = [Value];
    #[inline(always)]
    fn deref(&self) -> &[Value] {
        // SAFETY: `items` and `len` are the parts of the boxed slice this value owns (`from`).
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }
}

impl std::ops::DerefMut for TupleData {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as `deref`; `&mut self` makes this the only reference to the items.
        unsafe { std::slice::from_raw_parts_mut(self.items.as_ptr(), self.len) }
    }
}

impl Drop for TupleData {
    fn drop(&mut self) {
        let raw = std::ptr::slice_from_raw_parts_mut(self.items.as_ptr(), self.len);
        // SAFETY: the parts of the boxed slice `from` took apart, given back once.
        drop(unsafe { Box::from_raw(raw) });
    }
}

/// Instances of classes with `ClassExt::ext_instance`: an `InstanceData` prefix (so `as_instance`
/// applies) followed by the wrapped built-in value. Their `__slots__` values live in the
/// `InstanceData` values array, indexed like the class's keys (the slot names of its MRO; see
/// `types::subclass`), and their other attributes in the dict.
#[repr(C)]
pub struct ExtInstanceData {
    pub inst: InstanceData,
    /// The built-in base value (an int, str, list, ...), or NULL.
    pub base: Value,
}

/// A Python function. `repr(C)`: CALL_PY_* (and later stencils) read `code`, `globals`,
/// `defaults` and `closure` at the `FUNC_*` offsets in `vm::abi`.
#[repr(C)]
pub struct FunctionData {
    pub code: Value,
    pub globals: Value,
    pub name: Value,
    pub qualname: Value,
    /// A tuple, or NULL.
    pub defaults: Value,
    /// A dict, or NULL.
    pub kwdefaults: Value,
    /// A tuple of cells, or NULL.
    pub closure: Value,
    /// `__dict__`, or NULL until first needed.
    pub dict: Value,
    pub doc: Value,
    pub module: Value,
    /// `__annotations__`: NULL, MAKE_FUNCTION's flat (name, value, ...) tuple, or a dict (made
    /// from the tuple on first read, or assigned).
    pub annotations: Value,
}

/// `repr(C)` for `call`, which compiled calls read at fixed offsets (`vm::abi::CODE_*`).
#[repr(C)]
pub struct CodeData {
    pub call: super::jit_hook::JitCallInfo,
    pub code: Rc<CodeObject>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub localsplusnames: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
    /// The docstring a function of this code gets (`co_consts[0]` when a str), or NULL; known
    /// before the body is decoded (`vm::code::ensure_body`).
    pub doc: Value,
    /// For each cell slot that is also an argument: (cell slot, argument slot).
    pub cell_args: Vec<(usize, usize)>,
    pub is_generator: bool,
    /// A generator, coroutine or async generator body whose close (GeneratorExit thrown in at a
    /// yield) can run code: a handler range covers a yield, or it delegates (`yield from` /
    /// `await`, whose delegate is closed first). Only such generators are registered for
    /// finalization when suspended (`vm::finalize::register_generator`).
    pub needs_close: bool,
    /// Inline-cache words of the attribute and global sites (`runtime::inline_cache`: four
    /// entries per attribute site, one per LOAD_GLOBAL), in code order.
    pub caches: Box<[Cell<u64>]>,
    /// For each code unit, its site in `caches` (`inline_cache::site`: first word and entry
    /// count; meaningful at LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR and LOAD_METHOD only).
    pub site_of: Box<[u32]>,
    /// The quickened instructions (CPython's `co_code_adaptive`): a copy of `code.code` that the
    /// interpreter executes and the specializer rewrites in place; each family instruction's
    /// inline cache units hold its counter (`vm::adaptive`) and its specialized form's data.
    pub adaptive: Box<[Cell<u32>]>,
    /// Compiled code and hotness (`vm::jit_hook`); freed with the code object.
    pub jit: super::jit_hook::JitSlot,
    /// The code in CPython 3.11's layout (`co_code`, `co_lines()`, ...), or why it has none;
    /// computed on first use (`vm::code::cpython_layout`).
    pub cpython_layout: std::cell::OnceCell<CpythonLayoutResult>,
}

/// `CodeData::cpython_layout`.
pub type CpythonLayoutResult = Result<Rc<crate::bytecode::cpython_layout::CpythonLayout>, Rc<str>>;

/// The code unit at instruction index `ip` of quickened code (`CodeData::adaptive`), for the
/// interpreter loop's fetch, which does not check `ip` against the length: every code object the
/// VM runs has passed `bytecode::serialize::validate` (jump and handler targets are instruction
/// starts within the code, control never runs off its end), and the loop only ever resumes at a
/// frame's `instr_index` that the loop or compiled code stored from such a position. Debug builds
/// check anyway (see `vm::framestack::Slots` for the same argument about frame slots).
#[inline(always)]
pub fn fetch_unit(units: &[Cell<u32>], ip: usize) -> u32 {
    debug_assert!(ip < units.len(), "instruction {ip} of {}", units.len());
    // SAFETY: `ip < units.len()` by the argument above.
    unsafe { units.get_unchecked(ip).get() }
}

/// A built-in function: vectorcall-style, `args` holds the positionals then the keyword values
/// named by `kwnames`.
pub type BuiltinFn = fn(&mut super::interp::Vm, &[Value], &[Value]) -> super::interp::PyResult;

pub struct BuiltinData {
    pub name: &'static str,
    pub f: BuiltinFn,
    /// The bound `self` (prepended to the arguments), or NULL.
    pub bound: Value,
    /// For methods: the type they belong to (for error messages and descriptor binding), or NULL.
    pub owner: Value,
    /// For module functions: the module's name (`__module__`), or NULL.
    pub module: Value,
}

/// A bound method (`METHOD_FUNC_OFFSET` / `METHOD_SELF_OFFSET` in `vm::abi`).
#[repr(C)]
pub struct MethodData {
    pub func: Value,
    pub self_: Value,
}

const _: () = {
    type F = Obj<FunctionData>;
    assert!(std::mem::offset_of!(F, data.code) == FUNC_CODE_OFFSET as usize);
    assert!(std::mem::offset_of!(F, data.globals) == FUNC_GLOBALS_OFFSET as usize);
    assert!(std::mem::offset_of!(F, data.defaults) == FUNC_DEFAULTS_OFFSET as usize);
    assert!(std::mem::offset_of!(F, data.kwdefaults) == FUNC_KWDEFAULTS_OFFSET as usize);
    assert!(std::mem::offset_of!(F, data.closure) == FUNC_CLOSURE_OFFSET as usize);
    type M = Obj<MethodData>;
    assert!(std::mem::offset_of!(M, data.func) == METHOD_FUNC_OFFSET as usize);
    assert!(std::mem::offset_of!(M, data.self_) == METHOD_SELF_OFFSET as usize);
};

pub struct PropertyData {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// `property`'s name from `__set_name__` (for its error messages), or NULL.
    pub name: Value,
}

pub struct SliceData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A complex number's payload.
#[repr(C)]
pub struct ComplexData {
    pub real: f64,
    pub imag: f64,
}

/// A range: i64 bounds (small ints), or `big` when a bound is beyond them (then the i64 fields
/// are unused; see `types::range_big`).
pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<BigRange>>,
}

pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

/// A module: `repr(C)` so that compiled code reads its dict at `MODULE_DICT_OFFSET`
/// (LOAD_ATTR_MODULE / LOAD_METHOD_MODULE's stencils).
#[repr(C)]
pub struct ModuleData {
    pub name: Value,
    pub dict: Value,
}

const _: () =
    assert!(std::mem::offset_of!(Obj<ModuleData>, data.dict) == MODULE_DICT_OFFSET as usize);

/// A weak reference (`_weakref.ref`): the collector clears `referent` when nothing else keeps
/// it alive and then calls `callback` with the reference (see `gc::Heap::collect`).
pub struct WeakRefData {
    pub referent: Cell<Value>,
    pub callback: Value,
    /// The instance of a `ref` subclass wrapping this reference (what callbacks receive), or
    /// NULL.
    pub wrapper: Cell<Value>,
    /// hash(referent), computed on first use (a dead reference keeps it).
    pub hash: Cell<Option<i64>>,
}

/// What Python code sees of weak reference `w` (a `Layout::WeakRef` object): the instance of the
/// `ref` subclass it was made through (its `wrapper`), else `w` itself.
pub fn weakref_seen(w: Value) -> Value {
    let wrapper = as_weakref(w).unwrap().wrapper.get();
    if wrapper.is_null() {
        w
    } else {
        wrapper
    }
}

/// The payload of a `Layout::Native` object: any Rust value that can list the Values it holds.
/// Its type's methods reach it through [`as_native`].
pub trait NativeObject: std::any::Any {
    /// Pushes every Value the object holds (the GC's mark phase).
    fn trace(&self, out: &mut Vec<Value>);
    /// Bytes the object owns outside its block (for collection pacing).
    fn heap_bytes(&self) -> usize {
        0
    }
}

pub type NativeData = Box<dyn NativeObject>;

pub struct SuperData {
    /// The class `super()` was called in.
    pub ty: Value,
    pub obj: Value,
    /// The type to start the MRO search after `ty` in (type(obj) or obj itself for classes).
    pub obj_type: Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Done,
}

pub struct GenData {
    /// The generator's frame: a `Frame` header followed by its slots (see `vm::framestack`).
    pub frame: Box<[u64]>,
    pub state: GenState,
    pub name: Value,
    pub qualname: Value,
    pub code: Value,
    pub func: Value,
    /// The exception the suspended frame is handling (it yielded inside an `except` block;
    /// CPython's `gi_exc_state`): current again while it runs. NULL: none of its own (the
    /// resumer's is seen then).
    pub exc_state: Value,
    /// Async generators only (`types::asyncgen`): PEP 525's state beside the frame's.
    pub ag: AsyncGenState,
}

/// What an async generator adds to a generator (CPython's `ag_running_async`, `ag_closed`,
/// `ag_hooks_inited`, `ag_finalizer`).
#[derive(Clone, Copy, Debug)]
pub struct AsyncGenState {
    /// An `__anext__()`/`asend()`/`athrow()`/`aclose()` awaitable is driving the generator
    /// (`ag_running`).
    pub running_async: bool,
    /// Finished or closed: a later `athrow()`/`aclose()` does not run it again.
    pub closed: bool,
    /// `sys.set_asyncgen_hooks`' hooks were consulted (on the first iteration).
    pub hooks_inited: bool,
    /// The finalizer hook installed when the generator was first iterated (NULL: none).
    pub finalizer: Value,
}

impl Default for AsyncGenState {
    fn default() -> Self {
        AsyncGenState {
            running_async: false,
            closed: false,
            hooks_inited: false,
            finalizer: Value::NULL,
        }
    }
}

/// Where an `async_generator_asend`/`_athrow` awaitable is (CPython's `AwaitableState`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitState {
    /// Not iterated yet.
    Init,
    Iter,
    Closed,
}

/// Iterator payloads; one Python type per variant family (`list_iterator`, `zip`, ...).
pub enum IterData {
    /// list, tuple, str (by code point), bytes: index into a sequence.
    Seq {
        seq: Value,
        idx: usize,
    },
    /// Reversed list/tuple/str.
    SeqRev {
        seq: Value,
        idx: isize,
    },
    /// reversed(dict) and reversed(dict view): `idx` entry slots remain, read backwards.
    DictRev {
        dict: Value,
        idx: usize,
        kind: DictIterKind,
        len: usize,
    },
    /// longrange_iterator: `left` values remain.
    /// `[cur, step, left]`, boxed: three BigInts would make every iterator (and every
    /// async generator's `__anext__()` awaitable) three times larger.
    BigRange(Box<[BigInt; 3]>),
    /// dict keys/values/items and set iteration: index into the entry vector.
    Dict {
        dict: Value,
        idx: usize,
        kind: DictIterKind,
        len: usize,
    },
    Enumerate {
        it: Value,
        n: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    /// iter(callable, sentinel)
    Callable {
        f: Value,
        sentinel: Value,
    },
    /// `coroutine.__await__()`'s `coroutine_wrapper`: each step resumes `coro`.
    Await {
        coro: Value,
    },
    /// `async_generator_asend`: what `agen.__anext__()` (`sendval` NULL) and `agen.asend(v)`
    /// return; each step resumes `gen` until it yields a value.
    AsyncGenASend {
        gen: Value,
        sendval: Value,
        state: AwaitState,
    },
    /// `async_generator_athrow`: what `agen.athrow(...)` (`args` the argument tuple) and
    /// `agen.aclose()` (`args` NULL) return.
    AsyncGenAThrow {
        gen: Value,
        args: Value,
        state: AwaitState,
    },
    /// `anext_awaitable`: `anext(it, default)`: awaits `wrapped`, with `default` in place of
    /// StopAsyncIteration.
    ANext {
        wrapped: Value,
        default: Value,
    },
    /// An `itertools` iterator (`modules::itertools`), boxed: its states are larger than
    /// the other variants'.
    Tool(Box<crate::vm::modules::itertools::Tool>),
    /// A pre-computed sequence of values (used for simple snapshots).
    Done,
}

/// A `range_iterator`'s payload (CPython 3.12's `_PyRangeIterObject` fields): `len` values remain,
/// the next is `next`, each following one `step` further. Machine code (the FOR_ITER_RANGE
/// specialized instruction and stencil) reads and updates it in place at the offsets in `jit::abi`
/// (`RANGE_ITER_*`, asserted below and matching `jit::runtime::RangeIterLayout`). Values beyond
/// the small-int range are boxed when produced. `next` may wrap after the last value is produced
/// (never read then).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct RangeIterData {
    pub next: i64,
    pub step: i64,
    pub len: i64,
}

impl RangeIterData {
    /// Takes the next value, if any.
    #[inline(always)]
    pub fn advance(&mut self) -> Option<i64> {
        if self.len <= 0 {
            return None;
        }
        let v = self.next;
        self.next = v.wrapping_add(self.step);
        self.len -= 1;
        Some(v)
    }
}

const _: () = {
    use crate::jit::abi::*;
    type R = Obj<RangeIterData>;
    assert!(std::mem::offset_of!(R, data.next) == RANGE_ITER_NEXT_OFFSET as usize);
    assert!(std::mem::offset_of!(R, data.step) == RANGE_ITER_STEP_OFFSET as usize);
    assert!(std::mem::offset_of!(R, data.len) == RANGE_ITER_LEN_OFFSET as usize);
    assert!(
        std::mem::size_of::<R>() == std::mem::size_of::<crate::jit::runtime::RangeIterLayout>()
    );
};

/// A `list_iterator` or `tuple_iterator`: the next index into `seq` (a list or tuple; NULL once
/// exhausted, as CPython drops it, so a list grown afterwards is not iterated further). Offsets
/// `SEQ_ITER_*` in `vm::abi`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SeqIterData {
    pub seq: Value,
    pub idx: usize,
}

const _: () = {
    type S = Obj<SeqIterData>;
    assert!(std::mem::offset_of!(S, data.seq) == SEQ_ITER_SEQ_OFFSET as usize);
    assert!(std::mem::offset_of!(S, data.idx) == SEQ_ITER_INDEX_OFFSET as usize);
};

impl SeqIterData {
    /// Takes the next item, if any.
    #[inline(always)]
    pub fn advance(&mut self) -> Option<Value> {
        let items: &[Value] = if let Some(l) = as_list(self.seq) {
            l
        } else if let Some(t) = as_tuple(self.seq) {
            t
        } else {
            return None;
        };
        if let Some(&v) = items.get(self.idx) {
            self.idx += 1;
            return Some(v);
        }
        self.seq = Value::NULL;
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// `repr(C)`: the table at the payload's start (`DICT_*` offsets in `vm::abi`).
#[repr(C)]
pub struct DictData {
    pub table: DictTable,
}

/// `set` and `frozenset`: rtlib's CPython-layout table, so iteration order matches CPython.
pub struct SetData {
    pub table: crate::rtlib::set_table::SetTable<Value>,
}

/// Dict views (`dict_keys`, ...) are represented as an Iter-like wrapper object.
pub struct ViewData {
    pub dict: Value,
    pub kind: DictIterKind,
}

// ---- raw access -------------------------------------------------------------------------------

/// The header of a heap object.
#[inline(always)]
pub fn header<'a>(v: Value) -> &'a ObjHeader {
    debug_assert!(v.is_ptr());
    // SAFETY: every pointer Value points to a live object that starts with an ObjHeader (the GC only
    // frees unreachable objects, and Values held by running code are reachable).
    unsafe { &*v.as_ptr::<ObjHeader>() }
}

/// The type object of any value: a heap object's header type, or `int` / `float` for the
/// unboxed small ints and floats (so a built-in that forgets to check `is_ptr()` before asking
/// for the type of an argument gets the right answer instead of reading through a non-pointer).
/// Whether `v` is a heap object of exactly type `ty` (not a subclass): the guard of the
/// specialized instructions and of fast paths that must not see a subclass's overrides.
#[inline(always)]
pub fn is_exact(v: Value, ty: *const TypeObject) -> bool {
    v.is_ptr() && obj_type(v) == ty
}

#[inline(always)]
pub fn obj_type(v: Value) -> *const TypeObject {
    if v.is_ptr() {
        header(v).ty
    } else {
        unboxed_type(v)
    }
}

thread_local! {
    /// This thread's VM's `int` and `float` type objects (set by `Types::bootstrap`; the VM runs
    /// on the thread that created it).
    static UNBOXED_TYPES: Cell<(*const TypeObject, *const TypeObject)> =
        const { Cell::new((std::ptr::null(), std::ptr::null())) };
}

/// Records the types `obj_type` gives small ints and floats on this thread.
pub(crate) fn set_unboxed_types(int: *const TypeObject, float: *const TypeObject) {
    UNBOXED_TYPES.with(|c| c.set((int, float)));
}

#[cold]
#[inline(never)]
fn unboxed_type(v: Value) -> *const TypeObject {
    let (int, float) = UNBOXED_TYPES.with(|c| c.get());
    let t = if v.is_small_int() {
        int
    } else if v.is_float() {
        float
    } else {
        std::ptr::null()
    };
    // A panic (caught by the panic guard: SystemError), never a read through a non-pointer.
    assert!(!t.is_null(), "type of a non-object value {v:?}");
    t
}

/// The type data of a type object pointer.
///
/// Safe to call although it reads through a raw pointer: type object pointers only come from
/// `obj_type` of a live object (or the VM's own type table), never from outside the VM.
#[inline(always)]
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn type_data<'a>(t: *const TypeObject) -> &'a TypeData {
    // SAFETY: type objects are heap objects reachable from their instances (the GC traces the type
    // pointer), so a live object's type pointer is live.
    unsafe { &(*t).data }
}

#[inline(always)]
pub fn type_data_mut<'a>(t: *const TypeObject) -> &'a mut TypeData {
    // SAFETY: as `type_data`; the interpreter is single-threaded and callers do not hold another
    // reference to the same type's data across this use.
    unsafe { &mut (*(t as *mut TypeObject)).data }
}

#[inline(always)]
pub fn layout_of(v: Value) -> Layout {
    if v.is_ptr() {
        type_data(header(v).ty).layout
    } else {
        Layout::Unboxed
    }
}

/// The payload of `v`, which the caller has checked has layout matching `T`.
#[inline(always)]
fn payload<'a, T>(v: Value) -> &'a mut T {
    // SAFETY: callers below check the object's layout first, so `v` points to an `Obj<T>`.
    unsafe { &mut (*v.as_ptr::<Obj<T>>()).data }
}

macro_rules! accessor {
    ($name:ident, $layout:ident, $t:ty) => {
        /// The payload if `v` is a heap object of this layout.
        #[inline(always)]
        pub fn $name<'a>(v: Value) -> Option<&'a mut $t> {
            if v.is_ptr() && layout_of(v) == Layout::$layout {
                Some(payload::<$t>(v))
            } else {
                None
            }
        }
    };
}

accessor!(as_str, Str, StrData);
accessor!(as_bytes, Bytes, Vec<u8>);
accessor!(as_bigint, BigInt, BigInt);
accessor!(as_list, List, ListData);
accessor!(as_tuple, Tuple, TupleData);
accessor!(as_dict, Dict, DictData);
accessor!(as_set, Set, SetData);
accessor!(as_range, Range, RangeData);
accessor!(as_slice, Slice, SliceData);
accessor!(as_function, Function, FunctionData);
accessor!(as_builtin, Builtin, BuiltinData);
accessor!(as_code, Code, CodeData);

/// The code object payload of `v`, without checking its layout (the JIT's runtime functions
/// read their frame's code on every call; `as_code` checks it).
///
/// # Safety
/// `v` is a code object, as a frame's `code` always is (frames are made only for code objects).
#[inline(always)]
pub unsafe fn code_unchecked<'a>(v: Value) -> &'a mut CodeData {
    debug_assert!(as_code(v).is_some());
    payload(v)
}
accessor!(as_cell, Cell, Value);
accessor!(as_bound_method, BoundMethod, MethodData);
accessor!(as_method_wrapper, MethodWrapper, Value);
accessor!(as_property, Property, PropertyData);
accessor!(as_generator, Generator, GenData);
accessor!(as_module, Module, ModuleData);
accessor!(as_iter, Iter, IterData);
accessor!(as_range_iter, RangeIter, RangeIterData);
accessor!(as_seq_iter, SeqIter, SeqIterData);
accessor!(as_instance, Instance, InstanceData);
accessor!(as_type, Type, TypeData);
accessor!(as_super, Super, SuperData);
accessor!(as_bool_obj, Bool, bool);
accessor!(as_view, DictView, ViewData);
accessor!(as_complex, Complex, ComplexData);
accessor!(as_weakref, WeakRef, WeakRefData);

/// The payload of a `Layout::Native` object if it is a `T`.
#[inline]
pub fn as_native<'a, T: NativeObject>(v: Value) -> Option<&'a mut T> {
    if v.is_ptr() && layout_of(v) == Layout::Native {
        let b: &mut NativeData = payload::<NativeData>(v);
        let any: &mut dyn std::any::Any = &mut **b;
        any.downcast_mut::<T>()
    } else {
        None
    }
}

/// Whether `t`'s instances are `ExtInstanceData` objects.
#[inline]
pub fn has_ext_instances(t: *const TypeObject) -> bool {
    type_data(t).ext.as_ref().is_some_and(|e| e.ext_instance)
}

/// The extended payload of an instance of a class with `ClassExt::ext_instance`.
#[inline]
pub fn as_ext_instance<'a>(v: Value) -> Option<&'a mut ExtInstanceData> {
    if v.is_ptr() && layout_of(v) == Layout::Instance && has_ext_instances(obj_type(v)) {
        Some(payload::<ExtInstanceData>(v))
    } else {
        None
    }
}

/// The payload of any object by layout, for the GC.
pub(crate) fn payload_any<'a, T>(v: Value) -> &'a mut T {
    payload::<T>(v)
}

/// Allocates a new object of type `ty` holding `data`; returns its Value. Use `Heap::alloc`.
pub(crate) fn box_object<T>(
    slab: &mut super::alloc::SlabAlloc,
    ty: *const TypeObject,
    data: T,
) -> Value {
    let p = slab.alloc(std::mem::size_of::<Obj<T>>()) as *mut Obj<T>;
    // SAFETY: `p` is a fresh, 16-byte aligned block large enough for an Obj<T>.
    unsafe {
        std::ptr::write(
            p,
            Obj {
                header: ObjHeader {
                    ty,
                    gc: Cell::new(0),
                },
                data,
            },
        )
    };
    Value::from_ptr(p)
}

/// Frees an object allocated by `box_object` with payload `T`; returns the bytes its block took.
pub(crate) fn free_object<T>(slab: &mut super::alloc::SlabAlloc, v: Value) -> usize {
    let p = v.as_ptr::<Obj<T>>();
    // SAFETY: `v` was created by `box_object::<T>` (the GC matches T to the object's layout) and
    // is unreachable, so no reference to it remains; it is dropped exactly once.
    unsafe { std::ptr::drop_in_place(p) };
    // SAFETY: `box_object::<T>` allocated the block from `slab` with this size; it is dead.
    unsafe { slab.release(p as *mut u8, std::mem::size_of::<Obj<T>>()) };
    super::alloc::SlabAlloc::block_size(std::mem::size_of::<Obj<T>>())
}

/// Sets the type pointer of an object (used once at start-up to close the `type`-of-`type` loop).
pub(crate) fn set_type(v: Value, ty: *const TypeObject) {
    // SAFETY: `v` is a live object; the header's type field is plain data written while no other
    // reference to the header is in use.
    unsafe { (*v.as_ptr::<ObjHeader>()).ty = ty }
}
