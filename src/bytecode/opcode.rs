//! The `Opcode` enum and its metadata, generated from THE opcode table (`opcode_table.rs`).

include!("opcode_table.rs");

/// What an instruction's oparg means (drives `dis` argument reprs and the JIT's operand holes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandKind {
    /// The oparg is unused (0).
    None,
    /// Index into `co_consts`.
    Const,
    /// Index into the local/cell/free slots.
    Local,
    /// Index into `co_names`.
    Name,
    /// `LOAD_GLOBAL`: index into `co_names` shifted left by one; the low bit asks for a NULL push.
    GlobalName,
    /// `FORMAT_VALUE` flags: conversion in the low 2 bits, 4 = a format spec is on the stack.
    Format,
    /// An instruction index (absolute target).
    Jump,
    /// A count (of elements, arguments, ...).
    Count,
    /// A comparison operator code.
    Cmp,
    /// A binary operator code (NB_*).
    BinOp,
    /// Anything else, printed as a plain number.
    Raw,
}

/// How the JIT compiles an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StencilKind {
    /// A dedicated stencil template in `stencils/`.
    Own,
    /// The generic stencil that calls the instruction's runtime function.
    Generic,
    /// Never compiled: a region containing it ends before it.
    No,
}

/// Static facts about one opcode.
#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    pub name: &'static str,
    pub number: u8,
    /// (pops, pushes) given the oparg and whether the branch is taken.
    pub stack: fn(u32, bool) -> (u32, u32),
    pub operand: OperandKind,
    pub cache: u8,
    pub deopt: Opcode,
    pub stencil: StencilKind,
    pub doc: &'static str,
}

macro_rules! define_opcodes {
    ($($name:ident = $num:literal, stack: $stack:expr, operand: $operand:ident, cache: $cache:literal,
       deopt: $deopt:ident, stencil: $stencil:ident, doc: $doc:literal;)*) => {
        /// One instruction's operation. The discriminant is the opcode byte.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode { $($name = $num,)* }

        /// Every opcode's metadata, in table order.
        pub static OPCODES: &[OpInfo] = &[$(OpInfo {
            name: stringify!($name),
            number: $num,
            stack: $stack,
            operand: OperandKind::$operand,
            cache: $cache,
            deopt: Opcode::$deopt,
            stencil: StencilKind::$stencil,
            doc: $doc,
        },)*];

        impl Opcode {
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];
            /// The opcode numbered `b`.
            #[inline(always)]
            pub fn from_u8(b: u8) -> Option<Opcode> {
                // A match, not a table load: LLVM turns it into a range check and a bit test
                // local to the caller (the interpreter decodes every instruction with it).
                match b { $($num => Some(Opcode::$name),)* _ => None }
            }
            /// The opcode's row of [`OPCODES`], whose numbers are dense (a test checks): an index,
            /// not a match, since the loader's validation asks for it on every instruction of
            /// every code object it reads.
            #[inline]
            pub fn info(self) -> &'static OpInfo {
                &OPCODES[self as usize]
            }
            pub fn name(self) -> &'static str { self.info().name }
            /// The inline cache units after the instruction (`info().cache`, from a table: the
            /// runtime functions need it on every call).
            #[inline(always)]
            pub fn cache_units(self) -> usize { CACHE_UNITS[self as usize] as usize }
        }

        /// For each opcode byte: its inline cache size in code units (0 for unused bytes).
        pub static CACHE_UNITS: [u8; 256] = {
            let mut t = [0u8; 256];
            $(t[$num] = $cache;)*
            t
        };

        /// For each opcode byte: the generic instruction of its family (itself for generic
        /// instructions; 0xFF for unused bytes). The interpreter's miss path and the
        /// specializer index this instead of matching on the opcode.
        pub static DEOPT_OF: [u8; 256] = {
            let mut t = [0xFFu8; 256];
            $(t[$num] = Opcode::$deopt as u8;)*
            t
        };
    };
}

for_each_opcode!(define_opcodes);

/// The number of the first specialized instruction (all generic ones are below it).
pub const FIRST_SPECIALIZED: u8 = {
    let mut i = 0;
    while i < 256 && DEOPT_OF[i] == i as u8 {
        i += 1;
    }
    i as u8
};

/// For each opcode byte: whether it heads a family with specialized members (`is_adaptive`),
/// derived from `DEOPT_OF` once at compile time (the JIT asks for every instruction of a region).
static ADAPTIVE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let d = DEOPT_OF[i] as usize;
        if d != 0xFF && d != i {
            t[d] = true;
        }
        i += 1;
    }
    t
};

/// `BINARY_OP` operator codes (CPython 3.11's `NB_*`); `INPLACE_*` = the plain code + 13.
pub mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    /// Added to a plain code to get its in-place form (`+=` is `ADD + INPLACE`).
    pub const INPLACE: u32 = 13;
    /// The operator's symbol, as `dis` prints it (`+`, `+=`, ...).
    pub fn symbol(code: u32) -> &'static str {
        const S: [&str; 26] = [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=",
            "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
        ];
        S.get(code as usize).copied().unwrap_or("?")
    }
}

/// `COMPARE_OP` codes (CPython's `Py_LT` .. `Py_GE`) and their `dis` reprs.
pub mod cmp {
    pub const LT: u32 = 0;
    pub const LE: u32 = 1;
    pub const EQ: u32 = 2;
    pub const NE: u32 = 3;
    pub const GT: u32 = 4;
    pub const GE: u32 = 5;
    pub fn symbol(code: u32) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="]
            .get(code as usize)
            .copied()
            .unwrap_or("?")
    }
}

/// `MAKE_FUNCTION` flag bits.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

impl Opcode {
    /// Whether the instruction's oparg is a jump target.
    pub fn is_jump(self) -> bool {
        self.info().operand == OperandKind::Jump
    }
    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        use Opcode::*;
        matches!(
            self,
            RETURN_VALUE
                | RERAISE
                | RAISE_VARARGS
                | JUMP_FORWARD
                | JUMP_BACKWARD
                | JUMP_BACKWARD_NO_INTERRUPT
        )
    }
    /// Whether this is a specialized member of a family (not the family's generic form): the
    /// table numbers every specialized instruction after every generic one.
    #[inline(always)]
    pub fn is_specialized(self) -> bool {
        self as u8 >= FIRST_SPECIALIZED
    }
    /// The family's generic instruction (itself for a generic one).
    #[inline(always)]
    pub fn generic(self) -> Opcode {
        self.info().deopt
    }
    /// Whether the instruction heads a family with specialized members (it is adaptive: its
    /// first inline cache unit is its counter).
    #[inline]
    pub fn is_adaptive(self) -> bool {
        ADAPTIVE[self as usize]
    }
    /// The specialized members of this family.
    pub fn family(self) -> impl Iterator<Item = Opcode> {
        Opcode::ALL
            .iter()
            .copied()
            .filter(move |o| o.generic() == self && *o != self)
    }
    /// Whether the instruction is an unconditional jump.
    pub fn is_unconditional_jump(self) -> bool {
        use Opcode::*;
        matches!(
            self,
            JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_dense_and_names_unique() {
        let mut names = std::collections::HashSet::new();
        for (i, info) in OPCODES.iter().enumerate() {
            assert_eq!(info.number as usize, i, "{} is out of order", info.name);
            assert!(names.insert(info.name));
        }
        assert_eq!(nb::symbol(nb::ADD + nb::INPLACE), "+=");
        assert_eq!(cmp::symbol(cmp::GE), ">=");
        // Stack effects the compiler's depth analysis relies on.
        assert_eq!((Opcode::LOAD_GLOBAL.info().stack)(3, false), (0, 2));
        assert_eq!((Opcode::MAKE_FUNCTION.info().stack)(0x9, false), (3, 1));
        assert_eq!((Opcode::SEND.info().stack)(0, true), (2, 1));
        assert_eq!((Opcode::UNPACK_EX.info().stack)(1 | 2 << 8, false), (1, 4));
    }

    #[test]
    fn table_invariants() {
        let mut seen = std::collections::HashSet::new();
        for (i, info) in OPCODES.iter().enumerate() {
            assert!(seen.insert(info.number), "duplicate number {}", info.number);
            assert_eq!(Opcode::ALL[i].info().name, info.name);
            assert_eq!(Opcode::from_u8(info.number), Some(Opcode::ALL[i]));
            let generic = info.deopt.info();
            // A family's generic member deopts to itself; every member shares its stack and cache effect.
            assert_eq!(
                generic.deopt, info.deopt,
                "{}: deopt target must be generic",
                info.name
            );
            assert_eq!(
                generic.cache, info.cache,
                "{}: cache size differs from its family",
                info.name
            );
            for a in [0, 1, 2, 7, 300] {
                for j in [false, true] {
                    assert_eq!(
                        (generic.stack)(a, j),
                        (info.stack)(a, j),
                        "{}: stack effect",
                        info.name
                    );
                }
            }
            assert!(!info.doc.is_empty());
            if info.operand == OperandKind::Jump {
                // Every jump has a branch-taken effect; only the conditional ones may differ.
                let _ = (info.stack)(0, true);
            }
            // Specialized instructions are numbered after every generic one; each family's
            // generic form has an adaptive counter.
            assert_eq!(
                info.deopt != Opcode::ALL[i],
                info.number >= FIRST_SPECIALIZED,
                "{}: numbered on the wrong side of FIRST_SPECIALIZED",
                info.name
            );
            // `is_adaptive` (a table) says whether any other opcode names this one its family.
            let op = Opcode::ALL[i];
            assert_eq!(
                op.is_adaptive(),
                OPCODES.iter().any(|o| o.deopt == op && o.name != info.name),
                "{}: is_adaptive",
                info.name
            );
            if info.deopt != Opcode::ALL[i] {
                // (Superinstructions, NAME__NEXT, need no counter: they are formed when code is
                // quickened, not by the adaptive machinery.)
                assert!(
                    generic.cache >= 1 || info.name.contains("__"),
                    "{}: family without a counter unit",
                    generic.name
                );
                assert!(
                    info.name.starts_with(generic.name),
                    "{} is not named after {}",
                    info.name,
                    generic.name
                );
            }
        }
    }
}
