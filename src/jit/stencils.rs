//! The stencil tables build.rs generates from `stencils/` (one per target), and their types.

use std::sync::Mutex;

/// A relocation kind, named after its ELF relocation type. build.rs refuses any kind not listed
/// here; `jit::patch` has a patch function per kind (a test checks every kind in the tables).
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelocKind {
    /// `R_X86_64_64`: absolute 64-bit (`movabs` immediates).
    X86_64_64,
    /// `R_X86_64_32`: absolute 32-bit, zero-extended (`mov r32, imm32`: opargs and instruction
    /// indexes, narrowed from `movabs` at build time, `strip_core::narrow_imm32`).
    X86_64_32,
    /// `R_X86_64_PC32`: 32-bit PC-relative.
    X86_64_PC32,
    /// `R_X86_64_PLT32`: 32-bit PC-relative call/jump (`jmp rel32` to another stencil).
    X86_64_PLT32,
    /// `R_AARCH64_ABS64`: absolute 64-bit (literal pool words).
    AARCH64_ABS64,
    /// `R_AARCH64_CALL26`: `bl imm26`.
    AARCH64_CALL26,
    /// `R_AARCH64_JUMP26`: `b imm26`.
    AARCH64_JUMP26,
    /// `R_AARCH64_ADR_PREL_PG_HI21`: `adrp` page offset.
    AARCH64_ADR_PREL_PG_HI21,
    /// `R_AARCH64_ADD_ABS_LO12_NC`: `add` low 12 bits.
    AARCH64_ADD_ABS_LO12_NC,
    /// `R_AARCH64_MOVW_UABS_G0_NC`..`G3`: one 16-bit piece of a `movz`/`movk` sequence.
    AARCH64_MOVW_UABS_G0_NC,
    AARCH64_MOVW_UABS_G1_NC,
    AARCH64_MOVW_UABS_G2_NC,
    AARCH64_MOVW_UABS_G3,
}

/// What a hole is filled with (the symbol the template imported; see stencils/README.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HoleValue {
    /// `_JIT_CONTINUE`: the next instruction's stencil.
    Continue,
    /// `_JIT_JUMP_TARGET`: the stencil of the instruction's jump target.
    JumpTarget,
    /// `_JIT_DEOPT`: the instruction's deopt stub.
    Deopt,
    /// `_JIT_SLOW`: the instruction's slow path, an out-of-line `GENERIC` piece calling its
    /// runtime function and continuing with the next instruction.
    Slow,
    /// `_JIT_CACHE`: address of the instruction's code unit in the live quickened code (its
    /// inline cache follows).
    Cache,
    /// `_JIT_CACHE_VERSION`: the type version the instruction's inline cache held when the
    /// region was compiled (c[1]; `u32::MAX`, which no type gets, for 0).
    CacheVersion,
    /// `_JIT_CACHE_INDEX`: the instance-value or slot index the cache held (c[2]).
    CacheIndex,
    /// `_JIT_CACHE_METHOD`: the method the cache held (c[3..5], a Value the type of the cached
    /// version holds).
    CacheMethod,
    /// `_JIT_HELPER`: the instruction's helper function (`jit::ops::helper_fn`).
    Helper,
    /// `_JIT_OPARG`: the instruction's oparg.
    Oparg,
    /// `_JIT_OPERAND`: a 64-bit operand (LOAD_CONST: the constant's Value; a constant-divisor
    /// BINARY_OP: the divisor as an integer).
    Operand,
    /// `_JIT_MAGIC`: a constant-divisor BINARY_OP's multiplier, ceil(2**64 / divisor).
    Magic,
    /// `_JIT_TARGET`: the instruction's own index (deopt stub, generic call).
    Target,
    /// `_JIT_TRUE`, `_JIT_FALSE`, `_JIT_NONE`: the singletons' Values.
    True,
    False,
    None,
    /// `_JIT_RANGE_ITER_TYPE`: address of the range iterator's type object.
    RangeIterType,
    /// `_JIT_CELL_TYPE`: address of the cell type object.
    CellType,
    /// `_JIT_FUNCTION_TYPE`: address of the function type object.
    FunctionType,
    /// `_JIT_TYPE_TYPE`: address of `type`, the type object of plain classes.
    TypeType,
    /// `_JIT_TUPLE_TYPE`: address of the tuple type object.
    TupleType,
    /// `_JIT_DICT_TYPE`: address of the dict type object.
    DictType,
    /// `_JIT_MODULE_TYPE`: address of the module type object.
    ModuleType,
    /// `_JIT_TUPLE_ITER_TYPE`: address of the tuple iterator type object.
    TupleIterType,
    /// `_JIT_LIST_ITER_TYPE`: address of the list iterator type object.
    ListIterType,
    /// `_JIT_LIST_TYPE`: address of the list type object.
    ListType,
    /// `_JIT_ATTR_SITE`: the first word of the instruction's attribute site in its code
    /// object's inline caches (`vm::runtime::inline_cache`), or of an empty site.
    AttrSite,
    /// `_JIT_TYPE_EPOCH`: address of the type epoch word (`vm::runtime::attr::epoch`).
    TypeEpoch,
    /// `_JIT_RUNTIME_FN`: the instruction's runtime function (`jit::runtime::GenericFn`).
    RuntimeFn,
    /// The call stub of the instruction's runtime function (`jit::call_stub`): only the
    /// stitcher's own stub-call site has this hole; no template imports it.
    CallStub,
}

/// One hole: a relocation record of a stencil.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hole {
    /// Byte offset in the stencil's code.
    pub offset: u64,
    pub kind: RelocKind,
    pub value: HoleValue,
    pub addend: i64,
}

/// One compiled template (or one variant of it).
#[derive(Debug)]
pub struct Stencil {
    /// The opcode name, or `_ENTRY`, `_DEOPT`, `GENERIC`.
    pub name: &'static str,
    pub opcode: Option<u8>,
    /// (oparg selecting it, label) for templates with one stencil per oparg.
    pub variant: Option<(u32, &'static str)>,
    /// Top-of-stack caching (`stencils::CACHE_DEPTH`): how many values it takes in registers on
    /// entry, and how many it leaves in registers where it continues with the next instruction
    /// (every other exit leaves the whole stack in memory).
    pub cached: (usize, usize),
    /// Where the values it leaves cached come from: (how many of the remaining and pushed values
    /// went to memory, how many values remained of those taken, which pushed values carry a
    /// valid unboxed float shadow: a bit each). Output position `j` is input position
    /// `spilled + j` while that is below `remaining`, else pushed value `spilled + j - remaining`.
    pub flow: (usize, usize, u8),
    pub doc: &'static str,
    /// Size of the final jump to `_JIT_CONTINUE` (0 if it does not end with one): dropped when the
    /// next stencil follows.
    pub trailing_continue: usize,
    pub code: &'static [u8],
    pub holes: &'static [Hole],
}

/// A target architecture stencils are built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    X86_64,
    Aarch64,
}

impl Arch {
    pub const ALL: [Arch; 2] = [Arch::X86_64, Arch::Aarch64];

    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "aarch64",
        }
    }

    pub fn from_name(s: &str) -> Option<Arch> {
        Arch::ALL.into_iter().find(|a| a.name() == s)
    }

    /// The architecture this process runs on, if stencils exist for it.
    pub fn host() -> Option<Arch> {
        if cfg!(target_arch = "x86_64") {
            Some(Arch::X86_64)
        } else if cfg!(target_arch = "aarch64") {
            Some(Arch::Aarch64)
        } else {
            None
        }
    }

    /// Every stencil of this architecture as Cranelift made it.
    pub fn stencils(self) -> &'static [Stencil] {
        match self {
            Arch::X86_64 => x86_64::stencils(),
            Arch::Aarch64 => aarch64::stencils(),
        }
    }

    /// The stencil named `name` (for variant templates, the variant selected by `oparg`).
    pub fn find(self, name: &str, oparg: u32) -> Option<&'static Stencil> {
        find_uncached(self.stencils(), name, oparg, 0)
    }
}

/// The label of a template's last variant that serves every oparg without a variant of its own.
pub const ANY_OPARG: &str = "any";

/// The stencil named `name` in `set` (for variant templates, the variant selected by `oparg`,
/// else the template's `ANY_OPARG` variant if it has one), entered with nothing cached.
pub fn find_in(
    set: &'static [Stencil],
    name: &'static str,
    oparg: u32,
) -> Option<&'static Stencil> {
    find_cached(set, name, oparg, 0)
}

/// Slots of `find_cached`'s per-thread memo (direct-mapped).
const MEMO_SLOTS: usize = 256;

/// What a lookup is remembered by: the set's and the name's addresses, the name's length, the
/// oparg and the number of cached values.
type MemoKey = (usize, usize, usize, u32, usize);

/// `find_in` for the stencil entered with `cached` values in registers (a cacheable template's).
/// Lookups are remembered per thread by the name's address (names are `'static`, so an address
/// names one string for good): the stitcher asks for the same few dozen stencils over and over,
/// and hashing the name and scanning the template's variants cost ~280 instructions a lookup
/// (12% of a compile).
pub fn find_cached(
    set: &'static [Stencil],
    name: &'static str,
    oparg: u32,
    cached: usize,
) -> Option<&'static Stencil> {
    type Memo = [(MemoKey, Option<&'static Stencil>); MEMO_SLOTS];
    thread_local! {
        static MEMO: std::cell::RefCell<Memo> =
            const { std::cell::RefCell::new([((0, 0, 0, 0, 0), None); MEMO_SLOTS]) };
    }
    let key: MemoKey = (
        set.as_ptr() as usize,
        name.as_ptr() as usize,
        name.len(),
        oparg,
        cached,
    );
    let slot = (key.1 >> 3 ^ key.1 >> 11 ^ (oparg as usize).wrapping_mul(0x9E37) ^ cached << 5)
        % MEMO_SLOTS;
    if let Some(found) = MEMO.with(|m| {
        let (k, found) = m.borrow()[slot];
        (k == key).then_some(found)
    }) {
        return found;
    }
    let found = find_uncached(set, name, oparg, cached);
    MEMO.with(|m| m.borrow_mut()[slot] = (key, found));
    found
}

/// `find_cached` without the memo (for names that are not `'static`).
fn find_uncached(
    set: &'static [Stencil],
    name: &str,
    oparg: u32,
    cached: usize,
) -> Option<&'static Stencil> {
    let (group, states) = by_name(set).get(name)?;
    // Variants are built in order (each once per cache state for a cacheable template), so
    // variant `oparg` is usually at that position.
    let at = |k: usize| group.get(k).map(|&i| &set[i]);
    let exact =
        |s: &&'static Stencil| s.cached.0 == cached && s.variant.is_none_or(|(v, _)| v == oparg);
    let at = |k: usize| at(k * states + cached);
    at(oparg as usize)
        .filter(exact)
        .or_else(|| group.iter().map(|&i| &set[i]).find(exact))
        .or_else(|| {
            group
                .iter()
                .map(|&i| &set[i])
                .find(|s| s.cached.0 == cached && s.variant.is_some_and(|(_, l)| l == ANY_OPARG))
        })
}

/// A template's stencils (indexes in variant order) and how many cache states each variant is
/// built for (1 unless the template is cacheable). hashbrown's default hasher (foldhash):
/// SipHash cost ~400 instructions per lookup, and the stitcher looks up a few stencils for every
/// instruction it compiles.
type Index = hashbrown::HashMap<&'static str, (Vec<usize>, usize)>;

/// The stencils of `set` by name (indexes in variant order), built once per set: the stitcher
/// looks up a stencil for every instruction, and the sets hold about a thousand stencils.
fn by_name(set: &'static [Stencil]) -> &'static Index {
    thread_local! {
        /// The set this thread looked up last and its index: a stitch looks up every stencil
        /// in one set, and the lock and the scan cost more than the lookup itself.
        static LAST: std::cell::Cell<Option<(usize, &'static Index)>> =
            const { std::cell::Cell::new(None) };
    }
    let key = set.as_ptr() as usize;
    if let Some((k, index)) = LAST.with(|l| l.get()) {
        if k == key {
            return index;
        }
    }
    let index = by_name_locked(set, key);
    LAST.with(|l| l.set(Some((key, index))));
    index
}

fn by_name_locked(set: &'static [Stencil], key: usize) -> &'static Index {
    static CACHE: Mutex<Vec<(usize, &'static Index)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&(_, index)) = cache.iter().find(|(k, _)| *k == key) {
        return index;
    }
    // A template's stencils are contiguous in the table: one map entry per run of a name (some
    // 80), not a hashed insert per stencil (~1,600 of them; that cost a short script 0.5M
    // instructions).
    let mut index = Index::new();
    let mut start = 0;
    for i in 1..=set.len() {
        if i == set.len() || set[i].name != set[start].name {
            // Variant 0's stencils for 0, 1, .. values cached come first.
            let states = 1 + set[start + 1..i]
                .iter()
                .take_while(|s| s.cached.0 > 0)
                .count();
            let entry = index.entry(set[start].name).or_insert((Vec::new(), states));
            entry.0.extend(start..i);
            start = i;
        }
    }
    let index: &'static Index = Box::leak(Box::new(index));
    cache.push((key, index));
    index
}

/// One stencil as build.rs writes it: numbers only, so the tables need no relocation when the
/// binary loads (see build.rs `Tables`). `name`, `label` and `doc` index the target's
/// `STRINGS`; `code` and `holes` are (offset, length) in its `CODE` and `HOLES`.
pub struct StencilRecord {
    pub name: u16,
    /// `u16::MAX`: none.
    pub opcode: u16,
    /// `u32::MAX`: not a variant template.
    pub variant: u32,
    pub label: u16,
    pub doc: u16,
    pub cached: (u8, u8),
    pub flow: (u8, u8, u8),
    pub trailing_continue: u8,
    pub code: (u32, u32),
    pub holes: (u32, u32),
}

/// The `Stencil`s of a target's records, built once.
fn build_table(
    records: &'static [StencilRecord],
    strings: &'static [&'static str],
    code: &'static [u8],
    holes: &'static [Hole],
) -> Vec<Stencil> {
    records
        .iter()
        .map(|r| Stencil {
            name: strings[r.name as usize],
            opcode: (r.opcode != u16::MAX).then_some(r.opcode as u8),
            variant: (r.variant != u32::MAX).then(|| (r.variant, strings[r.label as usize])),
            cached: (r.cached.0 as usize, r.cached.1 as usize),
            flow: (r.flow.0 as usize, r.flow.1 as usize, r.flow.2),
            doc: strings[r.doc as usize],
            trailing_continue: r.trailing_continue as usize,
            code: &code[r.code.0 as usize..(r.code.0 + r.code.1) as usize],
            holes: &holes[r.holes.0 as usize..(r.holes.0 + r.holes.1) as usize],
        })
        .collect()
}

macro_rules! target_tables {
    ($arch:ident, $file:literal) => {
        pub mod $arch {
            use super::*;
            use std::sync::OnceLock;
            include!(concat!(env!("OUT_DIR"), "/", $file));

            /// Every stencil as Cranelift made it.
            pub fn stencils() -> &'static [Stencil] {
                static TABLE: OnceLock<Vec<Stencil>> = OnceLock::new();
                TABLE.get_or_init(|| build_table(RECORDS, STRINGS, CODE, HOLES))
            }

            /// The same stencils as the stitcher copies them (x86-64: frames stripped where
            /// possible and guard jumps inverted, `jit::strip_core`); empty for a target with
            /// none.
            pub fn stripped() -> &'static [Stencil] {
                static TABLE: OnceLock<Vec<Stencil>> = OnceLock::new();
                TABLE.get_or_init(|| build_table(STRIPPED_RECORDS, STRINGS, CODE, HOLES))
            }
        }
    };
}

target_tables!(x86_64, "stencils_x86_64.rs");
target_tables!(aarch64, "stencils_aarch64.rs");
