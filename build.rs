//! Build script: compiles the JIT stencil templates (`stencils/`) with Cranelift for x86-64 and
//! AArch64, writes each target's stencils as an ELF relocatable object (cranelift-object, one section
//! per function), reads the objects back with the `object` crate, and generates Rust tables of code
//! bytes and holes into OUT_DIR (`stencils_x86_64.rs`, `stencils_aarch64.rs`), included by
//! `src/jit/stencils.rs`. Needs only cargo: no clang, LLVM or cross toolchain.
//!
//! The stencil list is derived from THE opcode table: one template per `stencil: Own` opcode, plus the
//! stencils the stitcher needs (`_ENTRY`, `_DEOPT`, `GENERIC`). A missing template fails the build.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use cranelift_codegen::ir::{Function, UserExternalName, UserFuncName};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataId, FuncId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};
use object::{Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget};

// The ABI numbers the templates use (`crate::FRAME_*`, `crate::JIT_*`, ...): the very files the crate
// compiles, so the stencils and the VM cannot disagree.
#[path = "src/jit/abi.rs"]
#[allow(dead_code)]
mod jit_abi;
#[path = "src/vm/abi.rs"]
#[allow(dead_code)]
mod vm_abi;
use jit_abi::*;
use vm_abi::*;
// THE opcode table: `for_each_opcode!`.
include!("src/bytecode/opcode_table.rs");

#[path = "stencils/mod.rs"]
mod stencils;
// The x86-64 frame stripping the stitcher's `STRIPPED` table is made with (`jit::strip_core`).
#[path = "src/jit/strip_core.rs"]
#[allow(dead_code)]
mod strip_core;

/// (name, number, stencil kind) of every opcode, from the opcode table.
macro_rules! opcode_list {
    ($($name:ident = $num:literal, stack: $stack:expr, operand: $operand:ident, cache: $cache:literal,
       deopt: $deopt:ident, stencil: $stencil:ident, doc: $doc:literal;)*) => {
        &[$((stringify!($name), $num, stringify!($stencil)),)*]
    };
}
const OPCODES: &[(&str, u8, &str)] = for_each_opcode!(opcode_list);

/// The targets stencils are built for: (module name, Cranelift triple, keep frame pointers).
/// x86-64 tail calls need frame pointers (Cranelift panics without); AArch64 leaves them out, so
/// call-free stencils there carry no frame set-up at all.
const TARGETS: &[(&str, &str, bool)] = &[
    ("x86_64", "x86_64-unknown-linux-gnu", true),
    ("aarch64", "aarch64-unknown-linux-gnu", false),
];

/// What a compiled job leaves cached where it continues: how many values, and the flow
/// (`stencils::Emitter::flow`).
type CacheOut = (usize, (usize, usize, u8));

/// One stencil to compile: a template and a variant.
struct Job<'t> {
    template: &'t stencils::Template,
    variant: Option<u32>,
    opcode: Option<u8>,
    /// Values cached in registers on entry (`stencils::CACHE_DEPTH`; 0 unless the template is
    /// cacheable).
    cached_in: usize,
    /// The symbol name of its function in the object file.
    symbol: String,
}

impl<'t> Job<'t> {
    /// Every job of a template: one per variant (or one for a template without variants), each
    /// once per entry cache state when the template is cacheable (symbols `NAME[__V][__cK]`).
    fn all_of(template: &'t stencils::Template, opcode: Option<u8>) -> Vec<Job<'t>> {
        let variants: Vec<Option<u32>> = if template.variants.is_empty() {
            vec![None]
        } else {
            (0..template.variants.len() as u32).map(Some).collect()
        };
        let states = if template.cached {
            stencils::CACHE_DEPTH
        } else {
            0
        };
        let mut jobs = Vec::new();
        for variant in variants {
            for k in 0..=states {
                let mut symbol = template.name.to_string();
                if let Some(v) = variant {
                    symbol += &format!("__{v}");
                }
                if k > 0 {
                    symbol += &format!("__c{k}");
                }
                jobs.push(Job {
                    template,
                    variant,
                    opcode,
                    cached_in: k,
                    symbol,
                });
            }
        }
        jobs
    }
}

fn main() {
    for path in [
        "build.rs",
        "stencils",
        "src/bytecode/opcode_table.rs",
        "src/vm/abi.rs",
        "src/jit/abi.rs",
        "src/jit/strip_core.rs",
        "tools/gen_unicodedata.py",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    unicodedata_table();
    let templates = stencils::templates();
    let jobs = plan(&templates).unwrap_or_else(|e| fail(&e));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    for &(arch, triple, frame_pointers) in TARGETS {
        let (object, cached_out) =
            compile(&jobs, triple, frame_pointers).unwrap_or_else(|e| fail(&e));
        // Kept for inspection (`objdump -dr`); the crate reads only the generated tables.
        std::fs::write(out.join(format!("stencils_{arch}.o")), &object).expect("write object");
        let table = read_back(&jobs, &cached_out, arch, &object).unwrap_or_else(|e| fail(&e));
        std::fs::write(out.join(format!("stencils_{arch}.rs")), table).expect("write table");
    }
}

/// `unicodedata`'s property table, generated from the installed python3's `unicodedata` (so
/// it is CPython 3.11's Unicode 14.0.0 data; nothing of it is kept in the repository). Without
/// a python3 the table is empty and `import unicodedata` raises ImportError.
fn unicodedata_table() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("unicodedata.rs");
    let ok = std::process::Command::new("python3")
        .arg("tools/gen_unicodedata.py")
        .arg(&out)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        println!("cargo:warning=python3 not found: unicodedata is built without its table");
        std::fs::write(
            &out,
            "pub const UNIDATA_VERSION: &str = \"\";\npub const AVAILABLE: bool = false;\n\
             pub static CATEGORIES: [&str; 1] = [\"Cn\"];\npub static BIDI: [&str; 1] = [\"\"];\n\
             pub static EAW: [&str; 1] = [\"N\"];\npub static NUMERIC: [f64; 0] = [];\n\
             pub static RECORDS: [(u8, u8, u8, u8, bool, i8, i8, u16); 1] = \
             [(0, 0, 0, 0, false, -1, -1, 0xFFFF)];\n\
             pub static RUNS: [(u32, u16); 1] = [(0, 0)];\n\
             pub static DECOMPOSITION: [(u32, &str); 0] = [];\n",
        )
        .expect("write unicodedata table");
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("error: stencil build failed: {msg}");
    std::process::exit(1)
}

/// The stencils to build: every `Own` opcode's template (all its variants) plus the templates that
/// are not opcodes. An `Own` opcode without a template, or a template naming a non-`Own` opcode,
/// is an error.
fn plan(templates: &[stencils::Template]) -> Result<Vec<Job<'_>>, String> {
    let mut jobs = Vec::new();
    let by_name: HashMap<&str, &stencils::Template> =
        templates.iter().map(|t| (t.name, t)).collect();
    for t in templates {
        let is_opcode = OPCODES.iter().any(|o| o.0 == t.name);
        let own = OPCODES.iter().any(|o| o.0 == t.name && o.2 == "Own");
        if is_opcode && !own {
            return Err(format!(
                "stencils/ has a template for {}, but the opcode table does not mark it `stencil: Own`",
                t.name
            ));
        }
        if !(is_opcode || t.name.starts_with('_') || t.name == "GENERIC") {
            return Err(format!(
                "template {} names no opcode in the opcode table",
                t.name
            ));
        }
    }
    for t in templates
        .iter()
        .filter(|t| !OPCODES.iter().any(|o| o.0 == t.name))
    {
        jobs.extend(Job::all_of(t, None));
    }
    for &(name, number, kind) in OPCODES {
        if kind != "Own" {
            continue;
        }
        let Some(t) = by_name.get(name) else {
            return Err(format!(
                "opcode {name} is marked `stencil: Own` in src/bytecode/opcode_table.rs but \
                 stencils/ has no template for it"
            ));
        };
        jobs.extend(Job::all_of(t, Some(number)));
    }
    Ok(jobs)
}

/// Compiles every job for one target into one ELF relocatable object; with it, how many values
/// each job leaves cached where it continues.
fn compile(
    jobs: &[Job],
    triple: &str,
    frame_pointers: bool,
) -> Result<(Vec<u8>, Vec<CacheOut>), String> {
    let mut flags = settings::builder();
    for (k, v) in [
        ("opt_level", "speed"),
        ("is_pic", "false"),
        ("unwind_info", "false"),
        ("enable_verifier", "true"),
        (
            "preserve_frame_pointers",
            if frame_pointers { "true" } else { "false" },
        ),
    ] {
        flags
            .set(k, v)
            .map_err(|e| format!("{triple}: setting {k}={v}: {e}"))?;
    }
    let isa = cranelift_codegen::isa::lookup_by_name(triple)
        .map_err(|e| format!("{triple}: {e}"))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| format!("{triple}: {e}"))?;
    let mut builder = ObjectBuilder::new(
        isa.clone(),
        "stencils",
        cranelift_module::default_libcall_names(),
    )
    .map_err(|e| format!("{triple}: {e}"))?;
    builder.per_function_section(true);
    let mut module = ObjectModule::new(builder);

    // Every hole symbol is an import; templates reference them by name.
    let mut symbols: HashMap<&str, UserExternalName> = HashMap::new();
    for h in stencils::HOLE_SYMBOLS {
        let name = match h.kind {
            stencils::SymKind::Code | stencils::SymKind::Helper => {
                let sig = if h.kind == stencils::SymKind::Code {
                    stencils::stencil_signature()
                } else {
                    stencils::runtime_fn_signature()
                };
                let id: FuncId = module
                    .declare_function(h.symbol, Linkage::Import, &sig)
                    .map_err(|e| format!("{triple}: declaring {}: {e}", h.symbol))?;
                UserExternalName {
                    namespace: 0,
                    index: id.as_u32(),
                }
            }
            stencils::SymKind::Data => {
                let id: DataId = module
                    .declare_data(h.symbol, Linkage::Import, false, false)
                    .map_err(|e| format!("{triple}: declaring {}: {e}", h.symbol))?;
                UserExternalName {
                    namespace: 1,
                    index: id.as_u32(),
                }
            }
        };
        symbols.insert(h.symbol, name);
    }
    let lookup = |s: &str| -> UserExternalName {
        match symbols.get(s) {
            Some(n) => n.clone(),
            None => fail(&format!(
                "a template imports {s}, which is not in stencils::HOLE_SYMBOLS"
            )),
        }
    };

    let mut fctx = FunctionBuilderContext::new();
    let mut cached_out = Vec::with_capacity(jobs.len());
    for job in jobs {
        let sig = if job.template.entry {
            stencils::entry_signature()
        } else if job.template.cached {
            stencils::stencil_signature_cached(job.cached_in)
        } else {
            stencils::stencil_signature()
        };
        let id = module
            .declare_function(&job.symbol, Linkage::Export, &sig)
            .map_err(|e| format!("{triple}: declaring {}: {e}", job.symbol))?;
        let mut func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), sig);
        {
            let b = FunctionBuilder::new(&mut func, &mut fctx);
            let mut e = stencils::Emitter::new(b, &lookup);
            e.opcode = job.opcode;
            if job.template.cached {
                e.keep = stencils::CACHE_DEPTH;
            }
            (job.template.build)(&mut e, job.variant.unwrap_or(0));
            cached_out.push((e.cached_out.unwrap_or(0), e.flow.unwrap_or((0, 0, 0))));
            e.into_builder().finalize(isa.frontend_config());
        }
        let mut ctx = Context::for_function(func);
        module
            .define_function(id, &mut ctx)
            .map_err(|e| format!("{triple}: compiling stencil {}: {e:?}", job.symbol))?;
    }
    let object = module
        .finish()
        .emit()
        .map_err(|e| format!("{triple}: writing the object: {e}"))?;
    Ok((object, cached_out))
}

/// The `jit::stencils::RelocKind` variant for an ELF relocation type, if the JIT knows it.
fn reloc_kind(arch: &str, r_type: u32) -> Option<&'static str> {
    use object::elf::*;
    Some(match (arch, r_type) {
        ("x86_64", R_X86_64_64) => "X86_64_64",
        ("x86_64", R_X86_64_PC32) => "X86_64_PC32",
        ("x86_64", R_X86_64_PLT32) => "X86_64_PLT32",
        ("aarch64", R_AARCH64_ABS64) => "AARCH64_ABS64",
        ("aarch64", R_AARCH64_CALL26) => "AARCH64_CALL26",
        ("aarch64", R_AARCH64_JUMP26) => "AARCH64_JUMP26",
        ("aarch64", R_AARCH64_ADR_PREL_PG_HI21) => "AARCH64_ADR_PREL_PG_HI21",
        ("aarch64", R_AARCH64_ADD_ABS_LO12_NC) => "AARCH64_ADD_ABS_LO12_NC",
        ("aarch64", R_AARCH64_MOVW_UABS_G0_NC) => "AARCH64_MOVW_UABS_G0_NC",
        ("aarch64", R_AARCH64_MOVW_UABS_G1_NC) => "AARCH64_MOVW_UABS_G1_NC",
        ("aarch64", R_AARCH64_MOVW_UABS_G2_NC) => "AARCH64_MOVW_UABS_G2_NC",
        ("aarch64", R_AARCH64_MOVW_UABS_G3) => "AARCH64_MOVW_UABS_G3",
        _ => return None,
    })
}

/// Reads the object back and renders the Rust table of stencils for one target.
fn read_back(
    jobs: &[Job],
    cached_out: &[CacheOut],
    arch: &str,
    bytes: &[u8],
) -> Result<String, String> {
    let file = object::File::parse(bytes).map_err(|e| format!("{arch}: reading object: {e}"))?;
    let hole_values: HashMap<&str, &str> = stencils::HOLE_SYMBOLS
        .iter()
        .map(|h| (h.symbol, h.value))
        .collect();
    let mut tables = Tables::default();
    let mut records = String::new();
    // x86-64: every stencil again as the stitcher copies it, its frame stripped where possible.
    let mut stripped = String::new();
    for (job, &(out_state, flow)) in jobs.iter().zip(cached_out) {
        let cache = (job.cached_in, out_state, flow);
        let sym = file
            .symbols()
            .find(|s| s.name() == Ok(job.symbol.as_str()) && s.is_definition())
            .ok_or_else(|| format!("{arch}: stencil {} missing from the object", job.symbol))?;
        let section_index = sym
            .section_index()
            .ok_or_else(|| format!("{arch}: {} has no section", job.symbol))?;
        let section = file
            .section_by_index(section_index)
            .map_err(|e| e.to_string())?;
        let data = section.data().map_err(|e| e.to_string())?;
        let start = sym.address() as usize;
        if start != 0 {
            return Err(format!("{arch}: {} does not start its section", job.symbol));
        }
        let code = &data[..data.len()];
        let mut holes = Vec::new();
        for (offset, rel) in section.relocations() {
            let RelocationFlags::Elf { r_type } = rel.flags() else {
                return Err(format!("{arch}: {}: a non-ELF relocation", job.symbol));
            };
            let kind = reloc_kind(arch, r_type).ok_or_else(|| {
                format!(
                    "{arch}: stencil {} has relocation type {r_type} at offset {offset}, which the \
                     JIT has no patch function for (add it to build.rs and src/jit/patch/{arch}.rs)",
                    job.symbol
                )
            })?;
            let RelocationTarget::Symbol(si) = rel.target() else {
                return Err(format!(
                    "{arch}: {}: relocation not against a symbol",
                    job.symbol
                ));
            };
            let target = file.symbol_by_index(si).map_err(|e| e.to_string())?;
            let target_name = target.name().map_err(|e| e.to_string())?;
            let value = hole_values.get(target_name).ok_or_else(|| {
                format!(
                    "{arch}: stencil {} references unknown symbol {target_name}",
                    job.symbol
                )
            })?;
            holes.push((offset, kind, *value, rel.addend()));
        }
        holes.sort();
        let trailing = trailing_continue(arch, code, &holes);
        tables.record(&mut records, job, cache, code, &holes, trailing);
        if arch == "x86_64" {
            // As the stitcher copies it (`strip_core::build_passes`): frame stripped, guard
            // jumps inverted, opargs and indexes as 32-bit immediates, short branches.
            let offsets: Vec<u64> = holes.iter().map(|h| h.0).collect();
            let narrowable: Vec<bool> = holes
                .iter()
                .map(|&(_, k, v, a)| strip_core::narrowable(k, v, a))
                .collect();
            let (code, holes) = match strip_core::build_passes(code, &offsets, &narrowable) {
                Some((c, moved, narrowed)) => {
                    let h: Vec<_> = holes
                        .iter()
                        .zip(moved)
                        .zip(narrowed)
                        .map(|((&(_, k, v, a), o), n)| (o, if n { "X86_64_32" } else { k }, v, a))
                        .collect();
                    (c, h)
                }
                None => (code.to_vec(), holes.clone()),
            };
            let trailing = trailing_continue(arch, &code, &holes);
            tables.record(&mut stripped, job, cache, &code, &holes, trailing);
        }
    }
    Ok(tables.render(arch, &records, &stripped))
}

/// The generated tables of one target, free of pointers so that nothing in them needs a
/// relocation when the (position-independent) binary loads: a relocated table is written to at
/// start-up, and ~5,400 stencil records of six pointers each cost every process 1.5 MB of dirty
/// pages (`import random` peaked 15.8 MB against 13.9 MB). Each record (`StencilRecord`) holds
/// indexes into the string lists and offsets into one code blob and one hole list;
/// `jit::stencils` builds the `Stencil`s from them on first use.
#[derive(Default)]
struct Tables {
    strings: Vec<String>,
    string_index: HashMap<String, usize>,
    code: Vec<u8>,
    holes: String,
    hole_count: usize,
}

impl Tables {
    fn string(&mut self, s: &str) -> usize {
        if let Some(&i) = self.string_index.get(s) {
            return i;
        }
        self.strings.push(s.to_string());
        self.string_index
            .insert(s.to_string(), self.strings.len() - 1);
        self.strings.len() - 1
    }

    /// One `StencilRecord { .. }` entry.
    fn record(
        &mut self,
        out: &mut String,
        job: &Job,
        cache: (usize, usize, (usize, usize, u8)),
        code: &[u8],
        holes: &[(u64, &str, &str, i64)],
        trailing: usize,
    ) {
        let name = self.string(job.template.name);
        let doc = self.string(job.template.doc);
        let (variant, label) = match job.variant {
            Some(v) => (v, self.string(job.template.variants[v as usize])),
            None => (u32::MAX, 0),
        };
        let opcode = job.opcode.map_or(u16::MAX, u16::from);
        let code_at = self.code.len();
        self.code.extend_from_slice(code);
        let holes_at = self.hole_count;
        for (offset, kind, value, addend) in holes {
            writeln!(
                self.holes,
                "    Hole {{ offset: {offset}, kind: RelocKind::{kind}, value: HoleValue::{value}, addend: {addend} }},"
            )
            .unwrap();
        }
        self.hole_count += holes.len();
        let (k_in, k_out, (spilled, remaining, valid)) = cache;
        writeln!(
            out,
            "    StencilRecord {{ name: {name}, opcode: {opcode}, variant: {variant}, label: {label}, \
             doc: {doc}, cached: ({k_in}, {k_out}), flow: ({spilled}, {remaining}, {valid}), \
             trailing_continue: {trailing}, code: ({code_at}, {}), holes: ({holes_at}, {}) }},",
            code.len(),
            holes.len()
        )
        .unwrap();
    }

    fn render(&self, arch: &str, records: &str, stripped: &str) -> String {
        let mut out = String::new();
        writeln!(
            out,
            "// Generated by build.rs from stencils/ for {arch}. Do not edit."
        )
        .unwrap();
        writeln!(out, "pub static STRINGS: &[&str] = &[").unwrap();
        for s in &self.strings {
            writeln!(out, "    {s:?},").unwrap();
        }
        writeln!(out, "];").unwrap();
        write!(out, "pub static CODE: &[u8] = &[").unwrap();
        for (i, b) in self.code.iter().enumerate() {
            if i % 16 == 0 {
                write!(out, "\n   ").unwrap();
            }
            write!(out, " {b:#04x},").unwrap();
        }
        writeln!(out, "\n];").unwrap();
        writeln!(out, "pub static HOLES: &[Hole] = &[\n{}];", self.holes).unwrap();
        writeln!(
            out,
            "pub static RECORDS: &[StencilRecord] = &[\n{records}];"
        )
        .unwrap();
        writeln!(
            out,
            "pub static STRIPPED_RECORDS: &[StencilRecord] = &[\n{stripped}];"
        )
        .unwrap();
        out
    }
}

/// Bytes of the final `jmp _JIT_CONTINUE` if the stencil ends with one: the stitcher drops them when
/// the next instruction's stencil follows directly.
fn trailing_continue(arch: &str, code: &[u8], holes: &[(u64, &str, &str, i64)]) -> usize {
    let Some(&(offset, kind, value, _)) = holes.last() else {
        return 0;
    };
    if value != "Continue" {
        return 0;
    }
    let n = code.len();
    match arch {
        "x86_64"
            if n >= 5
                && offset as usize == n - 4
                && code[n - 5] == 0xE9
                && (kind == "X86_64_PLT32" || kind == "X86_64_PC32") =>
        {
            5
        }
        "aarch64" if n >= 4 && offset as usize == n - 4 => {
            let word = u32::from_le_bytes(code[n - 4..].try_into().unwrap());
            if word & 0xFC00_0000 == 0x1400_0000 {
                4
            } else {
                0
            }
        }
        _ => 0,
    }
}
