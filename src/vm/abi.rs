//! The JIT ABI: numbers that machine code (the stencils, built by build.rs) relies on.
//!
//! This file is `include!`d by build.rs as well as compiled into the crate, so it must stay plain
//! constants with no `use` and no crate paths. `vm::frame` and `vm::value` assert at compile time that
//! these numbers match the real `repr(C)` layouts.

/// Value encoding (see `vm::value`).
pub const ABI_FLOAT_OFFSET: u64 = 1 << 49;
pub const ABI_INT_TAG: u64 = 0xFFFF_0000_0000_0000;
pub const ABI_TAG_MASK: u64 = 0xFFFF_0000_0000_0000;
pub const ABI_SMALL_INT_MAX: i64 = (1 << 47) - 1;
pub const ABI_SMALL_INT_MIN: i64 = -(1 << 47);

/// Byte offsets of `vm::frame::Frame` fields.
pub const FRAME_CODE_OFFSET: i32 = 0;
pub const FRAME_PREVIOUS_OFFSET: i32 = 8;
pub const FRAME_GLOBALS_OFFSET: i32 = 16;
pub const FRAME_BUILTINS_OFFSET: i32 = 24;
pub const FRAME_FUNC_OFFSET: i32 = 32;
/// `u32`: index of the next instruction to execute (in code units).
pub const FRAME_INSTR_INDEX_OFFSET: i32 = 40;
/// `u32`: number of live values on the value stack.
pub const FRAME_STACK_DEPTH_OFFSET: i32 = 44;
/// `u32`: number of local, cell and free slots before the value stack.
pub const FRAME_NLOCALSPLUS_OFFSET: i32 = 48;
/// `u32`: `FRAME_INIT` (an `__init__` frame), or 0.
pub const FRAME_FLAGS_OFFSET: i32 = 52;
/// `Frame::flags` of an `__init__` frame CALL_ALLOC_AND_ENTER_INIT pushed (`vm::frame`).
pub const FRAME_INIT: u32 = 1;
/// `Frame::flags` of a Python `__op__` frame compiled code pushed for a BINARY_OP (`vm::frame`),
/// with the operator (an NB_* code) in the bits from 8 up: its return replaces the two operands
/// left on the caller's stack with the result (`eval::return_from_binop`).
pub const FRAME_BINOP: u32 = 2;
/// `[u32; 2]`: zero in a function's frame (a module or class body's locals dict otherwise).
pub const FRAME_RESERVED_OFFSET: i32 = 56;
/// Start of `localsplus`: locals, then cells and frees, then the value stack; one word each.
pub const FRAME_LOCALSPLUS_OFFSET: i32 = 64;

/// Byte offsets of the `vm::interp::Vm` fields that compiled calls and returns (`_CALL_PY`,
/// `_RETURN`) read and write: `Vm` is `repr(C)` and starts with them, its frame stack
/// (`framestack::FrameStack`, `repr(C)`) first.
/// `*mut u64`: the current frame-stack chunk's first word.
pub const VM_FRAMES_BASE_OFFSET: i32 = 0;
/// `usize`: the first free word of that chunk.
pub const VM_FRAMES_TOP_OFFSET: i32 = 8;
/// `usize`: the chunk's length in words.
pub const VM_FRAMES_LEN_OFFSET: i32 = 16;
/// `*mut Frame`: the innermost executing frame.
pub const VM_CURRENT_OFFSET: i32 = 56;
/// `usize`: Python frames for the recursion limit.
pub const VM_DEPTH_OFFSET: i32 = 64;
/// `usize`: the recursion limit.
pub const VM_RECURSION_LIMIT_OFFSET: i32 = 72;
/// `u64`: steps left before the next look at signals (`eval::spend_step`).
pub const VM_STEP_BUDGET_OFFSET: i32 = 80;
/// `Value`: the builtins module's dict, every frame's `builtins`.
pub const VM_BUILTINS_OFFSET: i32 = 88;
/// `usize`: bytes allocated since the last collection (`gc::Heap::allocated`).
pub const VM_HEAP_ALLOCATED_OFFSET: i32 = 96;
/// `usize`: the collection threshold (`gc::Heap::threshold`).
pub const VM_HEAP_THRESHOLD_OFFSET: i32 = 104;

/// Byte offsets of `vm::jit_hook::JitCallInfo` fields in a code object (its `CodeData` is
/// `repr(C)` and starts with it).
/// `u32`: the positional argument count a call passing exactly that many arguments fills the
/// frame with and nothing else (no defaults, `*args`, `**kwargs`, keyword-only parameters, no
/// generator); `u32::MAX` when no call can push the frame that simply.
pub const CODE_EXACT_ARGC_OFFSET: i32 = 16;
/// `u32`: the frame's `nlocalsplus`.
pub const CODE_NLOCALSPLUS_OFFSET: i32 = 20;
/// `u32`: the words a frame of the code takes on the frame stack (header included).
pub const CODE_FRAME_WORDS_OFFSET: i32 = 24;
/// `u32`: the length of the compiled entry table (0 without compiled code).
pub const CODE_ENTRY_LEN_OFFSET: i32 = 28;
/// `usize`: the address the compiled region runs at (0 without compiled code).
pub const CODE_ENTRY_BASE_OFFSET: i32 = 32;
/// `*const u32`: per code unit, the region offset of its compiled piece, or a value at least
/// `CODE_NO_ENTRY` (null without compiled code).
pub const CODE_ENTRY_TABLE_OFFSET: i32 = 40;
/// `*mut u64`: the compiled region's entry counter (null without compiled code).
pub const CODE_ENTRY_COUNT_OFFSET: i32 = 48;
/// Entry table values from this one up name no entry.
pub const CODE_NO_ENTRY: u32 = u32::MAX - 1;

/// The attribute sites' inline caches (`vm::runtime::inline_cache`), which compiled LOAD_ATTR /
/// LOAD_METHOD stencils probe on a type-version miss: `ATTR_CACHE_WAYS` entries of
/// `ATTR_CACHE_WORDS` words: the receiver's type, a tag (bits 0..32 the type epoch, 32..40 the
/// kind, 40..64 the shared-key index) and a value.
pub const ATTR_CACHE_WAYS: i32 = 4;
pub const ATTR_CACHE_WORDS: i32 = 3;
/// Tag kinds: an instance value at the index; a method (the value word).
pub const ATTR_KIND_INST: i64 = 1;
pub const ATTR_KIND_METHOD: i64 = 3;

/// Byte offsets of `vm::object::ObjHeader` fields (every heap object starts with it).
/// `*const TypeObject`: the object's type.
pub const OBJ_TYPE_OFFSET: i32 = 0;
/// `u64`: GC mark bits and flags.
pub const OBJ_GC_OFFSET: i32 = 8;
/// Size of the header; an object's own fields follow it.
pub const OBJ_HEADER_SIZE: i32 = 16;

/// Byte offset of `vm::object::TypeData::version` (`u32`, the type version tag specialized
/// instructions guard on) in a type object.
pub const TYPE_VERSION_OFFSET: i32 = 16;

/// Byte offsets of `vm::object::InstanceData` fields in an instance object.
/// `*mut Value`: the attribute values, indexed like the class's shared keys, or null.
pub const INSTANCE_VALUES_OFFSET: i32 = 16;
/// `u32`: room in the values array (0 when there is none).
pub const INSTANCE_CAP_OFFSET: i32 = 24;
/// `u32`: one past the greatest index that has held a value.
pub const INSTANCE_HI_OFFSET: i32 = 28;
/// `Value`: the materialized `__dict__`, or NULL (values in use).
pub const INSTANCE_DICT_OFFSET: i32 = 32;

/// Byte offsets of `vm::object::FunctionData` fields in a function object (all `Value`s).
/// The code object.
pub const FUNC_CODE_OFFSET: i32 = 16;
/// The globals dict.
pub const FUNC_GLOBALS_OFFSET: i32 = 24;
/// A tuple of positional defaults, or NULL.
pub const FUNC_DEFAULTS_OFFSET: i32 = 48;
/// A dict of keyword-only defaults, or NULL.
pub const FUNC_KWDEFAULTS_OFFSET: i32 = 56;
/// A tuple of cells, or NULL.
pub const FUNC_CLOSURE_OFFSET: i32 = 64;

/// Byte offsets of `vm::object::MethodData` fields in a bound method object (`Value`s).
pub const METHOD_FUNC_OFFSET: i32 = 16;
pub const METHOD_SELF_OFFSET: i32 = 24;

/// Byte offsets of `vm::object::TupleData` fields in a tuple object.
/// `*mut Value`: the items (a boxed slice's pointer; dangling when empty).
pub const TUPLE_ITEMS_OFFSET: i32 = 16;
/// `usize`: the number of items.
pub const TUPLE_LEN_OFFSET: i32 = 24;

/// Byte offsets of `vm::object::ListData` fields in a list object.
/// `*mut Value`: the items (a `Vec`'s buffer; dangling when it has no room).
pub const LIST_ITEMS_OFFSET: i32 = 16;
/// `usize`: the number of items.
pub const LIST_LEN_OFFSET: i32 = 24;
/// `usize`: room in the buffer.
pub const LIST_CAP_OFFSET: i32 = 32;

/// Byte offsets of a dict object's table (`vm::dict::DictTable`, `vm::object::DictData`'s
/// only field). `u64`: the keys' shape (changes when a key is added or removed).
pub const DICT_SHAPE_OFFSET: i32 = 16;
/// `*mut Entry`: the entries in insertion order (`vm::dict::Entry`: hash, key, value).
pub const DICT_ENTRIES_OFFSET: i32 = 24;
/// `usize`: the number of entry slots (live and deleted).
pub const DICT_ENTRIES_LEN_OFFSET: i32 = 32;
/// Bytes per entry, and the value's offset in one.
pub const DICT_ENTRY_SIZE: i32 = 24;
pub const DICT_ENTRY_VALUE_OFFSET: i32 = 16;

/// Byte offset of `vm::object::ModuleData::dict` (`Value`, the module's dict) in a module.
pub const MODULE_DICT_OFFSET: i32 = 24;

/// Byte offsets of `vm::object::SeqIterData` fields in a list or tuple iterator.
/// `Value`: the list or tuple (NULL once exhausted).
pub const SEQ_ITER_SEQ_OFFSET: i32 = 16;
/// `usize`: index of the next item.
pub const SEQ_ITER_INDEX_OFFSET: i32 = 24;
