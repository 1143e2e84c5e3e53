//! Loading compiled code into the VM: constants become Values, names are interned.

use std::rc::Rc;

use num_traits::ToPrimitive;

use crate::bytecode::code::{flags, CodeObject, ConstValue};
use crate::vm::interp::Vm;
use crate::vm::object::CodeData;
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

/// Materializes a code object (recursively for nested code constants).
pub fn load_code(vm: &mut Vm, code: Rc<CodeObject>) -> Value {
    let consts: Vec<Value> = code.consts.iter().map(|c| const_value(vm, c)).collect();
    let names: Vec<Value> = code.names.iter().map(|n| vm.intern(n)).collect();
    let localsplusnames: Vec<Value> = code.localsplusnames.iter().map(|n| vm.intern(n)).collect();
    let name = vm.intern(&code.name);
    let qualname = vm.new_str(&code.qualname);
    let is_generator = code.flags & flags::CO_GENERATOR != 0;
    let needs_close = needs_close(&code);
    let (site_of, caches) = crate::vm::runtime::inline_cache::site_tables(&code.code);
    let adaptive = quicken(&code.code, vm.mode);
    let ty = vm.t.code;
    let exact_argc = (code.kwonlyargcount == 0
        && code.flags
            & (flags::CO_VARARGS
                | flags::CO_VARKEYWORDS
                | flags::CO_GENERATOR
                | flags::CO_COROUTINE
                | flags::CO_ASYNC_GENERATOR)
            == 0)
        .then_some(code.argcount as u32);
    let nlp = code.nlocalsplus();
    let call = crate::vm::jit_hook::JitCallInfo::new(
        exact_argc,
        nlp as u32,
        crate::vm::eval::frame_words(nlp, code.stacksize as usize) as u32,
    );
    vm.heap.alloc(
        ty,
        CodeData {
            call,
            code,
            consts,
            names,
            localsplusnames,
            name,
            qualname,
            cell_args: Vec::new(),
            is_generator,
            needs_close,
            caches,
            site_of,
            adaptive,
            jit: Default::default(),
        },
    )
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
