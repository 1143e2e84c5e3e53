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
            pub fn from_u8(b: u8) -> Option<Opcode> {
                match b { $($num => Some(Opcode::$name),)* _ => None }
            }
            pub fn info(self) -> &'static OpInfo {
                match self { $(Opcode::$name => { static I: &OpInfo = &OpInfo {
                    name: stringify!($name), number: $num, stack: $stack,
                    operand: OperandKind::$operand, cache: $cache, deopt: Opcode::$deopt,
                    stencil: StencilKind::$stencil, doc: $doc }; I })* }
            }
            pub fn name(self) -> &'static str { self.info().name }
        }
    };
}

for_each_opcode!(define_opcodes);

#[cfg(test)]
mod tests {
    use super::*;

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
            if info.deopt != Opcode::ALL[i] {
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
