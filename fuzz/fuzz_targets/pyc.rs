//! The `.pyc` loader: arbitrary bytes into `pyc_cache::decode`, the function the import system
//! calls on a cached `__pycache__/NAME.cpjit-311.pyc` (header checks, payload checksum,
//! `serialize::deserialize`, which validates every code object), and, for what it accepts, what
//! cpjit does to a code object before running it (`serialize::validate` of the whole tree and
//! `vm::code::quicken` of each code object's instructions, in every specialization mode). Never a
//! panic or a crash.
//!
//! Each input is tried twice: as the whole file, exactly as read from disk (so the header checks
//! are fuzzed), and with a header made current for its payload (magic, flags, source stamp and
//! payload checksum filled in), so that the fuzzer's mutations of the payload reach the
//! deserializer instead of stopping at the checksum. The payload is what follows the 32-byte
//! header when the input starts with cpjit's magic (the seed corpus is whole cache files, see
//! fuzz/seed_corpus.sh), else the whole input.
#![no_main]

#[path = "big_stack.rs"]
mod big_stack;

use cpjit::bytecode::code::{CodeObject, ConstValue};
use cpjit::bytecode::serialize;
use cpjit::vm::adaptive::Mode;
use cpjit::vm::modules::pyc_cache::{self, Invalidation, SourceStamp};
use libfuzzer_sys::fuzz_target;

const STAMP: SourceStamp = SourceStamp { mtime_ns: 0, size: 0 };

/// Everything the VM does to a loaded code object before its first instruction runs.
fn prepare(co: &CodeObject) {
    for mode in [Mode::Off, Mode::On, Mode::Stress] {
        let _ = cpjit::vm::code::quicken(&co.code, mode);
    }
    for c in &co.consts {
        prepare_const(c);
    }
}

fn prepare_const(c: &ConstValue) {
    match c {
        ConstValue::Code(inner) => prepare(inner),
        ConstValue::Tuple(items) | ConstValue::FrozenSet(items) => {
            items.iter().for_each(prepare_const)
        }
        _ => {}
    }
}

fn load(file: &[u8]) {
    if let Ok(co) = pyc_cache::decode(file, b"", STAMP, "<fuzz>") {
        serialize::validate(&co).expect("decode accepted what validate refuses");
        prepare(&co);
    }
}

fn pyc(data: &[u8]) {
    load(data);
    // The payload behind a current header.
    let magic = serialize::magic().to_le_bytes();
    let payload = match data.get(..32) {
        Some(h) if h[..4] == magic => &data[32..],
        _ => data,
    };
    let mut file = pyc_cache::header(payload, b"", STAMP, Invalidation::Timestamp);
    file.extend_from_slice(payload);
    load(&file);
}

fuzz_target!(|data: &[u8]| {
    big_stack::run(data, pyc);
});
