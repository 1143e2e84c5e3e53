//! Operand types proven within a region: which operands of the type-guarded stencils (small-int
//! and float arithmetic and comparisons) an earlier instruction of the same region already
//! established, so that the stitcher picks the stencil variant without that operand's guard
//! (the "guards already proven earlier in the region removed").
//!
//! A forward must-analysis over the instructions as the stitcher compiles them. A value is a small
//! int or a float when a stencil made it (small-int arithmetic deopts unless its result fits, float
//! arithmetic always makes a float), when it is a constant of that type, or when a guard of a
//! stencil checked it; a guard checking a value just loaded from a local proves the local too,
//! until a STORE_FAST replaces it.
//!
//! Facts hold only along paths through compiled code. The interpreter enters a region only at its
//! start, where a call, return or yield resumes (after a CALL, RESUME, YIELD_VALUE, ...), and at
//! loop headers (after a backward jump it ran); between those points only compiled code runs,
//! since an exit leaves for the interpreter, which re-enters only there. So the start and the
//! resume points start with nothing known; a loop header keeps what every compiled path into it
//! establishes about the locals, and the stitcher puts a check of those locals (`_GUARD_LOCAL`
//! pieces) in front of the header for entries from the interpreter, deopting at the header when one
//! fails (a header whose check keeps failing is demoted and then starts with nothing known). An
//! instruction not simulated here (or a typed one compiled as a call of its runtime function)
//! leaves nothing known of the stack; of the locals only DELETE_FAST and MAKE_CELL change one.

use crate::bytecode::opcode::{Opcode, OperandKind};

/// What is known of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Unknown,
    Int,
    Float,
}

/// A stack slot: its kind, and the local it was loaded from (while that local still holds it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    kind: Kind,
    local: Option<u32>,
}

const UNKNOWN: Slot = Slot {
    kind: Kind::Unknown,
    local: None,
};

/// The state before an instruction: the locals' kinds (missing ones unknown) and the top of the
/// stack (slots below the ones listed are unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct State {
    locals: Vec<Kind>,
    stack: Vec<Slot>,
}

impl State {
    fn local(&self, l: u32) -> Kind {
        self.locals
            .get(l as usize)
            .copied()
            .unwrap_or(Kind::Unknown)
    }

    fn set_local(&mut self, l: u32, k: Kind) {
        let l = l as usize;
        if l >= self.locals.len() {
            if k == Kind::Unknown {
                return;
            }
            self.locals.resize(l + 1, Kind::Unknown);
        }
        self.locals[l] = k;
    }

    /// Makes the top `n` slots explicit.
    fn ensure(&mut self, n: usize) {
        if self.stack.len() < n {
            let missing = n - self.stack.len();
            self.stack
                .splice(0..0, std::iter::repeat_n(UNKNOWN, missing));
        }
    }

    fn pop(&mut self) -> Slot {
        self.stack.pop().unwrap_or(UNKNOWN)
    }

    /// A guard established that `s` (just popped) is of kind `k`: so is its local, and every slot
    /// still holding that local's value.
    fn prove(&mut self, s: Slot, k: Kind) {
        if let Some(l) = s.local {
            self.set_local(l, k);
            for e in &mut self.stack {
                if e.local == Some(l) {
                    e.kind = k;
                }
            }
        }
    }

    /// Meets `other` into `self` (what holds on both paths); true when `self` changed.
    fn meet(&mut self, other: &State) -> bool {
        let before = self.clone();
        let n = self.locals.len().max(other.locals.len());
        self.locals = (0..n as u32)
            .map(|l| {
                let (a, b) = (self.local(l), other.local(l));
                if a == b {
                    a
                } else {
                    Kind::Unknown
                }
            })
            .collect();
        while self.locals.last() == Some(&Kind::Unknown) {
            self.locals.pop();
        }
        let depth = self.stack.len().min(other.stack.len());
        let (a, b) = (
            &self.stack[self.stack.len() - depth..],
            &other.stack[other.stack.len() - depth..],
        );
        let stack: Vec<Slot> = a
            .iter()
            .zip(b)
            .map(|(x, y)| Slot {
                kind: if x.kind == y.kind {
                    x.kind
                } else {
                    Kind::Unknown
                },
                local: if x.local == y.local { x.local } else { None },
            })
            .skip_while(|s| *s == UNKNOWN)
            .collect();
        self.stack = stack;
        *self != before
    }
}

/// How the stitcher compiles the instructions this analysis needs to know about.
pub struct Compiled<'a> {
    /// The instruction at this index runs as its own stencil, with its guards (false for one
    /// compiled as a call of its runtime function).
    pub guarded: &'a dyn Fn(usize) -> bool,
    /// A compare compiled fused with the POP_JUMP_IF after it: (the POP_JUMP_IF's index, its
    /// target).
    pub fused: &'a dyn Fn(usize) -> Option<(usize, usize)>,
    /// The kind of constant `oparg`.
    pub constant: &'a dyn Fn(u32) -> Kind,
}

/// Bit 0: the left operand is proven, bit 1: the right one.
pub const LEFT: u8 = 1;
pub const RIGHT: u8 = 2;

/// What the analysis found.
#[derive(Debug, Default)]
pub struct Proven {
    /// For each code unit index: which operands of the type-guarded instruction there are proven
    /// (`LEFT | RIGHT`; 0 for every other one).
    pub operands: Vec<u8>,
    /// The loop headers whose compiled code assumes locals of known kinds, with those locals: an
    /// entry from the interpreter there must check them first (`_GUARD_LOCAL`).
    pub headers: Vec<(usize, Vec<(u32, Kind)>)>,
}

/// After these the interpreter may enter compiled code at the next instruction (a call that
/// pushed a frame returns there, a generator resumes there), with anything in the locals.
fn enters_after(op: Opcode) -> bool {
    op.name().starts_with("CALL")
        || matches!(
            op,
            Opcode::RESUME
                | Opcode::YIELD_VALUE
                | Opcode::RETURN_GENERATOR
                | Opcode::SEND
                | Opcode::RETURN_VALUE
        )
}

/// Analyses `code` (the step forms the stitcher compiles).
pub fn proven_operands(code: &[u32], how: &Compiled) -> Proven {
    let mut proofs = vec![0u8; code.len()];
    let mut starts = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let Some(op) = Opcode::from_u8(code[i] as u8) else {
            return Proven {
                operands: proofs,
                headers: Vec::new(),
            };
        };
        starts.push(i);
        i += 1 + op.cache_units();
    }
    // Nothing to prove without a type-guarded instruction (most regions of attribute- and
    // call-heavy code): skip the analysis.
    let typed = starts.iter().any(|&i| {
        Opcode::from_u8(code[i] as u8).is_some_and(|op| {
            matches!(
                op,
                Opcode::BINARY_OP_SMALL_INT
                    | Opcode::COMPARE_OP_INT_JUMP
                    | Opcode::COMPARE_OP_FLOAT_JUMP
            ) || guard_kind(op).is_some()
        })
    });
    if !typed {
        return Proven {
            operands: proofs,
            headers: Vec::new(),
        };
    }
    // Entry points: `hard` ones start with nothing known; loop headers (the interpreter enters
    // them after a backward jump) keep what holds on every compiled path into them, for the
    // locals only, which their entry check verifies. A header compiled as a step (its check kept
    // failing: the driver demoted it) is a hard entry.
    let mut hard = vec![false; code.len() + 1];
    let mut header = vec![false; code.len() + 1];
    hard[0] = true;
    for &i in &starts {
        let op = Opcode::from_u8(code[i] as u8).unwrap_or(Opcode::NOP);
        let target = (code[i] >> 8) as usize;
        if op.info().operand == OperandKind::Jump && target <= i {
            if (how.guarded)(target) {
                header[target] = true;
            } else {
                hard[target] = true;
            }
        }
        if enters_after(op) {
            hard[i + 1 + op.cache_units()] = true;
        }
    }
    // `None`: no path reaches it (yet).
    let mut state: Vec<Option<State>> = vec![None; code.len() + 1];
    for (s, &e) in state.iter_mut().zip(&hard) {
        if e {
            *s = Some(State::default());
        }
    }
    let flow =
        |state: &mut Vec<Option<State>>, dirty: &mut Vec<bool>, to: usize, s: &State| -> bool {
            if hard.get(to) != Some(&false) {
                return false;
            }
            if state[to].as_ref() == Some(s) && !header[to] {
                return false;
            }
            let cleared;
            let s = if header[to] {
                cleared = State {
                    locals: s.locals.clone(),
                    stack: Vec::new(),
                };
                &cleared
            } else {
                s
            };
            let changed = match &mut state[to] {
                Some(t) => t.meet(s),
                t @ None => {
                    *t = Some(s.clone());
                    true
                }
            };
            dirty[to] |= changed;
            changed
        };
    // Blocks: states are kept (and met) only where control flow joins or enters; within a block
    // one state is updated in place (a clone per instruction made big functions' compiles slow).
    let mut block_start = vec![false; code.len() + 1];
    for (b, (&h, &e)) in block_start.iter_mut().zip(hard.iter().zip(&header)) {
        *b = h || e;
    }
    block_start[code.len()] = true;
    for &i in &starts {
        let op = Opcode::from_u8(code[i] as u8).unwrap_or(Opcode::NOP);
        let next = i + 1 + op.cache_units();
        if op.info().operand == OperandKind::Jump {
            block_start[(code[i] >> 8) as usize % (code.len() + 1)] = true;
            block_start[next] = true;
        }
        if let Some((jump, target)) = (how.fused)(i) {
            block_start[jump + 1 + Opcode::POP_JUMP_IF_FALSE.cache_units()] = true;
            block_start[target.min(code.len())] = true;
        }
    }
    // A block is (re)analysed when its entry state changed: `dirty`, scanned in code order
    // until nothing changes.
    let mut dirty: Vec<bool> = state.iter().map(|s| s.is_some()).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for &b in &starts {
            if !block_start[b] || !std::mem::take(&mut dirty[b]) {
                continue;
            }
            let Some(mut s) = state[b].clone() else {
                continue;
            };
            let mut i = b;
            loop {
                let op = Opcode::from_u8(code[i] as u8).unwrap_or(Opcode::NOP);
                let oparg = code[i] >> 8;
                let next = i + 1 + op.cache_units();
                if let Some((jump, target)) = (how.fused)(i) {
                    let kind = match op {
                        Opcode::COMPARE_OP_FLOAT_JUMP => Kind::Float,
                        _ => Kind::Int,
                    };
                    proofs[i] = guarded_pair(&mut s, kind);
                    let after = jump + 1 + Opcode::POP_JUMP_IF_FALSE.cache_units();
                    changed |= flow(&mut state, &mut dirty, after, &s);
                    changed |= flow(&mut state, &mut dirty, target, &s);
                    break;
                }
                let op = crate::vm::eval::step_form(op);
                let typed = guard_kind(op);
                let simulated = match (op, typed) {
                    (_, Some(kind)) if (how.guarded)(i) => {
                        proofs[i] = guarded_pair(&mut s, kind);
                        let result = match op {
                            Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT => Kind::Unknown,
                            _ => kind,
                        };
                        s.stack.push(Slot {
                            kind: result,
                            local: None,
                        });
                        true
                    }
                    (Opcode::BINARY_OP | Opcode::BINARY_OP_SMALL_INT, _) if (how.guarded)(i) => {
                        // Two small ints take the inline path, anything else the slow path (the
                        // runtime function, continuing here): no operand is proven afterwards, and
                        // the result is a small int only for proven operands and an operator whose
                        // slow path cannot make anything else (% & | ^ >>: a zero divisor or a
                        // negative shift raises; `//` can make a big int).
                        let right = s.pop();
                        let left = s.pop();
                        let ints = |x: Slot| x.kind == Kind::Int;
                        proofs[i] = ints(left) as u8 * LEFT + ints(right) as u8 * RIGHT;
                        let small = matches!(oparg % 13, 1 | 6 | 7 | 9 | 12);
                        s.stack.push(Slot {
                            kind: if small && ints(left) && ints(right) {
                                Kind::Int
                            } else {
                                Kind::Unknown
                            },
                            local: None,
                        });
                        true
                    }
                    (Opcode::FOR_ITER_RANGE, _) if (how.guarded)(i) => {
                        // Exhausted: the iterator is popped and the loop left.
                        let mut done = s.clone();
                        done.stack.clear();
                        changed |= flow(&mut state, &mut dirty, oparg as usize, &done);
                        s.stack.push(Slot {
                            kind: Kind::Int,
                            local: None,
                        });
                        true
                    }
                    (Opcode::LOAD_FAST, _) => {
                        s.stack.push(Slot {
                            kind: s.local(oparg),
                            local: Some(oparg),
                        });
                        true
                    }
                    (Opcode::LOAD_CONST, _) => {
                        s.stack.push(Slot {
                            kind: (how.constant)(oparg),
                            local: None,
                        });
                        true
                    }
                    (Opcode::STORE_FAST, _) => {
                        let v = s.pop();
                        for e in &mut s.stack {
                            if e.local == Some(oparg) {
                                e.local = None;
                            }
                        }
                        s.set_local(oparg, v.kind);
                        true
                    }
                    (Opcode::POP_TOP, _) => {
                        s.pop();
                        true
                    }
                    (Opcode::COPY, _) if oparg >= 1 => {
                        s.ensure(oparg as usize);
                        let v = s.stack[s.stack.len() - oparg as usize];
                        s.stack.push(v);
                        true
                    }
                    (Opcode::SWAP, _) if oparg >= 1 => {
                        s.ensure(oparg as usize);
                        let n = s.stack.len();
                        s.stack.swap(n - 1, n - oparg as usize);
                        true
                    }
                    (Opcode::NOP, _) => true,
                    (Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE, _) => {
                        s.pop();
                        changed |= flow(&mut state, &mut dirty, oparg as usize, &s);
                        true
                    }
                    (Opcode::JUMP_FORWARD, _) => {
                        changed |= flow(&mut state, &mut dirty, oparg as usize, &s);
                        break;
                    }
                    _ => false,
                };
                if !simulated {
                    // Not simulated: nothing is known of the stack after it. Only these instructions
                    // write fast locals besides STORE_FAST (a cell replaces the local's value).
                    s.stack.clear();
                    if matches!(op, Opcode::DELETE_FAST | Opcode::MAKE_CELL) {
                        s.set_local(oparg, Kind::Unknown);
                    }
                    if op.info().operand == OperandKind::Jump {
                        changed |= flow(&mut state, &mut dirty, oparg as usize, &s);
                    }
                }
                let falls = !matches!(
                    op,
                    Opcode::JUMP_BACKWARD
                        | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                        | Opcode::RETURN_VALUE
                        | Opcode::RAISE_VARARGS
                        | Opcode::RERAISE
                );
                if !falls {
                    break;
                }
                if block_start[next] {
                    changed |= flow(&mut state, &mut dirty, next, &s);
                    break;
                }
                i = next;
            }
        }
    }
    let headers = (0..code.len())
        .filter(|&h| header[h] && !hard[h])
        .filter_map(|h| {
            let s = state[h].as_ref()?;
            let known: Vec<(u32, Kind)> = (0..s.locals.len() as u32)
                .filter(|&l| s.local(l) != Kind::Unknown)
                .map(|l| (l, s.local(l)))
                .collect();
            (!known.is_empty()).then_some((h, known))
        })
        .collect();
    Proven {
        operands: proofs,
        headers,
    }
}

/// The kind a type-guarded instruction (in its step form) checks both its operands for.
fn guard_kind(op: Opcode) -> Option<Kind> {
    match op {
        Opcode::BINARY_OP_ADD_INT
        | Opcode::BINARY_OP_SUBTRACT_INT
        | Opcode::BINARY_OP_MULTIPLY_INT
        | Opcode::COMPARE_OP_INT => Some(Kind::Int),
        Opcode::BINARY_OP_ADD_FLOAT
        | Opcode::BINARY_OP_SUBTRACT_FLOAT
        | Opcode::BINARY_OP_MULTIPLY_FLOAT
        | Opcode::COMPARE_OP_FLOAT => Some(Kind::Float),
        _ => None,
    }
}

/// Pops the two operands of a guarded binary instruction whose guards check for `kind`: which of
/// them were already proven (`LEFT | RIGHT`), and proves both. The right operand counts as proven
/// when it is the same local's value as the left one (the left guard checks that very word).
fn guarded_pair(s: &mut State, kind: Kind) -> u8 {
    let right = s.pop();
    let left = s.pop();
    let same = left.local.is_some() && left.local == right.local;
    let proof = (left.kind == kind) as u8 * LEFT + (right.kind == kind || same) as u8 * RIGHT;
    s.prove(left, kind);
    s.prove(right, kind);
    proof
}

#[cfg(test)]
mod tests {
    use super::*;
    use Opcode::*;

    /// The code units of `ops` (with their caches) and each one's index.
    fn build(ops: &[(Opcode, u32)]) -> (Vec<u32>, Vec<usize>) {
        let (mut code, mut at) = (Vec::new(), Vec::new());
        for &(op, arg) in ops {
            at.push(code.len());
            code.push(op as u32 | (arg << 8));
            code.extend(std::iter::repeat_n(0, op.cache_units()));
        }
        (code, at)
    }

    fn analyse(code: &[u32], demoted: &[usize]) -> Vec<u8> {
        analyse_all(code, demoted).operands
    }

    fn analyse_all(code: &[u32], demoted: &[usize]) -> Proven {
        let how = Compiled {
            guarded: &|i| !demoted.contains(&i),
            fused: &|_| None,
            constant: &|c| if c == 0 { Kind::Int } else { Kind::Float },
        };
        proven_operands(code, &how)
    }

    #[test]
    fn guards_prove_locals_until_stored_and_entry_points_forget() {
        // i * 1 (i unknown, const int) ; i + i (both proven by the first guard) ; store the sum
        // into i ; loop header: i + 0 (i unknown again) ; x * x (same local: one guard) ; a
        // call: what follows it is an entry point ; JUMP_BACKWARD to the header (instruction 8).
        let (c, at) = build(&[
            (LOAD_FAST, 0),
            (LOAD_CONST, 0),
            (BINARY_OP_MULTIPLY_INT, 5),
            (POP_TOP, 0),
            (LOAD_FAST, 0),
            (LOAD_FAST, 0),
            (BINARY_OP_ADD_INT, 0),
            (STORE_FAST, 0),
            (LOAD_FAST, 0),
            (LOAD_CONST, 0),
            (BINARY_OP_ADD_INT, 0),
            (STORE_FAST, 0),
            (LOAD_FAST, 1),
            (LOAD_FAST, 1),
            (BINARY_OP_MULTIPLY_FLOAT, 5),
            (POP_TOP, 0),
            (CALL, 0),
            (LOAD_FAST, 0),
            (LOAD_CONST, 1),
            (BINARY_OP_ADD_FLOAT, 0),
            (POP_TOP, 0),
            (JUMP_BACKWARD, 0),
        ]);
        let mut c = c;
        let back = at[21];
        c[back] = JUMP_BACKWARD as u32 | ((at[8] as u32) << 8);
        let p = analyse(&c, &[]);
        assert_eq!(p[at[2]], RIGHT);
        assert_eq!(p[at[6]], LEFT | RIGHT);
        assert_eq!(p[at[10]], RIGHT);
        assert_eq!(p[at[14]], RIGHT);
        assert_eq!(p[at[19]], RIGHT);
        // A demoted multiply proves nothing, and what follows it is an entry point (i + i still
        // needs one guard only).
        let p = analyse(&c, &[at[2]]);
        assert_eq!(p[at[2]], 0);
        assert_eq!(p[at[6]], RIGHT);
    }

    #[test]
    fn loop_headers_keep_what_every_compiled_path_establishes() {
        // x = 0 ; L: x = x + 0 ; JUMP_BACKWARD L: x is an int on both paths into L, so L's code
        // assumes it (and the interpreter's entries check it); demoted, L knows nothing.
        let (mut c, at) = build(&[
            (LOAD_CONST, 0),
            (STORE_FAST, 0),
            (LOAD_FAST, 0),
            (LOAD_CONST, 0),
            (BINARY_OP_ADD_INT, 0),
            (STORE_FAST, 0),
            (JUMP_BACKWARD, 0),
        ]);
        c[at[6]] = JUMP_BACKWARD as u32 | ((at[2] as u32) << 8);
        let p = analyse_all(&c, &[]);
        assert_eq!(p.operands[at[4]], LEFT | RIGHT);
        assert_eq!(p.headers, vec![(at[2], vec![(0, Kind::Int)])]);
        let p = analyse_all(&c, &[at[2]]);
        assert_eq!(p.operands[at[4]], RIGHT);
        assert!(p.headers.is_empty());
    }

    #[test]
    fn paths_meet() {
        // x = 0 (int) ; if cond: x = 1.0 (float) ; x + 0: x unknown where the paths join ;
        // (x + 0) + 0: the first sum is an int.
        let (mut c, at) = build(&[
            (LOAD_CONST, 0),
            (STORE_FAST, 0),
            (LOAD_FAST, 1),
            (POP_JUMP_IF_FALSE, 0),
            (LOAD_CONST, 1),
            (STORE_FAST, 0),
            (LOAD_FAST, 0),
            (LOAD_CONST, 0),
            (BINARY_OP_ADD_INT, 0),
            (LOAD_CONST, 0),
            (BINARY_OP_ADD_INT, 0),
            (RETURN_VALUE, 0),
        ]);
        c[at[3]] = POP_JUMP_IF_FALSE as u32 | ((at[6] as u32) << 8);
        let p = analyse(&c, &[]);
        assert_eq!(p[at[8]], RIGHT);
        assert_eq!(p[at[10]], LEFT | RIGHT);
    }
}
