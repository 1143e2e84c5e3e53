//! AArch64 patch functions: `R_AARCH64_ABS64` → [`patch_abs64`], `CALL26`/`JUMP26` →
//! [`patch_aarch64_26r`] (`b`/`bl` to another stencil), `ADR_PREL_PG_HI21` →
//! [`patch_aarch64_21rx`] (`adrp`), `ADD_ABS_LO12_NC` → [`patch_aarch64_12`],
//! `MOVW_UABS_G0_NC`..`G3` → [`patch_aarch64_16a`] (one 16-bit piece of `movz`/`movk`).
//! Instructions are little-endian 32-bit words; only the immediate field is replaced.

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
        RelocKind::AARCH64_ABS64 => patch_abs64(code, offset, value),
        RelocKind::AARCH64_CALL26 | RelocKind::AARCH64_JUMP26 => {
            patch_aarch64_26r(code, offset, place, value)
        }
        RelocKind::AARCH64_ADR_PREL_PG_HI21 => patch_aarch64_21rx(code, offset, place, value),
        RelocKind::AARCH64_ADD_ABS_LO12_NC => patch_aarch64_12(code, offset, value),
        RelocKind::AARCH64_MOVW_UABS_G0_NC => patch_aarch64_16a(code, offset, value, 0, false),
        RelocKind::AARCH64_MOVW_UABS_G1_NC => patch_aarch64_16a(code, offset, value, 1, false),
        RelocKind::AARCH64_MOVW_UABS_G2_NC => patch_aarch64_16a(code, offset, value, 2, false),
        RelocKind::AARCH64_MOVW_UABS_G3 => patch_aarch64_16a(code, offset, value, 3, true),
        other => Err(PatchError::Unsupported(other)),
    }
}

fn read_word(code: &mut [u8], offset: usize) -> Result<u32, PatchError> {
    Ok(u32::from_le_bytes(*field::<4>(code, offset)?))
}

fn write_word(code: &mut [u8], offset: usize, word: u32) -> Result<(), PatchError> {
    *field::<4>(code, offset)? = word.to_le_bytes();
    Ok(())
}

/// `b`/`bl imm26`: a word displacement `(value - place) / 4` in bits 0..26, ±128 MiB.
pub fn patch_aarch64_26r(
    code: &mut [u8],
    offset: usize,
    place: u64,
    value: u64,
) -> Result<(), PatchError> {
    let rel = value as i128 - place as i128;
    if rel & 3 != 0 {
        return Err(PatchError::Misaligned {
            kind: "aarch64_26r",
            value,
        });
    }
    if !(-(1i128 << 27)..(1i128 << 27)).contains(&rel) {
        return Err(PatchError::OutOfRange {
            kind: "aarch64_26r",
            value: rel,
        });
    }
    let word = read_word(code, offset)?;
    let imm = ((rel >> 2) as u32) & 0x03FF_FFFF;
    write_word(code, offset, (word & !0x03FF_FFFF) | imm)
}

/// `adrp`: the 4 KiB page distance `page(value) - page(place)` as a signed 21-bit count, split
/// into immlo (bits 29..31) and immhi (bits 5..24), ±4 GiB.
pub fn patch_aarch64_21rx(
    code: &mut [u8],
    offset: usize,
    place: u64,
    value: u64,
) -> Result<(), PatchError> {
    let pages = ((value & !0xFFF) as i128 - (place & !0xFFF) as i128) >> 12;
    if !(-(1i128 << 20)..(1i128 << 20)).contains(&pages) {
        return Err(PatchError::OutOfRange {
            kind: "aarch64_21rx",
            value: pages,
        });
    }
    let imm = pages as u32 & 0x1F_FFFF;
    let word = read_word(code, offset)?;
    let word = (word & !(0x3 << 29) & !(0x7_FFFF << 5)) | ((imm & 3) << 29) | ((imm >> 2) << 5);
    write_word(code, offset, word)
}

/// `add Xd, Xn, #lo12`: the low 12 bits of `value` in bits 10..22 (no check: the `_NC` form).
pub fn patch_aarch64_12(code: &mut [u8], offset: usize, value: u64) -> Result<(), PatchError> {
    let word = read_word(code, offset)?;
    let imm = (value & 0xFFF) as u32;
    write_word(code, offset, (word & !(0xFFF << 10)) | (imm << 10))
}

/// `movz`/`movk` piece `group` (bits 16*group..16*group+16 of `value`) in bits 5..21. With
/// `check`, the bits above the piece must be zero (the non-`_NC` forms, here only G3).
pub fn patch_aarch64_16a(
    code: &mut [u8],
    offset: usize,
    value: u64,
    group: u32,
    check: bool,
) -> Result<(), PatchError> {
    let shift = 16 * group;
    if check && shift + 16 < 64 && value >> (shift + 16) != 0 {
        return Err(PatchError::OutOfRange {
            kind: "aarch64_16a",
            value: value as i128,
        });
    }
    let piece = ((value >> shift) & 0xFFFF) as u32;
    let word = read_word(code, offset)?;
    write_word(code, offset, (word & !(0xFFFF << 5)) | (piece << 5))
}

#[cfg(test)]
mod tests {
    use super::*;
    use yaxpeax_arch::{Decoder, U8Reader};

    fn disasm(word: u32) -> String {
        let bytes = word.to_le_bytes();
        let mut reader = U8Reader::new(&bytes);
        let inst = yaxpeax_arm::armv8::a64::InstDecoder::default()
            .decode(&mut reader)
            .unwrap();
        inst.to_string()
    }

    fn patched(word: u32, f: impl FnOnce(&mut [u8]) -> Result<(), PatchError>) -> u32 {
        let mut code = word.to_le_bytes();
        f(&mut code).unwrap();
        u32::from_le_bytes(code)
    }

    #[test]
    fn b_and_bl_26r() {
        // b .+0x1000 = 0x14000400; bl .+0x1000 = 0x94000400; b .-0x1000 = 0x17FFFC00.
        assert_eq!(
            patched(0x1400_0000, |c| patch_aarch64_26r(c, 0, 0x1000, 0x2000)),
            0x1400_0400
        );
        assert_eq!(
            patched(0x9400_0000, |c| patch_aarch64_26r(c, 0, 0x1000, 0x2000)),
            0x9400_0400
        );
        assert_eq!(
            patched(0x1400_0000, |c| patch_aarch64_26r(c, 0, 0x2000, 0x1000)),
            0x17FF_FC00
        );
        assert_eq!(disasm(0x1400_0400), "b $+0x1000");
    }

    #[test]
    fn b_26r_range_and_alignment() {
        let mut code = 0x1400_0000u32.to_le_bytes();
        let max = (1u64 << 27) - 4;
        assert!(patch_aarch64_26r(&mut code, 0, 0, max).is_ok());
        assert!(matches!(
            patch_aarch64_26r(&mut code, 0, 0, max + 4),
            Err(PatchError::OutOfRange { .. })
        ));
        assert!(patch_aarch64_26r(&mut code, 0, 1 << 27, 0).is_ok());
        assert!(patch_aarch64_26r(&mut code, 0, (1 << 27) + 4, 0).is_err());
        assert!(matches!(
            patch_aarch64_26r(&mut code, 0, 0, 2),
            Err(PatchError::Misaligned { .. })
        ));
        assert!(matches!(
            patch_aarch64_26r(&mut code, 1, 0, 0),
            Err(PatchError::OutOfBounds { .. })
        ));
    }

    #[test]
    fn adrp_21rx() {
        // adrp x0, page+4 = 0x90000020 (immlo 0, immhi 1); adrp x0, page+1 = 0xB0000000;
        // adrp x0, page-1 = 0xF0FFFFE0.
        assert_eq!(
            patched(0x9000_0000, |c| patch_aarch64_21rx(c, 0, 0x1234, 0x5000)),
            0x9000_0020
        );
        assert_eq!(
            patched(0x9000_0000, |c| patch_aarch64_21rx(c, 0, 0x1000, 0x2FFF)),
            0xB000_0000
        );
        assert_eq!(
            patched(0x9000_0000, |c| patch_aarch64_21rx(c, 0, 0x2000, 0x1000)),
            0xF0FF_FFE0
        );
        let mut code = 0x9000_0000u32.to_le_bytes();
        assert!(patch_aarch64_21rx(&mut code, 0, 0, 1 << 32).is_err());
        assert!(patch_aarch64_21rx(&mut code, 0, 0, (1 << 32) - 0x1000).is_ok());
    }

    #[test]
    fn add_lo12() {
        // add x0, x0, #0x123 = 0x91048C00.
        assert_eq!(
            patched(0x9100_0000, |c| patch_aarch64_12(c, 0, 0xABC_D123)),
            0x9104_8C00
        );
        assert_eq!(disasm(0x9104_8C00), "add x0, x0, #0x123");
    }

    #[test]
    fn movw_16a() {
        // movz x0, #0x1234 = 0xD2824680; movk x0, #0x5678, lsl #16 = 0xF2AACF00.
        let v = 0x9ABC_DEF0_5678_1234u64;
        assert_eq!(
            patched(0xD280_0000, |c| patch_aarch64_16a(c, 0, v, 0, false)),
            0xD282_4680
        );
        assert_eq!(
            patched(0xF2A0_0000, |c| patch_aarch64_16a(c, 0, v, 1, false)),
            0xF2AA_CF00
        );
        assert_eq!(
            patched(0xF2E0_0000, |c| patch_aarch64_16a(c, 0, v, 3, true)),
            0xF2F3_5780
        );
        assert_eq!(disasm(0xD282_4680), "mov x0, #0x1234");
    }

    #[test]
    fn abs64_literal() {
        let mut code = [0u8; 12];
        patch_abs64(&mut code, 4, 0x0102_0304_0506_0708).unwrap();
        assert_eq!(code, [0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1]);
        assert!(patch_abs64(&mut code, 5, 0).is_err());
    }
}
