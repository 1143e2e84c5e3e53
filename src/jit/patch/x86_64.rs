//! x86-64 patch functions: `R_X86_64_64` → [`patch_abs64`], `R_X86_64_32` → [`patch_abs32`],
//! `R_X86_64_PC32`/`PLT32` →
//! [`patch_rel32`] (a `jmp`/`call rel32` to another stencil of the region).

use super::{field, PatchError};
use crate::jit::stencils::RelocKind;

pub use super::patch_abs64;

pub fn apply(
    kind: RelocKind,
    code: &mut [u8],
    offset: usize,
    place: u64,
    value: u64,
) -> Result<(), PatchError> {
    match kind {
        RelocKind::X86_64_64 => patch_abs64(code, offset, value),
        RelocKind::X86_64_32 => patch_abs32(code, offset, value),
        RelocKind::X86_64_PC32 | RelocKind::X86_64_PLT32 => patch_rel32(code, offset, place, value),
        other => Err(PatchError::Unsupported(other)),
    }
}

/// Writes `value` as an unsigned 32-bit immediate (`mov r32, imm32`, which zero-extends): an
/// error if it does not fit.
pub fn patch_abs32(code: &mut [u8], offset: usize, value: u64) -> Result<(), PatchError> {
    let v = u32::try_from(value).map_err(|_| PatchError::OutOfRange {
        kind: "abs32",
        value: value as i128,
    })?;
    *field::<4>(code, offset)? = v.to_le_bytes();
    Ok(())
}

/// Writes `value - place` as a signed 32-bit displacement (ELF S + A - P).
pub fn patch_rel32(
    code: &mut [u8],
    offset: usize,
    place: u64,
    value: u64,
) -> Result<(), PatchError> {
    let rel = value as i128 - place as i128;
    let rel32 = i32::try_from(rel).map_err(|_| PatchError::OutOfRange {
        kind: "rel32",
        value: rel,
    })?;
    *field::<4>(code, offset)? = rel32.to_le_bytes();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rel32_jmp_reaches_target() {
        // `jmp rel32` at 0x1000: the displacement counts from the end of the instruction; the
        // relocation's addend -4 accounts for the 4 displacement bytes after the hole.
        let mut code = [0xE9, 0, 0, 0, 0];
        patch_rel32(&mut code, 1, 0x1001, 0x2000 - 4).unwrap();
        assert_eq!(code, [0xE9, 0xFB, 0x0F, 0x00, 0x00]);
        let mut dec = iced_x86::Decoder::with_ip(64, &code, 0x1000, 0);
        assert_eq!(dec.decode().near_branch_target(), 0x2000);
        // Backward.
        let mut code = [0xE9, 0, 0, 0, 0];
        patch_rel32(&mut code, 1, 0x2001, 0x1000 - 4).unwrap();
        assert_eq!(code, [0xE9, 0xFB, 0xEF, 0xFF, 0xFF]);
    }

    #[test]
    fn rel32_out_of_range_is_an_error() {
        let mut code = [0xE9, 0, 0, 0, 0];
        let far = 0x1001 + (1u64 << 31) + 4;
        assert!(matches!(
            patch_rel32(&mut code, 1, 0x1001, far),
            Err(PatchError::OutOfRange { .. })
        ));
        assert_eq!(code, [0xE9, 0, 0, 0, 0], "nothing written on error");
        assert!(patch_rel32(&mut code, 1, 0x1001, 0x1001 + (1u64 << 31) - 1).is_ok());
        assert!(patch_rel32(&mut code, 1, 1 << 32, 0).is_err());
        assert!(matches!(
            patch_rel32(&mut code, 2, 0, 0),
            Err(PatchError::OutOfBounds { .. })
        ));
    }

    #[test]
    fn abs64_movabs_immediate() {
        // movabs rax, imm64 = 48 B8 imm64.
        let mut code = [0x48, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0];
        patch_abs64(&mut code, 2, 0x1122_3344_5566_7788).unwrap();
        assert_eq!(
            code,
            [0x48, 0xB8, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11]
        );
        let mut dec = iced_x86::Decoder::with_ip(64, &code, 0, 0);
        assert_eq!(dec.decode().immediate64(), 0x1122_3344_5566_7788);
        assert!(patch_abs64(&mut code, 3, 0).is_err());
    }

    #[test]
    fn dispatch_refuses_other_architectures_kinds() {
        let mut code = [0u8; 8];
        assert_eq!(
            apply(RelocKind::AARCH64_ABS64, &mut code, 0, 0, 0),
            Err(PatchError::Unsupported(RelocKind::AARCH64_ABS64))
        );
    }
}
