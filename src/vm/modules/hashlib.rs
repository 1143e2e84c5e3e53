//! `_hashlib`: what CPython's `_hashopenssl.c` gives `hashlib` and `hmac` (OpenSSL's digests,
//! HMAC and PBKDF2), over the same RustCrypto hashers as `_md5`, `_sha256`, ... (`hashes`). With
//! it, `hashlib.sha256` is `_hashlib.openssl_sha256` and makes `_hashlib.HASH` objects,
//! `hashlib.pbkdf2_hmac` is the native one (no "Python implementation" DeprecationWarning), and
//! `hmac` takes its `_hashlib.hmac_new`/`hmac_digest` fast paths, as under CPython; `scrypt` is
//! RFC 7914's over the same PBKDF2, with OpenSSL's parameter and memory limits. Names are
//! resolved as OpenSSL 3 resolves them (its aliases, case-insensitively, besides Python's names),
//! and errors carry OpenSSL's texts ("[digital envelope routines] unsupported").

use super::hashes::{data_arg, HashState};
use super::{bytes_arg, module_error};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::index_c;
use crate::vm::types::{add_method, bind_named, nargs, split_kw};
use crate::vm::value::Value;

/// OpenSSL's digests: Python's name (what `.name` reports) and OpenSSL's other names for it,
/// lower-case (OpenSSL compares them case-insensitively).
const DIGESTS: &[(&str, &[&str])] = &[
    ("md5", &["ssl3-md5"]),
    ("sha1", &["sha-1", "ssl3-sha1"]),
    ("sha224", &["sha2-224", "sha-224"]),
    ("sha256", &["sha2-256", "sha-256"]),
    ("sha384", &["sha2-384", "sha-384"]),
    ("sha512", &["sha2-512", "sha-512"]),
    ("sha512_224", &["sha2-512/224", "sha-512/224", "sha512-224"]),
    ("sha512_256", &["sha2-512/256", "sha-512/256", "sha512-256"]),
    ("sha3_224", &["sha3-224"]),
    ("sha3_256", &["sha3-256"]),
    ("sha3_384", &["sha3-384"]),
    ("sha3_512", &["sha3-512"]),
    ("shake_128", &["shake-128", "shake128"]),
    ("shake_256", &["shake-256", "shake256"]),
    ("blake2b", &["blake2b-512", "blake2b512"]),
    ("blake2s", &["blake2s-256", "blake2s256"]),
    ("ripemd160", &["ripemd-160", "ripemd", "rmd160"]),
    ("sm3", &[]),
    ("md5-sha1", &[]),
];

/// The digest a name stands for: Python's names exactly (`sha3_256`), OpenSSL's in any case.
fn digest_name(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    DIGESTS
        .iter()
        .find(|(py, aliases)| {
            *py == name || aliases.contains(&lower.as_str()) || {
                // OpenSSL's own name of the digests whose Python name has no underscore.
                !py.contains('_') && *py == lower
            }
        })
        .map(|d| d.0)
}

/// The constructors `hashlib` takes as `hashlib.md5`, ...: `openssl_<name>`.
const CONSTRUCTORS: &[&str] = &[
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha3_224",
    "sha3_256",
    "sha3_384",
    "sha3_512",
    "shake_128",
    "shake_256",
];

fn unsupported(vm: &mut Vm, msg: String) -> Value {
    module_error(vm, "_hashlib", "UnsupportedDigestmodError", msg)
}

/// A fresh hasher for `name` (`py_digest_by_name`), UnsupportedDigestmodError for a name
/// OpenSSL does not know.
fn state_by_name(vm: &mut Vm, name: &str) -> PyResult<HashState> {
    match digest_name(name).and_then(HashState::named) {
        Some(st) => Ok(st),
        None => Err(unsupported(
            vm,
            "[digital envelope routines] unsupported".into(),
        )),
    }
}

/// `py_digest_by_digestmod`: a name, or one of the `openssl_*` constructors (the keys of
/// `_constructors`).
fn state_by_digestmod(vm: &mut Vm, digestmod: Value) -> PyResult<HashState> {
    if let Some(s) = crate::vm::types::subclass::str_arg(digestmod) {
        let name = s.s.to_string();
        return state_by_name(vm, &name);
    }
    if let Some(b) = as_builtin(digestmod) {
        let from_here = !b.module.is_null() && str_of(b.module) == "_hashlib";
        if let Some(name) = b.name.strip_prefix("openssl_").filter(|_| from_here) {
            return state_by_name(vm, name);
        }
    }
    // A dict lookup in CPython: an unhashable object is a TypeError first.
    crate::vm::runtime::dict::hash(vm, digestmod)?;
    let r = crate::vm::runtime::repr::repr_string(vm, digestmod)?;
    Err(unsupported(vm, format!("Unsupported digestmod {r}")))
}

/// The ValueError OpenSSL's failures without an error queue entry give (an XOF under HMAC).
fn no_reason(vm: &mut Vm) -> Value {
    vm.value_error("no reason supplied")
}

/// HMAC's state: the hasher fed `key ^ ipad` then the message, and the one fed `key ^ opad`.
#[derive(Clone)]
pub struct HmacState {
    inner: HashState,
    outer: HashState,
}

impl NativeObject for HmacState {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<HmacState>()
    }
}

impl HmacState {
    /// RFC 2104 keyed with `key`; None for an XOF (OpenSSL refuses those).
    fn new(proto: &HashState, key: &[u8]) -> Option<HmacState> {
        if proto.is_xof() {
            return None;
        }
        let mut block = if key.len() > proto.block_size {
            let mut h = proto.clone();
            h.update(key);
            h.digest(0)
        } else {
            key.to_vec()
        };
        block.resize(proto.block_size, 0);
        let (mut inner, mut outer) = (proto.clone(), proto.clone());
        inner.update(&block.iter().map(|b| b ^ 0x36).collect::<Vec<u8>>());
        outer.update(&block.iter().map(|b| b ^ 0x5c).collect::<Vec<u8>>());
        Some(HmacState { inner, outer })
    }

    fn update(&mut self, data: &[u8]) {
        self.inner.update(data);
    }

    fn digest(&self) -> Vec<u8> {
        let mut outer = self.outer.clone();
        outer.update(&self.inner.digest(0));
        outer.digest(0)
    }

    /// The MAC of `data` under this key, this state left as it is.
    fn mac(&self, data: &[u8]) -> Vec<u8> {
        let mut h = self.clone();
        h.update(data);
        h.digest()
    }
}

/// PBKDF2 (RFC 8018) with HMAC over `proto`'s algorithm.
fn pbkdf2(mac: &HmacState, salt: &[u8], iterations: u64, dklen: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(dklen);
    let mut block = 1u32;
    while out.len() < dklen {
        let mut u = mac.mac(&[salt, &block.to_be_bytes()].concat());
        let mut t = u.clone();
        for _ in 1..iterations {
            u = mac.mac(&u);
            t.iter_mut().zip(&u).for_each(|(a, b)| *a ^= b);
        }
        let take = t.len().min(dklen - out.len());
        out.extend_from_slice(&t[..take]);
        block += 1;
    }
    out
}

pub fn create(vm: &mut Vm) -> PyResult {
    install_types(vm);
    let mut fns: Vec<(&'static str, BuiltinFn)> = vec![
        ("new", new),
        ("pbkdf2_hmac", pbkdf2_hmac),
        ("hmac_new", hmac_new),
        ("hmac_digest", hmac_digest),
        ("compare_digest", compare_digest),
        ("get_fips_mode", get_fips_mode),
        ("scrypt", scrypt),
    ];
    let ctors: [BuiltinFn; 12] = [
        |vm, a, k| construct(vm, a, k, 0),
        |vm, a, k| construct(vm, a, k, 1),
        |vm, a, k| construct(vm, a, k, 2),
        |vm, a, k| construct(vm, a, k, 3),
        |vm, a, k| construct(vm, a, k, 4),
        |vm, a, k| construct(vm, a, k, 5),
        |vm, a, k| construct(vm, a, k, 6),
        |vm, a, k| construct(vm, a, k, 7),
        |vm, a, k| construct(vm, a, k, 8),
        |vm, a, k| construct(vm, a, k, 9),
        |vm, a, k| construct(vm, a, k, 10),
        |vm, a, k| construct(vm, a, k, 11),
    ];
    for (name, f) in CONSTRUCTORS.iter().zip(ctors) {
        let n: &'static str = Box::leak(format!("openssl_{name}").into_boxed_str());
        fns.push((n, f));
    }
    let names: Vec<String> = DIGESTS.iter().map(|d| format!("{:?}", d.0)).collect();
    let ctor_map: Vec<String> = CONSTRUCTORS
        .iter()
        .map(|n| format!("openssl_{n}: {n:?}"))
        .collect();
    let src = format!(
        "__name__ = '_hashlib'\n\
         class UnsupportedDigestmodError(ValueError):\n    pass\n\
         openssl_md_meth_names = frozenset({{{}}})\n\
         _constructors = type(type.__dict__)({{{}}})\n",
        names.join(", "),
        ctor_map.join(", ")
    );
    let inner = super::native_with_python(vm, "_hashlib", &fns, &src)?;
    vm.roots.push(inner);
    let m = super::public_part(vm, inner, &["_constructors"]);
    vm.roots.pop();
    let m = m?;
    for (name, t) in [
        ("HASH", vm.t.hashlib_hash),
        ("HASHXOF", vm.t.hashlib_hashxof),
        ("HMAC", vm.t.hashlib_hmac),
    ] {
        super::set_attr(vm, m, name, Value::from_ptr(t));
    }
    Ok(m)
}

/// `HASH`, `HASHXOF` and `HMAC`: their methods and attributes (once).
fn install_types(vm: &mut Vm) {
    let (hash, xof, hmac) = (vm.t.hashlib_hash, vm.t.hashlib_hashxof, vm.t.hashlib_hmac);
    if type_data(hash).module == "_hashlib" {
        return;
    }
    for t in [hash, xof, hmac] {
        // No `__new__`: calling them is "cannot create '_hashlib.HASH' instances"
        // (`call::is_uninstantiable`), and pickling them fails as in CPython.
        crate::vm::types::type_data_mut_module(t, "_hashlib");
    }
    let methods: [(&'static str, BuiltinFn); 5] = [
        ("update", hash_update),
        ("digest", hash_digest),
        ("hexdigest", hash_hexdigest),
        ("copy", hash_copy),
        ("__repr__", hash_repr),
    ];
    for (name, f) in methods {
        add_method(vm, hash, name, f);
    }
    add_method(vm, xof, "digest", xof_digest);
    add_method(vm, xof, "hexdigest", xof_hexdigest);
    let methods: [(&'static str, BuiltinFn); 5] = [
        ("update", hmac_update),
        ("digest", hmac_digest_method),
        ("hexdigest", hmac_hexdigest),
        ("copy", hmac_copy),
        ("__repr__", hmac_repr),
    ];
    for (name, f) in methods {
        add_method(vm, hmac, name, f);
    }
    let kind = vm.t.getset_descriptor;
    for (i, &(t, name)) in GETTERS.iter().enumerate() {
        let owner = [hash, xof, hmac][t as usize];
        let n = vm.intern(name);
        let index = Value::try_from_i64(i as i64).unwrap();
        crate::vm::types::getset::add_descriptor(vm, owner, n, kind, call_getter, index);
    }
}

/// The read-only attributes: (type: 0 HASH, 1 HASHXOF, 2 HMAC, name).
const GETTERS: &[(u8, &str)] = &[
    (0, "digest_size"),
    (0, "block_size"),
    (0, "name"),
    (1, "digest_size"),
    (2, "digest_size"),
    (2, "block_size"),
    (2, "name"),
];

/// (getter index, object) -> the attribute.
fn call_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (Some(&i), Some(&obj)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("expected an object"));
    };
    let (t, name) = GETTERS[i.as_small_int() as usize];
    let (st, prefix) = if t == 2 {
        (&hmac_of(vm, obj, name)?.inner, "hmac-")
    } else {
        (&*hash_of(vm, obj, name)?, "")
    };
    let (n, ds, bs) = (st.name, st.digest_size, st.block_size);
    Ok(match name {
        "digest_size" => vm.new_int(ds as i64),
        "block_size" => vm.new_int(bs as i64),
        _ => vm.new_str_owned(format!("{prefix}{n}")),
    })
}

fn wrong_self(vm: &mut Vm, what: &str, tn: &str, obj: Value) -> Value {
    let on = vm.type_name(obj);
    vm.type_error(format!(
        "descriptor '{what}' for '_hashlib.{tn}' objects doesn't apply to a '{on}' object"
    ))
}

fn hash_of<'a>(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'a mut HashState> {
    match as_native::<HashState>(v) {
        Some(s) if vm.isinstance(v, vm.t.hashlib_hash) => Ok(s),
        _ => Err(wrong_self(vm, what, "HASH", v)),
    }
}

fn hmac_of<'a>(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'a mut HmacState> {
    match as_native::<HmacState>(v) {
        Some(s) => Ok(s),
        None => Err(wrong_self(vm, what, "HMAC", v)),
    }
}

fn alloc_hash(vm: &mut Vm, st: HashState) -> Value {
    let ty = if st.is_xof() {
        vm.t.hashlib_hashxof
    } else {
        vm.t.hashlib_hash
    };
    vm.heap.alloc(ty, Box::new(st) as NativeData)
}

fn alloc_hmac(vm: &mut Vm, st: HmacState) -> Value {
    let ty = vm.t.hashlib_hmac;
    vm.heap.alloc(ty, Box::new(st) as NativeData)
}

/// A hash object of `st` fed `data` (an absent argument: nothing).
fn hash_with(vm: &mut Vm, mut st: HashState, data: Option<Value>) -> PyResult {
    if let Some(d) = data {
        st.update(data_arg(vm, d)?);
    }
    Ok(alloc_hash(vm, st))
}

/// `new(name, string=b'', *, usedforsecurity=True)`.
fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let names = ["name", "string", "usedforsecurity"];
    let a = bind_named(vm, "new", pos, &kws, &names, 2, 1)?;
    let Some(name) = a[0].and_then(crate::vm::types::subclass::str_arg) else {
        return Err(vm.type_error("name must be a string"));
    };
    let name = name.s.to_string();
    let st = state_by_name(vm, &name)?;
    hash_with(vm, st, a[1])
}

/// `openssl_<name>(string=b'', *, usedforsecurity=True)`, `which` indexing `CONSTRUCTORS`.
fn construct(vm: &mut Vm, args: &[Value], kw: &[Value], which: usize) -> PyResult {
    let name = CONSTRUCTORS[which];
    let (pos, kws) = split_kw(args, kw);
    let fname = format!("openssl_{name}");
    let a = bind_named(vm, &fname, pos, &kws, &["string", "usedforsecurity"], 1, 0)?;
    let st = state_by_name(vm, name)?;
    hash_with(vm, st, a[0])
}

fn hash_update(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "update", a, k, 1, 1, 1)?;
    let data = data_arg(vm, a[1])?;
    hash_of(vm, a[0], "update")?.update(data);
    Ok(vm.none)
}

fn hash_digest(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "digest", a, k, 1, 0, 0)?;
    let d = hash_of(vm, a[0], "digest")?.digest(0);
    Ok(vm.new_bytes(d))
}

fn hash_hexdigest(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "hexdigest", a, k, 1, 0, 0)?;
    let d = hash_of(vm, a[0], "hexdigest")?.digest(0);
    Ok(vm.new_str_owned(hex(&d)))
}

fn hash_copy(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "copy", a, k, 1, 0, 0)?;
    let st = hash_of(vm, a[0], "copy")?.clone();
    Ok(alloc_hash(vm, st))
}

fn hash_repr(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "__repr__", a, k, 1, 0, 0)?;
    let name = hash_of(vm, a[0], "__repr__")?.name;
    let tn = crate::vm::interp::type_tp_name(vm.type_of(a[0]));
    Ok(vm.new_str_owned(format!("<{name} {tn} object @ {:#x}>", a[0].0)))
}

/// HASHXOF's `digest(length)`/`hexdigest(length)`: the length, with CPython's errors for a
/// negative or impossible one (`hex`: hexdigest's, which allocates before anything else).
fn xof_length(vm: &mut Vm, fname: &str, a: &[Value], k: &[Value], hex: bool) -> PyResult<usize> {
    let (pos, kws) = split_kw(a, k);
    let v = bind_named(vm, fname, &pos[1..], &kws, &["length"], 1, 1)?;
    let n = index_c(vm, v[0].unwrap(), "ssize_t", |_| true)?;
    if n < 0 && !hex {
        return Err(vm.err(
            "SystemError",
            "Negative size passed to PyBytes_FromStringAndSize",
        ));
    }
    // Past what any allocation could hold: CPython's malloc fails.
    if !(0..1 << 40).contains(&n) {
        return Err(vm.err("MemoryError", ""));
    }
    Ok(n as usize)
}

fn xof_digest(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let n = xof_length(vm, "digest", a, k, false)?;
    let d = hash_of(vm, a[0], "digest")?.digest(n);
    Ok(vm.new_bytes(d))
}

fn xof_hexdigest(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    let n = xof_length(vm, "hexdigest", a, k, true)?;
    let d = hash_of(vm, a[0], "hexdigest")?.digest(n);
    Ok(vm.new_str_owned(hex(&d)))
}

fn hex(d: &[u8]) -> String {
    crate::vm::types::bytes::hex_string(d)
}

/// HMAC keyed with `key` over the digest `digestmod` names (a name or an `openssl_*`
/// constructor).
fn keyed(vm: &mut Vm, key: &[u8], digestmod: Value) -> PyResult<HmacState> {
    let proto = state_by_digestmod(vm, digestmod)?;
    HmacState::new(&proto, key).ok_or_else(|| no_reason(vm))
}

/// `hmac_new(key, msg=b'', digestmod=None)`.
fn hmac_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    const NAMES: [&str; 3] = ["key", "msg", "digestmod"];
    let (pos, kws) = split_kw(args, kw);
    let a = bind_named(vm, "hmac_new", pos, &kws, &NAMES, 3, 1)?;
    let key = bytes_arg(vm, a[0].unwrap())?;
    let Some(digestmod) = a[2] else {
        return Err(vm.type_error("Missing required parameter 'digestmod'."));
    };
    let mut st = keyed(vm, key, digestmod)?;
    if let Some(msg) = a[1].filter(|&m| m != vm.none) {
        st.update(data_arg(vm, msg)?);
    }
    Ok(alloc_hmac(vm, st))
}

/// `hmac_digest(key, msg, digest)`: the MAC in one call.
fn hmac_digest(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    const NAMES: [&str; 3] = ["key", "msg", "digest"];
    let (pos, kws) = split_kw(args, kw);
    let a = bind_named(vm, "hmac_digest", pos, &kws, &NAMES, 3, 3)?;
    let key = bytes_arg(vm, a[0].unwrap())?;
    let msg = bytes_arg(vm, a[1].unwrap())?;
    let d = keyed(vm, key, a[2].unwrap())?.mac(msg);
    Ok(vm.new_bytes(d))
}

fn hmac_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let a = bind_named(vm, "update", &pos[1..], &kws, &["msg"], 1, 1)?;
    let data = data_arg(vm, a[0].unwrap())?;
    hmac_of(vm, args[0], "update")?.update(data);
    Ok(vm.none)
}

fn hmac_digest_method(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "digest", a, k, 1, 0, 0)?;
    let d = hmac_of(vm, a[0], "digest")?.digest();
    Ok(vm.new_bytes(d))
}

fn hmac_hexdigest(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "hexdigest", a, k, 1, 0, 0)?;
    let d = hmac_of(vm, a[0], "hexdigest")?.digest();
    Ok(vm.new_str_owned(hex(&d)))
}

fn hmac_copy(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "copy", a, k, 1, 0, 0)?;
    let st = hmac_of(vm, a[0], "copy")?.clone();
    Ok(alloc_hmac(vm, st))
}

fn hmac_repr(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "__repr__", a, k, 1, 0, 0)?;
    let name = hmac_of(vm, a[0], "__repr__")?.inner.name;
    Ok(vm.new_str_owned(format!("<{name} HMAC object @ {:#x}>", a[0].0)))
}

/// `pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)`.
fn pbkdf2_hmac(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let names = ["hash_name", "password", "salt", "iterations", "dklen"];
    let a = bind_named(vm, "pbkdf2_hmac", pos, &kws, &names, 5, 4)?;
    let name = crate::vm::types::clinic_str(vm, "pbkdf2_hmac", "'hash_name'", a[0].unwrap())?;
    let password = bytes_arg(vm, a[1].unwrap())?;
    let salt = bytes_arg(vm, a[2].unwrap())?;
    let iterations = index_c(vm, a[3].unwrap(), "long", |_| true)?;
    let proto = state_by_name(vm, &name)?;
    if iterations < 1 {
        return Err(vm.value_error("iteration value must be greater than 0."));
    }
    if iterations > i32::MAX as i64 {
        return Err(vm.overflow_error("iteration value is too great."));
    }
    let dklen = match a[4].filter(|&d| d != vm.none) {
        // OpenSSL's EVP_MD_size of a SHAKE is its default output length (then PBKDF2 fails).
        None if proto.is_xof() => (200 - proto.block_size as i64) / 2,
        None => proto.digest_size as i64,
        Some(d) => index_c(vm, d, "long", |_| true)?,
    };
    if dklen < 1 {
        return Err(vm.value_error("key length must be greater than 0."));
    }
    if dklen > i32::MAX as i64 {
        return Err(vm.overflow_error("key length is too great."));
    }
    let Some(mac) = HmacState::new(&proto, password) else {
        return Err(no_reason(vm));
    };
    let out = pbkdf2(&mac, salt, iterations as u64, dklen as usize);
    Ok(vm.new_bytes(out))
}

/// Salsa20/8's core over 16 little-endian words, added to its input (RFC 7914 section 3).
fn salsa20_8(b: &mut [u32; 16]) {
    let mut x = *b;
    for _ in 0..4 {
        for &(t, a, c, r) in &[
            (4, 0, 12, 7),
            (8, 4, 0, 9),
            (12, 8, 4, 13),
            (0, 12, 8, 18),
            (9, 5, 1, 7),
            (13, 9, 5, 9),
            (1, 13, 9, 13),
            (5, 1, 13, 18),
            (14, 10, 6, 7),
            (2, 14, 10, 9),
            (6, 2, 14, 13),
            (10, 6, 2, 18),
            (3, 15, 11, 7),
            (7, 3, 15, 9),
            (11, 7, 3, 13),
            (15, 11, 7, 18),
            (1, 0, 3, 7),
            (2, 1, 0, 9),
            (3, 2, 1, 13),
            (0, 3, 2, 18),
            (6, 5, 4, 7),
            (7, 6, 5, 9),
            (4, 7, 6, 13),
            (5, 4, 7, 18),
            (11, 10, 9, 7),
            (8, 11, 10, 9),
            (9, 8, 11, 13),
            (10, 9, 8, 18),
            (12, 15, 14, 7),
            (13, 12, 15, 9),
            (14, 13, 12, 13),
            (15, 14, 13, 18),
        ] {
            x[t] ^= x[a].wrapping_add(x[c]).rotate_left(r);
        }
    }
    for (o, i) in b.iter_mut().zip(x) {
        *o = o.wrapping_add(i);
    }
}

/// scryptBlockMix over `2r` 64-byte blocks of words (RFC 7914 section 4).
fn block_mix(b: &[u32], out: &mut [u32]) {
    let blocks = b.len() / 16;
    let mut x: [u32; 16] = b[b.len() - 16..].try_into().unwrap();
    for i in 0..blocks {
        x.iter_mut().zip(&b[i * 16..]).for_each(|(p, q)| *p ^= q);
        salsa20_8(&mut x);
        // Even blocks first, then odd ones.
        let j = (i / 2) + (i % 2) * (blocks / 2);
        out[j * 16..j * 16 + 16].copy_from_slice(&x);
    }
}

/// scryptROMix of one `128r`-byte block (RFC 7914 section 5).
fn ro_mix(block: &mut [u8], n: usize) {
    let words = block.len() / 4;
    let mut x: Vec<u32> = block
        .chunks(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    let mut v = vec![0u32; words * n];
    let mut y = vec![0u32; words];
    for i in 0..n {
        v[i * words..(i + 1) * words].copy_from_slice(&x);
        block_mix(&x, &mut y);
        std::mem::swap(&mut x, &mut y);
    }
    for _ in 0..n {
        let last = &x[words - 16..];
        let j = ((last[0] as u64 | (last[1] as u64) << 32) % n as u64) as usize;
        x.iter_mut().zip(&v[j * words..]).for_each(|(p, q)| *p ^= q);
        block_mix(&x, &mut y);
        std::mem::swap(&mut x, &mut y);
    }
    for (c, w) in block.chunks_mut(4).zip(x) {
        c.copy_from_slice(&w.to_le_bytes());
    }
}

/// OpenSSL's scrypt limits: whether `n`, `r`, `p` need more than `maxmem` bytes (or more than
/// it can count).
fn scrypt_too_big(n: u64, r: u64, p: u64, maxmem: u64) -> bool {
    const PR_MAX: u64 = (1 << 30) - 1;
    if p > PR_MAX / r || (16 * r <= 63 && n >= 1 << (16 * r)) {
        return true;
    }
    let blen = p * 128 * r;
    if blen > i32::MAX as u64 || n + 2 > u64::MAX / 128 / r {
        return true;
    }
    let vlen = 32 * r * (n + 2) * 4;
    blen > u64::MAX - vlen || blen + vlen > maxmem
}

/// `scrypt(password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64)` (RFC 7914).
fn scrypt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    const NAMES: [&str; 7] = ["password", "salt", "n", "r", "p", "maxmem", "dklen"];
    let (pos, kws) = split_kw(args, kw);
    let a = bind_named(vm, "scrypt", pos, &kws, &NAMES, 1, 1)?;
    let password = bytes_arg(vm, a[0].unwrap())?;
    let Some(salt) = a[1] else {
        return Err(vm.type_error("salt is required"));
    };
    let salt = bytes_arg(vm, salt)?;
    // Argument Clinic's `unsigned long` object converter, then PyLong_AsUnsignedLong.
    let mut nrp = [0u64; 3];
    for (i, what) in ["n", "r", "p"].into_iter().enumerate() {
        let v = a[2 + i].unwrap_or(vm.none);
        let Some(int) = crate::vm::types::subclass::int_arg(v) else {
            let tn = vm.arg_type_name(v);
            return Err(vm.type_error(format!("scrypt() argument '{what}' must be int, not {tn}")));
        };
        match u64::try_from(int.to_big()) {
            Ok(x) => nrp[i] = x,
            Err(_) => {
                return Err(vm.type_error(format!("{what} is required and must be an unsigned int")))
            }
        }
    }
    let [n, r, p] = nrp;
    if n < 2 || n & (n - 1) != 0 {
        return Err(vm.value_error("n must be a power of 2."));
    }
    let mut limits = [0i64, 64];
    let checks = [
        (0, "maxmem must be positive and smaller than 2147483647"),
        (
            1,
            "dklen must be greater than 0 and smaller than 2147483647",
        ),
    ];
    for (i, (low, msg)) in checks.into_iter().enumerate() {
        if let Some(v) = a[5 + i] {
            limits[i] = index_c(vm, v, "long", |_| true)?;
        }
        if !(low..i32::MAX as i64).contains(&limits[i]) {
            return Err(vm.value_error(msg));
        }
    }
    let [maxmem, dklen] = limits;
    if r == 0 || p == 0 {
        return Err(vm.value_error("Invalid parameter combination for n, r, p, maxmem."));
    }
    if r > u32::MAX as u64 || p > u32::MAX as u64 {
        return Err(vm.value_error("[digital envelope routines] parameter too large"));
    }
    let maxmem = if maxmem == 0 { 32 << 20 } else { maxmem as u64 };
    if scrypt_too_big(n, r, p, maxmem) {
        return Err(vm.value_error("[digital envelope routines] memory limit exceeded"));
    }
    let sha256 = HashState::named("sha256").unwrap();
    let mac = HmacState::new(&sha256, password).unwrap();
    let block = 128 * r as usize;
    let mut b = pbkdf2(&mac, salt, 1, block * p as usize);
    for chunk in b.chunks_mut(block) {
        ro_mix(chunk, n as usize);
    }
    let out = pbkdf2(&mac, &b, 1, dklen as usize);
    Ok(vm.new_bytes(out))
}

/// `compare_digest(a, b)`: `a == b` for two ASCII strs or two bytes-like objects, in time that
/// depends on the length only (CPython's `_tscmp`).
fn compare_digest(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    if !k.is_empty() {
        return Err(vm.type_error("_hashlib.compare_digest() takes no keyword arguments"));
    }
    if a.len() != 2 {
        let n = a.len();
        return Err(vm.type_error(format!("compare_digest expected 2 arguments, got {n}")));
    }
    let (x, y) = (a[0], a[1]);
    let (sx, sy) = (
        crate::vm::types::subclass::str_arg(x),
        crate::vm::types::subclass::str_arg(y),
    );
    let (bx, by): (&[u8], &[u8]) = match (sx, sy) {
        (Some(sx), Some(sy)) => {
            if !sx.is_ascii() || !sy.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (sx.s.as_bytes(), sy.s.as_bytes())
        }
        _ => {
            let (bx, by) = (
                crate::vm::types::memoryview::buffer_bytes(x),
                crate::vm::types::memoryview::buffer_bytes(y),
            );
            if bx.is_none() && by.is_none() {
                let (tx, ty) = (vm.type_name(x), vm.type_name(y));
                return Err(vm.type_error(format!(
                    "unsupported operand types(s) or combination of types: '{tx}' and '{ty}'"
                )));
            }
            (bytes_arg(vm, x)?, bytes_arg(vm, y)?)
        }
    };
    // Every byte is compared whatever the first difference.
    let other = if bx.len() == by.len() { by } else { bx };
    let diff = bx
        .iter()
        .zip(other)
        .fold((bx.len() != by.len()) as u8, |acc, (p, q)| acc | (p ^ q));
    Ok(vm.bool_val(diff == 0))
}

fn get_fips_mode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_hashlib.get_fips_mode", a, k, 0, 0, 0)?;
    Ok(vm.new_int(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_as_openssl_does() {
        assert_eq!(digest_name("SHA-256"), Some("sha256"));
        assert_eq!(digest_name("sha3_256"), Some("sha3_256"));
        assert_eq!(digest_name("SHA3_256"), None);
        assert_eq!(digest_name("BLAKE2b512"), Some("blake2b"));
        assert_eq!(digest_name("MD5-SHA1"), Some("md5-sha1"));
        assert_eq!(digest_name("md5_sha1"), None);
    }
}
