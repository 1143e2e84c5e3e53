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
    Super,
    /// dict_keys / dict_values / dict_items.
    DictView,
    /// float and small ints are never heap objects; their types use this layout.
    Unboxed,
    /// complex: two f64s.
    Complex,
    /// weakref.ref: a referent the GC does not trace (cleared when it dies).
    WeakRef,
}

pub struct TypeData {
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
    /// The type version tag (CPython's `tp_version_tag`): a number no other type has had, taken
    /// at creation and again whenever this type's or an ancestor's attributes change
    /// (`runtime::attr::type_modified`). Specialized instructions guard on it alone. 0: none
    /// (the counter ran out), never specialized on.
    pub version: Cell<u32>,
    /// Direct subclasses (weak: the GC unlinks a class it frees), so a change to this type's
    /// attributes can give every descendant a new version.
    pub subclasses: std::cell::RefCell<Vec<Value>>,
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
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// NameError: the globals of the raising frame (for suggestions); otherwise NULL.
    pub extra: Value,
}

pub struct InstanceData {
    pub dict: Value,
    pub exc: Option<Box<ExcData>>,
}

/// Instances of classes with `ClassExt::ext_instance`: an `InstanceData` prefix (so `as_instance`
/// applies) followed by the wrapped built-in value and the `__slots__` storage.
#[repr(C)]
pub struct ExtInstanceData {
    pub inst: InstanceData,
    /// The built-in base value (an int, str, list, ...), or NULL.
    pub base: Value,
    /// A dict holding the `__slots__` values, or NULL until the first is set.
    pub slots: Value,
}

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
}

pub struct CodeData {
    pub code: Rc<CodeObject>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub localsplusnames: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
    /// For each cell slot that is also an argument: (cell slot, argument slot).
    pub cell_args: Vec<(usize, usize)>,
    pub is_generator: bool,
    /// Inline-cache words, `runtime::inline_cache::WORDS` per code unit (used by the sites that
    /// have caches; see that module).
    pub caches: Box<[Cell<u64>]>,
    /// The quickened instructions (CPython's `co_code_adaptive`): a copy of `code.code` that the
    /// interpreter executes and the specializer rewrites in place; each family instruction's
    /// inline cache units hold its counter (`vm::adaptive`) and its specialized form's data.
    pub adaptive: Box<[Cell<u32>]>,
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
}

pub struct MethodData {
    pub func: Value,
    pub self_: Value,
}

pub struct PropertyData {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
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

pub struct ModuleData {
    pub name: Value,
    pub dict: Value,
}

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
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// reversed(dict) and reversed(dict view): `idx` entry slots remain, read backwards.
    DictRev {
        dict: Value,
        idx: usize,
        kind: DictIterKind,
        len: usize,
    },
    /// longrange_iterator: `left` values remain.
    BigRange {
        cur: BigInt,
        step: BigInt,
        left: BigInt,
    },
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
    /// A pre-computed sequence of values (used for simple snapshots).
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

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
#[inline(always)]
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
accessor!(as_list, List, Vec<Value>);
accessor!(as_tuple, Tuple, Box<[Value]>);
accessor!(as_dict, Dict, DictData);
accessor!(as_set, Set, SetData);
accessor!(as_range, Range, RangeData);
accessor!(as_slice, Slice, SliceData);
accessor!(as_function, Function, FunctionData);
accessor!(as_builtin, Builtin, BuiltinData);
accessor!(as_code, Code, CodeData);
accessor!(as_cell, Cell, Value);
accessor!(as_bound_method, BoundMethod, MethodData);
accessor!(as_method_wrapper, MethodWrapper, Value);
accessor!(as_property, Property, PropertyData);
accessor!(as_generator, Generator, GenData);
accessor!(as_module, Module, ModuleData);
accessor!(as_iter, Iter, IterData);
accessor!(as_instance, Instance, InstanceData);
accessor!(as_type, Type, TypeData);
accessor!(as_super, Super, SuperData);
accessor!(as_bool_obj, Bool, bool);
accessor!(as_view, DictView, ViewData);
accessor!(as_complex, Complex, ComplexData);
accessor!(as_weakref, WeakRef, WeakRefData);

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
    slab.release(p as *mut u8, std::mem::size_of::<Obj<T>>());
    super::alloc::SlabAlloc::block_size(std::mem::size_of::<Obj<T>>())
}

/// Sets the type pointer of an object (used once at start-up to close the `type`-of-`type` loop).
pub(crate) fn set_type(v: Value, ty: *const TypeObject) {
    // SAFETY: `v` is a live object; the header's type field is plain data written while no other
    // reference to the header is in use.
    unsafe { (*v.as_ptr::<ObjHeader>()).ty = ty }
}
