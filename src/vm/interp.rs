//! The interpreter state (`Vm`): heap, frame stack, built-in types and singletons, interned
//! strings, modules, the shadow stack of rooted values, and object constructors.

use std::collections::HashMap;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::dict::DictTable;
use super::framestack::{FramePtr, FrameStack};
use super::gc::Heap;
use super::object::*;
use super::types::Types;
use super::value::Value;

/// A Python-level result: the error is the exception object.
pub type PyResult<T = Value> = Result<T, Value>;

/// `repr(C)`: compiled calls and returns (`_CALL_PY`, `_RETURN` stencils) push and pop frames
/// through the fields up to `heap`'s first two at the `VM_*` offsets of `vm::abi` (asserted
/// below); keep them first and in this order.
#[repr(C)]
pub struct Vm {
    pub frames: FrameStack,
    /// The innermost executing frame (its `previous` chain reaches the outermost).
    pub current: FramePtr,
    /// Frames of suspended outer chains are reachable through `current`; this counts Python
    /// frames for the recursion limit.
    pub depth: usize,
    pub recursion_limit: usize,
    /// Backward jumps and calls left before the run is stopped (with `budget_limited`) or, in
    /// an ordinary run, before the next look at pending signals. See `eval::spend_step`.
    pub step_budget: u64,
    pub builtins: Value,
    pub heap: Heap,
    /// `sys.set_coroutine_origin_tracking_depth` (stored; cpjit records no origins).
    pub coro_origin_depth: i64,
    pub t: Types,
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    /// sys.modules
    pub modules: Value,
    pub sys_module: Value,
    interned: super::fxhash::FxHashMap<Box<str>, Value>,
    /// Values Rust code holds across calls that may collect garbage.
    pub roots: Vec<Value>,
    /// Values rooted forever (built-in types, their dicts, interned strings, ...).
    pub permanent: Vec<Value>,
    /// The exception the running frame handles (its `except` block's); NULL or None when none.
    /// A running generator has its own (`GenData::exc_state`); see `current_exception`.
    pub handled: Value,
    /// `gc.isenabled()` (`gc.enable()`/`gc.disable()`); `Heap::auto` is the policy it and
    /// `gc_thresholds` make.
    pub gc_enabled: bool,
    /// `gc.set_debug`'s flags (only 0 and DEBUG_LEAK's absence are supported).
    pub gc_debug: i64,
    /// `gc.set_threshold`'s three generation thresholds (CPython's defaults until set). The
    /// collector is not generational and schedules by bytes allocated: only a first threshold
    /// of 0 (automatic collection off, as in CPython) changes when it runs.
    pub gc_thresholds: [i64; 3],
    /// The `handled` of each generator's resumer, innermost last (CPython's exc_info chain).
    pub handled_outer: Vec<Value>,
    /// The generator frame a collecting built-in is draining (`ops::drain`), if any.
    pub drain: Option<super::ops::drain::Drain>,
    /// The values drained generators handed over, not yet taken by their consumers (rooted).
    pub drained: Vec<Value>,
    /// Where CPython 3.11's standard library is (None: not found; imports say so).
    pub stdlib: Option<super::discovery::StdlibInfo>,
    /// Weak references to every class created by Python code, for `type.__subclasses__()`.
    pub classes: Vec<Value>,
    /// Set while weak reference callbacks run (a collection inside one queues, not nests).
    pub in_weakref_callbacks: bool,
    /// Objects with a `__del__` (`vm::finalize`).
    pub fin: Box<super::gc::Finalization>,
    /// Command-line options (sys.flags).
    pub options: super::run::Options,
    pub argv: Vec<String>,
    /// Source text of files, for tracebacks.
    pub sources: HashMap<String, Option<String>>,
    /// Set when sys.exit / SystemExit is being propagated.
    pub small_strs: Vec<Value>,
    /// object.__init__ and object.__new__ (calls of classes check for them).
    pub object_init: Value,
    pub object_new: Value,
    /// Exception raised by a runtime function called through the C ABI (returned NULL).
    pub abi_error: Value,
    /// Buffered stdout (flushed when large, before stderr output, and at exit).
    pub out: Vec<u8>,
    /// Where the bytes sys.stdout's TextIOWrapper layer holds back start in `out` (before it
    /// they are in the BufferedWriter layer; see `builtins::stdio`).
    pub out_text: usize,
    /// The bytes sys.stderr's TextIOWrapper layer holds back (until a newline: line-buffered).
    pub err_text: Vec<u8>,
    /// sys.stdin/stdout/stderr's objects and state (`builtins::stdio`).
    pub streams: Box<crate::vm::builtins::stdio::Streams>,
    /// The step budget limits the run (sandboxed runs); otherwise it is refilled with
    /// `signal::CHECK_INTERVAL` steps each time it runs out.
    pub budget_limited: bool,
    /// Set once the budget ran out: from then on no handler runs (`except`, `finally`), so the
    /// program unwinds to the top whatever it catches.
    pub budget_exhausted: bool,
    /// Sandboxed runs (the fuzz test): output is discarded, `input()` sees end of file and
    /// `time.sleep` returns at once.
    pub sandbox: bool,
    /// Rust panics turned into `SystemError: cpjit internal error` (see `panic_guard`).
    pub internal_errors: u64,
    /// Direct-mapped cache of `sname` (string address and length -> interned str).
    name_cache: Vec<(usize, usize, Value)>,
    /// The interned `__op__` names of the 13 binary operators, filled on first use
    /// (`runtime::ops::lhs_dunder_first` looks one up per BINARY_OP on instances).
    pub binop_dunders: [Value; 13],
    /// When instructions are specialized (`adaptive::Mode`).
    pub mode: super::adaptive::Mode,
    /// Whether generic instructions count executions and call the specializer (mode not Off and
    /// a specializer installed).
    pub adaptive: bool,
    /// `--stats`: specialization counts, reported at exit.
    pub stats: Option<Box<super::adaptive::Stats>>,
    /// `dis --adaptive`: keep the main module's code object (in `main_code`) after the run.
    pub keep_main_code: bool,
    pub main_code: Value,
    /// `--jit`: the JIT's entry hook (`vm::jit_hook`), called at function starts, backward jumps
    /// and returns.
    pub jit: Option<super::jit_hook::JitHook>,
    /// `sys.set_asyncgen_hooks`' [firstiter, finalizer] (a list sys's functions share; see
    /// `types::asyncgen`).
    pub asyncgen_hooks: Value,
}

const _: () = {
    use super::abi::*;
    use std::mem::offset_of;
    // `FrameStack`'s first three fields (`base`, `top`, `len`) are private to its module; their
    // offsets inside it are asserted there.
    assert!(offset_of!(Vm, frames) == VM_FRAMES_BASE_OFFSET as usize);
    assert!(offset_of!(Vm, current) == VM_CURRENT_OFFSET as usize);
    assert!(offset_of!(Vm, depth) == VM_DEPTH_OFFSET as usize);
    assert!(offset_of!(Vm, recursion_limit) == VM_RECURSION_LIMIT_OFFSET as usize);
    assert!(offset_of!(Vm, step_budget) == VM_STEP_BUDGET_OFFSET as usize);
    assert!(offset_of!(Vm, builtins) == VM_BUILTINS_OFFSET as usize);
    assert!(offset_of!(Vm, heap) + Heap::ALLOCATED_OFFSET == VM_HEAP_ALLOCATED_OFFSET as usize);
    assert!(offset_of!(Vm, heap) + Heap::THRESHOLD_OFFSET == VM_HEAP_THRESHOLD_OFFSET as usize);
    assert!(std::mem::size_of::<FramePtr>() == 8);
};

impl Vm {
    pub fn new() -> Box<Vm> {
        let mut heap = Heap::new();
        let t = Types::bootstrap(&mut heap);
        let none = heap.alloc(t.none_type, ());
        let true_ = heap.alloc(t.bool_, true);
        let false_ = heap.alloc(t.bool_, false);
        let not_implemented = heap.alloc(t.not_implemented_type, ());
        let ellipsis = heap.alloc(t.ellipsis_type, ());
        let mut vm = Box::new(Vm {
            heap,
            frames: FrameStack::new(),
            current: FramePtr::NULL,
            depth: 0,
            recursion_limit: 1000,
            coro_origin_depth: 0,
            t,
            none,
            true_,
            false_,
            not_implemented,
            ellipsis,
            builtins: Value::NULL,
            modules: Value::NULL,
            sys_module: Value::NULL,
            interned: Default::default(),
            roots: Vec::new(),
            permanent: Vec::new(),
            handled: Value::NULL,
            gc_enabled: true,
            gc_debug: 0,
            gc_thresholds: [700, 10, 10],
            handled_outer: Vec::new(),
            drain: None,
            drained: Vec::new(),
            stdlib: None,
            options: Default::default(),
            in_weakref_callbacks: false,
            fin: Default::default(),
            classes: Vec::new(),
            argv: Vec::new(),
            sources: HashMap::new(),
            small_strs: Vec::new(),
            object_init: Value::NULL,
            object_new: Value::NULL,
            abi_error: Value::NULL,
            asyncgen_hooks: Value::NULL,
            out: Vec::with_capacity(1 << 14),
            streams: Box::default(),
            out_text: 0,
            err_text: Vec::new(),
            name_cache: vec![(0, 0, Value::NULL); 256],
            binop_dunders: [Value::NULL; 13],
            step_budget: crate::vm::modules::signal::CHECK_INTERVAL,
            budget_limited: false,
            budget_exhausted: false,
            sandbox: false,
            mode: super::adaptive::settings().mode,
            adaptive: super::adaptive::settings().mode != super::adaptive::Mode::Off
                && super::adaptive::specializer().is_some(),
            stats: super::adaptive::settings()
                .stats
                .map(|_| Box::<super::adaptive::Stats>::default()),
            keep_main_code: false,
            main_code: Value::NULL,
            jit: super::jit_hook::hook(),
            internal_errors: 0,
        });
        vm.permanent
            .extend([none, true_, false_, not_implemented, ellipsis]);
        let all = vm.t.all();
        vm.permanent.extend(all);
        vm.builtins = vm.new_dict();
        vm.modules = vm.new_dict();
        vm.permanent.extend([vm.builtins, vm.modules]);
        super::types::populate(&mut vm);
        let mut small = Vec::with_capacity(128);
        for c in 0..128u8 {
            let ty = vm.t.str_;
            let s = (c as char).to_string().into_boxed_str();
            small.push(vm.heap.alloc(
                ty,
                StrData {
                    s,
                    nchars: 1,
                    hash: std::cell::Cell::new(u64::MAX),
                    interned: std::cell::Cell::new(false),
                },
            ));
        }
        vm.small_strs = small;
        let ss = vm.small_strs.clone();
        vm.permanent.extend(ss);
        super::builtins::install(&mut vm);
        vm
    }

    /// Counts one level of recursion inside the runtime (container repr, comparison) against the
    /// recursion limit, like CPython's `Py_EnterRecursiveCall(where_)`.
    pub fn enter_recursive(&mut self, where_: &str) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.err(
                "RecursionError",
                format!("maximum recursion depth exceeded{where_}"),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Ends a level started by `enter_recursive`.
    pub fn leave_recursive(&mut self) {
        self.depth -= 1;
    }

    // ---- GC ----------------------------------------------------------------------------------

    /// Collects garbage if enough has been allocated. Only called at safepoints, where every live
    /// value is in a frame, a module, `roots` or `permanent`.
    #[inline]
    pub fn maybe_collect(&mut self) {
        if self.heap.should_collect() {
            self.collect();
        }
    }

    /// Sets `Heap::auto` from `gc.enable()`/`gc.disable()` and the first threshold.
    pub fn update_gc_policy(&mut self) {
        self.heap.auto = self.gc_enabled && self.gc_thresholds[0] != 0;
    }

    pub fn collect(&mut self) {
        let roots = self.gc_roots();
        self.heap.collect(&roots, &[self.current], &mut self.fin);
        self.run_weakref_callbacks();
        super::finalize::run_pending(self);
    }

    /// What the collector marks from, besides the frames.
    fn gc_roots(&self) -> Vec<Value> {
        let mut roots: Vec<Value> = Vec::with_capacity(self.permanent.len() + self.roots.len() + 8);
        roots.extend(self.permanent.iter().copied());
        roots.extend(self.roots.iter().copied());
        roots.extend(self.classes.iter().copied());
        roots.push(self.handled);
        roots.extend(self.handled_outer.iter().copied());
        roots.extend(self.drained.iter().copied());
        roots.push(self.abi_error);
        roots.push(self.asyncgen_hooks);
        roots.extend(self.interned.values().copied());
        roots.extend([self.builtins, self.modules, self.sys_module]);
        roots
    }

    /// `sys.getrefcount(v)` in cpjit, which has no reference counts: how many references to `v`
    /// the collector's tracing finds from its roots, the frames and every object reachable from
    /// them (the call's own argument included, as CPython's count includes it).
    pub fn reference_count(&self, v: Value) -> usize {
        let roots = self.gc_roots();
        self.heap.count_references(v, &roots, &[self.current])
    }

    /// Calls the callbacks of weak references the collector cleared, as CPython does when a
    /// referent dies; an error in one is reported as "Exception ignored" and the rest still run.
    fn run_weakref_callbacks(&mut self) {
        if self.heap.cleared_weakrefs.is_empty() || self.in_weakref_callbacks {
            return;
        }
        self.in_weakref_callbacks = true;
        let saved = self.handled;
        while let Some(w) = self.heap.cleared_weakrefs.pop() {
            self.roots.push(w);
            let d = as_weakref(w).unwrap();
            let cb = d.callback;
            let arg = weakref_seen(w);
            if let Err(e) = super::runtime::call::call(self, cb, &[arg], &[]) {
                super::finalize::write_unraisable(self, e, cb);
            }
            self.roots.pop();
        }
        self.handled = saved;
        self.in_weakref_callbacks = false;
    }

    /// The exception being handled (sys.exc_info(), a bare `raise`, a new exception's context):
    /// the running frame's, else the nearest resumer's (a generator handling none of its own
    /// sees its resumer's). NULL when none.
    pub fn current_exception(&self) -> Value {
        let some = |v: Value| !v.is_null() && v != self.none;
        if some(self.handled) {
            return self.handled;
        }
        self.handled_outer
            .iter()
            .rev()
            .copied()
            .find(|&v| some(v))
            .unwrap_or(Value::NULL)
    }

    // ---- constructors ------------------------------------------------------------------------

    #[inline]
    pub fn bool_val(&self, b: bool) -> Value {
        if b {
            self.true_
        } else {
            self.false_
        }
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        if s.len() == 1 && s.as_bytes()[0] < 128 && !self.small_strs.is_empty() {
            return self.small_strs[s.as_bytes()[0] as usize];
        }
        self.new_str_owned(s.to_string())
    }

    pub fn new_str_owned(&mut self, s: String) -> Value {
        if s.len() == 1 && s.as_bytes()[0] < 128 && !self.small_strs.is_empty() {
            return self.small_strs[s.as_bytes()[0] as usize];
        }
        self.new_str_fresh(s)
    }

    /// A new str object even for one ASCII character, where CPython makes a new object rather
    /// than hand out its cached one: an int's str/repr/format (`str(5) is str(5)` is False), so
    /// identity, and what `pickle` memoizes by it, are as in CPython.
    pub fn new_str_fresh(&mut self, s: String) -> Value {
        self.heap.note_external(s.len());
        let nchars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        let ty = self.t.str_;
        self.heap.alloc(
            ty,
            StrData {
                s: s.into_boxed_str(),
                nchars,
                hash: std::cell::Cell::new(u64::MAX),
                interned: std::cell::Cell::new(false),
            },
        )
    }

    /// `intern(s)` for names Rust code looks up often (mostly literals): a direct-mapped cache
    /// keyed by the string's address, checked against the cached string's text.
    #[inline]
    pub fn sname(&mut self, s: &str) -> Value {
        let key = s.as_ptr() as usize;
        let slot = ((key >> 3) ^ s.len()) & 255;
        let (k, l, v) = self.name_cache[slot];
        if k == key && l == s.len() && !v.is_null() && str_of(v) == s {
            return v;
        }
        let v = self.intern(s);
        self.name_cache[slot] = (key, s.len(), v);
        v
    }

    /// The interned string object for `s` (identifiers: attribute, global and keyword names).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(&v) = self.interned.get(s) {
            return v;
        }
        let v = self.new_str_owned(s.to_string());
        as_str(v).unwrap().interned.set(true);
        self.interned.insert(s.into(), v);
        v
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        let ty = self.t.bytes;
        self.heap.alloc(ty, b)
    }

    #[inline(always)]
    pub fn new_int(&mut self, i: i64) -> Value {
        match Value::try_from_i64(i) {
            Some(v) => v,
            None => self.new_int_boxed(i),
        }
    }

    #[cold]
    #[inline(never)]
    fn new_int_boxed(&mut self, i: i64) -> Value {
        let ty = self.t.int;
        self.heap.alloc(ty, BigInt::from(i))
    }

    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        if let Some(i) = b.to_i64() {
            if let Some(v) = Value::try_from_i64(i) {
                return v;
            }
        }
        let ty = self.t.int;
        self.heap.note_external(b.bits() as usize / 8);
        self.heap.alloc(ty, b)
    }

    #[inline]
    pub fn new_float(&self, f: f64) -> Value {
        Value::from_f64(f)
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        let ty = self.t.list;
        self.heap.alloc(ty, ListData::from(items))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        let ty = self.t.tuple;
        self.heap
            .alloc(ty, TupleData::from(items.into_boxed_slice()))
    }

    pub fn new_dict(&mut self) -> Value {
        self.new_dict_with_capacity(0)
    }

    /// An empty dict with room for `n` entries.
    pub fn new_dict_with_capacity(&mut self, n: usize) -> Value {
        let ty = self.t.dict;
        self.heap
            .note_external(n * std::mem::size_of::<crate::vm::dict::Entry>());
        self.heap.alloc(
            ty,
            DictData {
                table: DictTable::with_capacity(n),
            },
        )
    }

    pub fn new_set(&mut self, frozen: bool) -> Value {
        let ty = if frozen { self.t.frozenset } else { self.t.set };
        self.heap.alloc(
            ty,
            SetData {
                table: crate::rtlib::set_table::SetTable::new(),
            },
        )
    }

    pub fn new_cell(&mut self, v: Value) -> Value {
        let ty = self.t.cell;
        self.heap.alloc(ty, v)
    }

    pub fn new_iter(&mut self, ty: *const TypeObject, d: IterData) -> Value {
        self.heap.alloc(ty, d)
    }

    pub fn new_builtin(&mut self, name: &'static str, f: BuiltinFn, bound: Value) -> Value {
        let ty = self.t.builtin_function;
        self.heap.alloc(
            ty,
            BuiltinData {
                module: Value::NULL,
                name,
                f,
                bound,
                owner: Value::NULL,
            },
        )
    }

    pub fn new_module(&mut self, name: &str) -> Value {
        let n = self.new_str(name);
        let dict = self.new_dict();
        let ty = self.t.module;
        let m = self.heap.alloc(ty, ModuleData { name: n, dict });
        let k = self.intern("__name__");
        super::runtime::dict::dict_set_str(self, dict, k, n);
        m
    }

    /// A new exception instance of type `ty` with the given args tuple.
    pub fn new_exception_args(&mut self, ty: *const TypeObject, args: Value) -> Value {
        let inst = InstanceData::new(Some(Box::new(ExcData {
            args,
            traceback: Vec::new(),
            tb_globals: Vec::new(),
            cause: Value::NULL,
            context: Value::NULL,
            suppress_context: false,
            extra: Value::NULL,
        })));
        if has_ext_instances(ty) {
            // Exception classes with __slots__: the larger instance object.
            return super::types::subclass::alloc_ext(self, ty, inst, Value::NULL);
        }
        self.heap.alloc(ty, inst)
    }

    pub fn new_exception(&mut self, ty: *const TypeObject, msg: &str) -> Value {
        let s = self.new_str(msg);
        let args = self.new_tuple(vec![s]);
        self.new_exception_args(ty, args)
    }

    pub fn exc_by_name(&self, name: &str) -> *const TypeObject {
        self.t.exc(name)
    }

    pub fn err(&mut self, name: &str, msg: impl AsRef<str>) -> Value {
        let ty = self.t.exc(name);
        self.new_exception(ty, msg.as_ref())
    }
    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Value {
        self.err("TypeError", msg)
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Value {
        self.err("ValueError", msg)
    }
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> Value {
        self.err("IndexError", msg)
    }
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> Value {
        self.err("AttributeError", msg)
    }
    pub fn not_implemented(&mut self, what: impl AsRef<str>) -> Value {
        let m = format!("cpjit does not support {}", what.as_ref());
        self.err("NotImplementedError", m)
    }
    pub fn zero_division(&mut self, msg: &str) -> Value {
        self.err("ZeroDivisionError", msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> Value {
        self.err("OverflowError", msg)
    }

    // ---- type queries ------------------------------------------------------------------------

    /// The type object of any value.
    #[inline(always)]
    pub fn type_of(&self, v: Value) -> *const TypeObject {
        if v.is_ptr() {
            obj_type(v)
        } else if v.is_small_int() {
            self.t.int
        } else {
            self.t.float
        }
    }

    pub fn type_name(&self, v: Value) -> String {
        type_data(self.type_of(v)).name.clone()
    }

    /// How Argument Clinic's "argument must be X, not Y" messages (`_PyArg_BadArgument`) name
    /// the argument's type: "None" for None, else the type's name.
    pub fn arg_type_name(&self, v: Value) -> String {
        if v == self.none {
            "None".to_string()
        } else {
            self.type_name(v)
        }
    }

    /// The name CPython's messages give `v`'s type (its `tp_name`): module-qualified for a
    /// type written in C outside builtins (`collections.deque`, `_io.TextIOWrapper`,
    /// `itertools.count`), the plain name for builtins' types and for classes.
    pub fn tp_name(&self, v: Value) -> String {
        type_tp_name(self.type_of(v))
    }

    /// Whether type `a` is `b` or a subclass of it.
    pub fn is_subtype(&self, a: *const TypeObject, b: *const TypeObject) -> bool {
        if a == b {
            return true;
        }
        let bv = Value::from_ptr(b);
        type_data(a).mro.contains(&bv)
    }

    #[inline]
    pub fn isinstance(&self, v: Value, t: *const TypeObject) -> bool {
        self.is_subtype(self.type_of(v), t)
    }

    pub fn is_none(&self, v: Value) -> bool {
        v == self.none
    }
}

/// The text of a str object (the caller knows `v` is a str).
/// `Vm::tp_name` of a type.
pub fn type_tp_name(t: *const TypeObject) -> String {
    let td = type_data(t);
    if (td.builtin || td.c_type.get()) && !td.module.is_empty() && td.module != "builtins" {
        format!("{}.{}", td.module, td.name)
    } else {
        td.name.clone()
    }
}

pub fn str_of<'a>(v: Value) -> &'a str {
    match as_str(v) {
        Some(s) => &s.s,
        None => "",
    }
}

impl Vm {
    /// Appends bytes to stdout's buffer (sys.stdout.buffer's layer: before any text the
    /// TextIOWrapper layer still holds; see `builtins::stdio`).
    pub fn write_stdout(&mut self, s: &[u8]) {
        if self.out_text == self.out.len() {
            self.out.extend_from_slice(s);
            self.out_text = self.out.len();
        } else {
            self.out
                .splice(self.out_text..self.out_text, s.iter().copied());
            self.out_text += s.len();
        }
        if self.out_text > 1 << 16 {
            self.flush_stdout_buffer();
        }
    }
    /// Writes out everything stdout holds (sys.stdout.flush(), and at exit).
    pub fn flush_stdout(&mut self) {
        self.out_text = self.out.len();
        self.flush_stdout_buffer();
    }
    /// Writes out stdout's buffer but not the text its TextIOWrapper layer holds back
    /// (sys.stdout.buffer.flush(); before stderr output, sleeping and reading stdin).
    pub fn flush_stdout_buffer(&mut self) {
        use std::io::Write;
        let n = self.out_text;
        if n == 0 {
            return;
        }
        if !self.sandbox {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(&self.out[..n]);
            let _ = o.flush();
        }
        self.out.drain(..n);
        self.out_text = 0;
    }
    /// Writes bytes to stderr as they are, after what stderr's text layer holds (and after
    /// stdout's buffer).
    pub fn write_stderr_bytes(&mut self, b: &[u8]) {
        use std::io::Write;
        self.flush_stdout_buffer();
        let pending = std::mem::take(&mut self.err_text);
        if !self.sandbox {
            let mut e = std::io::stderr().lock();
            let _ = e.write_all(&pending);
            let _ = e.write_all(b);
        }
    }
    /// Writes what stderr's text layer holds.
    pub fn flush_stderr(&mut self) {
        self.write_stderr_bytes(&[]);
    }
    /// Writes text to stderr; lone surrogates go out as `\udXXX` (sys.stderr's error handler
    /// is backslashreplace).
    pub fn write_stderr(&mut self, s: &[u8]) {
        match std::str::from_utf8(s).map(crate::rtlib::surrogate::backslash_standins) {
            Ok(t) => self.write_stderr_bytes(t.as_bytes()),
            Err(_) => self.write_stderr_bytes(s),
        }
    }
}
