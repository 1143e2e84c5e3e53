//! The hash modules CPython writes in C: `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3` and
//! `_blake2` (what `hashlib` falls back to without OpenSSL's `_hashlib`), over RustCrypto's
//! md-5, sha1, sha2, sha3 and blake2 crates. Each module's classes are Python (the module's
//! Python part, below) whose instances hold their hash state in a native `_st` object; the
//! functions here act on that object.

use blake2::{Blake2bVarCore, Blake2sVarCore};
use digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
use digest::{Digest, ExtendableOutput, Update};

use super::def;
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::types::memoryview::buffer_bytes;
use crate::vm::types::nargs;
use crate::vm::value::Value;

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha512_224(sha2::Sha512_224),
    Sha512_256(sha2::Sha512_256),
    Ripemd160(ripemd::Ripemd160),
    Sm3(sm3::Sm3),
    /// OpenSSL's "md5-sha1" (TLS 1.0's PRF hash): the MD5 and SHA-1 digests concatenated.
    Md5Sha1(md5::Md5, sha1::Sha1),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Blake2bVarCore, Buffer<Blake2bVarCore>),
    Blake2s(Blake2sVarCore, Buffer<Blake2sVarCore>),
}

/// A hash object's state: the hasher, its name and sizes.
#[derive(Clone)]
pub struct HashState {
    h: Hasher,
    pub(crate) name: &'static str,
    pub(crate) digest_size: usize,
    pub(crate) block_size: usize,
}

impl NativeObject for HashState {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<HashState>()
    }
}

/// The fixed hashers (`HashState::named`): name, digest size, block size.
const FIXED: &[(&str, usize, usize)] = &[
    ("md5", 16, 64),
    ("sha1", 20, 64),
    ("sha224", 28, 64),
    ("sha256", 32, 64),
    ("sha384", 48, 128),
    ("sha512", 64, 128),
    ("sha3_224", 28, 144),
    ("sha3_256", 32, 136),
    ("sha3_384", 48, 104),
    ("sha3_512", 64, 72),
    ("shake_128", 0, 168),
    ("shake_256", 0, 136),
    // Only OpenSSL's `_hashlib` has these (`HashState::named`).
    ("sha512_224", 28, 128),
    ("sha512_256", 32, 128),
    ("ripemd160", 20, 64),
    ("sm3", 32, 64),
    ("md5-sha1", 36, 64),
];

fn fixed_hasher(name: &str) -> Option<Hasher> {
    Some(match name {
        "md5" => Hasher::Md5(md5::Md5::new()),
        "sha1" => Hasher::Sha1(sha1::Sha1::new()),
        "sha224" => Hasher::Sha224(sha2::Sha224::new()),
        "sha256" => Hasher::Sha256(sha2::Sha256::new()),
        "sha384" => Hasher::Sha384(sha2::Sha384::new()),
        "sha512" => Hasher::Sha512(sha2::Sha512::new()),
        "sha3_224" => Hasher::Sha3_224(sha3::Sha3_224::new()),
        "sha3_256" => Hasher::Sha3_256(sha3::Sha3_256::new()),
        "sha3_384" => Hasher::Sha3_384(sha3::Sha3_384::new()),
        "sha3_512" => Hasher::Sha3_512(sha3::Sha3_512::new()),
        "shake_128" => Hasher::Shake128(sha3::Shake128::default()),
        "shake_256" => Hasher::Shake256(sha3::Shake256::default()),
        "sha512_224" => Hasher::Sha512_224(sha2::Sha512_224::new()),
        "sha512_256" => Hasher::Sha512_256(sha2::Sha512_256::new()),
        "ripemd160" => Hasher::Ripemd160(ripemd::Ripemd160::new()),
        "sm3" => Hasher::Sm3(sm3::Sm3::new()),
        "md5-sha1" => Hasher::Md5Sha1(md5::Md5::new(), sha1::Sha1::new()),
        _ => return None,
    })
}

impl HashState {
    /// A fresh hasher of the algorithm `name` (a name of `FIXED`, or "blake2b"/"blake2s" with
    /// their default parameters), None for another name.
    pub(crate) fn named(name: &str) -> Option<HashState> {
        let (h, name, digest_size, block_size) = match name {
            "blake2b" => {
                let core = Blake2bVarCore::new_with_params(&[], &[], 0, 64);
                (
                    Hasher::Blake2b(core, Default::default()),
                    "blake2b",
                    64,
                    128,
                )
            }
            "blake2s" => {
                let core = Blake2sVarCore::new_with_params(&[], &[], 0, 32);
                (Hasher::Blake2s(core, Default::default()), "blake2s", 32, 64)
            }
            _ => {
                let &(name, ds, bs) = FIXED.iter().find(|f| f.0 == name)?;
                (fixed_hasher(name)?, name, ds, bs)
            }
        };
        Some(HashState {
            h,
            name,
            digest_size,
            block_size,
        })
    }

    /// Whether this is an extendable-output function (SHAKE), whose digest length is chosen
    /// at each `digest`.
    pub(crate) fn is_xof(&self) -> bool {
        matches!(self.h, Hasher::Shake128(_) | Hasher::Shake256(_))
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        match &mut self.h {
            Hasher::Md5(h) => Digest::update(h, data),
            Hasher::Sha1(h) => Digest::update(h, data),
            Hasher::Sha224(h) => Digest::update(h, data),
            Hasher::Sha256(h) => Digest::update(h, data),
            Hasher::Sha384(h) => Digest::update(h, data),
            Hasher::Sha512(h) => Digest::update(h, data),
            Hasher::Sha512_224(h) => Digest::update(h, data),
            Hasher::Sha512_256(h) => Digest::update(h, data),
            Hasher::Ripemd160(h) => Digest::update(h, data),
            Hasher::Sm3(h) => Digest::update(h, data),
            Hasher::Md5Sha1(a, b) => {
                Digest::update(a, data);
                Digest::update(b, data);
            }
            Hasher::Sha3_224(h) => Digest::update(h, data),
            Hasher::Sha3_256(h) => Digest::update(h, data),
            Hasher::Sha3_384(h) => Digest::update(h, data),
            Hasher::Sha3_512(h) => Digest::update(h, data),
            Hasher::Shake128(h) => Update::update(h, data),
            Hasher::Shake256(h) => Update::update(h, data),
            Hasher::Blake2b(core, buf) => buf.digest_blocks(data, |b| core.update_blocks(b)),
            Hasher::Blake2s(core, buf) => buf.digest_blocks(data, |b| core.update_blocks(b)),
        }
    }

    /// The digest of everything fed so far (the state itself is kept); `length` bytes of a
    /// SHAKE's output.
    pub(crate) fn digest(&self, length: usize) -> Vec<u8> {
        fn fin<D: Digest + Clone>(h: &D) -> Vec<u8> {
            h.clone().finalize().to_vec()
        }
        match &self.h {
            Hasher::Md5(h) => fin(h),
            Hasher::Sha1(h) => fin(h),
            Hasher::Sha224(h) => fin(h),
            Hasher::Sha256(h) => fin(h),
            Hasher::Sha384(h) => fin(h),
            Hasher::Sha512(h) => fin(h),
            Hasher::Sha512_224(h) => fin(h),
            Hasher::Sha512_256(h) => fin(h),
            Hasher::Ripemd160(h) => fin(h),
            Hasher::Sm3(h) => fin(h),
            Hasher::Md5Sha1(a, b) => [fin(a), fin(b)].concat(),
            Hasher::Sha3_224(h) => fin(h),
            Hasher::Sha3_256(h) => fin(h),
            Hasher::Sha3_384(h) => fin(h),
            Hasher::Sha3_512(h) => fin(h),
            Hasher::Shake128(h) => h.clone().finalize_boxed(length).to_vec(),
            Hasher::Shake256(h) => h.clone().finalize_boxed(length).to_vec(),
            Hasher::Blake2b(core, buf) => {
                let (mut core, mut buf) = (core.clone(), buf.clone());
                let mut out = Default::default();
                core.finalize_variable_core(&mut buf, &mut out);
                out[..self.digest_size].to_vec()
            }
            Hasher::Blake2s(core, buf) => {
                let (mut core, mut buf) = (core.clone(), buf.clone());
                let mut out = Default::default();
                core.finalize_variable_core(&mut buf, &mut out);
                out[..self.digest_size].to_vec()
            }
        }
    }
}

pub fn create(vm: &mut Vm, name: &str) -> PyResult {
    let m = vm.new_module(name);
    vm.roots.push(m);
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_new", new_state),
        ("_new_blake2", new_blake2),
        ("_update", update),
        ("_digest", digest),
        ("_copy", copy),
        ("_info", info),
    ];
    for &(n, f) in fns {
        def(vm, m, n, f);
    }
    let src = match name {
        "_md5" => fixed_src(&[("md5", "MD5Type", "MD5")]),
        "_sha1" => fixed_src(&[("sha1", "SHA1Type", "SHA1")]),
        "_sha256" => fixed_src(&[
            ("sha224", "SHA224Type", "SHA-224"),
            ("sha256", "SHA256Type", "SHA-256"),
        ]),
        "_sha512" => fixed_src(&[
            ("sha384", "SHA384Type", "SHA-384"),
            ("sha512", "SHA512Type", "SHA-512"),
        ]),
        "_sha3" => SHA3_SRC.to_string(),
        _ => BLAKE2_SRC.to_string(),
    };
    let text = format!("__name__ = {name:?}\n{COMMON_SRC}{src}\ndel _Hash\n");
    let d = as_module(m).unwrap().dict;
    let r = crate::vm::run::exec_source(vm, text.as_bytes(), &format!("<frozen {name}>"), d);
    vm.roots.pop();
    r?;
    Ok(m)
}

/// The modules `create` makes.
pub const NAMES: &[&str] = &["_blake2", "_md5", "_sha1", "_sha256", "_sha3", "_sha512"];

const COMMON_SRC: &str = r#"
class _Hash:
    def update(self, data, /):
        "Update this hash object's state with the provided string."
        _update(self._st, data)

    def digest(self):
        "Return the digest value as a bytes object."
        return _digest(self._st)

    def hexdigest(self):
        "Return the digest value as a string of hexadecimal digits."
        return _digest(self._st).hex()

    def copy(self):
        "Return a copy of the hash object."
        h = object.__new__(type(self))
        h._st = _copy(self._st)
        return h

    name = property(lambda self: _info(self._st)[0])
    digest_size = property(lambda self: _info(self._st)[1])
    block_size = property(lambda self: _info(self._st)[2])

    def __reduce__(self):
        raise TypeError("cannot pickle %r object" % type(self).__name__)


def _make(cls, kind, data):
    h = object.__new__(cls)
    h._st = _new(kind)
    _update(h._st, data)
    return h
"#;

/// A module of fixed-size hashes: (algorithm, type name, name in the docstring) each make a
/// class (`_md5.md5`, bound to `MD5Type` too) and a constructor function of the same name.
fn fixed_src(hashes: &[(&str, &str, &str)]) -> String {
    let mut out = String::new();
    for (name, ty, label) in hashes {
        out += &format!(
            "class {name}(_Hash):\n    pass\n{ty} = {name}\n\n\
             def {name}(string=b'', *, usedforsecurity=True):\n    \
             \"Return a new {label} hash object; optionally initialized with a string.\"\n    \
             return _make({ty}, '{name}', string)\n\n"
        );
    }
    out
}

const SHA3_SRC: &str = r#"
keccakopt = 64
implementation = 'RustCrypto sha3'

class _Sha3(_Hash):
    def __new__(cls, data=b'', /, *, usedforsecurity=True):
        return _make(cls, cls.__name__, data)

    @property
    def _rate_bits(self):
        return 1600 - self._capacity_bits

class sha3_224(_Sha3):
    "sha3_224([data], *, usedforsecurity=True) -> SHA3 object"
    _capacity_bits = 448
    _suffix = b'\x06'

class sha3_256(_Sha3):
    "sha3_256([data], *, usedforsecurity=True) -> SHA3 object"
    _capacity_bits = 512
    _suffix = b'\x06'

class sha3_384(_Sha3):
    "sha3_384([data], *, usedforsecurity=True) -> SHA3 object"
    _capacity_bits = 768
    _suffix = b'\x06'

class sha3_512(_Sha3):
    "sha3_512([data], *, usedforsecurity=True) -> SHA3 object"
    _capacity_bits = 1024
    _suffix = b'\x06'

class _Shake(_Sha3):
    _suffix = b'\x1f'

    def digest(self, length):
        "Return the digest value as a bytes object."
        return _digest(self._st, length)

    def hexdigest(self, length):
        "Return the digest value as a string of hexadecimal digits."
        return _digest(self._st, length).hex()

class shake_128(_Shake):
    "shake_128([data], *, usedforsecurity=True) -> SHAKE object"
    _capacity_bits = 256

class shake_256(_Shake):
    "shake_256([data], *, usedforsecurity=True) -> SHAKE object"
    _capacity_bits = 512

del _Sha3, _Shake
"#;

const BLAKE2_SRC: &str = r#"
BLAKE2B_SALT_SIZE = 16
BLAKE2B_PERSON_SIZE = 16
BLAKE2B_MAX_KEY_SIZE = 64
BLAKE2B_MAX_DIGEST_SIZE = 64
BLAKE2S_SALT_SIZE = 8
BLAKE2S_PERSON_SIZE = 8
BLAKE2S_MAX_KEY_SIZE = 32
BLAKE2S_MAX_DIGEST_SIZE = 32

# digest_size's default is the class's MAX_DIGEST_SIZE; an explicit None is a TypeError.
_MAX = object()

class _Blake2(_Hash):
    def __new__(cls, data=b'', /, *, digest_size=_MAX, key=b'', salt=b'', person=b'',
                fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
                last_node=False, usedforsecurity=True):
        if digest_size is _MAX:
            digest_size = cls.MAX_DIGEST_SIZE
        if (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) != \
                (1, 1, 0, 0, 0, 0, False):
            raise NotImplementedError(
                'cpjit does not support BLAKE2 tree hashing parameters')
        h = object.__new__(cls)
        h._st = _new_blake2(cls.__name__, digest_size, key, salt, person)
        _update(h._st, data)
        return h

class blake2b(_Blake2):
    "Return a new BLAKE2b hash object."
    SALT_SIZE = 16
    PERSON_SIZE = 16
    MAX_KEY_SIZE = 64
    MAX_DIGEST_SIZE = 64

class blake2s(_Blake2):
    "Return a new BLAKE2s hash object."
    SALT_SIZE = 8
    PERSON_SIZE = 8
    MAX_KEY_SIZE = 32
    MAX_DIGEST_SIZE = 32

del _Blake2
"#;

fn alloc(vm: &mut Vm, st: HashState) -> Value {
    let ty = vm.t.hash_state;
    vm.heap.alloc(ty, Box::new(st) as NativeData)
}

fn state<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut HashState> {
    match as_native::<HashState>(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("not a hash state")),
    }
}

/// The bytes of a hash input (str refused as CPython refuses it).
pub(crate) fn data_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a [u8]> {
    if as_str(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match buffer_bytes(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn new_state(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_new", a, k, 0, 1, 1)?;
    let name = str_of(a[0]).to_string();
    match HashState::named(&name) {
        Some(st) => Ok(alloc(vm, st)),
        None => Err(vm.value_error(format!("unsupported hash type {name}"))),
    }
}

/// `_new_blake2(kind, digest_size, key, salt, person)`.
fn new_blake2(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_new_blake2", a, k, 0, 5, 5)?;
    let big = str_of(a[0]) == "blake2b";
    let (max, salt_max, block) = if big { (64, 16, 128) } else { (32, 8, 64) };
    // Argument Clinic's `int`: `__index__` taken, OverflowError past a C int.
    let size = crate::vm::runtime::num::index_c(vm, a[1], "int", |n| i32::try_from(n).is_ok())?;
    if !(1..=max as i64).contains(&size) {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max} bytes")));
    }
    let size = size as usize;
    let key = data_arg(vm, a[2])?.to_vec();
    let salt = data_arg(vm, a[3])?.to_vec();
    let person = data_arg(vm, a[4])?.to_vec();
    if salt.len() > salt_max {
        return Err(vm.value_error(format!("maximum salt length is {salt_max} bytes")));
    }
    if person.len() > salt_max {
        return Err(vm.value_error(format!("maximum person length is {salt_max} bytes")));
    }
    if key.len() > max {
        return Err(vm.value_error(format!("maximum key length is {max} bytes")));
    }
    // A key is the first block of input, zero-padded (RFC 7693).
    let mut key_block = key.clone();
    if !key.is_empty() {
        key_block.resize(block, 0);
    }
    let mut st = if big {
        let core = Blake2bVarCore::new_with_params(&salt, &person, key.len(), size);
        HashState {
            h: Hasher::Blake2b(core, Default::default()),
            name: "blake2b",
            digest_size: size,
            block_size: block,
        }
    } else {
        let core = Blake2sVarCore::new_with_params(&salt, &person, key.len(), size);
        HashState {
            h: Hasher::Blake2s(core, Default::default()),
            name: "blake2s",
            digest_size: size,
            block_size: block,
        }
    };
    st.update(&key_block);
    Ok(alloc(vm, st))
}

fn update(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "update", a, k, 0, 2, 2)?;
    let data = data_arg(vm, a[1])?;
    state(vm, a[0])?.update(data);
    Ok(vm.none)
}

fn digest(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "digest", a, k, 0, 1, 2)?;
    let length = match a.get(1) {
        Some(&n) => {
            // Argument Clinic's `unsigned_long(bitwise=False)`: a negative int is a
            // ValueError, then PyLong_AsUnsignedLong (ints only, no `__index__`).
            let neg = crate::vm::types::subclass::int_arg(n)
                .is_some_and(|i| i.to_big().sign() == num_bigint::Sign::Minus);
            if neg {
                return Err(vm.value_error("value must be positive"));
            }
            let n = crate::vm::runtime::num::as_unsigned_long(vm, n)?;
            if n >= 1 << 29 {
                return Err(vm.value_error("length is too large"));
            }
            n as usize
        }
        None => 0,
    };
    let out = state(vm, a[0])?.digest(length);
    Ok(vm.new_bytes(out))
}

fn copy(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "copy", a, k, 0, 1, 1)?;
    let st = state(vm, a[0])?.clone();
    Ok(alloc(vm, st))
}

/// `(name, digest_size, block_size)`.
fn info(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_info", a, k, 0, 1, 1)?;
    let st = state(vm, a[0])?;
    let (name, ds, bs) = (st.name, st.digest_size, st.block_size);
    let items = vec![
        vm.new_str(name),
        vm.new_int(ds as i64),
        vm.new_int(bs as i64),
    ];
    Ok(vm.new_tuple(items))
}
