//! The bytecode cache (PEP 3147 / PEP 552): `__pycache__/<name>.cpjit-311.pyc` beside a module's
//! source, next to CPython's own `<name>.cpython-311.pyc` and never touching it.
//!
//! File layout (all little-endian):
//!
//! | bytes | field |
//! |-------|-------|
//! | 4     | magic: [`serialize::magic`], a hash of the opcode table and the format version |
//! | 4     | flags: bit 0 hash-based, bit 1 check the source hash (PEP 552); other bits 0 |
//! | 8     | timestamp mode: the source's mtime in nanoseconds; hash-based: its [`serialize::checksum`] |
//! | 8     | the source's size in bytes |
//! | 8     | [`serialize::checksum`] of the payload |
//! | rest  | the payload: [`serialize::serialize`] of the module's code object |
//!
//! A file that is stale, truncated, corrupt or carries another magic is ignored (the module is
//! compiled from source and the file rewritten); the payload is validated before anything runs
//! it. Files are written to a temporary name and renamed into place, so a reader (another
//! process importing the same module) sees either the old file, the new one, or none.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::bytecode::code::CodeObject;
use crate::bytecode::serialize;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::value::Value;

/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "cpjit-311";

const HEADER_LEN: usize = 32;
const FLAG_HASH_BASED: u32 = 1;
const FLAG_CHECK_SOURCE: u32 = 2;

/// How a cache file is checked against its source (CPython's `PycInvalidationMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidation {
    Timestamp,
    CheckedHash,
    UncheckedHash,
}

/// What the header records about the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceStamp {
    pub mtime_ns: u64,
    pub size: u64,
}

impl SourceStamp {
    pub fn of(path: &Path) -> Option<SourceStamp> {
        let md = std::fs::metadata(path).ok()?;
        let mtime = md.modified().ok()?;
        let d = mtime.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(SourceStamp {
            mtime_ns: u64::try_from(d.as_nanos()).ok()?,
            size: md.len(),
        })
    }
}

/// What `--stats` reports for one kind of cached code: code loaded from a cache file, compiled
/// from source, files written, and cache files found but rejected.
struct Counters([AtomicU64; 4]);

const HIT: usize = 0;
const COMPILED: usize = 1;
const WRITTEN: usize = 2;
const REJECTED: usize = 3;

impl Counters {
    const fn new() -> Counters {
        Counters([const { AtomicU64::new(0) }; 4])
    }
    fn bump(&self, which: usize) {
        self.0[which].fetch_add(1, Ordering::Relaxed);
    }
    fn get(&self) -> [u64; 4] {
        self.0.each_ref().map(|c| c.load(Ordering::Relaxed))
    }
}

/// Modules' source files (`load_or_compile`).
static MODULES: Counters = Counters::new();
/// Frozen modules (`load_or_compile_frozen`), counted apart.
static FROZEN: Counters = Counters::new();

/// The `--stats` text lines.
pub fn stats_text() -> String {
    let [h, c, w, r] = MODULES.get();
    let [fh, fc, fw, fr] = FROZEN.get();
    format!(
        "pyc: hits {h} compiled {c} written {w} rejected {r}\n\
         frozen pyc: hits {fh} compiled {fc} written {fw} rejected {fr}\n"
    )
}

/// `--stats=json`: the report with `"pyc"` and `"frozen_pyc"` members added.
pub fn add_stats_json(json: String) -> String {
    let [h, c, w, r] = MODULES.get();
    let [fh, fc, fw, fr] = FROZEN.get();
    let member = format!(
        "\"pyc\":{{\"hits\":{h},\"compiled\":{c},\"written\":{w},\"rejected\":{r}}},\
         \"frozen_pyc\":{{\"hits\":{fh},\"compiled\":{fc},\"written\":{fw},\"rejected\":{fr}}}"
    );
    let body = json.trim_end();
    match body.strip_suffix('}') {
        Some(head) if head.trim_end().ends_with('{') => format!("{head}{member}}}\n"),
        Some(head) => format!("{head},{member}}}\n"),
        None => json,
    }
}

/// `dir/__pycache__/name.cpjit-311.pyc` for `dir/name.py`.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?.to_str()?;
    let dir = source.parent()?;
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.{CACHE_TAG}.pyc")),
    )
}

/// The whole file for `code`.
pub fn encode(code: &CodeObject, src: &[u8], stamp: SourceStamp, mode: Invalidation) -> Vec<u8> {
    let payload = serialize::serialize(code);
    let mut out = header(&payload, src, stamp, mode);
    out.extend_from_slice(&payload);
    out
}

/// The 32-byte header [`decode`] accepts for `payload` as the cache of `src` (room is left for
/// the payload to follow).
pub fn header(payload: &[u8], src: &[u8], stamp: SourceStamp, mode: Invalidation) -> Vec<u8> {
    let (flags, first) = match mode {
        Invalidation::Timestamp => (0, stamp.mtime_ns),
        Invalidation::CheckedHash => (
            FLAG_HASH_BASED | FLAG_CHECK_SOURCE,
            serialize::checksum(src),
        ),
        Invalidation::UncheckedHash => (FLAG_HASH_BASED, serialize::checksum(src)),
    };
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&serialize::magic().to_le_bytes());
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&first.to_le_bytes());
    out.extend_from_slice(&stamp.size.to_le_bytes());
    out.extend_from_slice(&serialize::checksum(payload).to_le_bytes());
    out
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

/// The code object in a cache file, if the file is current for the source (`src`, `stamp`) and
/// intact; `filename` becomes every code object's `co_filename`.
pub fn decode(
    bytes: &[u8],
    src: &[u8],
    stamp: SourceStamp,
    filename: &str,
) -> Result<CodeObject, String> {
    decode_with(bytes, &mut Source::Text(src), stamp, filename)
}

/// A module's source text, read from its file only when it is needed: to compile it, or to check
/// a checked-hash cache file. A cache file checked by timestamp needs only the file's size and
/// mtime, as CPython's SourceFileLoader reads the source only when it has to (reading every
/// imported module's text cost a copy and a page fault per 4 KiB of it: 5,819 -> 5,596 page
/// faults for an import of nine common modules).
pub enum Source<'a> {
    Text(&'a [u8]),
    File(&'a Path, Option<Vec<u8>>),
}

impl Source<'_> {
    fn text(&mut self) -> std::io::Result<&[u8]> {
        match self {
            Source::Text(t) => Ok(t),
            Source::File(path, text) => {
                if text.is_none() {
                    *text = Some(std::fs::read(path)?);
                }
                Ok(text.as_deref().unwrap_or_default())
            }
        }
    }
}

/// Why a module's code could not be had: its source would not compile, or could not be read.
pub enum LoadError {
    Syntax(crate::syntax::error::SyntaxError),
    Read(std::io::Error),
}

impl From<crate::syntax::error::SyntaxError> for LoadError {
    fn from(e: crate::syntax::error::SyntaxError) -> Self {
        LoadError::Syntax(e)
    }
}

/// [`decode`] with the source read only if the header asks for its hash.
fn decode_with(
    bytes: &[u8],
    src: &mut Source,
    stamp: SourceStamp,
    filename: &str,
) -> Result<CodeObject, String> {
    if bytes.len() < HEADER_LEN {
        return Err("truncated header".into());
    }
    if bytes[0..4] != serialize::magic().to_le_bytes() {
        return Err("bad magic number".into());
    }
    let flags = u64_at(bytes, 4) as u32;
    if flags & !(FLAG_HASH_BASED | FLAG_CHECK_SOURCE) != 0 || flags == FLAG_CHECK_SOURCE {
        return Err("bad flags".into());
    }
    let first = u64_at(bytes, 8);
    let size = u64_at(bytes, 16);
    if flags & FLAG_HASH_BASED == 0 {
        if first != stamp.mtime_ns || size != stamp.size {
            return Err("stale (source changed)".into());
        }
    } else if flags & FLAG_CHECK_SOURCE != 0 {
        let src = src.text().map_err(|e| e.to_string())?;
        if first != serialize::checksum(src) {
            return Err("stale (source hash changed)".into());
        }
    }
    let payload = &bytes[HEADER_LEN..];
    if u64_at(bytes, 24) != serialize::checksum(payload) {
        return Err("checksum mismatch".into());
    }
    // Nested code objects' bodies are decoded on first use (`CodeObject::lazy`); they keep the
    // payload alive until then.
    serialize::deserialize_lazy(&std::rc::Rc::from(payload), filename).map_err(|e| e.0)
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename;
/// creates `__pycache__` if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    static SEQ: AtomicU64 = AtomicU64::new(0);
    if let Some(dir) = path.parent() {
        match std::fs::create_dir(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    let tmp = path.with_extension(format!(
        "pyc.{}.{}.tmp",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let r = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if r.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    r
}

/// `sys.dont_write_bytecode` at start-up: `-B`, or PYTHONDONTWRITEBYTECODE set (unless `-E`).
pub fn dont_write_by_options(o: &crate::vm::run::Options) -> bool {
    let env = !o.ignore_environment
        && std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
    o.dont_write_bytecode || env
}

/// Whether an import writes its cache file: `sys.dont_write_bytecode` is false (read at each
/// write, as importlib does, so a program may change it), else the start-up options.
pub fn writing_enabled(vm: &mut Vm) -> bool {
    let sys = vm.sys_module;
    if !sys.is_null() {
        if let Some(md) = crate::vm::object::as_module(sys) {
            let d = md.dict;
            let k = vm.intern("dont_write_bytecode");
            if let Some(v) = crate::vm::runtime::dict::dict_get_str(vm, d, k) {
                return !crate::vm::runtime::compare::truthy(vm, v).unwrap_or(true);
            }
        }
    }
    !dont_write_by_options(&vm.options)
}

/// The cache protocol both kinds of code share: the code in `cpath` when that file is current
/// for `src` under `stamp`, else `src` compiled and, when `write` names an invalidation mode,
/// the file (re)written. Counted in `counters`.
fn through_cache(
    counters: &Counters,
    cpath: Option<&Path>,
    src: &mut Source,
    stamp: Option<SourceStamp>,
    filename: &str,
    write: Option<Invalidation>,
) -> Result<CodeObject, LoadError> {
    if let (Some(stamp), Some(cpath)) = (stamp, cpath) {
        if let Ok(bytes) = std::fs::read(cpath) {
            match decode_with(&bytes, src, stamp, filename) {
                Ok(code) => {
                    counters.bump(HIT);
                    return Ok(code);
                }
                Err(_) => counters.bump(REJECTED),
            }
        }
    }
    let src = src.text().map_err(LoadError::Read)?;
    let code = crate::vm::run::compile_source(src, filename)?;
    counters.bump(COMPILED);
    // Written only when the source is what was read (a file edited meanwhile is not cached).
    let write = write.filter(|_| stamp.is_some_and(|s| s.size == src.len() as u64));
    if let (Some(mode), Some(stamp), Some(cpath)) = (write, stamp, cpath) {
        let bytes = encode(&code, src, stamp, mode);
        if write_atomic(cpath, &bytes).is_ok() {
            counters.bump(WRITTEN);
        }
    }
    Ok(code)
}

/// The code object for a module's source: from the cache when it is current, else compiled
/// (and cached when writing is on). Counts hits and compilations for `--stats`.
pub fn load_or_compile(
    src: &mut Source,
    file: &Path,
    filename: &str,
    write: bool,
) -> Result<CodeObject, LoadError> {
    let stamp = SourceStamp::of(file);
    through_cache(
        &MODULES,
        cache_path(file).as_deref(),
        src,
        stamp,
        filename,
        write.then_some(Invalidation::Timestamp),
    )
}

/// The code of a frozen module (Python source compiled into the binary, run as `<frozen NAME>`):
/// from `<directory of the executable>/cpjit-frozen/NAME.cpjit-311.pyc` when that file holds
/// this very source's code (hash-checked, PEP 552, and the opcode table's magic), else compiled
/// and the file (re)written. CPython freezes such modules into its binary at build time; cpjit's
/// build cannot run its own compiler, so it does so at first use. The files are cpjit's own
/// build products, not a program's bytecode, so `-B`/PYTHONDONTWRITEBYTECODE do not apply; an
/// unwritable directory only means compiling every time.
pub fn load_or_compile_frozen(
    src: &[u8],
    name: &str,
    filename: &str,
) -> Result<CodeObject, crate::syntax::error::SyntaxError> {
    static DIR: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let dir =
        DIR.get_or_init(|| Some(std::env::current_exe().ok()?.parent()?.join("cpjit-frozen")));
    let ok_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let path = dir
        .as_ref()
        .filter(|_| ok_name)
        .map(|d| d.join(format!("{name}.{CACHE_TAG}.pyc")));
    let stamp = SourceStamp {
        mtime_ns: 0,
        size: src.len() as u64,
    };
    match through_cache(
        &FROZEN,
        path.as_deref(),
        &mut Source::Text(src),
        Some(stamp),
        filename,
        Some(Invalidation::CheckedHash),
    ) {
        Ok(code) => Ok(code),
        Err(LoadError::Syntax(e)) => Err(e),
        // (The text is in memory: there is nothing to read.)
        Err(LoadError::Read(_)) => crate::vm::run::compile_source(src, filename),
    }
}

/// Runs a module's source file in `globals`, through the cache: `src` is its text if already
/// read, else `file` is read if the cache does not serve (ImportError if it cannot be).
pub fn exec_module(
    vm: &mut Vm,
    src: Option<&[u8]>,
    file: &Path,
    filename: &str,
    globals: Value,
) -> PyResult {
    // Tracebacks read the file's lines when they need them (as CPython's linecache does) rather
    // than every imported module's text staying in memory; a stale copy from an earlier
    // traceback is dropped so a reloaded module shows its new text.
    vm.sources.remove(filename);
    let write = writing_enabled(vm);
    let mut src = match src {
        Some(t) => Source::Text(t),
        None => Source::File(file, None),
    };
    match load_or_compile(&mut src, file, filename, write) {
        Ok(code) => crate::vm::run::exec_code(vm, code, globals),
        Err(LoadError::Syntax(e)) => Err(crate::vm::run::syntax_error_object(vm, &e)),
        Err(LoadError::Read(e)) => Err(vm.err(
            "ImportError",
            format!("cannot read {}: {e}", file.display()),
        )),
    }
}

const COMPILE_USAGE: &str = "\
usage: cpjit compile [-f] [-q] [--invalidation-mode timestamp|checked-hash|unchecked-hash] PATH...

Writes __pycache__/<name>.cpjit-311.pyc for each .py file PATH names, and for every .py file
under each directory PATH (like `python -m compileall`).
  -f   rewrite cache files even when they are current
  -q   print only errors
";

/// `cpjit compile PATH...`: precompiles files and directory trees. Status 1 if any file failed.
pub fn compile_command(args: &[String]) -> i32 {
    let mut force = false;
    let mut quiet = false;
    let mut mode = Invalidation::Timestamp;
    let mut paths = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                print!("{COMPILE_USAGE}");
                return 0;
            }
            "-f" => force = true,
            "-q" => quiet = true,
            "--invalidation-mode" => {
                i += 1;
                mode = match args.get(i).map(|s| s.as_str()) {
                    Some("timestamp") => Invalidation::Timestamp,
                    Some("checked-hash") => Invalidation::CheckedHash,
                    Some("unchecked-hash") => Invalidation::UncheckedHash,
                    _ => {
                        eprint!("{COMPILE_USAGE}");
                        return 2;
                    }
                };
            }
            a if a.starts_with('-') && a.len() > 1 => {
                eprintln!("cpjit compile: unknown option {a}");
                eprint!("{COMPILE_USAGE}");
                return 2;
            }
            a => paths.push(PathBuf::from(a)),
        }
        i += 1;
    }
    if paths.is_empty() {
        eprint!("{COMPILE_USAGE}");
        return 2;
    }
    let mut ok = true;
    for p in paths {
        if p.is_dir() {
            if !quiet {
                println!("Listing '{}'...", p.display());
            }
            let mut files = Vec::new();
            collect_py(&p, &mut files, 0);
            files.sort();
            for f in files {
                ok &= compile_file(&f, force, quiet, mode);
            }
        } else if p.is_file() {
            ok &= compile_file(&p, force, quiet, mode);
        } else {
            eprintln!("Can't list '{}'", p.display());
            ok = false;
        }
    }
    if ok {
        0
    } else {
        1
    }
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>, depth: u32) {
    // compileall's default maxlevels is the recursion limit; symlink loops stop here too.
    if depth > 100 {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() || (ft.is_symlink() && p.is_dir()) {
            if p.file_name().is_some_and(|n| n != "__pycache__") {
                collect_py(&p, out, depth + 1);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Compiles one file into its cache file; false on a read, syntax or write error.
fn compile_file(path: &Path, force: bool, quiet: bool, mode: Invalidation) -> bool {
    let filename = path.to_string_lossy().to_string();
    let (Ok(src), Some(stamp), Some(cpath)) =
        (std::fs::read(path), SourceStamp::of(path), cache_path(path))
    else {
        eprintln!("*** Can't read '{filename}'");
        return false;
    };
    if !force {
        if let Ok(bytes) = std::fs::read(&cpath) {
            // Current in the requested mode: nothing to do.
            let hashed = bytes.get(4).is_some_and(|f| f & FLAG_HASH_BASED as u8 != 0);
            if hashed == (mode != Invalidation::Timestamp)
                && decode(&bytes, &src, stamp, &filename).is_ok()
            {
                return true;
            }
        }
    }
    if !quiet {
        println!("Compiling '{filename}'...");
    }
    let code = match crate::vm::run::compile_source(&src, &filename) {
        Ok(c) => c,
        Err(e) => {
            println!("*** Error compiling '{filename}'...");
            println!("{}", e.render());
            return false;
        }
    };
    match write_atomic(&cpath, &encode(&code, &src, stamp, mode)) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("*** Can't write '{}': {e}", cpath.display());
            false
        }
    }
}
