//! The generated stencil tables: golden dumps for both architectures, and every relocation kind
//! that appears has a working patch function.

use cpjit::jit::dump;
use cpjit::jit::patch::{self, PatchError};
use cpjit::jit::stencils::{Arch, RelocKind};

/// `cpjit stencils --arch A` output must match tests/golden/stencils/A.txt; `BLESS=1` rewrites it.
#[test]
fn golden_dumps() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut stale = Vec::new();
    for arch in Arch::ALL {
        let text = dump::dump(arch, None).unwrap();
        let path = format!(
            "{}/tests/golden/stencils/{}.txt",
            env!("CARGO_MANIFEST_DIR"),
            arch.name()
        );
        if bless {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != text {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "stencil dumps differ from {stale:?}; rerun with BLESS=1 to accept"
    );
}

fn arch_of(kind: RelocKind) -> Arch {
    if format!("{kind:?}").starts_with("X86_64") {
        Arch::X86_64
    } else {
        Arch::Aarch64
    }
}

/// Every hole of every stencil can be patched: a relocation kind that shows up in the generated
/// tables without a patch function (or for the wrong architecture) fails here.
#[test]
fn every_relocation_kind_in_the_tables_has_a_patch_function() {
    let mut seen = std::collections::BTreeSet::new();
    for arch in Arch::ALL {
        for s in arch.stencils() {
            for h in s.holes {
                assert_eq!(arch_of(h.kind), arch, "{} has a {:?} hole", s.name, h.kind);
                let mut code = s.code.to_vec();
                let place = 0x10_0000 + h.offset;
                // Patch it to point at itself: in range and aligned for every kind.
                match patch::apply(h.kind, &mut code, h.offset as usize, place, place) {
                    Ok(()) => {}
                    Err(PatchError::Unsupported(k)) => {
                        panic!("{} ({}): no patch function for {k:?}", s.name, arch.name())
                    }
                    Err(e) => panic!("{} ({}): {e}", s.name, arch.name()),
                }
                seen.insert(format!("{:?}", h.kind));
            }
        }
    }
    // The kinds Cranelift emits for these stencils today (is_pic=false): a change is worth a look.
    let seen: Vec<_> = seen.into_iter().collect();
    assert_eq!(
        seen,
        [
            "AARCH64_ABS64",
            "AARCH64_CALL26",
            "X86_64_64",
            "X86_64_PLT32"
        ]
    );
}

#[test]
fn both_targets_have_every_stencil() {
    for arch in Arch::ALL {
        let names: Vec<_> = arch
            .stencils()
            .iter()
            .map(|s| (s.name, s.variant))
            .collect();
        let other: Vec<_> = Arch::X86_64
            .stencils()
            .iter()
            .map(|s| (s.name, s.variant))
            .collect();
        assert_eq!(names, other);
        for n in ["_ENTRY", "_DEOPT", "GENERIC"] {
            assert!(arch.find(n, 0).is_some(), "{n}");
        }
        // One stencil (or one per variant) for every `Own` opcode of the opcode table.
        for info in cpjit::bytecode::opcode::OPCODES {
            let has = arch.stencils().iter().any(|s| s.name == info.name);
            let own = info.stencil == cpjit::bytecode::opcode::StencilKind::Own;
            assert_eq!(has, own, "{}", info.name);
        }
    }
}

#[test]
fn dump_of_one_stencil_and_unknown_names() {
    let one = dump::dump(Arch::Aarch64, Some("LOAD_FAST")).unwrap();
    assert!(one.contains("== LOAD_FAST") && !one.contains("== STORE_FAST"));
    assert!(one.contains("HOLE Oparg"));
    assert!(dump::dump(Arch::X86_64, Some("NO_SUCH")).is_err());
}
