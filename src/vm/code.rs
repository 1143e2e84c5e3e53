//! Loading compiled code into the VM: constants become Values, names are interned.

use std::rc::Rc;

use crate::bytecode::code::{flags, CodeObject, ConstValue};
use crate::vm::interp::Vm;
use crate::vm::object::CodeData;
use crate::vm::value::Value;

pub fn const_value(vm: &mut Vm, c: &ConstValue) -> Value {
    match c {
        ConstValue::None => vm.none,
        ConstValue::Bool(b) => vm.bool_val(*b),
        ConstValue::Ellipsis => vm.ellipsis,
        ConstValue::Int(i) => vm.new_bigint(i.clone()),
        ConstValue::Float(f) => Value::from_f64(*f),
        ConstValue::Complex { .. } => {
            // Unreachable for programs run through exec_source, which refuses complex constants
            // first (unsupported_constant); anything else gets an object no operation accepts.
            vm.none
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
    let caches = (0..code.code.len() * crate::vm::runtime::inline_cache::WORDS)
        .map(|_| std::cell::Cell::new(0))
        .collect();
    let ty = vm.t.code;
    vm.heap.alloc(
        ty,
        CodeData {
            code,
            consts,
            names,
            localsplusnames,
            name,
            qualname,
            cell_args: Vec::new(),
            is_generator,
            caches,
        },
    )
}

/// The VM has no complex type yet. Rather than run a program whose complex constants would have to
/// stand for something else, refuse it before it starts, naming the feature and the literal's place.
pub fn unsupported_constant(
    code: &CodeObject,
    filename: &str,
    source: &[u8],
) -> Option<crate::syntax::error::SyntaxError> {
    fn has_complex(c: &ConstValue) -> bool {
        match c {
            ConstValue::Complex { .. } => true,
            ConstValue::Tuple(v) | ConstValue::FrozenSet(v) => v.iter().any(has_complex),
            _ => false,
        }
    }
    for (idx, c) in code.consts.iter().enumerate() {
        if let ConstValue::Code(inner) = c {
            if let Some(e) = unsupported_constant(inner, filename, source) {
                return Some(e);
            }
        } else if has_complex(c) {
            let pos = code
                .code
                .iter()
                .enumerate()
                .find(|(_, &unit)| {
                    let (op, arg) = CodeObject::decode(unit);
                    op.is_some_and(|op| {
                        op.info().operand == crate::bytecode::opcode::OperandKind::Const
                    }) && arg as usize == idx
                })
                .and_then(|(i, _)| code.positions.get(i).copied())
                .unwrap_or_default();
            let lineno = if pos.lineno > 0 {
                pos.lineno
            } else {
                code.firstlineno
            };
            let text = crate::syntax::error::source_line(source, lineno);
            let col = |byte_col: u32| -> u32 {
                text.as_deref()
                    .and_then(|t| t.get(..byte_col as usize))
                    .map_or(byte_col, |p| p.chars().count() as u32)
                    + 1
            };
            return Some(crate::syntax::error::SyntaxError {
                kind: crate::syntax::error::SyntaxErrorKind::SyntaxError,
                msg: "unsupported: complex numbers are not implemented in cpjit yet".into(),
                filename: filename.to_string(),
                lineno,
                offset: col(pos.col_offset),
                end_lineno: if pos.end_lineno > 0 {
                    pos.end_lineno
                } else {
                    lineno
                },
                end_offset: col(pos.end_col_offset),
                text,
            });
        }
    }
    None
}
