//! Templates with a fast path inline and the instruction's runtime function as the slow path
//! (`_JIT_SLOW`): instance attributes and methods (reading the inline cache in the live quickened
//! code, `_JIT_CACHE`), and generic BINARY_OP on two small ints for the operators that have no
//! specialized form.
//!
//! Every check that fails leaves for the slow path with the stack untouched; the runtime function
//! then runs the interpreter's shared fast path (`vm::ops::spec`) or its generic code, or exits
//! to the interpreter, exactly as when the instruction has no stencil.

use cranelift_codegen::ir::{
    condcodes::{FloatCC, IntCC},
    types::{F64, I32, I64},
    InstBuilder, MemFlagsData, Value,
};

use super::{mem, Emitter, Template};

pub fn templates() -> Vec<Template> {
    let t = Template::plain;
    vec![
        Template::variants(
            "LOAD_ATTR_INSTANCE_VALUE",
            "(obj -- value) type version (cache c[1]) and the value at index c[2] of the instance's values; else the slow path",
            CACHE_VARIANTS,
            load_attr_instance_value,
        ),
        Template::variants(
            "STORE_ATTR_INSTANCE_VALUE",
            "(value obj --) type version (c[1]), stores at index c[2]: over an existing value, or a new one within the values' room at or above the high mark of an instance without a __dict__ (moving the mark); else the slow path",
            CACHE_VARIANTS,
            store_attr_instance_value,
        ),
        Template::variants(
            "LOAD_ATTR_SLOT",
            "(obj -- value) as LOAD_ATTR_INSTANCE_VALUE: type version (c[1]) and the set slot value at index c[2]; else the slow path",
            CACHE_VARIANTS,
            load_attr_instance_value,
        ),
        Template::variants(
            "STORE_ATTR_SLOT",
            "(value obj --) type version (c[1]), overwrites the slot value at index c[2] when it is set (an unset slot, which moves the instance's high mark, is the slow path)",
            CACHE_VARIANTS,
            store_attr_slot,
        ),
        Template::plain(
            "CALL_ISINSTANCE",
            "(NULL isinstance obj cls -- bool) the cached isinstance (c[1..3] of the live cache) \
             with obj an instance of exactly cls, a class whose metaclass is type (TYPE_TYPE): \
             True; else the slow path (subclasses, other classes, by the runtime function)",
            call_isinstance,
        ),
        Template::plain(
            "CALL_LEN",
            "(NULL len seq -- n) the cached len (c[1..3] of the live cache) of an exact list \
             (LIST_TYPE) or tuple (TUPLE_TYPE): its length; else the slow path",
            call_len,
        )
        .cached(),
        Template::plain(
            "CALL_LIST_APPEND",
            "(append list value -- None) the cached list.append (c[1..3] of the live cache) on \
             an exact list (LIST_TYPE) with room: the value stored at its length; else (a full \
             list, whose Vec must grow) the slow path",
            call_list_append,
        )
        .cached(),
        Template::plain(
            "LOAD_ATTR_CLASS",
            "(cls -- value) cls is a class whose metaclass is type (TYPE_TYPE) with the type \
             version at c[1] of the live cache: the cached value (c[3..5]); else the slow path",
            load_attr_class,
        ),
        Template::variants(
            "LOAD_METHOD_WITH_VALUES",
            "(obj -- method obj) type version (c[1]) and no materialized __dict__: pushes the cached method (c[3..5]); else the slow path",
            CACHE_VARIANTS,
            |e, v| load_method(e, true, v),
        ),
        Template::variants(
            "LOAD_METHOD_NO_DICT",
            "(obj -- method obj) heap object of the type version c[1]: pushes the cached method (c[3..5]); else the slow path",
            CACHE_VARIANTS,
            |e, v| load_method(e, false, v),
        ),
        Template::variants(
            "LOAD_GLOBAL_MODULE",
            "(-- [NULL] value) the globals an exact dict (DICT_TYPE) whose keys' shape is the \
             cache's (c[1..3]): the value of its entry c[5]; else the slow path. Variant: oparg \
             bit 0 (1: NULL pushed first)",
            LOAD_GLOBAL_VARIANTS,
            |e, v| load_global(e, false, v),
        )
        .cached(),
        Template::variants(
            "LOAD_GLOBAL_BUILTIN",
            "(-- [NULL] value) the globals' and the builtins' shapes (c[1..3], c[3..5]; both \
             exact dicts): the value of builtins entry c[5]; else the slow path. Variant: oparg \
             bit 0 (1: NULL pushed first)",
            LOAD_GLOBAL_VARIANTS,
            |e, v| load_global(e, true, v),
        )
        .cached(),
        t(
            "LOAD_ATTR_MODULE",
            "(module -- value) an exact module (MODULE_TYPE) whose dict (an exact dict) has the \
             keys' shape c[1..3] of the live cache: the value of its entry c[3]; else the slow \
             path",
            |e, _| load_attr_module(e, false),
        )
        .cached(),
        t(
            "LOAD_METHOD_MODULE",
            "(module -- NULL value) as LOAD_ATTR_MODULE, NULL pushed below the value",
            |e, _| load_attr_module(e, true),
        )
        .cached(),
        t(
            "LOAD_DEREF",
            "(-- value) the contents of the cell in local OPARG; the slow path unless it is a cell holding a value",
            load_deref,
        ),
        t(
            "STORE_DEREF",
            "(value --) into the cell in local OPARG; the slow path unless it is a cell",
            store_deref,
        ),
        t(
            "COPY_FREE_VARS",
            "(--) the helper copies the closure's OPARG cells into the free slots; 0: the slow path",
            copy_free_vars,
        ),
        t(
            "FOR_ITER_LIST",
            "(iter -- iter value) / exhausted (iter --) and jump: a list iterator (LIST_ITER_TYPE) \
             over an exact list (LIST_TYPE) advanced in place (`SeqIterData::advance`); an \
             exhausted one drops its list; else the slow path",
            |e, _| for_iter_seq(e, true),
        )
        .cached(),
        t(
            "FOR_ITER_TUPLE",
            "(iter -- iter value) / exhausted (iter --) and jump: as FOR_ITER_LIST for a tuple \
             iterator (TUPLE_ITER_TYPE) over an exact tuple",
            |e, _| for_iter_seq(e, false),
        )
        .cached(),
        t(
            "BINARY_SUBSCR_LIST_INT",
            "(list index -- item) an exact list (LIST_TYPE) and a small int index in range \
             (negative from the end), read at LIST_ITEMS_OFFSET; else the slow path",
            |e, _| subscr_seq_int(e, true),
        )
        .cached(),
        t(
            "BINARY_SUBSCR_TUPLE_INT",
            "(tuple index -- item) an exact tuple (TUPLE_TYPE) and a small int index in range \
             (negative from the end), read at TUPLE_ITEMS_OFFSET; else the slow path",
            |e, _| subscr_seq_int(e, false),
        )
        .cached(),
        t(
            "UNPACK_SEQUENCE_TWO_TUPLE",
            "(tuple -- item1 item0) an exact tuple (TUPLE_TYPE) of two items: they replace it, \
             the first on top; else the slow path",
            |e, _| unpack_seq(e, false, 2),
        )
        .cached(),
        Template::variants(
            "UNPACK_SEQUENCE_TUPLE",
            "(tuple -- item[n-1] .. item0) an exact tuple (TUPLE_TYPE) of OPARG = n items: they \
             replace it, the first on top; else the slow path. One variant per n up to 8, the \
             loads unrolled (a larger n: the runtime function)",
            UNPACK_VARIANTS,
            |e, n| unpack_seq(e, false, n as usize),
        )
        .cached(),
        Template::variants(
            "UNPACK_SEQUENCE_LIST",
            "(list -- item[n-1] .. item0) as UNPACK_SEQUENCE_TUPLE for an exact list (LIST_TYPE) \
             of OPARG = n items",
            UNPACK_VARIANTS,
            |e, n| unpack_seq(e, true, n as usize),
        )
        .cached(),
        t(
            "STORE_SUBSCR_LIST_INT",
            "(value list index --) an exact list (LIST_TYPE) and a small int index in range \
             (negative from the end): the value overwrites the item; else the slow path",
            store_subscr_list_int,
        )
        .cached(),
        t(
            "LIST_APPEND",
            "(list ... value --) list at depth OPARG after the pop: an exact list (LIST_TYPE) with \
             room gets the value at LIST_LEN_OFFSET; else (a full list) the slow path",
            list_append,
        ),
        Template {
            name: "BINARY_OP",
            doc: "(left right -- result) two small ints for % // & | ^ >> (and in-place forms) inline, one variant per operator and operand proof (jit::types: an operand proven a small int is not checked); everything else the slow path",
            variants: INT_BINOP_VARIANTS,
            entry: false,
            cached: false,
            build: binary_op,
        },
        Template {
            name: "BINARY_OP_NUMERIC_FLOAT",
            doc: "(left right -- result) + - * / (and in-place forms) inline, one variant per operator: two numbers, each a float or a small int (not both ints for + - *), converted to floats (two floats on the straight path, a small int converted out of line); a zero divisor, the other operators and other types the slow path (vm::ops::spec::numeric_float)",
            variants: BINOP_VARIANTS,
            entry: false,
            cached: true,
            build: numeric_float,
        },
        Template {
            name: "BINARY_OP_SMALL_INT",
            doc: "(left right -- result) two small ints for % // & | ^ >> (and in-place forms) inline, one variant per operator and operand proof (as BINARY_OP); everything else (a miss: zero divisor, shift out of 0..64, other types) the slow path, which counts the miss like the interpreter's arm",
            variants: INT_BINOP_VARIANTS,
            entry: false,
            cached: true,
            build: binary_op,
        },
    ]
}

/// BINARY_OP_VARIANTS times the operand proofs (`jit::types`; variant = oparg + 26 * proof),
/// then the constant divisors (variant = `CONST_DIVISOR` + 2 * CONST_DIVISOR_OPS index + left
/// proven): `%` and `//` by the constant the LOAD_CONST before pushed (OPERAND, 2..=65535), a
/// multiplication by MAGIC instead of a division.
const INT_BINOP_VARIANTS: &[&str] = with_proofs!(
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=";
    "% constant", "% constant, left proven", "// constant", "// constant, left proven",
    "%= constant", "%= constant, left proven", "//= constant", "//= constant, left proven",
);

/// The first constant-divisor variant of BINARY_OP/BINARY_OP_SMALL_INT (`jit::stitch` keeps
/// the same numbers).
const CONST_DIVISOR: u32 = 104;

/// The operators with constant-divisor variants, in variant order.
const CONST_DIVISOR_OPS: [u32; 4] = [6, 2, 19, 15];

/// Every BINARY_OP oparg (`nb` codes, in-place forms from 13).
const BINOP_VARIANTS: &[&str] = &[
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// The attribute stencils' variants (`jit::stitch::variant_of`): the inline cache read in the
/// live quickened code (`_JIT_CACHE`, after checking the live opcode), or the values it held when
/// the region was compiled patched in (`_JIT_CACHE_VERSION`, `_JIT_CACHE_INDEX`,
/// `_JIT_CACHE_METHOD`: no opcode check, no cache pointer, no loads from the quickened code). The
/// driver compiles a site with the second where it has seen instances of one class only
/// (`RuntimeSymbols::burn_cache`, `jit::driver::burned_site`): where it sees several, the
/// interpreter keeps re-specializing the cache among them.
const CACHE_VARIANTS: &[&str] = &["live cache", "compiled-in cache"];

/// Where an attribute stencil's cache values come from: the live cache unit, or (`None`) the
/// holes patched at compile time (variant 1).
fn cache_source(e: &mut Emitter, variant: u32) -> Option<Value> {
    (variant == 0).then(|| e.live_unit())
}

/// Cache word `i` (c[i]): read from the live cache unit `p`, or the hole patched with it.
fn cache_word(e: &mut Emitter, p: Option<Value>, i: i32) -> Value {
    match p {
        Some(p) => e.b.ins().uload32(mem(), p, 4 * (i + 1)),
        None => e.hole(match i {
            1 => "_JIT_CACHE_VERSION",
            _ => "_JIT_CACHE_INDEX",
        }),
    }
}

/// The version tag of heap object `o`'s type, after checking `o` is a heap object.
fn type_version(e: &mut Emitter, o: Value) -> Value {
    let ty = e.ptr_type_or_slow(o);
    e.b.ins().uload32(mem(), ty, crate::TYPE_VERSION_OFFSET)
}

/// Checks `o`'s type version against the cache's (c[1]).
fn guard_version(e: &mut Emitter, p: Option<Value>, o: Value) {
    let have = type_version(e, o);
    let want = cache_word(e, p, 1);
    let same = e.b.ins().icmp(IntCC::Equal, have, want);
    e.slow_unless(same);
}

/// Checks `o`'s type version against the live cache's (c[1]); on a miss, probes the
/// instruction's attribute site (`_JIT_ATTR_SITE`, the generic form's polymorphic inline cache,
/// `vm::runtime::inline_cache`) for an entry of `kind` for `o`'s type in the current type epoch
/// (`_JIT_TYPE_EPOCH`): `hit(e, entry, tag)` ends that path; no such entry, the slow path. A
/// site that sees sibling classes in turn (a base class's method run on instances of each)
/// then stays in compiled code: the runtime function's probe of the same entries cost ~300
/// instructions a miss (bm_richards: 266k misses a loop).
fn guard_version_or_probe(
    e: &mut Emitter,
    p: Value,
    o: Value,
    kind: i64,
    hit: impl Fn(&mut Emitter, Value, Value),
) {
    let have = type_version(e, o);
    let want = cache_word(e, Some(p), 1);
    let same = e.b.ins().icmp(IntCC::Equal, have, want);
    e.branch_if_not(same, |e| {
        let ty = e.b.ins().load(I64, mem(), o, crate::OBJ_TYPE_OFFSET);
        let epoch_at = e.hole("_JIT_TYPE_EPOCH");
        let epoch = e.b.ins().uload32(mem(), epoch_at, 0);
        let site = e.hole("_JIT_ATTR_SITE");
        for k in 0..crate::ATTR_CACHE_WAYS {
            let at = 8 * crate::ATTR_CACHE_WORDS * k;
            let guard = e.b.ins().load(I64, mem(), site, at);
            let tag = e.b.ins().load(I64, mem(), site, at + 8);
            let other_type = e.b.ins().icmp(IntCC::NotEqual, guard, ty);
            // Bits 0..32 the epoch, 32..40 the kind (compared without 64-bit constants).
            let low = e.b.ins().ireduce(I32, tag);
            let low = e.b.ins().uextend(I64, low);
            let stale = e.b.ins().icmp(IntCC::NotEqual, low, epoch);
            let tag_kind = e.b.ins().ushr_imm_s(tag, 32);
            let tag_kind = e.b.ins().band_imm_s(tag_kind, 0xFF);
            let other_kind = e.b.ins().icmp_imm_s(IntCC::NotEqual, tag_kind, kind);
            let miss = e.b.ins().bor(other_type, stale);
            let miss = e.b.ins().bor(miss, other_kind);
            let entry = e.b.ins().iadd_imm_s(site, at as i64);
            e.branch_if_not(miss, |e| hit(e, entry, tag));
        }
        e.to_slow();
    });
}

/// `o`'s instance dict is not materialized (a values-backed instance), else the slow path.
fn no_instance_dict(e: &mut Emitter, o: Value) {
    let d = e.b.ins().load(I64, mem(), o, crate::INSTANCE_DICT_OFFSET);
    let none = e.b.ins().icmp_imm_s(IntCC::Equal, d, 0);
    e.slow_unless(none);
}

/// Address of the instance value at the cache's index, after checking the index is within
/// `cap` and the value there is set; returns (address, value).
fn instance_value(e: &mut Emitter, p: Option<Value>, o: Value) -> (Value, Value) {
    let (_, addr, v) = value_slot(e, p, o);
    let set = e.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
    e.slow_unless(set);
    (addr, v)
}

/// The cache's index (c[2]), after checking it is within `cap`, the address of the instance
/// value there and that value (NULL when unset).
fn value_slot(e: &mut Emitter, p: Option<Value>, o: Value) -> (Value, Value, Value) {
    let idx = cache_word(e, p, 2);
    let (addr, v) = value_at(e, o, idx);
    (idx, addr, v)
}

/// The address of instance `o`'s value at index `idx` and that value (NULL when unset), after
/// checking the index is within `cap`.
fn value_at(e: &mut Emitter, o: Value, idx: Value) -> (Value, Value) {
    let cap = e.b.ins().uload32(mem(), o, crate::INSTANCE_CAP_OFFSET);
    let inside = e.b.ins().icmp(IntCC::UnsignedLessThan, idx, cap);
    e.slow_unless(inside);
    let values = e.b.ins().load(I64, mem(), o, crate::INSTANCE_VALUES_OFFSET);
    let off = e.b.ins().ishl_imm_s(idx, 3);
    let addr = e.b.ins().iadd(values, off);
    let v = e.b.ins().load(I64, mem(), addr, 0);
    (addr, v)
}

/// An INST entry's value (`tag`'s index) of a values-backed instance `o`, after checking it
/// has no dict and a value there (else the slow path): (address, value).
fn probed_value(e: &mut Emitter, o: Value, tag: Value) -> (Value, Value) {
    no_instance_dict(e, o);
    let idx = e.b.ins().ushr_imm_s(tag, 40);
    let (addr, v) = value_at(e, o, idx);
    let set = e.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
    e.slow_unless(set);
    (addr, v)
}

fn load_attr_instance_value(e: &mut Emitter, variant: u32) {
    let p = cache_source(e, variant);
    let o = e.peek(0);
    match p {
        // `inline_cache::load_hit`'s INST entry: the value at the tag's index of a
        // values-backed instance.
        Some(p) => guard_version_or_probe(e, p, o, crate::ATTR_KIND_INST, |e, _, tag| {
            let (_, v) = probed_value(e, o, tag);
            e.poke(0, v);
            let sp = e.sp;
            e.continue_with(sp);
        }),
        None => guard_version(e, p, o),
    }
    let (_, v) = instance_value(e, p, o);
    e.poke(0, v);
    let sp = e.sp;
    e.continue_with(sp);
}

/// STORE_ATTR_SLOT: overwrites a set slot value (an unset one is the slow path).
fn store_attr_slot(e: &mut Emitter, variant: u32) {
    let p = cache_source(e, variant);
    let o = e.peek(0);
    let v = e.peek(1);
    guard_version(e, p, o);
    let (addr, _) = instance_value(e, p, o);
    e.b.ins().store(mem(), v, addr, 0);
    let sp = e.sp_after(-2);
    e.continue_with(sp);
}

/// STORE_ATTR_INSTANCE_VALUE (`instance::store_at`): overwrites the value at index `c[2]`, or
/// stores a new one there when the index is within `cap`, at or above the high mark `hi` (index
/// order is insertion order) and the instance has no materialized `__dict__`, moving `hi` past it.
fn store_attr_instance_value(e: &mut Emitter, variant: u32) {
    let p = cache_source(e, variant);
    let o = e.peek(0);
    let v = e.peek(1);
    let sp = e.sp_after(-2);
    match p {
        // `inline_cache::store_in_values`: an INST entry's value overwritten in place when the
        // instance has one there and no dict.
        Some(p) => guard_version_or_probe(e, p, o, crate::ATTR_KIND_INST, |e, _, tag| {
            let (addr, _) = probed_value(e, o, tag);
            e.b.ins().store(mem(), v, addr, 0);
            e.continue_with(sp);
        }),
        None => guard_version(e, p, o),
    }
    let (idx, addr, old) = value_slot(e, p, o);
    let set = e.b.ins().icmp_imm_s(IntCC::NotEqual, old, 0);
    // A new attribute, off the overwrite's straight path.
    e.branch_if_not(set, |e| {
        let hi = e.b.ins().uload32(mem(), o, crate::INSTANCE_HI_OFFSET);
        let dict = e.b.ins().load(I64, mem(), o, crate::INSTANCE_DICT_OFFSET);
        let no_dict = e.b.ins().icmp_imm_s(IntCC::Equal, dict, 0);
        let above = e.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, idx, hi);
        let may_add = e.b.ins().band(no_dict, above);
        e.slow_unless(may_add);
        e.b.ins().store(mem(), v, addr, 0);
        let next = e.b.ins().iadd_imm_s(idx, 1);
        e.b.ins()
            .istore32(mem(), next, o, crate::INSTANCE_HI_OFFSET);
        e.continue_with(sp);
    });
    e.b.ins().store(mem(), v, addr, 0);
    e.continue_with(sp);
}

/// CALL_ISINSTANCE's common case (`spec::call_builtin_1`): `isinstance(o, C)` with `o` of
/// exactly class `C` (no `__instancecheck__`: C's metaclass is `type`).
fn call_isinstance(e: &mut Emitter, _: u32) {
    let (null, callable, o, cls) = (e.peek(3), e.peek(2), e.peek(1), e.peek(0));
    let plain = e.b.ins().icmp_imm_s(IntCC::Equal, null, 0);
    e.slow_unless(plain);
    let cached = cached_callable(e);
    let same = e.b.ins().icmp(IntCC::Equal, callable, cached);
    e.slow_unless(same);
    let ty = e.ptr_type_or_slow(o);
    let exact = e.b.ins().icmp(IntCC::Equal, ty, cls);
    e.slow_unless(exact);
    let meta = e.b.ins().load(I64, mem(), cls, crate::OBJ_TYPE_OFFSET);
    let type_type = e.hole("_JIT_TYPE_TYPE");
    let plain_class = e.b.ins().icmp(IntCC::Equal, meta, type_type);
    e.slow_unless(plain_class);
    let t = e.hole("_JIT_TRUE");
    e.poke(3, t);
    let sp = e.sp_after(-3);
    e.continue_with(sp);
}

/// The callable a CALL specialization cached for itself (c[1..3] of the live cache).
fn cached_callable(e: &mut Emitter) -> Value {
    let p = e.live_unit();
    e.b.ins().load(I64, MemFlagsData::new().with_notrap(), p, 8)
}

/// CALL_LEN (`spec::call_builtin_1`) for exact lists and tuples: their length, boxed (a
/// length always fits a small int).
fn call_len(e: &mut Emitter, _: u32) {
    let (null, callable, s) = (e.peek(2), e.peek(1), e.peek(0));
    let plain = e.b.ins().icmp_imm_s(IntCC::Equal, null, 0);
    e.slow_unless(plain);
    let cached = cached_callable(e);
    let same = e.b.ins().icmp(IntCC::Equal, callable, cached);
    e.slow_unless(same);
    let ty = e.ptr_type_or_slow(s);
    let list_type = e.hole("_JIT_LIST_TYPE");
    let tuple_type = e.hole("_JIT_TUPLE_TYPE");
    let is_list = e.b.ins().icmp(IntCC::Equal, ty, list_type);
    let is_tuple = e.b.ins().icmp(IntCC::Equal, ty, tuple_type);
    let either = e.b.ins().bor(is_list, is_tuple);
    e.slow_unless(either);
    // The two layouts keep the length at the same offset.
    let n = e.b.ins().load(I64, mem(), s, crate::LIST_LEN_OFFSET);
    let n = e.box_int(n);
    e.finish(3, &[n]);
}

const _: () = assert!(crate::LIST_LEN_OFFSET == crate::TUPLE_LEN_OFFSET);

/// CALL_LIST_APPEND (`spec::call_list_append`) on an exact list with room.
/// (The specializer makes it only of a call with one argument: a site's oparg never changes.)
fn call_list_append(e: &mut Emitter, _: u32) {
    let (append, list, v) = (e.peek(2), e.peek(1), e.peek(0));
    let cached = cached_callable(e);
    let same = e.b.ins().icmp(IntCC::Equal, append, cached);
    e.slow_unless(same);
    e.exact_type_or_slow(list, "_JIT_LIST_TYPE");
    append_with_room(e, list, v);
    let none = e.hole("_JIT_NONE");
    e.finish(3, &[none]);
}

/// Stores `v` at the length of the exact list `list` and counts it, if the list has room;
/// else the slow path.
fn append_with_room(e: &mut Emitter, list: Value, v: Value) {
    let n = e.b.ins().load(I64, mem(), list, crate::LIST_LEN_OFFSET);
    let cap = e.b.ins().load(I64, mem(), list, crate::LIST_CAP_OFFSET);
    let room = e.b.ins().icmp(IntCC::UnsignedLessThan, n, cap);
    e.slow_unless(room);
    let items = e.b.ins().load(I64, mem(), list, crate::LIST_ITEMS_OFFSET);
    let off = e.b.ins().ishl_imm_s(n, 3);
    let addr = e.b.ins().iadd(items, off);
    e.b.ins().store(mem(), v, addr, 0);
    let n1 = e.b.ins().iadd_imm_s(n, 1);
    e.b.ins().store(mem(), n1, list, crate::LIST_LEN_OFFSET);
}

/// LOAD_ATTR_CLASS (`spec::load_attr_class`): the class's own version against the live
/// cache's; the value cached with it (held by the class while it keeps that version).
fn load_attr_class(e: &mut Emitter, _: u32) {
    let p = e.live_unit();
    let o = e.peek(0);
    e.exact_type_or_slow(o, "_JIT_TYPE_TYPE");
    let have = e.b.ins().uload32(mem(), o, crate::TYPE_VERSION_OFFSET);
    let want = cache_word(e, Some(p), 1);
    let same = e.b.ins().icmp(IntCC::Equal, have, want);
    e.slow_unless(same);
    // c[3..5] (4-byte aligned in the live cache).
    let v =
        e.b.ins()
            .load(I64, MemFlagsData::new().with_notrap(), p, 16);
    e.poke(0, v);
    let sp = e.sp;
    e.continue_with(sp);
}

fn load_method(e: &mut Emitter, with_values: bool, variant: u32) {
    let p = cache_source(e, variant);
    let o = e.peek(0);
    match p {
        // `inline_cache::method_hit`'s METHOD entry for an instance without a dict (one with a
        // dict needs the name looked up there: the slow path).
        Some(p) if with_values => {
            guard_version_or_probe(e, p, o, crate::ATTR_KIND_METHOD, |e, entry, _| {
                no_instance_dict(e, o);
                let m = e.b.ins().load(I64, mem(), entry, 16);
                e.poke(0, m);
                e.poke(-1, o);
                let sp = e.sp_after(1);
                e.continue_with(sp);
            })
        }
        _ => guard_version(e, p, o),
    }
    if with_values {
        // A materialized __dict__ may shadow the method: the runtime function looks.
        let d = e.b.ins().load(I64, mem(), o, crate::INSTANCE_DICT_OFFSET);
        let none = e.b.ins().icmp_imm_s(IntCC::Equal, d, 0);
        e.slow_unless(none);
    }
    // c[3..5], the method (4-byte aligned in the live cache; held by the type of that version).
    let m = match p {
        Some(p) => {
            e.b.ins()
                .load(I64, MemFlagsData::new().with_notrap(), p, 16)
        }
        None => e.hole("_JIT_CACHE_METHOD"),
    };
    e.poke(0, m);
    e.poke(-1, o);
    let sp = e.sp_after(1);
    e.continue_with(sp);
}

/// LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN's variants: oparg bit 0 (`jit::stitch::variant_of`).
const LOAD_GLOBAL_VARIANTS: &[&str] = &["value", "NULL, value"];

/// Checks the exact dict `d`'s keys' shape against the live cache's u64 at byte `at` (after
/// its type); else the slow path.
fn guard_dict_shape(e: &mut Emitter, d: Value, p: Value, at: i32) {
    e.exact_type_or_slow(d, "_JIT_DICT_TYPE");
    let shape = e.b.ins().load(I64, mem(), d, crate::DICT_SHAPE_OFFSET);
    // 4-byte aligned in the live cache.
    let want =
        e.b.ins()
            .load(I64, MemFlagsData::new().with_notrap(), p, at);
    let same = e.b.ins().icmp(IntCC::Equal, shape, want);
    e.slow_unless(same);
}

/// LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN (`spec::load_global`): the globals' shape (and the
/// builtins', `builtin`) as cached, then the value of entry c[5] of the dict it was found in,
/// read in place; pushed, NULL first in variant 1 (oparg bit 0: one variant per bit rather
/// than a branch-free push on the bit patched in).
fn load_global(e: &mut Emitter, builtin: bool, variant: u32) {
    let p = e.live_unit();
    let g =
        e.b.ins()
            .load(I64, mem(), e.frame, crate::FRAME_GLOBALS_OFFSET);
    guard_dict_shape(e, g, p, 8);
    let src = if builtin {
        let vm = e.b.ins().load(I64, mem(), e.ctx, crate::JIT_CTX_VM_OFFSET);
        let b = e.b.ins().load(I64, mem(), vm, crate::VM_BUILTINS_OFFSET);
        guard_dict_shape(e, b, p, 16);
        b
    } else {
        g
    };
    let v = dict_entry_value(e, src, p, 24);
    if variant & 1 != 0 {
        let null = e.iconst(0);
        e.finish(0, &[null, v]);
    } else {
        e.finish(0, &[v]);
    }
}

/// The value of the entry of dict `d` whose index is the live cache's u32 at byte `at` (a
/// `DictTable::slot`); the slow path if the index is past the entries or the entry is deleted.
fn dict_entry_value(e: &mut Emitter, d: Value, p: Value, at: i32) -> Value {
    let idx = e.b.ins().uload32(mem(), p, at);
    let n =
        e.b.ins()
            .load(I64, mem(), d, crate::DICT_ENTRIES_LEN_OFFSET);
    let inside = e.b.ins().icmp(IntCC::UnsignedLessThan, idx, n);
    e.slow_unless(inside);
    let entries = e.b.ins().load(I64, mem(), d, crate::DICT_ENTRIES_OFFSET);
    let off = e.b.ins().imul_imm_s(idx, crate::DICT_ENTRY_SIZE as i64);
    let entry = e.b.ins().iadd(entries, off);
    let v =
        e.b.ins()
            .load(I64, mem(), entry, crate::DICT_ENTRY_VALUE_OFFSET);
    let found = e.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
    e.slow_unless(found);
    v
}

/// LOAD_ATTR_MODULE / LOAD_METHOD_MODULE (`spec::load_attr_module`): an exact module whose
/// dict has the cached keys' shape (c[1..3]); the value of its entry c[3], read in place
/// (NULL below it for LOAD_METHOD_MODULE). A module subclass's instance takes the slow path,
/// which handles it.
fn load_attr_module(e: &mut Emitter, method: bool) {
    let p = e.live_unit();
    let m = e.peek(0);
    e.exact_type_or_slow(m, "_JIT_MODULE_TYPE");
    let d = e.b.ins().load(I64, mem(), m, crate::MODULE_DICT_OFFSET);
    guard_dict_shape(e, d, p, 8);
    let v = dict_entry_value(e, d, p, 16);
    if method {
        let null = e.iconst(0);
        e.finish(1, &[null, v]);
    } else {
        e.finish(1, &[v]);
    }
}

/// The cell in local OPARG (the slow path unless the slot holds one).
fn cell(e: &mut Emitter) -> Value {
    let addr = super::ops::local_addr(e);
    let c =
        e.b.ins()
            .load(I64, mem(), addr, crate::FRAME_LOCALSPLUS_OFFSET);
    e.exact_type_or_slow(c, "_JIT_CELL_TYPE");
    c
}

fn load_deref(e: &mut Emitter, _: u32) {
    let c = cell(e);
    // A cell object's payload is its Value (`Obj<Value>`).
    let v = e.b.ins().load(I64, mem(), c, crate::OBJ_HEADER_SIZE);
    // Empty: the runtime function lets the interpreter raise.
    let set = e.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
    e.slow_unless(set);
    e.poke(-1, v);
    let sp = e.sp_after(1);
    e.continue_with(sp);
}

fn store_deref(e: &mut Emitter, _: u32) {
    let v = e.peek(0);
    let c = cell(e);
    e.b.ins().store(mem(), v, c, crate::OBJ_HEADER_SIZE);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}

/// COPY_FREE_VARS: the closure tuple's layout is Rust's, so a helper
/// (`jit::ops::copy_free_vars_helper`: the interpreter's `spec::copy_free_vars`) copies.
fn copy_free_vars(e: &mut Emitter, _: u32) {
    let oparg = e.hole("_JIT_OPARG");
    let (ctx, frame) = (e.ctx, e.frame);
    let ok = e.call_helper(&[ctx, frame, oparg]);
    let done = e.b.ins().icmp_imm_s(IntCC::NotEqual, ok, 0);
    e.slow_unless(done);
    let sp = e.sp;
    e.continue_with(sp);
}

/// UNPACK_SEQUENCE_TUPLE / _LIST's variants: the item count (the oparg).
const UNPACK_VARIANTS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8"];

/// The items pointer and length of `s` after checking it is an exact list (`list`,
/// `_JIT_LIST_TYPE`) or tuple (`_JIT_TUPLE_TYPE`) of `len` items (`None`: any length); else the
/// slow path.
fn seq_items(e: &mut Emitter, list: bool, s: Value, len: Option<usize>) -> (Value, Value) {
    e.exact_type_or_slow(
        s,
        if list {
            "_JIT_LIST_TYPE"
        } else {
            "_JIT_TUPLE_TYPE"
        },
    );
    let (len_at, items_at) = if list {
        (crate::LIST_LEN_OFFSET, crate::LIST_ITEMS_OFFSET)
    } else {
        (crate::TUPLE_LEN_OFFSET, crate::TUPLE_ITEMS_OFFSET)
    };
    let n = e.b.ins().load(I64, mem(), s, len_at);
    if let Some(len) = len {
        let same = e.b.ins().icmp_imm_s(IntCC::Equal, n, len as i64);
        e.slow_unless(same);
    }
    let items = e.b.ins().load(I64, mem(), s, items_at);
    (items, n)
}

/// UNPACK_SEQUENCE_TWO_TUPLE / _TUPLE / _LIST (`spec::unpack_items`): the `n` items of an
/// exact tuple or list of `n` replace it, the first on top (left in registers as far as the
/// cache goes: the STORE_FASTs after it take them from there).
fn unpack_seq(e: &mut Emitter, list: bool, n: usize) {
    let s = e.peek(0);
    let (items, _) = seq_items(e, list, s, Some(n));
    let pushes: Vec<Value> = (0..n)
        .rev()
        .map(|j| e.b.ins().load(I64, mem(), items, 8 * j as i32))
        .collect();
    e.finish(1, &pushes);
}

/// The address of item `k` of the exact list or tuple `s` (`spec::seq_item`): `k` a small int
/// in range, negative counting from the end; else the slow path.
fn item_address(e: &mut Emitter, list: bool, s: Value, k: Value) -> Value {
    let int = e.is_int(k);
    e.slow_unless(int);
    let (items, n) = seq_items(e, list, s, None);
    let up = e.b.ins().ishl_imm_s(k, 16);
    let i = e.b.ins().sshr_imm_s(up, 16);
    let neg = e.b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
    let from_end = e.b.ins().iadd(i, n);
    let j = e.b.ins().select(neg, from_end, i);
    // Unsigned: a negative `j` (an index before the start) is out of range too.
    let inside = e.b.ins().icmp(IntCC::UnsignedLessThan, j, n);
    e.slow_unless(inside);
    let off = e.b.ins().ishl_imm_s(j, 3);
    e.b.ins().iadd(items, off)
}

/// BINARY_SUBSCR_LIST_INT / BINARY_SUBSCR_TUPLE_INT: the item read in place.
fn subscr_seq_int(e: &mut Emitter, list: bool) {
    let k = e.peek(0);
    let s = e.peek(1);
    let addr = item_address(e, list, s, k);
    let v = e.b.ins().load(I64, mem(), addr, 0);
    e.finish(2, &[v]);
}

/// STORE_SUBSCR_LIST_INT (`spec::store_subscr_list_int`): the item overwritten in place.
fn store_subscr_list_int(e: &mut Emitter, _: u32) {
    let k = e.peek(0);
    let s = e.peek(1);
    let v = e.peek(2);
    let addr = item_address(e, true, s, k);
    e.b.ins().store(mem(), v, addr, 0);
    e.finish(3, &[]);
}

/// FOR_ITER_LIST / FOR_ITER_TUPLE (`SeqIterData::advance`): a list (tuple) iterator over an
/// exact list (tuple) pushes its next item and moves on; one past the end it drops its
/// sequence and the loop ends (pop, jump). An exhausted iterator (no sequence) ends it too.
/// The item is left in a register for the STORE_FAST after it.
fn for_iter_seq(e: &mut Emitter, list: bool) {
    let it = e.peek(0);
    let iter_type = if list {
        "_JIT_LIST_ITER_TYPE"
    } else {
        "_JIT_TUPLE_ITER_TYPE"
    };
    e.exact_type_or_slow(it, iter_type);
    let s = e.b.ins().load(I64, mem(), it, crate::SEQ_ITER_SEQ_OFFSET);
    let live = e.b.ins().icmp_imm_s(IntCC::NotEqual, s, 0);
    e.branch_if_not(live, |e| e.jump_popping("_JIT_JUMP_TARGET", 1));
    let (items, n) = seq_items(e, list, s, None);
    let idx = e.b.ins().load(I64, mem(), it, crate::SEQ_ITER_INDEX_OFFSET);
    let more = e.b.ins().icmp(IntCC::UnsignedLessThan, idx, n);
    e.branch_if_not(more, |e| {
        let null = e.iconst(0);
        e.b.ins().store(mem(), null, it, crate::SEQ_ITER_SEQ_OFFSET);
        e.jump_popping("_JIT_JUMP_TARGET", 1);
    });
    let off = e.b.ins().ishl_imm_s(idx, 3);
    let addr = e.b.ins().iadd(items, off);
    let v = e.b.ins().load(I64, mem(), addr, 0);
    let next = e.b.ins().iadd_imm_s(idx, 1);
    e.b.ins()
        .store(mem(), next, it, crate::SEQ_ITER_INDEX_OFFSET);
    e.finish(0, &[v]);
}

/// LIST_APPEND: an exact list with room gets the value at its length; anything else (a full
/// list, whose `Vec` must grow: once per doubling) is the slow path. No call, so the stencil
/// keeps no frame.
fn list_append(e: &mut Emitter, _: u32) {
    let v = e.peek(0);
    let oparg = e.hole("_JIT_OPARG");
    let off = e.b.ins().ishl_imm_s(oparg, 3);
    let at = e.b.ins().isub(e.sp, off);
    let list = e.b.ins().load(I64, mem(), at, -8);
    e.exact_type_or_slow(list, "_JIT_LIST_TYPE");
    append_with_room(e, list, v);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}

/// BINARY_OP_NUMERIC_FLOAT: `spec::numeric_float` for + - * / inline. Two floats take the
/// straight path (the common case: a float site the specializer saw an int at, or one the JIT
/// widened, `jit::driver::int_or_float_arith`); a small int among them is converted out of line.
fn numeric_float(e: &mut Emitter, oparg: u32) {
    let op = oparg % 13;
    if ![NB_ADD, NB_MULTIPLY, NB_SUBTRACT, NB_TRUE_DIVIDE].contains(&op) {
        e.to_slow();
        return;
    }
    let left = e.peek(1);
    let right = e.peek(0);
    let lf = e.is_float(left);
    let rf = e.is_float(right);
    let both = e.b.ins().band(lf, rf);
    e.branch_if_not(both, |e| {
        let (lok, x) = number_as_f64(e, left);
        let (rok, y) = number_as_f64(e, right);
        let ok = e.b.ins().band(lok, rok);
        e.slow_unless(ok);
        if op != NB_TRUE_DIVIDE {
            // Two small ints make an int: those sites have their own forms.
            let ints = e.both_ints(left, right);
            let not_ints = e.b.ins().icmp_imm_s(IntCC::Equal, ints, 0);
            e.slow_unless(not_ints);
        }
        let res = numeric_op(e, op, x, y);
        let boxed = super::ops::box_float(e, res);
        e.finish(2, &[boxed]);
    });
    let x = super::ops::unbox_float(e, left);
    let y = super::ops::unbox_float(e, right);
    let res = numeric_op(e, op, x, y);
    let boxed = super::ops::box_float(e, res);
    e.finish(2, &[boxed]);
}

const NB_ADD: u32 = 0;
const NB_MULTIPLY: u32 = 5;
const NB_SUBTRACT: u32 = 10;
const NB_TRUE_DIVIDE: u32 = 11;

/// `x <op> y` for BINARY_OP_NUMERIC_FLOAT; a zero divisor takes the slow path (which raises).
fn numeric_op(e: &mut Emitter, op: u32, x: Value, y: Value) -> Value {
    match op {
        NB_TRUE_DIVIDE => {
            let zero = e.b.ins().f64const(0.0);
            let nonzero = e.b.ins().fcmp(FloatCC::NotEqual, y, zero);
            e.slow_unless(nonzero);
            e.b.ins().fdiv(x, y)
        }
        NB_ADD => e.b.ins().fadd(x, y),
        NB_SUBTRACT => e.b.ins().fsub(x, y),
        _ => e.b.ins().fmul(x, y),
    }
}

/// A float or a small int `v` as an f64 (small ints are exact in one), with whether it is one of
/// the two.
fn number_as_f64(e: &mut Emitter, v: Value) -> (Value, Value) {
    let is_float = e.is_float(v);
    let top = e.b.ins().sshr_imm_s(v, 48);
    let is_int = e.b.ins().icmp_imm_s(IntCC::Equal, top, -1);
    let ok = e.b.ins().bor(is_float, is_int);
    let as_float = super::ops::unbox_float(e, v);
    let i = unbox_int(e, v);
    let from_int = e.b.ins().fcvt_from_sint(F64, i);
    let f = e.b.ins().select(is_float, as_float, from_int);
    (ok, f)
}

/// The small int in `v` (known to be one) as a 64-bit integer.
fn unbox_int(e: &mut Emitter, v: Value) -> Value {
    let up = e.b.ins().ishl_imm_s(v, 16);
    e.b.ins().sshr_imm_s(up, 16)
}

fn binary_op(e: &mut Emitter, variant: u32) {
    if variant >= CONST_DIVISOR {
        let k = (variant - CONST_DIVISOR) as usize;
        return binary_op_const_divisor(e, CONST_DIVISOR_OPS[k / 2] % 13, k % 2 == 1);
    }
    let (oparg, proof) = (variant % 26, variant / 26);
    const AND: u32 = 1;
    const FLOOR_DIVIDE: u32 = 2;
    const REMAINDER: u32 = 6;
    const OR: u32 = 7;
    const RSHIFT: u32 = 9;
    const XOR: u32 = 12;
    let op = oparg % 13;
    if ![AND, FLOOR_DIVIDE, REMAINDER, OR, RSHIFT, XOR].contains(&op) {
        e.to_slow();
        return;
    }
    let left = e.peek(1);
    let right = e.peek(0);
    let ok = match proof {
        0 => Some(e.both_ints(left, right)),
        1 => Some(e.is_int(right)),
        2 => Some(e.is_int(left)),
        _ => None,
    };
    if let Some(ok) = ok {
        e.slow_unless(ok);
    }
    let res = match op {
        // Both tags are all ones, so they survive `&` and `|`, and the 48-bit payloads combine
        // as the ints' two's complement bits do.
        AND => e.b.ins().band(left, right),
        OR => e.b.ins().bor(left, right),
        XOR => {
            let x = e.b.ins().bxor(left, right);
            let shifted = e.b.ins().ishl_imm_s(x, 16);
            e.box_shifted_int(shifted)
        }
        RSHIFT => {
            // A count in 0..64 shifts the sign-extended int arithmetically (the result always
            // fits); a negative count raises and a larger one is rare: both the slow path.
            let x = unbox_int(e, left);
            let y = unbox_int(e, right);
            let in_range = e.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, y, 64);
            e.slow_unless(in_range);
            let r = e.b.ins().sshr(x, y);
            e.box_int(r)
        }
        _ => {
            let x = unbox_int(e, left);
            let y = unbox_int(e, right);
            let nonzero = e.b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
            e.slow_unless(nonzero);
            // Python rounds toward negative infinity: when the remainder is nonzero and its
            // sign differs from the divisor's, the quotient is one less and the remainder
            // gains the divisor.
            let r = e.b.ins().srem(x, y);
            let rx = e.b.ins().bxor(r, y);
            let signs = e.b.ins().icmp_imm_s(IntCC::SignedLessThan, rx, 0);
            let rnz = e.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
            let adjust = e.b.ins().band(signs, rnz);
            if op == REMAINDER {
                let ry = e.b.ins().iadd(r, y);
                let m = e.b.ins().select(adjust, ry, r);
                e.box_int(m)
            } else {
                let q = e.b.ins().sdiv(x, y);
                let adj = e.b.ins().uextend(I64, adjust);
                let q = e.b.ins().isub(q, adj);
                // -2**47 // -1 does not fit a small int.
                let fits = e.fits_small_int(q);
                e.slow_unless(fits);
                e.box_int(q)
            }
        }
    };
    e.finish(2, &[res]);
}

/// `%` or `//` of a small int by the small-int constant d (OPERAND, 2..=65535) the LOAD_CONST
/// just before pushed (so the right operand is not read): with t = n for n >= 0 and !n (-n-1)
/// otherwise, t // d is the high word of t * MAGIC (MAGIC = ceil(2**64 / d), exact for
/// t < 2**48 when d < 2**16: the error t * (MAGIC * d - 2**64) / 2**64 stays below 1/d), and
/// Python's floor(n / d) is that quotient for n >= 0, its complement !q otherwise; the remainder
/// n - floor * d is then in 0..d as Python's is. No division, no branch; a left operand that is
/// not a small int takes the slow path.
fn binary_op_const_divisor(e: &mut Emitter, op: u32, left_proven: bool) {
    const FLOOR_DIVIDE: u32 = 2;
    let left = e.peek(1);
    if !left_proven {
        let ok = e.is_int(left);
        e.slow_unless(ok);
    }
    let n = unbox_int(e, left);
    let sign = e.b.ins().sshr_imm_s(n, 63);
    let t = e.b.ins().bxor(n, sign);
    let magic = e.hole("_JIT_MAGIC");
    let q = e.b.ins().umulhi(t, magic);
    let floor = e.b.ins().bxor(q, sign);
    let res = if op == FLOOR_DIVIDE {
        floor
    } else {
        let d = e.hole("_JIT_OPERAND");
        let fd = e.b.ins().imul(floor, d);
        e.b.ins().isub(n, fd)
    };
    let boxed = e.box_int(res);
    e.finish(2, &[boxed]);
}
