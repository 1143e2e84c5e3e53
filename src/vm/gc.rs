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

pub struct Heap {
    objects: Vec<Value>,
    /// Objects allocated since the last collection.
    pub allocated: usize,
    /// Collect when `allocated` passes this.
    pub threshold: usize,
    pub collections: usize,
    worklist: Vec<Value>,
    slab: SlabAlloc,
    /// Every live weak reference object (checked after each mark phase).
    weakrefs: Vec<Value>,
    /// References cleared by the last collections whose callbacks have not run yet (the VM
    /// runs them after the collection; see `Vm::collect`). Marked as roots until then.
    pub cleared_weakrefs: Vec<Value>,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

const MIN_THRESHOLD: usize = 100_000;
/// See `Heap::note_external`.
pub const EXTERNAL_BYTES_PER_OBJECT: usize = 256;

/// CPJIT_GC_STRESS=1 collects at every safepoint (to flush out missing roots in tests).
fn stress() -> bool {
    static S: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *S.get_or_init(|| std::env::var_os("CPJIT_GC_STRESS").is_some())
}

fn min_threshold() -> usize {
    if stress() {
        1
    } else {
        MIN_THRESHOLD
    }
}

impl Heap {
    pub fn new() -> Self {
        Heap {
            objects: Vec::with_capacity(1 << 16),
            allocated: 0,
            threshold: min_threshold(),
            collections: 0,
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
        self.allocated += 1;
        v
    }

    /// Counts `bytes` an object owns outside the heap (big-int digits, string text) towards the
    /// next collection, one object's worth per [`EXTERNAL_BYTES_PER_OBJECT`] bytes: otherwise a
    /// loop making a few huge objects would run far past its memory before the count triggers.
    #[inline]
    pub fn note_external(&mut self, bytes: usize) {
        self.allocated += bytes / EXTERNAL_BYTES_PER_OBJECT;
    }

    #[inline(always)]
    pub fn should_collect(&self) -> bool {
        self.allocated >= self.threshold
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
    pub fn collect(&mut self, roots: &[Value], frames: &[FramePtr]) {
        for &r in roots {
            self.mark_value(r);
        }
        for i in 0..self.cleared_weakrefs.len() {
            self.mark_value(self.cleared_weakrefs[i]);
        }
        for &f in frames {
            let mut f = f;
            while !f.is_null() {
                self.mark_frame(f);
                f = f.previous();
            }
        }
        self.drain();
        self.clear_weakrefs();
        // Layouts are read before anything is freed: a dead object's type may be dead too.
        let mut kept = Vec::with_capacity(self.objects.len());
        let mut dead = Vec::new();
        for &v in &self.objects {
            let h = header(v);
            let g = h.gc.get();
            if g & MARK != 0 {
                h.gc.set(g & !MARK);
                kept.push(v);
            } else {
                let l = layout_of(v);
                // Extended instances are a larger object than their layout's payload.
                let ext = l == Layout::Instance && has_ext_instances(obj_type(v));
                dead.push((v, l, ext));
            }
        }
        for (v, l, ext) in dead {
            if ext {
                free_object::<ExtInstanceData>(&mut self.slab, v);
                continue;
            }
            free(&mut self.slab, v, l);
        }
        self.objects = kept;
        self.allocated = 0;
        self.threshold = if stress() {
            1
        } else {
            MIN_THRESHOLD.max(self.objects.len())
        };
        self.collections += 1;
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
            trace(v, &mut children);
            for i in 0..children.len() {
                self.mark_value(children[i]);
            }
        }
    }
}

/// Pushes every Value `v` references directly.
fn trace(v: Value, out: &mut Vec<Value>) {
    match layout_of(v) {
        Layout::Instance => {
            if has_ext_instances(obj_type(v)) {
                let x = payload_any::<ExtInstanceData>(v);
                out.extend([x.base, x.slots]);
            }
            let d = payload_any::<InstanceData>(v);
            out.push(d.dict);
            if let Some(e) = &d.exc {
                out.extend([e.args, e.cause, e.context, e.extra]);
                out.extend(e.traceback.iter().map(|t| t.0));
            }
        }
        Layout::Type => {
            let d = payload_any::<TypeData>(v);
            out.extend(d.bases.iter().copied());
            out.extend(d.mro.iter().copied());
            out.push(d.dict);
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
        Layout::Str
        | Layout::Bytes
        | Layout::BigInt
        | Layout::Bool
        | Layout::NoneType
        | Layout::Singleton
        | Layout::Range
        | Layout::Complex
        | Layout::Unboxed => {}
        Layout::List => out.extend(payload_any::<Vec<Value>>(v).iter().copied()),
        Layout::Tuple => out.extend(payload_any::<Box<[Value]>>(v).iter().copied()),
        Layout::Dict => out.extend(payload_any::<DictData>(v).table.values_for_gc()),
        Layout::Set => out.extend(payload_any::<SetData>(v).table.iter().map(|(k, _)| *k)),
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
            ]);
        }
        Layout::Builtin => {
            let d = payload_any::<BuiltinData>(v);
            out.extend([d.bound, d.owner]);
        }
        Layout::Code => {
            let d = payload_any::<CodeData>(v);
            out.extend(d.consts.iter().copied());
            out.extend(d.names.iter().copied());
            out.extend(d.localsplusnames.iter().copied());
            out.extend([d.name, d.qualname]);
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
            out.extend([d.fget, d.fset, d.fdel, d.doc]);
        }
        Layout::Generator => {
            let d = payload_any::<GenData>(v);
            out.extend([d.name, d.qualname, d.code, d.func]);
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
        Layout::Iter => match payload_any::<IterData>(v) {
            IterData::Seq { seq, .. } | IterData::SeqRev { seq, .. } => out.push(*seq),
            IterData::Range { .. } | IterData::BigRange { .. } | IterData::Done => {}
            IterData::Dict { dict, .. } | IterData::DictRev { dict, .. } => out.push(*dict),
            IterData::Enumerate { it, n } => out.extend([*it, *n]),
            IterData::Zip { its, .. } => out.extend(its.iter().copied()),
            IterData::Map { f, its } => {
                out.push(*f);
                out.extend(its.iter().copied());
            }
            IterData::Filter { f, it } => out.extend([*f, *it]),
            IterData::Callable { f, sentinel } => out.extend([*f, *sentinel]),
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
    }
}

fn free(slab: &mut SlabAlloc, v: Value, layout: Layout) {
    match layout {
        Layout::Instance => free_object::<InstanceData>(slab, v),
        Layout::Type => free_object::<TypeData>(slab, v),
        Layout::Str => free_object::<StrData>(slab, v),
        Layout::Bytes => free_object::<Vec<u8>>(slab, v),
        Layout::BigInt => free_object::<BigInt>(slab, v),
        Layout::Bool => free_object::<bool>(slab, v),
        Layout::NoneType | Layout::Singleton | Layout::Unboxed => free_object::<()>(slab, v),
        Layout::List => free_object::<Vec<Value>>(slab, v),
        Layout::Tuple => free_object::<Box<[Value]>>(slab, v),
        Layout::Dict => free_object::<DictData>(slab, v),
        Layout::Set => free_object::<SetData>(slab, v),
        Layout::DictView => free_object::<ViewData>(slab, v),
        Layout::Range => free_object::<RangeData>(slab, v),
        Layout::Complex => free_object::<ComplexData>(slab, v),
        Layout::Slice => free_object::<SliceData>(slab, v),
        Layout::Function => free_object::<FunctionData>(slab, v),
        Layout::Builtin => free_object::<BuiltinData>(slab, v),
        Layout::Code => free_object::<CodeData>(slab, v),
        Layout::Cell => free_object::<Value>(slab, v),
        Layout::BoundMethod => free_object::<MethodData>(slab, v),
        Layout::MethodWrapper => free_object::<Value>(slab, v),
        Layout::Property => free_object::<PropertyData>(slab, v),
        Layout::Generator => free_object::<GenData>(slab, v),
        Layout::Module => free_object::<ModuleData>(slab, v),
        Layout::Iter => free_object::<IterData>(slab, v),
        Layout::Super => free_object::<SuperData>(slab, v),
        Layout::WeakRef => free_object::<WeakRefData>(slab, v),
    }
}
