//! Locals bound on every path: which LOAD_FASTs read a local that every path from the code's
//! start has bound, so that their stencil needs no unbound check (`LOAD_FAST` "bound" variants).
//! A forward must-analysis over the instructions, the one CPython 3.12's compiler runs to choose
//! LOAD_FAST over LOAD_FAST_CHECK; 3.11's bytecode (which cpjit compiles) makes no such choice.
//!
//! Locals 0..64 are tracked (a bit each). Parameters are bound at the start; STORE_FAST binds,
//! DELETE_FAST unbinds; states meet (AND) where paths join. An exception handler can be entered
//! from any instruction of its range, so its state is only what holds everywhere: the parameters
//! no DELETE_FAST ever unbinds. Instructions no path reaches keep their checks.

use crate::bytecode::opcode::{Opcode, OperandKind};

/// For each code unit index of `code` (quickened instructions in their step forms): true for a
/// LOAD_FAST whose local is bound on every path. `nparams`: the parameters (positional,
/// keyword-only, `*args`, `**kwargs`), the first locals; `handlers`: the exception handlers'
/// first instructions.
pub fn proven_bound_loads(code: &[u32], nparams: usize, handlers: &[u32]) -> Vec<bool> {
    let params: u64 = if nparams >= 64 {
        u64::MAX
    } else {
        (1u64 << nparams) - 1
    };
    // Instruction starts, and the locals any DELETE_FAST unbinds.
    let mut starts = Vec::new();
    let mut deleted = 0u64;
    let mut i = 0;
    while i < code.len() {
        let Some(op) = Opcode::from_u8(code[i] as u8) else {
            return vec![false; code.len()];
        };
        if op == Opcode::DELETE_FAST {
            deleted |= bit(code[i] >> 8);
        }
        starts.push(i);
        i += 1 + op.cache_units();
    }
    let everywhere = params & !deleted;
    // `None`: no path reaches it (yet).
    let mut state: Vec<Option<u64>> = vec![None; code.len() + 1];
    let meet = |s: &mut Option<u64>, v: u64| -> bool {
        let new = s.map_or(v, |old| old & v);
        let changed = *s != Some(new);
        *s = Some(new);
        changed
    };
    meet(&mut state[0], params);
    for &h in handlers {
        if let Some(s) = state.get_mut(h as usize) {
            meet(s, everywhere);
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for &i in &starts {
            let Some(mut s) = state[i] else { continue };
            let op = Opcode::from_u8(code[i] as u8).unwrap_or(Opcode::NOP);
            let oparg = code[i] >> 8;
            match op {
                Opcode::STORE_FAST => s |= bit(oparg),
                Opcode::DELETE_FAST => s &= !bit(oparg),
                _ => {}
            }
            let next = i + 1 + op.cache_units();
            let jumps = op.info().operand == OperandKind::Jump;
            let falls = !matches!(
                op,
                Opcode::JUMP_FORWARD
                    | Opcode::JUMP_BACKWARD
                    | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                    | Opcode::RETURN_VALUE
                    | Opcode::RAISE_VARARGS
                    | Opcode::RERAISE
            );
            if jumps {
                if let Some(t) = state.get_mut(oparg as usize) {
                    changed |= meet(t, s);
                }
            }
            if falls && next <= code.len() {
                changed |= meet(&mut state[next], s);
            }
        }
    }
    let mut out = vec![false; code.len()];
    for &i in &starts {
        if code[i] as u8 == Opcode::LOAD_FAST as u8 {
            out[i] = state[i].is_some_and(|s| s & bit(code[i] >> 8) != 0);
        }
    }
    out
}

/// The bit of local `i` (none beyond 64).
fn bit(i: u32) -> u64 {
    if i < 64 {
        1 << i
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(op: Opcode, arg: u32) -> Vec<u32> {
        let mut v = vec![op as u32 | (arg << 8)];
        v.extend(std::iter::repeat_n(0, op.cache_units()));
        v
    }

    #[test]
    fn parameters_stores_deletes_and_joins() {
        // 0 LOAD_FAST 0 (param); LOAD_FAST 1 (unbound); POP_JUMP_IF_FALSE -> L;
        // STORE_FAST 1; L: LOAD_FAST 1 (bound on one path only); STORE_FAST 2; LOAD_FAST 2;
        // DELETE_FAST 0; LOAD_FAST 0; RETURN_VALUE
        let mut code = Vec::new();
        code.extend(unit(Opcode::LOAD_FAST, 0));
        code.extend(unit(Opcode::LOAD_FAST, 1));
        let pj = code.len();
        code.extend(unit(Opcode::POP_JUMP_IF_FALSE, 0));
        code.extend(unit(Opcode::STORE_FAST, 1));
        let l = code.len() as u32;
        code[pj] = Opcode::POP_JUMP_IF_FALSE as u32 | (l << 8);
        code.extend(unit(Opcode::LOAD_FAST, 1));
        code.extend(unit(Opcode::STORE_FAST, 2));
        let load2 = code.len();
        code.extend(unit(Opcode::LOAD_FAST, 2));
        code.extend(unit(Opcode::DELETE_FAST, 0));
        let load0 = code.len();
        code.extend(unit(Opcode::LOAD_FAST, 0));
        code.extend(unit(Opcode::RETURN_VALUE, 0));
        let b = proven_bound_loads(&code, 1, &[]);
        assert!(b[0]);
        assert!(!b[1]);
        assert!(!b[l as usize]);
        assert!(b[load2]);
        assert!(!b[load0]);
        // From a handler only never-deleted parameters are known: here none.
        let h = proven_bound_loads(&code, 1, &[load2 as u32]);
        assert!(!h[load2]);
    }
}
