//! The interpreter's inline caches for attribute, method and global loads (the generic
//! instructions' own memo, below the PEP 659 specializer): each LOAD_ATTR / STORE_ATTR /
//! LOAD_METHOD site owns [`WAYS`] entries of three words in its code object's `caches` (most
//! recently filled first); a LOAD_GLOBAL site owns one entry.
//!
//! | word | meaning |
//! |---|---|
//! | 0 | guard: the receiver's type (attribute sites), module object, or globals dict |
//! | 1 | tag: bits 0..32 the type epoch, 32..40 the kind, 40..64 a dict entry index |
//! | 2 | a cached value (type attribute, method), kept alive by the type's dict while the epoch holds; or the globals dict's shape |
//!
//! Every fast path re-checks what it reads (the key stored at the hinted dict slot must be the
//! name), so a stale hint only costs a miss; the type epoch (bumped whenever any class's
//! attributes or a new class appear) covers facts about types: "no data descriptor", "this
//! method". A miss runs the generic runtime function, then refills the site, except under
//! `--specialize=off`, which keeps every site empty (see [`memo`]).

use std::cell::Cell;

use crate::vm::dict::DictTable;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr;
use crate::vm::types::instance;
use crate::vm::value::Value;

/// Words per cache entry.
pub const WORDS: usize = 3;
/// Entries per attribute site (four: a site that sees several classes, e.g. a method of a base
/// class run on instances of sibling subclasses in turn, still hits).
pub const WAYS: usize = 4;

/// `site_of`'s encoding: the site's first word in `caches`, shifted, and its entry count.
const WAYS_BITS: u32 = 3;

/// A code object's site tables: for each code unit its site (see [`site`]; 0 where there is
/// none), and the zeroed cache words of all sites. The sites are the generic instructions that
/// read `caches` (the specialized forms of these families deopt to them at the same index).
pub fn site_tables(code: &[u32]) -> (Box<[u32]>, Box<[Cell<u64>]>) {
    use crate::bytecode::opcode::Opcode;
    let mut site_of = vec![0u32; code.len()];
    let mut words = 0u32;
    let mut i = 0;
    while i < code.len() {
        let Some(op) = Opcode::from_u8(code[i] as u8) else {
            break;
        };
        let ways = match op {
            Opcode::LOAD_GLOBAL => 1,
            Opcode::LOAD_ATTR | Opcode::STORE_ATTR | Opcode::LOAD_METHOD => WAYS as u32,
            _ => 0,
        };
        if ways > 0 {
            site_of[i] = words << WAYS_BITS | ways;
            words += ways * WORDS as u32;
        }
        i += 1 + op.info().cache as usize;
    }
    let caches = (0..words as usize).map(|_| Cell::new(0)).collect();
    (site_of.into_boxed_slice(), caches)
}

/// The cache words of the site at code unit `at` (a LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR or
/// LOAD_METHOD, or a specialized form of one).
#[inline(always)]
pub fn site<'a>(caches: &'a [Cell<u64>], site_of: &[u32], at: usize) -> &'a [Cell<u64>] {
    let s = site_of[at];
    let start = (s >> WAYS_BITS) as usize;
    let ways = (s & ((1 << WAYS_BITS) - 1)) as usize;
    &caches[start..start + ways * WORDS]
}

/// Whether sites may be filled: not with `--specialize=off`, which is the plain interpreter with
/// no per-site memory at all (neither quickened instructions nor these caches), so that on vs
/// off measures everything site-specific caching buys.
#[inline(always)]
fn memo(vm: &Vm) -> bool {
    vm.mode != crate::vm::adaptive::Mode::Off
}

const INST: u64 = 1;
const TYPE_VALUE: u64 = 2;
const METHOD: u64 = 3;

// Compiled code probes these caches (stencils/attr.rs `probe_site`).
const _: () = {
    use crate::vm::abi::*;
    assert!(ATTR_CACHE_WAYS as usize == WAYS && ATTR_CACHE_WORDS as usize == WORDS);
    assert!(ATTR_KIND_INST as u64 == INST && ATTR_KIND_METHOD as u64 == METHOD);
};

/// The address of the `EPOCH` word the tags' low 32 bits hold (`attr::epoch`), for compiled
/// code.
pub fn epoch_address() -> *const u8 {
    attr::epoch_address()
}

/// The first word of the attribute site at code unit `at` when it has `WAYS` entries (what
/// compiled code probes), else None.
pub fn full_site(caches: &[Cell<u64>], site_of: &[u32], at: usize) -> Option<*const u8> {
    let s = *site_of.get(at)?;
    let ways = (s & ((1 << WAYS_BITS) - 1)) as usize;
    (s != 0 && ways == WAYS).then(|| site(caches, site_of, at).as_ptr() as *const u8)
}
const MODULE: u64 = 4;
const GLOBAL: u64 = 5;
const BUILTIN: u64 = 6;
/// A `__slots__` member: the value lives in the instance values (index = its slot index).
const SLOT: u64 = 7;

#[inline(always)]
fn tag(stamp: u32, kind: u64, idx: usize) -> u64 {
    stamp as u64 | (kind << 32) | ((idx as u64) << 40)
}
#[inline(always)]
fn kind(t: u64) -> u64 {
    (t >> 32) & 0xff
}
#[inline(always)]
fn idx(t: u64) -> usize {
    (t >> 40) as usize
}
#[inline(always)]
fn epoch() -> u32 {
    attr::epoch() as u32
}

/// Index of the entry whose key is the str `name` (pointer-equal or equal text); computes and
/// caches the str's hash if needed, never runs Python code.
#[inline]
pub(crate) fn find_str(t: &DictTable, name: Value) -> Option<usize> {
    let s = as_str(name)?;
    let mut h = s.hash.get();
    if h == u64::MAX {
        h = crate::rtlib::hash::hash_str(&s.s) as u64;
        s.hash.set(h);
    }
    let r: Result<Option<usize>, ()> = t.find(h, |k| {
        Ok(k == name || as_str(k).map(|x| x.s == s.s).unwrap_or(false))
    });
    r.ok().flatten()
}

/// The value at slot `i` if its key is `name` itself.
#[inline(always)]
pub(crate) fn hinted(t: &DictTable, i: usize, name: Value) -> Option<Value> {
    match t.slot(i) {
        Some(e) if e.key == name => Some(e.value),
        _ => None,
    }
}

fn table<'a>(d: Value) -> &'a mut DictTable {
    &mut as_dict(d).expect("dict").table
}

/// A class whose attribute loads follow the generic rules (no `__getattribute__` override) and
/// whose instances keep attributes in a plain dict (no class extension: slots, a built-in base,
/// attribute-hook overrides).
pub(crate) fn plain_instance_type(ty: *const TypeObject) -> bool {
    let td = type_data(ty);
    // A class with a `__getattribute__` override always has a ClassExt (assigning one to an
    // existing class is refused), so no lookup is needed here.
    td.layout == Layout::Instance && !td.is_exception && td.ext.is_none()
}

/// Whether `bind_descriptor` would return `d` unchanged when found on a type.
pub(crate) fn plain_type_value(d: Value) -> bool {
    !d.is_ptr()
        || !matches!(
            layout_of(d),
            Layout::Function
                | Layout::Builtin
                | Layout::MethodWrapper
                | Layout::Property
                | Layout::Instance
        )
}

/// The object references among a code object's cache words (for the GC).
pub fn cached_values(caches: &[Cell<u64>], out: &mut Vec<Value>) {
    for site in caches.chunks_exact(WORDS) {
        if matches!(kind(site[1].get()), TYPE_VALUE | METHOD) {
            let v = Value(site[2].get());
            if v.is_ptr() {
                out.push(v);
            }
        }
    }
}

/// LOAD_ATTR.
#[inline]
pub fn load_attr(vm: &mut Vm, c: &[Cell<u64>], obj: Value, name: Value) -> PyResult {
    if let Some(v) = load_attr_hit(c, obj, name) {
        return Ok(v);
    }
    if let Some((v, ty, i)) = instance_value_any_class(obj, name) {
        if memo(vm) {
            let c = victim_for(c, ty as u64);
            c[0].set(ty as u64);
            c[1].set(tag(epoch(), INST, i));
        }
        return Ok(v);
    }
    let v = attr::getattr(vm, obj, name)?;
    fill_load(vm, victim(c, obj), obj, name);
    Ok(v)
}

/// A values-backed instance of a plain class (no `__getattribute__` override, no slots or
/// built-in base, no materialized `__dict__`), whatever that class is, and the class's (cached)
/// MRO lookup of `name`: None when the answer needs the full lookup. This is the miss path's
/// shortcut for sites that see more classes than the cache has entries (a method of a base class
/// run on instances of several sibling subclasses): a shared-key scan and a cached type lookup
/// instead of `getattr` plus a refill.
#[inline]
fn plain_values_instance(obj: Value) -> Option<(&'static InstanceData, *const TypeObject)> {
    if !obj.is_ptr() || layout_of(obj) != Layout::Instance {
        return None;
    }
    let ty = obj_type(obj);
    if !plain_instance_type(ty) || !instance::uses_values(ty) {
        return None;
    }
    let inst = as_instance(obj)?;
    inst.dict.is_null().then_some((inst, ty))
}

/// LOAD_ATTR's shortcut (see `plain_values_instance`): the instance value for `name` when the
/// instance has one and no class of the MRO defines `name` (only a data descriptor there could
/// take precedence over it; any class attribute sends the load to the full path).
#[inline]
fn instance_value_any_class(obj: Value, name: Value) -> Option<(Value, *const TypeObject, usize)> {
    let (inst, ty) = plain_values_instance(obj)?;
    let i = instance::key_index(type_data(ty), name)?;
    let v = inst.value(i)?;
    attr::lookup_type(ty, name).is_none().then_some((v, ty, i))
}

/// LOAD_METHOD's shortcut (see `plain_values_instance`): a Python function found on the class
/// when `name` is not a shared key of the class (so no instance value can shadow it).
#[inline]
fn class_function_any_class(obj: Value, name: Value) -> Option<Value> {
    let (_, ty) = plain_values_instance(obj)?;
    if instance::key_index(type_data(ty), name).is_some() {
        return None;
    }
    let f = attr::lookup_type(ty, name)?;
    as_function(f).is_some().then_some(f)
}

/// LOAD_ATTR's site hit, if one of its entries holds `obj`'s case: what `load_attr` returns
/// without a lookup.
#[inline]
fn load_attr_hit(c: &[Cell<u64>], obj: Value, name: Value) -> Option<Value> {
    c.chunks_exact(WORDS)
        .find_map(|e| load_hit(e, obj, Some(name)))
}

/// `load_attr_hit` for an object whose attributes need no lookup by name: a values-backed or
/// `__slots__` instance, or a class value no instance dict can shadow (the instance has none).
/// What LOAD_ATTR_INSTANCE_VALUE's stencil asks (`jit::ops::load_attr_site_helper`) when the
/// object is not of the class it was specialized for; None sends it to its slow path.
#[inline]
pub fn load_attr_hit_values(c: &[Cell<u64>], obj: Value) -> Option<Value> {
    c.chunks_exact(WORDS).find_map(|e| load_hit(e, obj, None))
}

/// The entry to refill for `obj`: the first if it already guards `obj`'s type (or module),
/// otherwise the first after moving it to second place.
fn victim(c: &[Cell<u64>], obj: Value) -> &[Cell<u64>] {
    let guard = if !obj.is_ptr() {
        0
    } else if as_module(obj).is_some() {
        obj.0
    } else {
        obj_type(obj) as u64
    };
    victim_for(c, guard)
}

fn victim_for(c: &[Cell<u64>], guard: u64) -> &[Cell<u64>] {
    if c[0].get() != guard && c.len() >= 2 * WORDS {
        // Most recently filled first: every entry moves down one place, the last one drops.
        for i in (WORDS..c.len()).rev() {
            c[i].set(c[i - WORDS].get());
        }
        c[1].set(0);
    }
    &c[..WORDS]
}

/// A LOAD_ATTR hit in entry `c`; without `name`, only the cases that need no lookup by name.
#[inline(always)]
fn load_hit(c: &[Cell<u64>], obj: Value, name: Option<Value>) -> Option<Value> {
    if !obj.is_ptr() {
        return None;
    }
    let t = c[1].get();
    if obj_type(obj) as u64 == c[0].get() && t as u32 == epoch() {
        match kind(t) {
            // (The index is the name's shared-key index: dict-backed instances look it up.)
            INST => {
                let inst = as_instance(obj).unwrap();
                if inst.dict.is_null() {
                    return inst.value(idx(t));
                }
                let tb = table(inst.dict);
                return find_str(tb, name?).map(|i| tb.slot(i).unwrap().value);
            }
            TYPE_VALUE => {
                // Filled only while `name` was not a shared key of the class (adding one moves
                // the epoch), so only a dict-backed instance can shadow it.
                let d = as_instance(obj).unwrap().dict;
                if d.is_null() || find_str(table(d), name?).is_none() {
                    return Some(Value(c[2].get()));
                }
            }
            SLOT => return slot_value(obj, idx(t)),
            _ => {}
        }
    } else if obj.0 == c[0].get() && kind(t) == MODULE {
        if let Some(m) = as_module(obj) {
            return hinted(table(m.dict), idx(t), name?);
        }
    }
    None
}

fn fill_load(vm: &mut Vm, c: &[Cell<u64>], obj: Value, name: Value) {
    if !obj.is_ptr() || !memo(vm) {
        return;
    }
    if let Some(m) = as_module(obj) {
        if let Some(i) = find_str(table(m.dict), name) {
            c[0].set(obj.0);
            c[1].set(tag(0, MODULE, i));
        }
        return;
    }
    let ty = obj_type(obj);
    if fill_slot(vm, c, obj, name) {
        return;
    }
    if !plain_instance_type(ty) {
        return;
    }
    let descr = attr::lookup_type(ty, name);
    if let Some(d) = descr {
        if attr::is_data_descriptor(vm, d) {
            return;
        }
    }
    let stamp = epoch();
    if instance::get(obj, name).is_some() {
        c[0].set(ty as u64);
        c[1].set(tag(stamp, INST, key_slot(ty, name)));
        return;
    }
    if let Some(d) = descr {
        if plain_type_value(d) && instance::key_index(type_data(ty), name).is_none() {
            c[0].set(ty as u64);
            c[1].set(tag(stamp, TYPE_VALUE, 0));
            c[2].set(d.0);
        }
    }
}

/// STORE_ATTR.
#[inline]
pub fn store_attr(
    vm: &mut Vm,
    c: &[Cell<u64>],
    obj: Value,
    name: Value,
    value: Value,
) -> PyResult<()> {
    for e in c.chunks_exact(WORDS) {
        if let Some(r) = store_hit(vm, e, obj, name, value) {
            return r;
        }
    }
    attr::setattr(vm, obj, name, value)?;
    fill_store(vm, victim(c, obj), obj, name);
    Ok(())
}

/// A STORE_ATTR hit in entry `c` (None: not this entry's case).
#[inline(always)]
fn store_hit(
    vm: &mut Vm,
    c: &[Cell<u64>],
    obj: Value,
    name: Value,
    value: Value,
) -> Option<PyResult<()>> {
    let t = type_entry(c, obj)?;
    // The attribute lives in the instance values (or dict), or is a slot.
    match kind(t) {
        INST => {
            if overwrite_value(obj, idx(t), value) {
                return Some(Ok(()));
            }
            Some(instance::set(vm, obj, name, value))
        }
        SLOT => {
            instance::set_slot(vm, obj, idx(t), value);
            Some(Ok(()))
        }
        _ => None,
    }
}

/// STORE_ATTR's site hit for a values-backed instance whose attribute is set already: the
/// overwrite needs no lookup by name and allocates nothing. True when done. What
/// STORE_ATTR_INSTANCE_VALUE's runtime function tries first for an object of another class
/// (`jit::ops`).
pub fn store_attr_hit_values(c: &[Cell<u64>], obj: Value, value: Value) -> bool {
    c.chunks_exact(WORDS)
        .any(|e| store_in_values(e, obj, value))
}

/// Entry `c` is an INST entry for `obj`'s type and epoch and the overwrite applies
/// (`overwrite_value`): does it.
#[inline(always)]
fn store_in_values(c: &[Cell<u64>], obj: Value, value: Value) -> bool {
    match type_entry(c, obj) {
        Some(t) if kind(t) == INST => overwrite_value(obj, idx(t), value),
        _ => false,
    }
}

/// The tag of entry `c` when it guards heap object `obj`'s type in the current epoch.
#[inline(always)]
fn type_entry(c: &[Cell<u64>], obj: Value) -> Option<u64> {
    let t = c[1].get();
    (obj.is_ptr() && obj_type(obj) as u64 == c[0].get() && t as u32 == epoch()).then_some(t)
}

/// Overwrites the value at index `i` of instance `obj` (of an INST entry's type) when it keeps
/// its attributes in its values (no dict) and has one there.
#[inline(always)]
fn overwrite_value(obj: Value, i: usize, value: Value) -> bool {
    let inst = as_instance(obj).unwrap();
    if inst.dict.is_null() && inst.value(i).is_some() {
        inst.values_mut()[i] = value;
        return true;
    }
    false
}

fn fill_store(vm: &mut Vm, c: &[Cell<u64>], obj: Value, name: Value) {
    if !obj.is_ptr() || as_instance(obj).is_none() || !memo(vm) {
        return;
    }
    if fill_slot(vm, c, obj, name) {
        return;
    }
    let ty = obj_type(obj);
    if !plain_dict_store(vm, ty, name) {
        return;
    }
    if instance::get(obj, name).is_some() {
        c[0].set(ty as u64);
        c[1].set(tag(epoch(), INST, key_slot(ty, name)));
    }
}

/// The shared-key index of `name` in `ty` for an INST entry (an index no instance has when the
/// name is not a key: values-backed instances then miss).
fn key_slot(ty: *const TypeObject, name: Value) -> usize {
    instance::key_index(type_data(ty), name).unwrap_or(NO_KEY)
}

/// An INST index beyond any values array.
const NO_KEY: usize = (1 << 24) - 1;

/// The value of slot `i` of `obj` (an instance of a class with `__slots__`, already checked by
/// the caller's type guard), if set.
#[inline]
pub(crate) fn slot_value(obj: Value, i: usize) -> Option<Value> {
    as_instance(obj)?.value(i)
}

/// Caches a `__slots__` member access (load or store) when `name` is a slot of `obj`'s class,
/// and no `__getattribute__` / `__setattr__` override is involved; returns whether the site was
/// filled.
fn fill_slot(vm: &mut Vm, c: &[Cell<u64>], obj: Value, name: Value) -> bool {
    match slot_index(vm, obj, name) {
        Some(i) => {
            c[0].set(obj_type(obj) as u64);
            c[1].set(tag(epoch(), SLOT, i));
            true
        }
        None => false,
    }
}

/// The values index of `__slots__` member `name` of `obj`, when loads and stores of it follow
/// the generic rules (no `__getattribute__` / `__setattr__` override).
/// The inline caches and the specializer (LOAD_ATTR_SLOT, STORE_ATTR_SLOT) both use it.
pub(crate) fn slot_index(vm: &mut Vm, obj: Value, name: Value) -> Option<usize> {
    let ty = obj_type(obj);
    let td = type_data(ty);
    let ext = td.ext.as_ref()?;
    if ext.getattribute || td.is_exception {
        return None;
    }
    let d = attr::lookup_type(ty, name)?;
    if !(d.is_ptr() && obj_type(d) == vm.t.member_descriptor) {
        return None;
    }
    for hook in ["__getattribute__", "__setattr__"] {
        let k = vm.sname(hook);
        if let Some(Some(Layout::Function)) = attr::lookup_type(ty, k).map(attr::layout_of_opt) {
            return None;
        }
    }
    as_ext_instance(obj)?;
    instance::key_index(td, name)
}

/// Whether a store of `name` into an instance of `ty` is a plain instance-dict store (a plain
/// class, no data descriptor or property of that name, no `__setattr__` override).
pub(crate) fn plain_dict_store(vm: &mut Vm, ty: *const TypeObject, name: Value) -> bool {
    if type_data(ty).builtin || !plain_instance_type(ty) {
        return false;
    }
    // Assignments with their own meaning (`attr::setattr`, `types::instance::set`).
    if matches!(as_str(name).map(|s| &*s.s), Some("__class__" | "__dict__")) {
        return false;
    }
    if let Some(d) = attr::lookup_type(ty, name) {
        if attr::is_data_descriptor(vm, d) || as_property(d).is_some() {
            return false;
        }
    }
    let k = vm.sname("__setattr__");
    !matches!(
        attr::lookup_type(ty, k).map(attr::layout_of_opt),
        Some(Some(Layout::Function))
    )
}

/// LOAD_METHOD: (method, self) or (attribute, NULL), as `attr::load_method`.
#[inline]
pub fn load_method(
    vm: &mut Vm,
    c: &[Cell<u64>],
    obj: Value,
    name: Value,
) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(obj);
    if let Some(m) = method_hit(c, ty, obj, Some(name)) {
        return Ok((m, obj));
    }
    if let Some(f) = class_function_any_class(obj, name) {
        if memo(vm) {
            let c = victim_for(c, ty as u64);
            c[0].set(ty as u64);
            c[1].set(tag(epoch(), METHOD, 0));
            c[2].set(f.0);
        }
        return Ok((f, obj));
    }
    let (m, s) = attr::load_method(vm, obj, name)?;
    if !s.is_null() && memo(vm) {
        let td = type_data(ty);
        let cacheable = match td.layout {
            Layout::Instance => {
                plain_instance_type(ty) && instance::key_index(type_data(ty), name).is_none()
            }
            Layout::Type | Layout::Module | Layout::Super => false,
            _ => true,
        };
        if cacheable {
            let c = victim_for(c, ty as u64);
            c[0].set(ty as u64);
            c[1].set(tag(epoch(), METHOD, 0));
            c[2].set(m.0);
        }
    }
    Ok((m, s))
}

/// LOAD_METHOD's site hit (see `load_attr_hit`): the method found for `obj` (of type `ty`),
/// which is then the call's self, or None when no entry holds `obj`'s case (without `name`:
/// or when `obj` has an instance dict, which could shadow the method).
#[inline]
pub fn method_hit(
    c: &[Cell<u64>],
    ty: *const TypeObject,
    obj: Value,
    name: Option<Value>,
) -> Option<Value> {
    for e in c.chunks_exact(WORDS) {
        let t = e[1].get();
        if ty as u64 == e[0].get() && t as u32 == epoch() && kind(t) == METHOD {
            // Filled only while `name` was not a shared key of an instance's class (adding one
            // moves the epoch), so values-backed instances cannot shadow the method.
            // Without `name`, an instance with a dict is not a hit.
            let shadowed = match attr::instance_dict(obj) {
                Some(d) => find_str(table(d), name?).is_some(),
                None => false,
            };
            if !shadowed {
                return Some(Value(e[2].get()));
            }
        }
    }
    None
}

/// LOAD_GLOBAL's lookup: globals, then builtins; None when the name is in neither.
#[inline]
pub fn load_global(vm: &mut Vm, c: &[Cell<u64>], globals: Value, name: Value) -> Option<Value> {
    let g = &mut as_dict(globals)?.table;
    let t = c[1].get();
    if c[0].get() == globals.0 {
        match kind(t) {
            GLOBAL => {
                if let Some(v) = hinted(g, idx(t), name) {
                    return Some(v);
                }
            }
            BUILTIN if g.shape() == c[2].get() => {
                if let Some(v) = hinted(table(vm.builtins), idx(t), name) {
                    return Some(v);
                }
            }
            _ => {}
        }
    }
    let memo = memo(vm);
    if let Some(i) = find_str(g, name) {
        if memo {
            c[0].set(globals.0);
            c[1].set(tag(0, GLOBAL, i));
        }
        return Some(g.slot(i).unwrap().value);
    }
    let b = table(vm.builtins);
    let i = find_str(b, name)?;
    if memo {
        c[0].set(globals.0);
        c[1].set(tag(0, BUILTIN, i));
        c[2].set(g.shape());
    }
    Some(b.slot(i).unwrap().value)
}
