//! A tracing mark-sweep collector. Every object is allocated through [`Heap::alloc`] and recorded;
//! a collection (only at interpreter safepoints) marks everything reachable from the roots the VM
//! passes in (frames, modules, builtins, the shadow stack of values Rust code holds) and frees the
//! rest, cycles included.

use num_bigint::BigInt;

use super::alloc::SlabAlloc;
use super::frame::Frame;
use super::framestack::{frame_code, FramePtr, HEADER_WORDS};
use super::object::*;
use super::value::Value;

const MARK: u64 = 1;

/// `repr(C)`: compiled calls read `allocated` and `threshold` (`vm::abi::VM_HEAP_*`).
#[repr(C)]
pub struct Heap {
    /// Bytes allocated since the last collection: object blocks plus the outside buffers noted
    /// by [`Heap::note_external`].
    pub allocated: usize,
    /// Collect when `allocated` passes this.
    pub threshold: usize,
    objects: Vec<Value>,
    /// Automatic collection on (off after `gc.disable()` or `gc.set_threshold(0)`; an explicit
    /// `gc.collect()` runs regardless).
    pub auto: bool,
    pub collections: usize,
    /// Bytes in the blocks of all objects not yet freed.
    block_bytes: usize,
    /// Outside bytes (string text, digits, item vectors, tables) of the objects marked so far in
    /// the current collection.
    marked_external: usize,
    worklist: Vec<Value>,
    slab: SlabAlloc,
    /// Every live weak reference object (checked after each mark phase).
    weakrefs: Vec<Value>,
    /// References cleared by the last collections whose callbacks have not run yet (the VM
    /// runs them after the collection; see `Vm::collect`). Marked as roots until then.
    pub cleared_weakrefs: Vec<Value>,
}

/// The collector's part of finalization (`vm::finalize`).
#[derive(Default)]
pub struct Finalization {
    /// Objects whose class defines `__del__`, not finalized yet, oldest first (CPython calls
    /// the finalizer once, PEP 442).
    pub finalizable: Vec<Value>,
    /// Objects found unreachable whose `__del__` the VM has not run yet, in the order to run
    /// them (see `Heap::queue_finalizers`). Marked as roots until then.
    pub to_finalize: std::collections::VecDeque<Value>,
    /// Set while the VM runs `__del__` methods (`finalize::run_pending`).
    pub running: bool,
    /// The locations and messages of the never-awaited-coroutine warnings shown (the warnings
    /// filter's "default" action shows each once).
    pub warned: std::collections::HashSet<((String, i64), String)>,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

/// Garbage allowed between collections however small the live heap: a collection costs at least
/// the marking of the interpreter's own objects (builtins, modules, interned names), so collecting
/// much more often costs time; much less often, and programs that make only short-lived objects
/// peak far above their live data (CPython frees those at once by reference counting).
const MIN_THRESHOLD_BYTES: usize = 2 << 20;
/// Above that, a collection comes after allocating this fraction (1/N) of the bytes live after the
/// last one: peak memory stays within (1 + 1/N) of the live data (plus the minimum), and the
/// marking work per allocated byte stays bounded.
const LIVE_FRACTION_DIVISOR: usize = 2;
/// After a collection that freed under 1/N of the objects it found (a heap that only grows: a
/// program building a large structure), the next comes after allocating as much as is live
/// instead: what was allocated was nearly all still live, so collecting sooner would free
/// little and re-mark the whole heap (dict_str's list of 4M strings: 11 collections freeing
/// nothing took ~23% of its time), while the garbage a growing heap can gather before the
/// next collection is the small fraction it had.
const GROWING_FREED_DIVISOR: usize = 16;

/// CPJIT_GC_STRESS=1 collects at every safepoint (to flush out missing roots in tests).
fn stress() -> bool {
    static S: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *S.get_or_init(|| std::env::var_os("CPJIT_GC_STRESS").is_some())
}

fn min_threshold() -> usize {
    if stress() {
        1
    } else {
        static S: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        *S.get_or_init(|| {
            std::env::var("CPJIT_GC_MIN_KB")
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
                .map_or(MIN_THRESHOLD_BYTES, |k| k << 10)
        })
    }
}

/// CPJIT_GC_STATS=1 reports each collection on stderr (objects kept and freed, live bytes).
fn gc_stats() -> bool {
    static S: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *S.get_or_init(|| std::env::var_os("CPJIT_GC_STATS").is_some())
}

impl Heap {
    /// Where `allocated` and `threshold` are (`Vm`'s layout assertions add its offset).
    pub const ALLOCATED_OFFSET: usize = std::mem::offset_of!(Heap, allocated);
    pub const THRESHOLD_OFFSET: usize = std::mem::offset_of!(Heap, threshold);

    pub fn new() -> Self {
        Heap {
            objects: Vec::with_capacity(1 << 16),
            allocated: 0,
            threshold: min_threshold(),
            auto: true,
            collections: 0,
            block_bytes: 0,
            marked_external: 0,
            worklist: Vec::new(),
            slab: SlabAlloc::new(),
            weakrefs: Vec::new(),
            cleared_weakrefs: Vec::new(),
        }
    }

    #[inline]
    pub fn alloc<T>(&mut self, ty: *const TypeObject, data: T) -> Value {
        let v = box_object(&mut self.slab, ty, data);
        self.objects.push(v);
        let bytes = SlabAlloc::block_size(std::mem::size_of::<Obj<T>>());
        self.allocated += bytes;
        self.block_bytes += bytes;
        v
    }

    /// Gives instance `inst` a values array of at least `cap` slots (an even number, so the
    /// block has no slack), keeping its values.
    pub fn grow_values(&mut self, inst: &mut InstanceData, cap: usize) {
        let cap = cap.max(2).next_multiple_of(2);
        self.allocated += realloc_values(&mut self.slab, inst, cap);
    }

    /// Releases instance `inst`'s values array (its `__dict__` has taken over).
    pub fn release_values(&mut self, inst: &mut InstanceData) {
        release_values(&mut self.slab, inst);
    }

    /// Counts `bytes` an object owns outside its block (big-int digits, string text, item
    /// vectors) towards the next collection: otherwise a loop making a few huge objects would run
    /// far past its memory before the count triggers.
    #[inline]
    pub fn note_external(&mut self, bytes: usize) {
        self.allocated += bytes;
    }

    #[inline(always)]
    pub fn should_collect(&self) -> bool {
        self.auto && self.allocated >= self.threshold
    }

    /// Records a new weak reference object so collections clear it when its referent dies.
    pub fn register_weakref(&mut self, w: Value) {
        self.weakrefs.push(w);
    }

    /// The live weak references to `obj`, oldest first.
    pub fn weakrefs_to(&self, obj: Value) -> Vec<Value> {
        self.weakrefs
            .iter()
            .copied()
            .filter(|&w| payload_any::<WeakRefData>(w).referent.get() == obj)
            .collect()
    }

    pub fn live_objects(&self) -> usize {
        self.objects.len()
    }

    /// Marks from `roots` and `frames` (each frame chain is walked through `previous`), then frees
    /// every unmarked object.
    pub fn collect(&mut self, roots: &[Value], frames: &[FramePtr], fin: &mut Finalization) {
        self.marked_external = 0;
        for &r in roots {
            self.mark_value(r);
        }
        for i in 0..self.cleared_weakrefs.len() {
            self.mark_value(self.cleared_weakrefs[i]);
        }
        for &v in &fin.to_finalize {
            self.mark_value(v);
        }
        for &f in frames {
            let mut f = f;
            while !f.is_null() {
                self.mark_frame(f);
                f = f.previous();
            }
        }
        self.drain();
        if !fin.finalizable.is_empty() {
            self.queue_finalizers(fin, false);
        }
        self.clear_weakrefs();
        let freed = self.sweep();
        let live = self.block_bytes + self.marked_external;
        self.allocated = 0;
        let growing = freed * GROWING_FREED_DIVISOR < freed + self.objects.len();
        self.threshold = if stress() {
            1
        } else if growing {
            min_threshold().max(live)
        } else {
            min_threshold().max(live / LIVE_FRACTION_DIVISOR)
        };
        self.collections += 1;
        if gc_stats() {
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
                .map_or(0, |pages| pages * 4);
            eprintln!(
                "gc #{}: kept {} freed {freed} live {} KiB (blocks {} KiB) slabs {} KiB rss {rss} KiB",
                self.collections,
                self.objects.len(),
                live >> 10,
                self.block_bytes >> 10,
                self.slab.slab_count() * 64
            );
        }
    }

    /// Frees every unmarked object and clears the marks, compacting `objects` in place (no second
    /// vector as large as the heap at the moment memory peaks). A dead object's type may be dead
    /// too and its layout is read from the type, so dead types are freed last. Returns how many
    /// objects were freed.
    fn sweep(&mut self) -> usize {
        let mut dead_types = Vec::new();
        let mut kept = 0;
        let n = self.objects.len();
        for i in 0..n {
            let v = self.objects[i];
            let h = header(v);
            let g = h.gc.get();
            if g & MARK != 0 {
                h.gc.set(g & !MARK);
                self.objects[kept] = v;
                kept += 1;
                continue;
            }
            let l = layout_of(v);
            if l == Layout::Type {
                dead_types.push(v);
                continue;
            }
            // Extended instances are a larger object than their layout's payload.
            if l == Layout::Instance {
                release_values(&mut self.slab, payload_any::<InstanceData>(v));
            }
            let bytes = if l == Layout::Instance && has_ext_instances(obj_type(v)) {
                free_object::<ExtInstanceData>(&mut self.slab, v)
            } else {
                free(&mut self.slab, v, l)
            };
            self.block_bytes -= bytes;
        }
        // A dying class leaves its bases' subclass lists (no type is freed yet: its bases may
        // be dying too).
        for &v in &dead_types {
            unlink_subclass(v);
        }
        for v in dead_types {
            self.block_bytes -= free(&mut self.slab, v, Layout::Type);
        }
        self.objects.truncate(kept);
        n - kept
    }

    /// After marking (`at_exit`: instead of marking, every object still registered counts as
    /// unreachable): moves the unreachable objects of `finalizable` that no other of them reaches
    /// to `to_finalize`, oldest first, and marks everything they reach, so they and what they
    /// refer to survive until their `__del__` has run (PEP 442 resurrection; a later collection
    /// frees them). One reached from another waits for that one's finalizer, as under CPython's
    /// reference counting a referrer dies first: a text file's wrapper flushes into its buffer,
    /// which writes into the raw file, before either of those is finalized (Boehm's
    /// topologically ordered finalization). Objects that only reach each other in a cycle are
    /// all queued, oldest first, when none is free of the others.
    pub fn queue_finalizers(&mut self, fin: &mut Finalization, at_exit: bool) {
        // Registered generators that have finished (or can no longer run code when closed)
        // leave the list, dead or alive: most generators that are registered finish.
        fin.finalizable.retain(|&v| {
            layout_of(v) != Layout::Generator || super::finalize::generator_pending(v)
        });
        let dead = |v: Value| at_exit || header(v).gc.get() & MARK == 0;
        let candidates: Vec<Value> = fin
            .finalizable
            .iter()
            .copied()
            .filter(|&v| dead(v))
            .collect();
        if candidates.is_empty() {
            return;
        }
        if at_exit {
            // What reaches what at shutdown, once CPython has cleared the modules: an object's
            // own references, not those through its class, functions and module globals (which
            // reach everything). Those are fenced off: marked without being traced.
            for &v in &self.objects {
                match layout_of(v) {
                    Layout::Type | Layout::Function | Layout::Module | Layout::Code => {
                        header(v).gc.set(header(v).gc.get() | MARK);
                        if let Layout::Module = layout_of(v) {
                            let d = payload_any::<ModuleData>(v).dict;
                            if d.is_ptr() {
                                header(d).gc.set(header(d).gc.get() | MARK);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // What the candidates reach, themselves not included unless through a cycle.
        for &c in &candidates {
            if header(c).gc.get() & MARK == 0 {
                self.worklist.push(c);
                self.drain();
            }
        }
        let mut ready: Vec<Value> = candidates
            .iter()
            .copied()
            .filter(|&c| header(c).gc.get() & MARK == 0)
            .collect();
        if ready.is_empty() {
            ready = candidates;
        }
        for &r in &ready {
            self.mark_value(r);
        }
        self.drain();
        let is_ready: std::collections::HashSet<u64> = ready.iter().map(|v| v.0).collect();
        fin.finalizable.retain(|v| !is_ready.contains(&v.0));
        fin.to_finalize.extend(ready);
        if at_exit {
            self.clear_marks();
        }
    }

    /// Clears every mark (after a marking that is not followed by a sweep).
    fn clear_marks(&mut self) {
        for &v in &self.objects {
            let h = header(v);
            h.gc.set(h.gc.get() & !MARK);
        }
    }

    /// After marking: forgets dead weak reference objects, and clears the live ones whose
    /// referent is about to be freed (queueing those with a callback).
    fn clear_weakrefs(&mut self) {
        let mut live = Vec::with_capacity(self.weakrefs.len());
        for &w in &self.weakrefs {
            if header(w).gc.get() & MARK == 0 {
                continue;
            }
            let d = payload_any::<WeakRefData>(w);
            let r = d.referent.get();
            if r.is_ptr() && header(r).gc.get() & MARK == 0 {
                d.referent.set(Value::NULL);
                if !d.callback.is_null() {
                    self.cleared_weakrefs.push(w);
                }
                continue;
            }
            if !r.is_null() {
                live.push(w);
            }
        }
        self.weakrefs = live;
    }

    /// How many references to `target` there are in `roots`, the frames (walked as `collect`
    /// walks them) and every object reachable from them. Marks nothing: a separate visited set.
    pub fn count_references(&self, target: Value, roots: &[Value], frames: &[FramePtr]) -> usize {
        let mut seen: std::collections::HashSet<u64> = std::collections::HashSet::new();
        let mut work: Vec<Value> = Vec::new();
        let mut count = 0;
        let mut visit = |v: Value, count: &mut usize, work: &mut Vec<Value>| {
            if v == target {
                *count += 1;
            }
            if v.is_ptr() && seen.insert(v.0) {
                work.push(v);
            }
        };
        for &r in roots {
            visit(r, &mut count, &mut work);
        }
        for &f in frames {
            let mut f = f;
            while !f.is_null() {
                let fr = f.get();
                for v in [frame_code(fr), fr.func, fr.globals, fr.builtins] {
                    visit(v, &mut count, &mut work);
                }
                visit(super::framestack::locals(f), &mut count, &mut work);
                for &v in f.live_values() {
                    visit(v, &mut count, &mut work);
                }
                f = f.previous();
            }
        }
        let mut children = Vec::new();
        while let Some(v) = work.pop() {
            children.clear();
            children.push(Value::from_ptr(obj_type(v)));
            trace(v, &mut children);
            for &c in &children {
                visit(c, &mut count, &mut work);
            }
        }
        count
    }

    fn mark_frame(&mut self, f: FramePtr) {
        let fr = f.get();
        self.mark_value(frame_code(fr));
        self.mark_value(fr.func);
        self.mark_value(fr.globals);
        self.mark_value(fr.builtins);
        self.mark_value(super::framestack::locals(f));
        for &v in f.live_values() {
            self.mark_value(v);
        }
    }

    #[inline]
    fn mark_value(&mut self, v: Value) {
        if v.is_ptr() {
            let h = header(v);
            let g = h.gc.get();
            if g & MARK == 0 {
                h.gc.set(g | MARK);
                self.worklist.push(v);
            }
        }
    }

    fn drain(&mut self) {
        let mut children = Vec::new();
        while let Some(v) = self.worklist.pop() {
            children.clear();
            children.push(Value::from_ptr(obj_type(v)));
            self.marked_external += trace(v, &mut children);
            for i in 0..children.len() {
                self.mark_value(children[i]);
            }
        }
    }
}

/// Pushes every Value `v` references directly; returns (roughly) the bytes `v` owns outside its
/// block, for the collection threshold.
fn trace(v: Value, out: &mut Vec<Value>) -> usize {
    const W: usize = std::mem::size_of::<Value>();
    let mut external = 0;
    match layout_of(v) {
        Layout::Instance => {
            if has_ext_instances(obj_type(v)) {
                let x = payload_any::<ExtInstanceData>(v);
                out.push(x.base);
            }
            let d = payload_any::<InstanceData>(v);
            out.push(d.dict);
            out.extend_from_slice(&d.values()[..d.hi as usize]);
            external = d.cap as usize * W;
            if let Some(e) = &d.exc {
                out.extend([e.args, e.cause, e.context, e.extra]);
                out.extend(e.traceback.iter().map(|t| t.0));
                out.extend(e.tb_globals.iter().copied().filter(|g| !g.is_null()));
            }
        }
        Layout::Type => {
            let d = payload_any::<TypeData>(v);
            out.extend(d.bases.iter().copied());
            out.extend(d.mro.iter().copied());
            out.push(d.dict);
            out.extend(d.keys.borrow().iter().copied());
            // The lookup cache's keys are name objects compared by address: keeping them alive
            // means an address in the cache never names another string (values are in the MRO's
            // dicts, or stale and unused once the epoch moves on; tracing them is harmless).
            let c = d.lookup_cache.borrow();
            for (&k, v) in c.1.iter() {
                out.push(Value(k));
                if let Some(v) = v {
                    out.push(*v);
                }
            }
        }
        Layout::Str => external = payload_any::<StrData>(v).s.len(),
        Layout::Bytes => external = payload_any::<Vec<u8>>(v).capacity(),
        Layout::BigInt => external = payload_any::<BigInt>(v).bits() as usize / 8,
        Layout::Bool
        | Layout::NoneType
        | Layout::Singleton
        | Layout::Range
        | Layout::RangeIter
        | Layout::Complex
        | Layout::Unboxed => {}
        Layout::List => {
            let l = payload_any::<ListData>(v);
            external = l.capacity() * W;
            out.extend(l.iter().copied());
        }
        Layout::Tuple => {
            let t = payload_any::<TupleData>(v);
            external = t.len() * W;
            out.extend(t.iter().copied());
        }
        Layout::Dict => {
            let t = &payload_any::<DictData>(v).table;
            external = t.heap_bytes();
            out.extend(t.values_for_gc());
        }
        Layout::Set => {
            let t = &payload_any::<SetData>(v).table;
            external = t.capacity() * 2 * W;
            // A set of ints (meteor_contest's thousands of frozensets) has nothing to trace.
            if t.refs() > 0 {
                out.extend(t.iter().map(|(k, _)| *k));
            }
        }
        Layout::DictView => {
            let d = payload_any::<ViewData>(v);
            out.push(d.dict);
        }
        Layout::Slice => {
            let d = payload_any::<SliceData>(v);
            out.extend([d.start, d.stop, d.step]);
        }
        Layout::Function => {
            let d = payload_any::<FunctionData>(v);
            out.extend([
                d.code,
                d.globals,
                d.name,
                d.qualname,
                d.defaults,
                d.kwdefaults,
                d.closure,
                d.dict,
                d.doc,
                d.module,
                d.annotations,
            ]);
        }
        Layout::Builtin => {
            let d = payload_any::<BuiltinData>(v);
            out.extend([d.bound, d.owner, d.module]);
        }
        Layout::Code => {
            let d = payload_any::<CodeData>(v);
            out.extend(d.consts.iter().copied());
            out.extend(d.names.iter().copied());
            out.extend(d.localsplusnames.iter().copied());
            out.extend([d.name, d.qualname, d.doc]);
            // Values held by inline caches (class attributes, methods): normally also in a class
            // dict, but a dict mutated behind the type epoch's back must not leave a dangling one.
            crate::vm::runtime::inline_cache::cached_values(&d.caches, out);
        }
        Layout::Cell => out.push(*payload_any::<Value>(v)),
        Layout::BoundMethod => {
            let d = payload_any::<MethodData>(v);
            out.extend([d.func, d.self_]);
        }
        Layout::MethodWrapper => out.push(*payload_any::<Value>(v)),
        Layout::Property => {
            let d = payload_any::<PropertyData>(v);
            out.extend([d.fget, d.fset, d.fdel, d.doc, d.name]);
        }
        Layout::Generator => {
            let d = payload_any::<GenData>(v);
            out.extend([
                d.name,
                d.qualname,
                d.code,
                d.func,
                d.exc_state,
                d.ag.finalizer,
            ]);
            if d.state != GenState::Done && d.frame.len() >= HEADER_WORDS {
                let f = FramePtr(d.frame.as_mut_ptr() as *mut Frame);
                let fr = f.get();
                out.extend([frame_code(fr), fr.func, fr.globals, fr.builtins]);
                out.extend(f.live_values().iter().copied());
            }
        }
        Layout::Module => {
            let d = payload_any::<ModuleData>(v);
            out.extend([d.name, d.dict]);
        }
        Layout::SeqIter => out.push(payload_any::<SeqIterData>(v).seq),
        Layout::Iter => match payload_any::<IterData>(v) {
            IterData::Seq { seq, .. } | IterData::SeqRev { seq, .. } => out.push(*seq),
            IterData::BigRange(_) | IterData::Done => {}
            IterData::Dict { dict, .. } | IterData::DictRev { dict, .. } => out.push(*dict),
            IterData::Enumerate { it, n } => out.extend([*it, *n]),
            IterData::Zip { its, .. } => out.extend(its.iter().copied()),
            IterData::Map { f, its } => {
                out.push(*f);
                out.extend(its.iter().copied());
            }
            IterData::Filter { f, it } => out.extend([*f, *it]),
            IterData::Callable { f, sentinel } => out.extend([*f, *sentinel]),
            IterData::Await { coro } => out.push(*coro),
            IterData::AsyncGenASend { gen, sendval, .. } => out.extend([*gen, *sendval]),
            IterData::AsyncGenAThrow { gen, args, .. } => out.extend([*gen, *args]),
            IterData::ANext { wrapped, default } => out.extend([*wrapped, *default]),
            IterData::Tool(t) => t.trace(out),
        },
        Layout::Super => {
            let d = payload_any::<SuperData>(v);
            out.extend([d.ty, d.obj, d.obj_type]);
        }
        // Not the referent: that is what makes the reference weak.
        Layout::WeakRef => {
            let d = payload_any::<WeakRefData>(v);
            out.extend([d.callback, d.wrapper.get()]);
        }
        Layout::Native => {
            let d = payload_any::<NativeData>(v);
            d.trace(out);
            external = d.heap_bytes();
        }
    }
    external
}

fn unlink_subclass(cls: Value) {
    let td = payload_any::<TypeData>(cls);
    for b in &td.bases {
        if b.is_ptr() {
            let bd = payload_any::<TypeData>(*b);
            bd.subclasses.borrow_mut().retain(|&s| s != cls);
        }
    }
}

/// `$f::<T>($args)` with `T` the payload type of `layout`.
macro_rules! by_layout {
    ($layout:expr, $f:ident $(, $arg:expr)*) => {
        match $layout {
            Layout::Instance => $f::<InstanceData>($($arg),*),
            Layout::Type => $f::<TypeData>($($arg),*),
            Layout::Str => $f::<StrData>($($arg),*),
            Layout::Bytes => $f::<Vec<u8>>($($arg),*),
            Layout::BigInt => $f::<BigInt>($($arg),*),
            Layout::Bool => $f::<bool>($($arg),*),
            Layout::NoneType | Layout::Singleton | Layout::Unboxed => $f::<()>($($arg),*),
            Layout::List => $f::<ListData>($($arg),*),
            Layout::Tuple => $f::<TupleData>($($arg),*),
            Layout::Dict => $f::<DictData>($($arg),*),
            Layout::Set => $f::<SetData>($($arg),*),
            Layout::DictView => $f::<ViewData>($($arg),*),
            Layout::Range => $f::<RangeData>($($arg),*),
            Layout::Complex => $f::<ComplexData>($($arg),*),
            Layout::Slice => $f::<SliceData>($($arg),*),
            Layout::Function => $f::<FunctionData>($($arg),*),
            Layout::Builtin => $f::<BuiltinData>($($arg),*),
            Layout::Code => $f::<CodeData>($($arg),*),
            Layout::Cell => $f::<Value>($($arg),*),
            Layout::BoundMethod => $f::<MethodData>($($arg),*),
            Layout::MethodWrapper => $f::<Value>($($arg),*),
            Layout::Property => $f::<PropertyData>($($arg),*),
            Layout::Generator => $f::<GenData>($($arg),*),
            Layout::Module => $f::<ModuleData>($($arg),*),
            Layout::Iter => $f::<IterData>($($arg),*),
            Layout::RangeIter => $f::<RangeIterData>($($arg),*),
            Layout::SeqIter => $f::<SeqIterData>($($arg),*),
            Layout::Super => $f::<SuperData>($($arg),*),
            Layout::WeakRef => $f::<WeakRefData>($($arg),*),
            Layout::Native => $f::<NativeData>($($arg),*),
        }
    };
}

/// Frees `v`, whose payload has `layout`; returns the bytes its block took.
fn free(slab: &mut SlabAlloc, v: Value, layout: Layout) -> usize {
    by_layout!(layout, free_object, slab, v)
}

fn block_bytes<T>() -> usize {
    SlabAlloc::block_size(std::mem::size_of::<Obj<T>>())
}

/// The bytes `v` takes in cpjit's heap: its block (header and payload, rounded to the slab's
/// size class) plus what the payload owns outside it (a list's item array, a str's text, a dict's
/// table). `object.__sizeof__` and `sys.getsizeof` report it; a value held unboxed in a Value
/// (a small int, a float) takes one word.
pub fn object_bytes(v: Value) -> usize {
    if !v.is_ptr() {
        return std::mem::size_of::<Value>();
    }
    let block = by_layout!(layout_of(v), block_bytes);
    let mut refs = Vec::new();
    block + trace(v, &mut refs)
}
