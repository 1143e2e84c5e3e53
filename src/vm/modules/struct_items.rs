//! The per-item loops of `_struct`'s pack and unpack, for the Python stand-in
//! (`modules/py/_struct.py`), which compiles a format into items `(code, kind, offset, size)`
//! once per `Struct`: `_cpjit.struct_pack(items, size, little, args)` and
//! `_cpjit.struct_unpack(items, little, data)`.
//!
//! Packing handles the arguments that need no conversion — an int or bool for the integer
//! codes within range, a float, int or bool for `e`/`f`/`d` that fits, a bool, None or int for
//! `?`, bytes for `c`/`s`/`p` — and returns None for anything else: the stand-in then packs
//! item by item in Python, which converts through `__index__`/`__float__`/`__bool__` and raises
//! CPython's errors. So every error keeps one implementation.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm, m: Value) {
    super::def(vm, m, "struct_pack", struct_pack);
    super::def(vm, m, "struct_unpack", struct_unpack);
}

/// A small non-negative int argument, or None.
fn count(v: Value) -> Option<usize> {
    if !v.is_small_int() {
        return None;
    }
    usize::try_from(v.as_small_int()).ok()
}

/// One compiled item: its format code, offset and size (the repeat count of `s`/`p`), or None
/// when it is not one `_compile` makes (these functions are reachable from Python: anything
/// else is left to the stand-in's own code).
fn item(v: Value) -> Option<(u8, usize, usize)> {
    let t = as_tuple(v)?;
    let code = *as_str(*t.first()?)?.s.as_bytes().first()?;
    let offset = count(*t.get(2)?)?;
    let size = count(*t.get(3)?)?;
    let fits = match code {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'n' | b'N'
        | b'P' => matches!(size, 1 | 2 | 4 | 8),
        b'e' | b'f' | b'd' => matches!(size, 2 | 4 | 8),
        b'?' | b'c' => size == 1,
        b's' | b'p' => true,
        _ => false,
    };
    fits.then_some((code, offset, size))
}

/// The largest struct these loops build (the stand-in builds larger ones, or fails, itself).
const MAX_SIZE: usize = 1 << 30;

fn struct_pack(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "struct_pack", a, k, 0, 4, 4)?;
    let (Some(items), Some(args)) = (as_tuple(a[0]), as_tuple(a[3])) else {
        return Ok(vm.none);
    };
    let Some(size) = count(a[1]).filter(|&n| n <= MAX_SIZE) else {
        return Ok(vm.none);
    };
    let little = a[2] == vm.true_;
    let mut buf = vec![0u8; size];
    for (&it, &v) in items.iter().zip(args.iter()) {
        let Some((code, offset, n)) = item(it) else {
            return Ok(vm.none);
        };
        let Some(out) = buf.get_mut(offset..offset + n) else {
            return Ok(vm.none);
        };
        if pack_one(vm, code, out, v, little).is_none() {
            return Ok(vm.none);
        }
    }
    Ok(vm.new_bytes(buf))
}

/// Writes `v` as item `code` into `out` (its bytes), or None to leave it to Python.
fn pack_one(vm: &Vm, code: u8, out: &mut [u8], v: Value, little: bool) -> Option<()> {
    match code {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'n' | b'N'
        | b'P' => {
            let x: i128 = match int_of(v)? {
                IntVal::Small(i) => i as i128,
                IntVal::Big(b) => i128::try_from(&b).ok()?,
            };
            let bits = out.len() as u32 * 8;
            let signed = b"bhilqn".contains(&code);
            let (lo, hi) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if x < lo || x > hi {
                return None;
            }
            let bytes = x.to_le_bytes();
            out.copy_from_slice(&bytes[..out.len()]);
            if !little {
                out.reverse();
            }
        }
        b'e' | b'f' | b'd' => {
            let x = if v.is_float() {
                v.as_f64()
            } else {
                match int_of(v)? {
                    IntVal::Small(i) => i as f64,
                    IntVal::Big(_) => return None,
                }
            };
            match out.len() {
                2 => out.copy_from_slice(&super::f64_to_f16(x)?.to_le_bytes()),
                4 => {
                    let f = x as f32;
                    if f.is_infinite() && x.is_finite() {
                        return None;
                    }
                    out.copy_from_slice(&f.to_le_bytes());
                }
                _ => out.copy_from_slice(&x.to_le_bytes()),
            }
            if !little {
                out.reverse();
            }
        }
        b'?' => {
            out[0] = if v == vm.none || v == vm.false_ {
                0
            } else if v == vm.true_ {
                1
            } else {
                match int_of(v)? {
                    IntVal::Small(i) => (i != 0) as u8,
                    IntVal::Big(_) => 1,
                }
            };
        }
        b'c' => {
            // bytes only (PyBytes_Check), not bytearray.
            if vm.type_of(v) != vm.t.bytes {
                return None;
            }
            let b = exact_bytes(vm, v)?;
            if b.len() != 1 {
                return None;
            }
            out[0] = b[0];
        }
        b's' => {
            let b = exact_bytes(vm, v)?;
            let n = b.len().min(out.len());
            out[..n].copy_from_slice(&b[..n]);
        }
        b'p' => {
            let b = exact_bytes(vm, v)?;
            if out.is_empty() {
                return Some(());
            }
            let n = b.len().min(out.len() - 1);
            out[0] = n.min(255) as u8;
            out[1..1 + n].copy_from_slice(&b[..n]);
        }
        _ => return None,
    }
    Some(())
}

/// The contents of a bytes or bytearray object (what the stand-in accepts for c, s and p).
fn exact_bytes<'a>(vm: &Vm, v: Value) -> Option<&'a [u8]> {
    let t = vm.type_of(v);
    if t == vm.t.bytes || t == vm.t.bytearray {
        crate::vm::types::memoryview::buffer_bytes(v)
    } else {
        None
    }
}

fn struct_unpack(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "struct_unpack", a, k, 0, 3, 3)?;
    let little = a[1] == vm.true_;
    let (Some(items), Some(data)) = (
        as_tuple(a[0]).map(|t| t.to_vec()),
        crate::vm::types::memoryview::buffer_bytes(a[2]).map(|d| d.to_vec()),
    ) else {
        return Ok(vm.none);
    };
    let mut out = Vec::with_capacity(items.len());
    let base = vm.roots.len();
    for it in items {
        let Some((code, offset, n)) = item(it) else {
            vm.roots.truncate(base);
            return Ok(vm.none);
        };
        let Some(raw) = data.get(offset..offset + n) else {
            vm.roots.truncate(base);
            return Ok(vm.none);
        };
        let mut le = raw.to_vec();
        if !little {
            le.reverse();
        }
        let v = match code {
            b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                let mut w = [if le[le.len() - 1] & 0x80 != 0 {
                    0xff
                } else {
                    0
                }; 8];
                w[..le.len()].copy_from_slice(&le);
                vm.new_int(i64::from_le_bytes(w))
            }
            b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
                let mut w = [0u8; 8];
                w[..le.len()].copy_from_slice(&le);
                let u = u64::from_le_bytes(w);
                match i64::try_from(u) {
                    Ok(i) => vm.new_int(i),
                    Err(_) => vm.new_bigint(u.into()),
                }
            }
            b'e' => vm.new_float(super::f16_to_f64(u16::from_le_bytes([le[0], le[1]]))),
            b'f' => vm.new_float(f32::from_le_bytes([le[0], le[1], le[2], le[3]]) as f64),
            b'd' => vm.new_float(f64::from_le_bytes(le[..8].try_into().unwrap())),
            b'?' => {
                if raw[0] != 0 {
                    vm.true_
                } else {
                    vm.false_
                }
            }
            b'c' => vm.new_bytes(vec![raw[0]]),
            b's' => vm.new_bytes(data[offset..offset + n].to_vec()),
            b'p' if n > 0 => {
                let len = (raw[0] as usize).min(n - 1);
                vm.new_bytes(data[offset + 1..offset + 1 + len].to_vec())
            }
            _ => {
                vm.roots.truncate(base);
                return Ok(vm.none);
            }
        };
        vm.roots.push(v);
        out.push(v);
    }
    let t = vm.new_tuple(out);
    vm.roots.truncate(base);
    Ok(t)
}
