//! The loops of `binascii`'s base64 conversions, for the Python stand-in
//! (`modules/py/binascii.py`), which converts the arguments and raises `binascii.Error`:
//! `_cpjit.b64_encode(data, newline)` and `_cpjit.b64_decode(data, strict_mode)`, the latter
//! returning the decoded bytes or, for invalid input, the error's message (a str). The rules are
//! CPython's `binascii_b2a_base64_impl` / `binascii_a2b_base64_impl`.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn install(vm: &mut Vm, m: Value) {
    super::def(vm, m, "b64_encode", b64_encode);
    super::def(vm, m, "b64_decode", b64_decode);
}

/// The bytes argument `v` (the stand-in passes bytes).
fn bytes_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a [u8]> {
    match as_bytes(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("expected bytes")),
    }
}

fn b64_encode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "b64_encode", a, k, 0, 2, 2)?;
    let newline = crate::vm::runtime::compare::truthy(vm, a[1])?;
    let data = bytes_arg(vm, a[0])?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    let mut chunks = data.chunks_exact(3);
    for c in &mut chunks {
        let v = (c[0] as usize) << 16 | (c[1] as usize) << 8 | c[2] as usize;
        out.extend([
            TABLE[v >> 18],
            TABLE[(v >> 12) & 63],
            TABLE[(v >> 6) & 63],
            TABLE[v & 63],
        ]);
    }
    match *chunks.remainder() {
        [x] => {
            let v = (x as usize) << 16;
            out.extend([TABLE[v >> 18], TABLE[(v >> 12) & 63], b'=', b'=']);
        }
        [x, y] => {
            let v = (x as usize) << 16 | (y as usize) << 8;
            out.extend([
                TABLE[v >> 18],
                TABLE[(v >> 12) & 63],
                TABLE[(v >> 6) & 63],
                b'=',
            ]);
        }
        _ => {}
    }
    if newline {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

fn b64_decode(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "b64_decode", a, k, 0, 2, 2)?;
    let strict = crate::vm::runtime::compare::truthy(vm, a[1])?;
    let data = bytes_arg(vm, a[0])?;
    match decode(data, strict) {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(msg) => Ok(vm.new_str_owned(msg)),
    }
}

/// The bytes `data` encodes, or the message of the error it raises.
fn decode(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let value = |c: u8| TABLE.iter().position(|&t| t == c);
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut left, mut pads, mut ndata) = (0u8, 0u8, 0usize, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad >= 2 && quad as usize + pads >= 4 {
                if strict && i + 1 < data.len() {
                    return Err("Excess data after padding".into());
                }
                return Ok(out);
            }
            continue;
        }
        let Some(v) = value(c).map(|v| v as u8) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        ndata += 1;
        match quad {
            0 => (quad, left) = (1, v),
            1 => {
                out.push((left << 2) | (v >> 4));
                (quad, left) = (2, v & 15);
            }
            2 => {
                out.push((left << 4) | (v >> 2));
                (quad, left) = (3, v & 3);
            }
            _ => {
                out.push((left << 6) | v);
                (quad, left) = (0, 0);
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({ndata}) cannot be 1 \
             more than a multiple of 4"
        )),
        _ => Err("Incorrect padding".into()),
    }
}
