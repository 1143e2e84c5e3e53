// THE opcode table: the single source of truth for every instruction (DEVELOPERS rule 6).
//
// This file is `include!`d both by the crate (src/bytecode/opcode.rs) and by build.rs (which drives the
// stencil list from it), so it holds only this macro: no `use`, no crate paths.
//
// `for_each_opcode!(callback)` calls `callback! { ... }` with one entry per instruction:
//
//   NAME = number, stack: |oparg, jump| (pops, pushes), operand: OperandKind, cache: inline cache
//   entries (code units after the instruction), deopt: the generic instruction a specialized one falls
//   back to (itself for generic ones), stencil: Own (a dedicated stencil) | Generic (compiled as a call to
//   its runtime function) | No (never compiled), doc: one line;
//
// `jump` is true for the stack effect along the branch-taken edge of a jump instruction. Numbers are
// cpjit's own (not CPython's); names and meanings follow CPython 3.11/3.12.

#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $m! {
            NOP = 0, stack: |_a, _j| (0, 0), operand: None, cache: 0, deopt: NOP, stencil: Generic,
                doc: "Do nothing.";
            POP_TOP = 1, stack: |_a, _j| (1, 0), operand: None, cache: 0, deopt: POP_TOP, stencil: Generic,
                doc: "Discard the top of the stack.";
            LOAD_CONST = 2, stack: |_a, _j| (0, 1), operand: Const, cache: 0, deopt: LOAD_CONST, stencil: Own,
                doc: "Push co_consts[oparg].";
            LOAD_FAST = 3, stack: |_a, _j| (0, 1), operand: Local, cache: 0, deopt: LOAD_FAST, stencil: Own,
                doc: "Push local oparg; UnboundLocalError if it is unbound.";
            STORE_FAST = 4, stack: |_a, _j| (1, 0), operand: Local, cache: 0, deopt: STORE_FAST, stencil: Own,
                doc: "Pop into local oparg.";
            BINARY_OP = 5, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1, deopt: BINARY_OP, stencil: Generic,
                doc: "TOS = TOS1 <op> TOS, op = oparg (an NB_* code); adaptive.";
            BINARY_OP_ADD_INT = 6, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1, deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP specialized for two small ints, +.";
            BINARY_OP_SUBTRACT_INT = 7, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1, deopt: BINARY_OP,
                stencil: Own, doc: "BINARY_OP specialized for two small ints, -.";
            BINARY_OP_MULTIPLY_INT = 8, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1, deopt: BINARY_OP,
                stencil: Own, doc: "BINARY_OP specialized for two small ints, *.";
            BINARY_OP_ADD_FLOAT = 9, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1, deopt: BINARY_OP,
                stencil: Own, doc: "BINARY_OP specialized for two floats, +.";
            BINARY_OP_SUBTRACT_FLOAT = 10, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1, deopt: BINARY_OP,
                stencil: Own, doc: "BINARY_OP specialized for two floats, -.";
            BINARY_OP_MULTIPLY_FLOAT = 11, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1, deopt: BINARY_OP,
                stencil: Own, doc: "BINARY_OP specialized for two floats, *.";
            COMPARE_OP = 12, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1, deopt: COMPARE_OP, stencil: Generic,
                doc: "TOS = TOS1 <cmp> TOS, cmp = oparg; adaptive.";
            COMPARE_OP_INT = 13, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1, deopt: COMPARE_OP, stencil: Own,
                doc: "COMPARE_OP specialized for two small ints.";
            COMPARE_OP_FLOAT = 14, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1, deopt: COMPARE_OP,
                stencil: Own, doc: "COMPARE_OP specialized for two floats.";
            POP_JUMP_IF_FALSE = 15, stack: |_a, _j| (1, 0), operand: Jump, cache: 0, deopt: POP_JUMP_IF_FALSE,
                stencil: Own, doc: "Pop TOS; jump to oparg if it is false.";
            POP_JUMP_IF_TRUE = 16, stack: |_a, _j| (1, 0), operand: Jump, cache: 0, deopt: POP_JUMP_IF_TRUE,
                stencil: Own, doc: "Pop TOS; jump to oparg if it is true.";
            JUMP_FORWARD = 17, stack: |_a, _j| (0, 0), operand: Jump, cache: 0, deopt: JUMP_FORWARD,
                stencil: Generic, doc: "Jump forward to oparg.";
            JUMP_BACKWARD = 18, stack: |_a, _j| (0, 0), operand: Jump, cache: 0, deopt: JUMP_BACKWARD,
                stencil: Own, doc: "Jump backward to oparg (a loop edge: checks for GC and JIT entry).";
            GET_ITER = 19, stack: |_a, _j| (1, 1), operand: None, cache: 0, deopt: GET_ITER, stencil: Generic,
                doc: "TOS = iter(TOS).";
            FOR_ITER = 20, stack: |_a, j| if j { (1, 0) } else { (1, 2) }, operand: Jump, cache: 1,
                deopt: FOR_ITER, stencil: Generic,
                doc: "Push next(TOS); when exhausted pop the iterator and jump to oparg; adaptive.";
            FOR_ITER_RANGE = 21, stack: |_a, j| if j { (1, 0) } else { (1, 2) }, operand: Jump, cache: 1,
                deopt: FOR_ITER, stencil: Own, doc: "FOR_ITER specialized for a range iterator.";
            RETURN_VALUE = 22, stack: |_a, _j| (1, 0), operand: None, cache: 0, deopt: RETURN_VALUE, stencil: Own,
                doc: "Return TOS to the caller.";
        }
    };
}
