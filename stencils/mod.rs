//! Stencil templates: Cranelift IR builders that build.rs compiles, once per target, into the
//! machine-code stencils the JIT copies and patches (see README.md in this folder).
//!
//! This module is compiled into build.rs (`#[path = "stencils/mod.rs"] mod stencils;`), so it may use
//! the build dependencies and the ABI constants build.rs `include!`s at its root (`crate::FRAME_*`).
//!
//! Every stencil except `_ENTRY` is a `CallConv::Tail` function `(frame, sp, ctx) -> status`:
//! `frame` is the `*mut Frame`, `sp` points one past the top of the value stack (the next free
//! slot), `ctx` is the `*mut JitContext`. A stencil ends by tail-calling the next one
//! (`return_call _JIT_CONTINUE(frame, sp', ctx)`) or by returning a status to the entry trampoline.
//! A cacheable template's stencils also take the top stack values in registers and their f64
//! shadows (`CACHE_DEPTH`, `stencil_signature_cached`); `sp` then points past the part in memory.

use cranelift_codegen::ir::{
    self, condcodes::IntCC, types::F64, types::I64, AbiParam, InstBuilder, MemFlagsData, Signature,
    UserExternalName, Value,
};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::FunctionBuilder;

/// The operand proofs a type-guarded stencil has variants for, in this order after its base
/// variants (variant = base + bases * proof): `jit::types` proves an operand's type where an
/// earlier guard or instruction in the region already established it, and the stitcher picks
/// the variant without that operand's guard.
/// Variants listed after `;` follow the proof variants.
macro_rules! with_proofs {
    ($($base:literal),* $(,)? $(; $($extra:literal),* $(,)?)?) => {
        &[
            $($base,)*
            $(concat!($base, ", left proven"),)*
            $(concat!($base, ", right proven"),)*
            $(concat!($base, ", both proven"),)*
            $($($extra,)*)?
        ]
    };
}

mod attr;
mod control;
mod ops;

/// How a hole symbol is referenced from machine code.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SymKind {
    /// Another stencil in the same region: a colocated `Tail` function, reached PC-relative.
    Code,
    /// A 64-bit value materialized as an immediate: a non-colocated data symbol read with
    /// `symbol_value` (x86-64 `movabs` / AArch64 literal load, an absolute 64-bit relocation).
    Data,
    /// A runtime function called with the System V convention at an absolute address.
    Helper,
}

/// One kind of hole: the imported symbol a template names, and the `jit::stencils::HoleValue`
/// variant build.rs writes for relocations against it.
pub struct HoleSym {
    pub symbol: &'static str,
    pub value: &'static str,
    pub kind: SymKind,
}

/// Every symbol a template may import. A relocation against any other symbol fails the build.
pub const HOLE_SYMBOLS: &[HoleSym] = &[
    HoleSym {
        symbol: "_JIT_CONTINUE",
        value: "Continue",
        kind: SymKind::Code,
    },
    HoleSym {
        symbol: "_JIT_JUMP_TARGET",
        value: "JumpTarget",
        kind: SymKind::Code,
    },
    HoleSym {
        symbol: "_JIT_DEOPT",
        value: "Deopt",
        kind: SymKind::Code,
    },
    HoleSym {
        symbol: "_JIT_SLOW",
        value: "Slow",
        kind: SymKind::Code,
    },
    HoleSym {
        symbol: "_JIT_CACHE",
        value: "Cache",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_CACHE_VERSION",
        value: "CacheVersion",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_CACHE_INDEX",
        value: "CacheIndex",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_CACHE_METHOD",
        value: "CacheMethod",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_OPARG",
        value: "Oparg",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_OPERAND",
        value: "Operand",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_MAGIC",
        value: "Magic",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_TARGET",
        value: "Target",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_TRUE",
        value: "True",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_FALSE",
        value: "False",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_NONE",
        value: "None",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_RANGE_ITER_TYPE",
        value: "RangeIterType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_CELL_TYPE",
        value: "CellType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_ATTR_SITE",
        value: "AttrSite",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_TYPE_EPOCH",
        value: "TypeEpoch",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_TYPE_TYPE",
        value: "TypeType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_LIST_TYPE",
        value: "ListType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_LIST_ITER_TYPE",
        value: "ListIterType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_TUPLE_ITER_TYPE",
        value: "TupleIterType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_DICT_TYPE",
        value: "DictType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_MODULE_TYPE",
        value: "ModuleType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_TUPLE_TYPE",
        value: "TupleType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_FUNCTION_TYPE",
        value: "FunctionType",
        kind: SymKind::Data,
    },
    HoleSym {
        symbol: "_JIT_HELPER",
        value: "Helper",
        kind: SymKind::Helper,
    },
    HoleSym {
        symbol: "_JIT_RUNTIME_FN",
        value: "RuntimeFn",
        kind: SymKind::Helper,
    },
];

/// How many values from the top of the stack a stencil may keep in registers instead of the
/// stack's memory (top-of-stack caching). A chained stencil that enters with `k` cached values
/// takes them as `k` more arguments after `ctx` (the deepest first, the top last), and passes
/// the values it leaves cached to the next stencil the same way; `sp` then points one past the
/// part of the stack that is in memory. A cacheable template is built once per entry state
/// `0..=CACHE_DEPTH` (`Template::cached`); every other stencil enters and leaves with none.
pub const CACHE_DEPTH: usize = 3;

/// The signature of every chained stencil: `(frame, sp, ctx) -> status`, tail convention.
pub fn stencil_signature() -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    for _ in 0..3 {
        sig.params.push(AbiParam::new(I64));
    }
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// The signature of a cacheable stencil entered with `cached` values in registers:
/// `(frame, sp, ctx, c0, .., c{cached-1}, x0, .., x{CACHE_DEPTH-1}) -> status`, tail
/// convention (the top of the stack last). `x_i` is cached value `c_i`'s shadow: when `c_i` is a
/// float an arithmetic stencil made, `x_i` holds it unboxed (an f64 register), so the next float
/// operation need not unbox it; otherwise, and for positions with no cached value, it holds
/// nothing meaningful. Every cacheable stencil takes all `CACHE_DEPTH` shadows and passes on
/// those it does not touch in the same registers (no code), so a value pushed without a shadow
/// costs nothing either; a stencil that is not cacheable takes and passes none (whatever its
/// successor then finds in those registers is no valid shadow). Only the stitcher knows which
/// shadows are valid (`Stencil::flow`), and picks the float stencils' `unboxed` variants by
/// them.
pub fn stencil_signature_cached(cached: usize) -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    for _ in 0..3 + cached {
        sig.params.push(AbiParam::new(I64));
    }
    for _ in 0..CACHE_DEPTH {
        sig.params.push(AbiParam::new(F64));
    }
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// The signature of `_JIT_RUNTIME_FN` (`jit::runtime::GenericFn`):
/// `(frame, sp, ctx, oparg, instr_index) -> new sp, or 0 when it raised`, System V.
pub fn runtime_fn_signature() -> Signature {
    let mut sig = Signature::new(CallConv::SystemV);
    for _ in 0..5 {
        sig.params.push(AbiParam::new(I64));
    }
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// The signature of `_ENTRY` (`jit::runtime::EntryFn`): `(frame, ctx, target) -> status`, System V.
pub fn entry_signature() -> Signature {
    let mut sig = Signature::new(CallConv::SystemV);
    for _ in 0..3 {
        sig.params.push(AbiParam::new(I64));
    }
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// A template: builds one stencil per variant.
pub struct Template {
    /// The opcode it implements (an `Own` opcode of the opcode table), or a `_NAME`/`GENERIC` for
    /// the stencils the stitcher itself needs.
    pub name: &'static str,
    /// Stack effect and meaning, for the dump and README.md.
    pub doc: &'static str,
    /// Variant labels; a variant is selected by the instruction's oparg (its index here). Empty for a
    /// template with one stencil.
    pub variants: &'static [&'static str],
    /// `_ENTRY` is System V; everything else is a chained stencil.
    pub entry: bool,
    /// Built once per number of cached values on entry (`0..=CACHE_DEPTH`), leaving up to
    /// `CACHE_DEPTH` of its results and the values below them cached (see `CACHE_DEPTH`).
    pub cached: bool,
    pub build: fn(&mut Emitter, u32),
}

impl Template {
    /// A chained stencil's template with one stencil per variant (selected by the oparg).
    pub fn variants(
        name: &'static str,
        doc: &'static str,
        variants: &'static [&'static str],
        build: fn(&mut Emitter, u32),
    ) -> Self {
        Template {
            name,
            doc,
            variants,
            entry: false,
            cached: false,
            build,
        }
    }

    /// The same template built for every number of cached values on entry.
    pub fn cached(self) -> Self {
        Template {
            cached: true,
            ..self
        }
    }

    /// A chained stencil's template with one stencil (no variants).
    pub fn plain(name: &'static str, doc: &'static str, build: fn(&mut Emitter, u32)) -> Self {
        Template {
            name,
            doc,
            variants: &[],
            entry: false,
            cached: false,
            build,
        }
    }
}

/// Every template, in dump order.
pub fn templates() -> Vec<Template> {
    let mut t = control::templates();
    t.extend(ops::templates());
    t.extend(attr::templates());
    t
}

/// Resolves a hole symbol to the user external name build.rs declared it under.
pub type SymbolLookup<'a> = &'a dyn Fn(&str) -> UserExternalName;

/// Builds one chained stencil: the shared helpers (stack access, tag checks, guards, exits).
pub struct Emitter<'a> {
    pub b: FunctionBuilder<'a>,
    pub frame: Value,
    /// The stack pointer on entry; guards exit with it, so a deopt leaves the stack as it found it.
    pub sp: Value,
    pub ctx: Value,
    /// The function's parameters (for `_ENTRY`, whose signature differs).
    pub params: Vec<Value>,
    /// The opcode number of the instruction the stencil implements (build.rs sets it), for
    /// stencils that check the quickened code still holds it.
    pub opcode: Option<u8>,
    /// The values on top of the stack that came in registers (the top last), not in memory.
    pub cached: Vec<Value>,
    /// Their shadows (f64 registers; see `stencil_signature_cached`).
    pub shadows: Vec<Value>,
    /// Where the continue path's cached values come from (`Stencil::flow`): how many of the
    /// remaining and pushed values went to memory, how many values remained from those cached
    /// on entry, and which pushed values have a valid shadow (a bit each).
    pub flow: Option<(usize, usize, u8)>,
    /// How many values `finish` may leave cached: `CACHE_DEPTH` in a cacheable template (build.rs
    /// sets it), else 0.
    pub keep: usize,
    /// How many values the stencil leaves cached where it continues with the next instruction
    /// (`_JIT_CONTINUE`): the same on every such path.
    pub cached_out: Option<usize>,
    /// Exit blocks shared by the guards of a stencil entered with cached values
    /// (`exit_unless`): the exit's symbol, the block, and the cached values and stack pointer
    /// it stores them with; filled in by `into_builder`.
    shared_exits: Vec<(&'static str, ir::Block, Vec<Value>, Value)>,
    lookup: SymbolLookup<'a>,
}

/// Loads and stores of the frame, stack and objects: aligned and never trapping.
pub fn mem() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl<'a> Emitter<'a> {
    /// Starts a function: creates the entry block and binds its three parameters.
    pub fn new(mut b: FunctionBuilder<'a>, lookup: SymbolLookup<'a>) -> Self {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        b.seal_block(entry);
        let p = b.block_params(entry).to_vec();
        Emitter {
            b,
            frame: p[0],
            sp: p[1],
            ctx: p[2],
            // A cacheable stencil's parameters: 3 + k words, then CACHE_DEPTH shadows.
            cached: p[3..p.len().saturating_sub(CACHE_DEPTH).max(3)].to_vec(),
            shadows: p[p.len().saturating_sub(CACHE_DEPTH).max(3)..].to_vec(),
            flow: None,
            params: p,
            opcode: None,
            keep: 0,
            cached_out: None,
            shared_exits: Vec::new(),
            lookup,
        }
    }

    pub fn into_builder(mut self) -> FunctionBuilder<'a> {
        for (symbol, block, cached, sp) in std::mem::take(&mut self.shared_exits) {
            self.b.switch_to_block(block);
            self.b.seal_block(block);
            let (cached, sp) = (
                std::mem::replace(&mut self.cached, cached),
                std::mem::replace(&mut self.sp, sp),
            );
            self.jump_popping(symbol, 0);
            self.cached = cached;
            self.sp = sp;
        }
        self.b
    }

    fn import_fn(&mut self, symbol: &str, sig: Signature, colocated: bool) -> ir::FuncRef {
        let name = (self.lookup)(symbol);
        let name_ref = self.b.func.declare_imported_user_function(name);
        let signature = self.b.import_signature(sig);
        self.b.import_function(ir::ExtFuncData {
            name: ir::ExternalName::user(name_ref),
            signature,
            colocated,
            patchable: false,
        })
    }

    /// The 64-bit value of a data hole (`_JIT_OPARG`, `_JIT_TRUE`, ...), as an immediate.
    pub fn hole(&mut self, symbol: &str) -> Value {
        let name = (self.lookup)(symbol);
        let name_ref = self.b.func.declare_imported_user_function(name);
        let gv = self.b.create_global_value(ir::GlobalValueData::Symbol {
            name: ir::ExternalName::user(name_ref),
            offset: ir::immediates::Imm64::new(0),
            colocated: false,
            tls: false,
        });
        self.b.ins().symbol_value(I64, gv)
    }

    pub fn iconst(&mut self, v: i64) -> Value {
        self.b.ins().iconst(I64, v)
    }

    /// Stack slot `i` below the top (0 = top of stack), as of entry: a cached value's register,
    /// or a load from memory.
    pub fn peek(&mut self, i: i32) -> Value {
        let k = self.cached.len() as i32;
        if i < k {
            return self.cached[(k - 1 - i) as usize];
        }
        self.b.ins().load(I64, mem(), self.sp, -8 * (i - k + 1))
    }

    /// Stores into stack slot `i` below the entry top (negative `i` = above it: a push), in a
    /// template that is not cacheable (`finish` is the cache-aware way to push).
    pub fn poke(&mut self, i: i32, v: Value) {
        assert!(
            self.cached.is_empty(),
            "poke in a stencil entered with cached values"
        );
        self.b.ins().store(mem(), v, self.sp, -8 * (i + 1));
    }

    /// The unboxed float shadow of stack slot `i` below the top, if it is cached (valid only
    /// where the stitcher says so: the `unboxed` variants).
    pub fn peek_shadow(&mut self, i: i32) -> Option<Value> {
        let k = self.cached.len() as i32;
        (i < k).then(|| self.shadows[(k - 1 - i) as usize])
    }

    /// The stack after popping `pops` values and pushing `pushes` (the top last, each with its
    /// shadow if it has one), keeping at most `keep` of the top values in registers: stores the
    /// others that were cached or pushed into memory and returns the new `sp`, the values left
    /// cached with their shadows, and the flow (`flow`).
    fn settle(
        &mut self,
        pops: usize,
        pushes: &[(Value, Option<Value>)],
        keep: usize,
    ) -> (Value, Vec<(Value, Option<Value>)>, (usize, usize, u8)) {
        let k = self.cached.len();
        let remaining = k.saturating_sub(pops);
        let mut list: Vec<(Value, Option<Value>)> = (0..remaining)
            .map(|j| (self.cached[j], Some(self.shadows[j])))
            .collect();
        let memory_pops = pops.saturating_sub(k) as i64;
        list.extend_from_slice(pushes);
        let spill = list.len().saturating_sub(keep);
        let base = -memory_pops;
        for (j, &(v, _)) in list[..spill].iter().enumerate() {
            let at = 8 * (base + j as i64) as i32;
            self.b.ins().store(mem(), v, self.sp, at);
        }
        let sp = self.sp_after(base + spill as i64);
        let valid = pushes
            .iter()
            .enumerate()
            .filter(|(_, p)| p.1.is_some())
            .fold(0u8, |m, (j, _)| m | 1 << j);
        (sp, list[spill..].to_vec(), (spill, remaining, valid))
    }

    /// Ends the stencil popping `pops` values and pushing `pushes`: continue with the next
    /// instruction's stencil, the top values cached as far as the template may (`keep`).
    pub fn finish(&mut self, pops: usize, pushes: &[Value]) {
        let keep = self.keep;
        self.finish_keep(pops, pushes, keep);
    }

    /// `finish` pushing one float `boxed` whose unboxed value `raw` becomes its shadow.
    pub fn finish_float(&mut self, pops: usize, boxed: Value, raw: Value) {
        let keep = self.keep;
        self.finish_pushes(pops, &[(boxed, Some(raw))], keep);
    }

    /// `finish` leaving at most `keep` values cached.
    pub fn finish_keep(&mut self, pops: usize, pushes: &[Value], keep: usize) {
        let pushes: Vec<_> = pushes.iter().map(|&v| (v, None)).collect();
        self.finish_pushes(pops, &pushes, keep);
    }

    /// `finish` with each push's shadow given (`None`: no valid shadow), leaving at most `keep`
    /// values cached.
    pub fn finish_pushes(&mut self, pops: usize, pushes: &[(Value, Option<Value>)], keep: usize) {
        let (sp, regs, flow) = self.settle(pops, pushes, keep);
        self.continue_cached(sp, &regs, flow);
    }

    /// Continues with the next instruction's stencil, passing `regs` cached with their shadows
    /// (a value without one gets any f64: its shadow is not valid).
    fn continue_cached(
        &mut self,
        sp: Value,
        regs: &[(Value, Option<Value>)],
        flow: (usize, usize, u8),
    ) {
        match self.cached_out {
            Some(n) => assert_eq!(n, regs.len(), "paths continue with different cache states"),
            None => self.cached_out = Some(regs.len()),
        }
        match self.flow {
            Some(f) => assert_eq!(f, flow, "paths continue with different cache flows"),
            None => self.flow = Some(flow),
        }
        // A stencil that is not cacheable continues with none (and no shadows), unless it
        // leaves values cached (`_FILL`).
        if regs.is_empty() && self.shadows.is_empty() {
            let f = self.import_fn("_JIT_CONTINUE", stencil_signature(), true);
            let args = [self.frame, sp, self.ctx];
            self.b.ins().return_call(f, &args);
            return;
        }
        let f = self.import_fn("_JIT_CONTINUE", stencil_signature_cached(regs.len()), true);
        let mut args = vec![self.frame, sp, self.ctx];
        args.extend(regs.iter().map(|r| r.0));
        let mut zero = None;
        for j in 0..CACHE_DEPTH {
            // A position's own shadow register where nothing valid goes there: no move.
            let x = match (regs.get(j).and_then(|r| r.1), self.shadows.get(j)) {
                (Some(x), _) | (None, Some(&x)) => x,
                (None, None) => *zero.get_or_insert_with(|| self.b.ins().f64const(0.0)),
            };
            args.push(x);
        }
        self.b.ins().return_call(f, &args);
    }

    /// Tail-calls a code hole other than `_JIT_CONTINUE` after popping `pops` values, every
    /// remaining cached value stored to memory first.
    pub fn jump_popping(&mut self, symbol: &str, pops: usize) {
        let (sp, ..) = self.settle(pops, &[], 0);
        self.tail_to_uncached(symbol, sp);
    }

    /// The stack pointer after `delta` pushes (negative: pops).
    pub fn sp_after(&mut self, delta: i64) -> Value {
        if delta == 0 {
            self.sp
        } else {
            self.b.ins().iadd_imm_s(self.sp, 8 * delta)
        }
    }

    /// Tail-calls the stencil behind a code hole with the given stack pointer, in a stencil
    /// entered with nothing cached (elsewhere: `jump_popping`, `finish`).
    pub fn tail_to(&mut self, symbol: &str, sp: Value) {
        assert!(
            self.cached.is_empty(),
            "tail_to in a stencil entered with cached values"
        );
        if symbol == "_JIT_CONTINUE" {
            self.continue_cached(sp, &[], (0, 0, 0));
        } else {
            self.tail_to_uncached(symbol, sp);
        }
    }

    fn tail_to_uncached(&mut self, symbol: &str, sp: Value) {
        let f = self.import_fn(symbol, stencil_signature(), true);
        let (frame, ctx) = (self.frame, self.ctx);
        self.b.ins().return_call(f, &[frame, sp, ctx]);
    }

    /// Ends the stencil: continue with the next instruction's stencil, nothing cached.
    pub fn continue_with(&mut self, sp: Value) {
        self.tail_to("_JIT_CONTINUE", sp);
    }

    /// Returns `status` to the entry trampoline.
    pub fn exit(&mut self, status: i64) {
        let s = self.iconst(status);
        self.b.ins().return_(&[s]);
    }

    /// Continues in a fresh block that runs only when `cond` is true; otherwise `orelse` is
    /// emitted in a side block. The side block comes first in the layout, so the fast path (and
    /// the final `_JIT_CONTINUE` jump) stays last, where the stitcher can drop it.
    pub fn branch_if_not(&mut self, cond: Value, orelse: impl FnOnce(&mut Self)) {
        let side = self.b.create_block();
        let fast = self.b.create_block();
        self.b.ins().brif(cond, fast, &[], side, &[]);
        self.b.switch_to_block(side);
        self.b.seal_block(side);
        orelse(self);
        self.b.switch_to_block(fast);
        self.b.seal_block(fast);
    }

    /// A guard: unless `ok`, deopt (resume the interpreter at this instruction, stack unchanged;
    /// cached values are stored to memory on the way out).
    pub fn guard(&mut self, ok: Value) {
        self.exit_unless(ok, "_JIT_DEOPT");
    }

    /// Unless `ok`, leave the fast path for the instruction's runtime function (`_JIT_SLOW`: an
    /// out-of-line `GENERIC` piece that continues with the next instruction), stack unchanged.
    pub fn slow_unless(&mut self, ok: Value) {
        self.exit_unless(ok, "_JIT_SLOW");
    }

    /// Unless `ok`, leaves through the exit behind `symbol` with the stack unchanged. Entered
    /// with nothing cached, each guard gets its own tail jump, which the x86-64 build passes
    /// fuse with the branch (`invert_jumps`: one `jcc` per guard). Entered with cached values,
    /// the guards that see the same cached values share one block storing them and jumping
    /// (`into_builder` fills it in): Cranelift would otherwise lay out the stores and the jump
    /// again for every guard (LOAD_ATTR_INSTANCE_VALUE cached: 13 bytes per guard).
    fn exit_unless(&mut self, ok: Value, symbol: &'static str) {
        if self.cached.is_empty() {
            self.branch_if_not(ok, |e| e.jump_popping(symbol, 0));
            return;
        }
        let (cached, sp) = (&self.cached, self.sp);
        let shared = self
            .shared_exits
            .iter()
            .find(|(s, _, c, p)| *s == symbol && c == cached && *p == sp)
            .map(|e| e.1);
        let exit = match shared {
            Some(b) => b,
            None => {
                let b = self.b.create_block();
                self.shared_exits.push((symbol, b, cached.clone(), sp));
                b
            }
        };
        let fast = self.b.create_block();
        self.b.ins().brif(ok, fast, &[], exit, &[]);
        self.b.switch_to_block(fast);
        self.b.seal_block(fast);
    }

    /// Leaves for the slow path (`_JIT_SLOW`) with the stack unchanged, all of it in memory.
    pub fn to_slow(&mut self) {
        self.jump_popping("_JIT_SLOW", 0);
    }

    /// The instruction's code unit in the live quickened code (`_JIT_CACHE`), after checking it
    /// still holds this stencil's opcode (the specializer may have rewritten it since the region
    /// was compiled, and its inline cache then means something else): otherwise the slow path.
    /// Its inline cache units follow it (4 bytes each: `c[1]` at +8, ...).
    pub fn live_unit(&mut self) -> Value {
        let p = self.hole("_JIT_CACHE");
        let unit = self.b.ins().uload8(I64, mem(), p, 0);
        let op = self
            .opcode
            .expect("a stencil reading its cache implements an opcode") as i64;
        let same = self.b.ins().icmp_imm_s(IntCC::Equal, unit, op);
        self.slow_unless(same);
        p
    }

    // The helpers below avoid 64-bit constants: on x86-64 Cranelift would put them in a constant
    // pool after the code, and then the final `_JIT_CONTINUE` jump could not be dropped.

    /// Nonzero when both `a` and `b` are small ints (top 16 bits all ones in both).
    pub fn both_ints(&mut self, a: Value, b: Value) -> Value {
        let both = self.b.ins().band(a, b);
        let top = self.b.ins().sshr_imm_s(both, 48);
        self.b.ins().icmp_imm_s(IntCC::Equal, top, -1)
    }

    /// Nonzero when `v` is a small int (top 16 bits all ones).
    pub fn is_int(&mut self, v: Value) -> Value {
        let top = self.b.ins().sshr_imm_s(v, 48);
        self.b.ins().icmp_imm_s(IntCC::Equal, top, -1)
    }

    /// Nonzero when `v` is a float: top 16 bits in 0x0002..=0xFFF2.
    pub fn is_float(&mut self, v: Value) -> Value {
        let top = self.b.ins().ushr_imm_s(v, 48);
        let low = self.b.ins().iadd_imm_s(top, -2);
        self.b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, low, 0xFFF1)
    }

    /// The type object of `o` after checking `o` is a heap object (otherwise the slow path).
    pub fn ptr_type_or_slow(&mut self, o: Value) -> Value {
        let ptr = self.is_ptr(o);
        self.slow_unless(ptr);
        self.b.ins().load(I64, mem(), o, crate::OBJ_TYPE_OFFSET)
    }

    /// Checks `o` is a heap object whose type is the one behind the hole `type_hole` (exactly,
    /// not a subclass); else the slow path.
    pub fn exact_type_or_slow(&mut self, o: Value, type_hole: &str) {
        let ty = self.ptr_type_or_slow(o);
        let want = self.hole(type_hole);
        let exact = self.b.ins().icmp(IntCC::Equal, ty, want);
        self.slow_unless(exact);
    }

    /// Nonzero when `v` is a heap pointer (top 16 bits zero, not NULL).
    pub fn is_ptr(&mut self, v: Value) -> Value {
        // `Value::is_ptr` (top 16 bits zero and not NULL) as one test: `v - 1` has its top 16
        // bits zero exactly when `v` is a pointer, NULL wrapping to all ones; the one other word
        // it would accept, 0x0001_0000_0000_0000, is no value (floats start at a top of 0x0002).
        // Two compares and an `and` had cost 8 instructions (26 bytes on x86-64), this 3.
        let less = self.b.ins().iadd_imm_s(v, -1);
        let top = self.b.ins().ushr_imm_s(less, 48);
        self.b.ins().icmp_imm_s(IntCC::Equal, top, 0)
    }

    /// Boxes a small-int payload held in the top 48 bits of `shifted` (low 16 bits zero):
    /// fill the low 16 bits with the tag and rotate it to the top.
    pub fn box_shifted_int(&mut self, shifted: Value) -> Value {
        let tagged = self.b.ins().bor_imm_s(shifted, 0xFFFF);
        self.b.ins().rotr_imm_s(tagged, 16)
    }

    /// Boxes a 64-bit integer already known to fit in 48 bits.
    pub fn box_int(&mut self, i: Value) -> Value {
        let shifted = self.b.ins().ishl_imm_s(i, 16);
        self.box_shifted_int(shifted)
    }

    /// Nonzero when the 64-bit integer `i` fits in a small int (48-bit two's complement).
    pub fn fits_small_int(&mut self, i: Value) -> Value {
        let up = self.b.ins().ishl_imm_s(i, 16);
        let back = self.b.ins().sshr_imm_s(up, 16);
        self.b.ins().icmp(IntCC::Equal, back, i)
    }

    /// `_JIT_TRUE` or `_JIT_FALSE` by a condition.
    pub fn bool_value(&mut self, cond: Value) -> Value {
        let t = self.hole("_JIT_TRUE");
        let f = self.hole("_JIT_FALSE");
        self.b.ins().select(cond, t, f)
    }

    /// Calls the instruction's helper (`_JIT_HELPER`, `jit::ops::helper_fn`): a System V function
    /// of three words returning one (`call_spilling`: use `self.frame`, `sp`, `ctx` after it).
    pub fn call_helper(&mut self, args: &[Value; 3]) -> Value {
        let mut sig = Signature::new(CallConv::SystemV);
        for _ in 0..3 {
            sig.params.push(AbiParam::new(I64));
        }
        sig.returns.push(AbiParam::new(I64));
        let f = self.import_fn("_JIT_HELPER", sig, false);
        self.call_spilling(true, |e| {
            let call = e.b.ins().call(f, args);
            e.b.inst_results(call)[0]
        })
    }

    /// Runs `call` (which emits a call) with `frame` and `ctx` (and `sp` when `keep_sp`) kept in
    /// the stencil's stack frame across it rather than in callee-saved registers, which the
    /// prologue would save and every exit after the call restore (three epilogues of 20 bytes in
    /// GENERIC); afterwards `self.frame`, `self.ctx` (and `self.sp`) are the reloaded values, so
    /// code after the call must use them, not copies taken before. Returns what `call` returns.
    pub fn call_spilling(&mut self, keep_sp: bool, call: impl FnOnce(&mut Self) -> Value) -> Value {
        let words = 2 + keep_sp as u32;
        let slot = self.b.create_sized_stack_slot(ir::StackSlotData::new(
            ir::StackSlotKind::ExplicitSlot,
            8 * words,
            3,
        ));
        self.b.ins().stack_store(I64, self.frame, slot, 0);
        self.b.ins().stack_store(I64, self.ctx, slot, 8);
        if keep_sp {
            self.b.ins().stack_store(I64, self.sp, slot, 16);
        }
        let r = call(self);
        self.frame = self.b.ins().stack_load(I64, I64, slot, 0);
        self.ctx = self.b.ins().stack_load(I64, I64, slot, 8);
        if keep_sp {
            self.sp = self.b.ins().stack_load(I64, I64, slot, 16);
        }
        r
    }

    /// Calls a System V runtime function at the `_JIT_RUNTIME_FN` hole.
    pub fn call_runtime_fn(&mut self, args: &[Value]) -> Value {
        let f = self.import_fn("_JIT_RUNTIME_FN", runtime_fn_signature(), false);
        let call = self.b.ins().call(f, args);
        self.b.inst_results(call)[0]
    }
}
