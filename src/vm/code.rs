//! Loading compiled code into the VM: constants become Values, names are interned.

use std::rc::Rc;

use num_traits::ToPrimitive;

use crate::bytecode::code::{flags, CodeObject, ConstValue};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::CodeData;
use crate::vm::object::{as_code, as_str};
use crate::vm::value::Value;

pub fn const_value(vm: &mut Vm, c: &ConstValue) -> Value {
    match c {
        ConstValue::None => vm.none,
        ConstValue::Bool(b) => vm.bool_val(*b),
        ConstValue::Ellipsis => vm.ellipsis,
        // Most int constants are small: no copy of the BigInt to find that out.
        ConstValue::Int(i) => match i.to_i64() {
            Some(v) => vm.new_int(v),
            None => vm.new_bigint(i.clone()),
        },
        ConstValue::Float(f) => Value::from_f64(*f),
        ConstValue::Complex { real, imag } => {
            crate::vm::types::complex::new_complex(vm, *real, *imag)
        }
        ConstValue::Str(s) => {
            if s.len() < 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                vm.intern(s)
            } else {
                vm.new_str(s)
            }
        }
        ConstValue::Bytes(b) => vm.new_bytes(b.clone()),
        ConstValue::Tuple(items) => {
            let vs: Vec<Value> = items.iter().map(|c| const_value(vm, c)).collect();
            vm.new_tuple(vs)
        }
        ConstValue::FrozenSet(items) => {
            let s = vm.new_set(true);
            for c in items {
                let v = const_value(vm, c);
                let _ = crate::vm::runtime::dict::set_add(vm, s, v);
            }
            // CPython's compiler rebuilds constant frozensets from their own iteration order
            // (merge_consts_recursive), which can change the table layout: do the same.
            let order = crate::vm::runtime::dict::keys_of(s);
            let s2 = vm.new_set(true);
            for v in order {
                let _ = crate::vm::runtime::dict::set_add(vm, s2, v);
            }
            s2
        }
        ConstValue::Code(c) => load_code(vm, c.clone()),
    }
}

/// Makes the VM's code object for `code`, recursively for nested code constants. A code object
/// whose body is not decoded yet (`CodeObject::lazy`, from a cache file) gets its header's parts
/// only, its body's on first use (`ensure_body`).
pub fn load_code(vm: &mut Vm, code: Rc<CodeObject>) -> Value {
    let localsplusnames: Vec<Value> = code.localsplusnames.iter().map(|n| vm.intern(n)).collect();
    let name = vm.intern(&code.name);
    let qualname = vm.new_str(&code.qualname);
    let is_generator = code.flags & flags::CO_GENERATOR != 0;
    let nlp = code.nlocalsplus();
    let call = crate::vm::jit_hook::JitCallInfo::new(
        None,
        nlp as u32,
        crate::vm::eval::frame_words(nlp, code.stacksize as usize) as u32,
    );
    let doc = match &code.lazy {
        Some(l) => match &l.doc {
            Some(d) => vm.new_str(d),
            None => Value::NULL,
        },
        None => Value::NULL,
    };
    let ty = vm.t.code;
    let v = vm.heap.alloc(
        ty,
        CodeData {
            call,
            code: code.clone(),
            consts: Vec::new(),
            names: Vec::new(),
            localsplusnames,
            name,
            qualname,
            doc,
            cell_args: Vec::new(),
            is_generator,
            needs_close: false,
            caches: Box::new([]),
            site_of: Box::new([]),
            adaptive: Box::new([]),
            jit: Default::default(),
            cpython_layout: Default::default(),
        },
    );
    if code.lazy.is_none() {
        fill_body(vm, v, code);
    }
    v
}

/// Decodes the body of code object `v` if it is not yet (`CodeObject::lazy`): what every frame
/// push and every look into a code object's body does first. A body that fails validation (a
/// cache file damaged behind its checksum's back) raises SystemError here, where CPython would
/// have rejected the whole file at import.
#[inline]
pub fn ensure_body(vm: &mut Vm, v: Value) -> PyResult<()> {
    match as_code(v) {
        Some(cd) if cd.code.lazy.is_some() => decode_body(vm, v),
        _ => Ok(()),
    }
}

#[cold]
#[inline(never)]
fn decode_body(vm: &mut Vm, v: Value) -> PyResult<()> {
    let header = as_code(v).unwrap().code.clone();
    match crate::bytecode::serialize::decode_body(&header) {
        Ok(full) => {
            fill_body(vm, v, Rc::new(full));
            Ok(())
        }
        Err(e) => Err(vm.err(
            "SystemError",
            format!(
                "code object '{}' in the cache file of {} is invalid: {e}",
                header.qualname, header.filename
            ),
        )),
    }
}

/// Code object `v` in CPython 3.11's layout (`bytecode::cpython_layout`), translated on first
/// use and kept with the code object; `Err` names what has no 3.11 encoding.
pub fn cpython_layout(vm: &mut Vm, v: Value) -> PyResult<crate::vm::object::CpythonLayoutResult> {
    ensure_body(vm, v)?;
    let c = as_code(v).unwrap();
    Ok(c.cpython_layout
        .get_or_init(|| {
            crate::bytecode::cpython_layout::translate(&c.code)
                .map(Rc::new)
                .map_err(Rc::from)
        })
        .clone())
}

/// `f_lasti` / `tb_lasti` of code object `v` at cpjit instruction `at`: the byte offset of the
/// instruction in CPython's layout (what `co_positions()` and `dis` count in), or `2 * at` for a
/// code object without one.
pub fn lasti(vm: &mut Vm, v: Value, at: u32) -> PyResult<i64> {
    let l = cpython_layout(vm, v)?;
    Ok(match &l {
        Ok(l) => l.lasti(at as usize).map_or(at as i64 * 2, |o| o as i64),
        Err(_) => at as i64 * 2,
    })
}

/// The cpjit instruction of code object `v` at CPython byte offset `lasti` (a traceback's
/// `tb_lasti` read back; the inverse of [`lasti`]).
pub fn unit_at_lasti(vm: &mut Vm, v: Value, lasti: i64) -> PyResult<u32> {
    let lasti = lasti.max(0);
    let l = cpython_layout(vm, v)?;
    Ok(match &l {
        Ok(l) => l
            .unit_at(lasti.min(u32::MAX as i64) as u32)
            .map_or(0, |u| u as u32),
        Err(_) => (lasti / 2) as u32,
    })
}

/// Sets the body's parts of code object `v` from `code`, a decoded code object with `v`'s header.
fn fill_body(vm: &mut Vm, v: Value, code: Rc<CodeObject>) {
    let consts: Vec<Value> = code.consts.iter().map(|c| const_value(vm, c)).collect();
    let names: Vec<Value> = code.names.iter().map(|n| vm.intern(n)).collect();
    let needs_close = needs_close(&code);
    let (site_of, caches) = crate::vm::runtime::inline_cache::site_tables(&code.code);
    let adaptive = quicken(&code.code, vm.mode);
    let exact_argc = (code.kwonlyargcount == 0
        && code.flags
            & (flags::CO_VARARGS
                | flags::CO_VARKEYWORDS
                | flags::CO_GENERATOR
                | flags::CO_COROUTINE
                | flags::CO_ASYNC_GENERATOR)
            == 0)
        .then_some(code.argcount);
    // (Allocation does not collect: the new values are safe unrooted until stored here.)
    let cd = as_code(v).unwrap();
    cd.doc = match consts.first() {
        Some(&c) if as_str(c).is_some() => c,
        _ => Value::NULL,
    };
    cd.call.exact_argc = exact_argc.unwrap_or(u32::MAX);
    cd.code = code;
    cd.consts = consts;
    cd.names = names;
    cd.needs_close = needs_close;
    cd.site_of = site_of;
    cd.caches = caches;
    cd.adaptive = adaptive;
}

/// Whether closing a suspended generator of `code` can run any of its code (see
/// `CodeData::needs_close`). A GeneratorExit thrown in at a yield no handler covers just ends the
/// frame, which nothing can observe; so the generator expressions `any()`/`next()` abandon
/// mid-way are never registered. The throw lands at the RESUME after the YIELD_VALUE; both are
/// checked.
fn needs_close(code: &CodeObject) -> bool {
    use crate::bytecode::opcode::Opcode;
    if code.flags & (flags::CO_GENERATOR | flags::CO_COROUTINE | flags::CO_ASYNC_GENERATOR) == 0 {
        return false;
    }
    let covered = |i: usize| {
        code.exception_table
            .iter()
            .any(|e| (e.start as usize) <= i && i < e.end as usize)
    };
    let mut i = 0;
    while i < code.code.len() {
        let Some(op) = Opcode::from_u8(code.code[i] as u8) else {
            break;
        };
        match op {
            Opcode::SEND => return true,
            Opcode::YIELD_VALUE if covered(i) || covered(i + 1) => return true,
            _ => {}
        }
        i += 1 + op.info().cache as usize;
    }
    false
}

/// The executable copy of `code` with every adaptive instruction's counter set for `mode`.
pub fn quicken(code: &[u32], mode: crate::vm::adaptive::Mode) -> Box<[std::cell::Cell<u32>]> {
    let out: Box<[std::cell::Cell<u32>]> = code.iter().map(|&w| std::cell::Cell::new(w)).collect();
    use crate::bytecode::opcode::Opcode;
    let start = crate::vm::adaptive::initial_counter(mode);
    let mut i = 0;
    while i < code.len() {
        let Some(op) = Opcode::from_u8(code[i] as u8) else {
            break;
        };
        let cache = op.info().cache as usize;
        if cache > 0 && i + 1 < code.len() {
            out[i + 1].set(start);
        }
        // Superinstructions (CPython 3.11's): the pair's first opcode becomes the fused one, the
        // second instruction stays (a jump may land on it) and is skipped by the fused one.
        if mode != crate::vm::adaptive::Mode::Off && cache == 0 && i + 1 < code.len() {
            let next = Opcode::from_u8(code[i + 1] as u8);
            let fused = match (op, next) {
                (Opcode::LOAD_FAST, Some(Opcode::LOAD_FAST)) => Some(Opcode::LOAD_FAST__LOAD_FAST),
                (Opcode::LOAD_FAST, Some(Opcode::LOAD_CONST)) => {
                    Some(Opcode::LOAD_FAST__LOAD_CONST)
                }
                (Opcode::LOAD_CONST, Some(Opcode::LOAD_FAST)) => {
                    Some(Opcode::LOAD_CONST__LOAD_FAST)
                }
                (Opcode::STORE_FAST, Some(Opcode::LOAD_FAST)) => {
                    Some(Opcode::STORE_FAST__LOAD_FAST)
                }
                (Opcode::STORE_FAST, Some(Opcode::STORE_FAST)) => {
                    Some(Opcode::STORE_FAST__STORE_FAST)
                }
                _ => None,
            };
            if let Some(f) = fused {
                out[i].set((code[i] & !0xFF) | f as u32);
                i += 2;
                continue;
            }
        }
        i += 1 + cache;
    }
    out
}
