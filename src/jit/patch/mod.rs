//! Patch functions: fill one hole of copied stencil code, per relocation kind. Named by mechanism
//! (as CPython's JIT does): `patch_abs64`, `patch_rel32`, `patch_aarch64_26r`, ... Every patch
//! checks its range: an out-of-range value is an error, never silently truncated.

pub mod aarch64;
pub mod x86_64;

use super::stencils::RelocKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatchError {
    /// The value does not fit the field.
    OutOfRange { kind: &'static str, value: i128 },
    /// The value violates the field's alignment (AArch64 branch and page offsets).
    Misaligned { kind: &'static str, value: u64 },
    /// The hole lies (partly) outside the code.
    OutOfBounds { offset: usize, len: usize },
    /// No patch function exists for this relocation kind.
    Unsupported(RelocKind),
}

impl std::fmt::Display for PatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PatchError::OutOfRange { kind, value } => {
                write!(f, "{kind}: value {value:#x} out of range")
            }
            PatchError::Misaligned { kind, value } => {
                write!(f, "{kind}: value {value:#x} misaligned")
            }
            PatchError::OutOfBounds { offset, len } => {
                write!(f, "hole at offset {offset} outside {len} bytes of code")
            }
            PatchError::Unsupported(k) => write!(f, "no patch function for relocation {k:?}"),
        }
    }
}

/// Patches the hole at `offset` of `code`, which will run at address `place` (= code start +
/// offset), with `value` = the hole's symbol value plus its addend (ELF's S + A).
pub fn apply(
    kind: RelocKind,
    code: &mut [u8],
    offset: usize,
    place: u64,
    value: u64,
) -> Result<(), PatchError> {
    use RelocKind::*;
    match kind {
        X86_64_64 | X86_64_32 | X86_64_PC32 | X86_64_PLT32 => {
            x86_64::apply(kind, code, offset, place, value)
        }
        AARCH64_ABS64
        | AARCH64_CALL26
        | AARCH64_JUMP26
        | AARCH64_ADR_PREL_PG_HI21
        | AARCH64_ADD_ABS_LO12_NC
        | AARCH64_MOVW_UABS_G0_NC
        | AARCH64_MOVW_UABS_G1_NC
        | AARCH64_MOVW_UABS_G2_NC
        | AARCH64_MOVW_UABS_G3 => aarch64::apply(kind, code, offset, place, value),
    }
}

/// The `N` bytes of the field at `offset`.
fn field<const N: usize>(code: &mut [u8], offset: usize) -> Result<&mut [u8; N], PatchError> {
    let len = code.len();
    code.get_mut(offset..offset.wrapping_add(N))
        .and_then(|s| s.try_into().ok())
        .ok_or(PatchError::OutOfBounds { offset, len })
}

/// Writes a 64-bit little-endian absolute value (x86-64 `movabs` immediates, AArch64 literals).
pub fn patch_abs64(code: &mut [u8], offset: usize, value: u64) -> Result<(), PatchError> {
    *field::<8>(code, offset)? = value.to_le_bytes();
    Ok(())
}
