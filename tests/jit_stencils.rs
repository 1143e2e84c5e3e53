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

mod stitched {
    use cpjit::bytecode::code::CodeObject;
    use cpjit::bytecode::opcode::Opcode::{self, *};
    use cpjit::bytecode::opcode::OperandKind;
    use cpjit::jit::runtime::{GenericFn, JitContext, RuntimeSymbols};
    use cpjit::jit::stencils::{Arch, HoleValue, RelocKind};
    use cpjit::jit::stitch;
    use cpjit::vm::frame::Frame;
    use cpjit::vm::value::Value;
    use yaxpeax_arch::{Decoder, U8Reader};

    unsafe extern "C" fn rt_nop(
        _: *mut Frame,
        sp: *mut Value,
        _: *mut JitContext,
        _: u64,
        _: u64,
    ) -> *mut Value {
        sp
    }

    fn generic(op: Opcode) -> Option<GenericFn> {
        (op == UNARY_NEGATIVE).then_some(rt_nop as GenericFn)
    }

    fn never(_: usize) -> bool {
        false
    }

    fn no_site(_: usize) -> *const u8 {
        std::ptr::null()
    }

    fn no_switch(_: Opcode) -> Option<GenericFn> {
        None
    }

    /// Stand-ins for the singletons and types the stencils compare with (only their addresses
    /// matter: the code is decoded, never run).
    static OBJS: [u64; 8] = [0; 8];

    /// The symbols both tests stitch with: no live cache, no call stubs, no inline calls.
    fn symbols() -> RuntimeSymbols<'static> {
        RuntimeSymbols {
            true_value: Value::from_ptr(&OBJS[0]),
            false_value: Value::from_ptr(&OBJS[2]),
            none_value: Value::from_ptr(&OBJS[4]),
            range_iter_type: &OBJS[6] as *const u64 as *const u8,
            cell_type: std::ptr::null(),
            attr_site: &no_site,
            type_epoch: std::ptr::null(),
            type_type: std::ptr::null(),
            tuple_type: std::ptr::null(),
            dict_type: std::ptr::null(),
            module_type: std::ptr::null(),
            tuple_iter_type: std::ptr::null(),
            list_iter_type: std::ptr::null(),
            list_type: std::ptr::null(),
            function_type: std::ptr::null(),
            inline_calls: false,
            generic_fn: &generic,
            switch_fn: &no_switch,
            cache: std::ptr::null(),
            as_step: &never,
            proven_bound: &never,
            burn_cache: &never,
            call_stubs: false,
        }
    }

    /// Branch target of the instruction at `at` in `code` placed at `base`, decoded by the
    /// architecture's disassembler (independently of the patch functions).
    fn branch_target(arch: Arch, code: &[u8], base: u64, at: usize) -> u64 {
        match arch {
            Arch::X86_64 => {
                // The hole is the rel32 of a 5-byte `jmp` (E9) starting one byte earlier, or of
                // a 6-byte `jcc` (0F 8x, a guard's jump pair inverted at build time) two earlier.
                let start = if code[at - 1] == 0xE9 {
                    at - 1
                } else {
                    assert!(code[at - 2] == 0x0F && (0x80..=0x8F).contains(&code[at - 1]));
                    at - 2
                };
                let mut d =
                    iced_x86::Decoder::with_ip(64, &code[start..at + 4], base + start as u64, 0);
                d.decode().near_branch_target()
            }
            Arch::Aarch64 => {
                let mut r = U8Reader::new(&code[at..at + 4]);
                let inst = yaxpeax_arm::armv8::a64::InstDecoder::default()
                    .decode(&mut r)
                    .unwrap();
                let text = inst.to_string();
                let rel = text
                    .strip_prefix("b $")
                    .unwrap_or_else(|| panic!("not a b: {text}"));
                let (neg, hex) = match rel.strip_prefix('-') {
                    Some(h) => (true, h),
                    None => (false, rel.strip_prefix('+').unwrap()),
                };
                let v = i64::from_str_radix(hex.trim_start_matches("0x"), 16).unwrap();
                (base as i64 + at as i64 + if neg { -v } else { v }) as u64
            }
        }
    }

    /// Stitches a loop for both architectures at an arbitrary base address and checks every patched
    /// hole by decoding it: branches land on the right pieces, literals hold the right values.
    /// (AArch64 code cannot run on this x86-64 machine; this is its stitching check.)
    #[test]
    fn stitched_holes_resolve_on_both_architectures() {
        let mut code = Vec::new();
        let mut op = |o: Opcode, a: u32| {
            let at = code.len() as u32;
            code.push(CodeObject::encode(o, a));
            code.extend(std::iter::repeat_n(0, o.info().cache as usize));
            at
        };
        let head = op(LOAD_FAST, 0);
        op(LOAD_CONST, 0);
        op(COMPARE_OP_INT, 0);
        let j = op(POP_JUMP_IF_FALSE, 0);
        op(UNARY_NEGATIVE, 0);
        op(LOAD_FAST, 0);
        op(LOAD_CONST, 1);
        op(BINARY_OP_ADD_INT, 0);
        op(STORE_FAST, 0);
        op(JUMP_BACKWARD, head);
        let end = op(LOAD_FAST, 0);
        op(RETURN_VALUE, 0);
        code[j as usize] = CodeObject::encode(POP_JUMP_IF_FALSE, end);
        let syms = symbols();
        let consts = [
            Value::try_from_i64(10).unwrap(),
            Value::try_from_i64(1).unwrap(),
        ];
        for arch in Arch::ALL {
            let layout = stitch::layout(arch, &code, &consts, &syms).unwrap();
            let base = 0x7f12_3456_0000u64;
            let mut buf = vec![0u8; layout.size()];
            layout.emit(&code, &syms, &mut buf, base).unwrap();
            let pieces: Vec<_> = layout.pieces().collect();
            let mut checked = 0;
            let mut narrowed = 0;
            for (k, p) in pieces.iter().enumerate() {
                let unit = code.get(p.index).copied().unwrap_or(0);
                let oparg = (unit >> 8) as u64;
                for h in p
                    .stencil
                    .holes
                    .iter()
                    .filter(|h| (h.offset as usize) < p.size)
                {
                    let at = p.offset + h.offset as usize;
                    match h.kind {
                        RelocKind::X86_64_PLT32 | RelocKind::AARCH64_CALL26 => {
                            let target = branch_target(arch, &buf, base, at) - base;
                            let want = match h.value {
                                HoleValue::Continue => pieces[k + 1].offset,
                                HoleValue::JumpTarget => {
                                    let op = Opcode::from_u8(unit as u8).unwrap();
                                    if op.info().operand == OperandKind::Jump {
                                        layout.instr_offset(oparg as usize).unwrap()
                                    } else {
                                        // A generic non-jump instruction: never taken.
                                        pieces[k + 1].offset
                                    }
                                }
                                HoleValue::Deopt => {
                                    pieces
                                        .iter()
                                        .find(|q| q.is_deopt_stub && q.index == p.index)
                                        .unwrap()
                                        .offset
                                }
                                v => panic!("branch to {v:?}"),
                            };
                            assert_eq!(
                                target,
                                want as u64,
                                "{} {} {:?}",
                                arch.name(),
                                p.stencil.name,
                                h.value
                            );
                        }
                        RelocKind::X86_64_64 | RelocKind::AARCH64_ABS64 => {
                            let got = u64::from_le_bytes(buf[at..at + 8].try_into().unwrap());
                            let want = match h.value {
                                HoleValue::Oparg => oparg,
                                HoleValue::Target => p.index as u64,
                                HoleValue::Operand => consts[oparg as usize].0,
                                HoleValue::True => syms.true_value.0,
                                HoleValue::False => syms.false_value.0,
                                HoleValue::None => syms.none_value.0,
                                HoleValue::RuntimeFn => rt_nop as GenericFn as usize as u64,
                                v => panic!("literal {v:?}"),
                            };
                            assert_eq!(
                                got,
                                want,
                                "{} {} {:?}",
                                arch.name(),
                                p.stencil.name,
                                h.value
                            );
                        }
                        RelocKind::X86_64_32 => {
                            let got = u32::from_le_bytes(buf[at..at + 4].try_into().unwrap());
                            let want = match h.value {
                                HoleValue::Oparg => oparg,
                                HoleValue::Target => p.index as u64,
                                v => panic!("32-bit literal {v:?}"),
                            };
                            assert_eq!(
                                got as u64,
                                want,
                                "{} {} {:?}",
                                arch.name(),
                                p.stencil.name,
                                h.value
                            );
                            narrowed += 1;
                        }
                        k => panic!("unexpected kind {k:?}"),
                    }
                    checked += 1;
                }
            }
            assert!(checked >= 30, "{checked}");
            // x86-64's deopt stubs and generic calls take their instruction index (and opargs)
            // as 32-bit immediates (`strip_core::narrow_imm32`).
            if arch == Arch::X86_64 {
                assert!(narrowed >= 3, "{narrowed}");
            } else {
                assert_eq!(narrowed, 0);
            }
            // Every instruction's continue jump but the ones ending in a jump/return was dropped,
            // and every `_SPILL`'s (a value cached in a register stored before RETURN_VALUE).
            let spills = pieces.iter().filter(|p| p.stencil.name == "_SPILL").count();
            assert_eq!(spills, 1);
            assert_eq!(
                layout.stats.dropped_jumps,
                layout.stats.instructions - 2 + spills
            );
        }
    }

    /// A Python call and returns stitched for both architectures as `_CALL_PY` / `_RETURN`
    /// (frame switches in place): each has its `_SWITCH` piece out of line, every slow-path
    /// branch of theirs decodes to that piece, and their literals (the oparg, where the caller
    /// resumes, the function type) hold the right values; the `_SWITCH` pieces call the
    /// instruction's runtime function with its index.
    #[test]
    fn inline_calls_and_returns_resolve_on_both_architectures() {
        let mut code = Vec::new();
        let mut op = |o: Opcode, a: u32| {
            let at = code.len() as u32;
            code.push(CodeObject::encode(o, a));
            code.extend(std::iter::repeat_n(0, o.info().cache as usize));
            at
        };
        op(PUSH_NULL, 0);
        op(LOAD_FAST, 0);
        op(LOAD_FAST, 1);
        op(LOAD_FAST, 2);
        let call = op(CALL_PY_EXACT_ARGS, 2);
        let ret = op(RETURN_VALUE, 0);
        let switch = |o: Opcode| {
            matches!(o, CALL_PY_EXACT_ARGS | RETURN_VALUE).then_some(rt_nop as GenericFn)
        };
        let syms = RuntimeSymbols {
            function_type: &OBJS[7] as *const u64 as *const u8,
            inline_calls: true,
            switch_fn: &switch,
            ..symbols()
        };
        for arch in Arch::ALL {
            let layout = stitch::layout(arch, &code, &[], &syms).unwrap();
            let base = 0x7f12_3456_0000u64;
            let mut buf = vec![0u8; layout.size()];
            layout.emit(&code, &syms, &mut buf, base).unwrap();
            let pieces: Vec<_> = layout.pieces().collect();
            let mut slow_branches = 0;
            for (name, index) in [("_CALL_PY", call as usize), ("_RETURN", ret as usize)] {
                let fast = pieces
                    .iter()
                    .find(|p| p.stencil.name == name && p.index == index)
                    .unwrap_or_else(|| panic!("{} has no {name}", arch.name()));
                let slow = pieces
                    .iter()
                    .find(|p| p.stencil.name == "_SWITCH" && p.index == index)
                    .unwrap_or_else(|| panic!("{} {name} has no _SWITCH", arch.name()));
                for h in fast
                    .stencil
                    .holes
                    .iter()
                    .filter(|h| (h.offset as usize) < fast.size)
                {
                    let at = fast.offset + h.offset as usize;
                    match (h.kind, h.value) {
                        (RelocKind::X86_64_PLT32 | RelocKind::AARCH64_CALL26, HoleValue::Slow) => {
                            let target = branch_target(arch, &buf, base, at) - base;
                            assert_eq!(target, slow.offset as u64, "{} {name}", arch.name());
                            slow_branches += 1;
                        }
                        (
                            k @ (RelocKind::X86_64_64
                            | RelocKind::AARCH64_ABS64
                            | RelocKind::X86_64_32),
                            v,
                        ) => {
                            let got = if k == RelocKind::X86_64_32 {
                                u32::from_le_bytes(buf[at..at + 4].try_into().unwrap()) as u64
                            } else {
                                u64::from_le_bytes(buf[at..at + 8].try_into().unwrap())
                            };
                            let want = match v {
                                HoleValue::Oparg => 2,
                                HoleValue::Operand => {
                                    call as u64 + 1 + CALL_PY_EXACT_ARGS.info().cache as u64
                                }
                                HoleValue::FunctionType => &OBJS[7] as *const u64 as u64,
                                // `_RETURN`'s check that an `__init__` frame returns None.
                                HoleValue::None => Value::from_ptr(&OBJS[4]).0,
                                v => panic!("literal {v:?}"),
                            };
                            assert_eq!(got, want, "{} {name} {v:?}", arch.name());
                        }
                        (k, v) => panic!("{} {name}: unexpected hole {k:?} {v:?}", arch.name()),
                    }
                }
                for h in slow
                    .stencil
                    .holes
                    .iter()
                    .filter(|h| (h.offset as usize) < slow.size)
                {
                    let at = slow.offset + h.offset as usize;
                    let got = match h.kind {
                        RelocKind::X86_64_32 => {
                            u32::from_le_bytes(buf[at..at + 4].try_into().unwrap()) as u64
                        }
                        _ => u64::from_le_bytes(buf[at..at + 8].try_into().unwrap()),
                    };
                    let want = match h.value {
                        HoleValue::Oparg => (code[index] >> 8) as u64,
                        HoleValue::Target => index as u64,
                        HoleValue::RuntimeFn => rt_nop as GenericFn as usize as u64,
                        v => panic!("_SWITCH literal {v:?}"),
                    };
                    assert_eq!(got, want, "{} {name}'s _SWITCH {:?}", arch.name(), h.value);
                }
            }
            // Every guard of both leaves for the slow path.
            assert!(slow_branches >= 12, "{} {slow_branches}", arch.name());
        }
    }
}
