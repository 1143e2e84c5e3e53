//! Frame and traceback objects, as snapshots: the VM's frames live on its frame stack (not the
//! heap), so `sys._getframe()`, a generator's `gi_frame` and `exc.__traceback__` make objects
//! holding what the frames showed at that moment (code, globals, builtins, instruction, locals).
//! They do not follow a frame afterwards: f_lineno stays where it was, and f_locals shows the
//! fast locals as they were (cells are read when f_locals is first asked for). Frames of a
//! traceback carry only their code, globals and line (the exception records no more).
//!
//! A frame object is cheap to make: `sys._getframe()` copies each frame of the chain into one
//! shared, reference-counted [`Captured`] list (a few words and the fast locals per frame) and
//! makes one object; `f_back` makes the next frame's object from that list when first read,
//! `f_locals` builds its dict when first read. (logging asks for a frame per record and walks
//! f_back: building every frame's attributes and locals dict up front cost ~40,000
//! instructions a call.)

use std::rc::Rc;

use crate::vm::framestack::{frame_code, locals, FramePtr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::generic_setattr;
use crate::vm::runtime::call::new_instance;
use crate::vm::value::Value;

fn set(vm: &mut Vm, o: Value, name: &str, v: Value) -> PyResult<()> {
    let k = vm.intern(name);
    generic_setattr(vm, o, k, v)
}

/// The file name and current line of the innermost Python frame.
pub fn current_location(vm: &Vm) -> Option<(String, i64)> {
    let f = vm.current;
    if f.is_null() {
        return None;
    }
    let fr = f.get();
    let code = frame_code(fr);
    let at = fr.instr_index.saturating_sub(1);
    let file = as_code(code)?.code.filename.clone();
    Some((file, line_of(code, at)))
}

fn line_of(code: Value, at: u32) -> i64 {
    as_code(code)
        .and_then(|c| c.code.positions.get(at as usize).map(|p| p.lineno as i64))
        .unwrap_or(0)
}

/// One frame of a chain, as it was when a frame object was asked for.
struct Captured {
    code: Value,
    globals: Value,
    builtins: Value,
    /// The instruction the frame was running (its `instr_index` names the next one).
    at: u32,
    /// The locals dict of module and class bodies (an empty dict for a traceback's frames);
    /// NULL for function frames, whose locals are `slots`.
    locals: Value,
    /// A function frame's localsplus: fast locals, then cells and free variables (the cell
    /// objects, read when f_locals is made).
    slots: Box<[Value]>,
}

fn capture(f: FramePtr) -> Captured {
    let fr = f.get();
    let l = locals(f);
    let slots: Box<[Value]> = if l.is_null() {
        f.slots(fr.nlocalsplus as usize).into()
    } else {
        Box::new([])
    };
    Captured {
        code: frame_code(fr),
        globals: fr.globals,
        builtins: fr.builtins,
        at: fr.instr_index.saturating_sub(1),
        locals: l,
        slots,
    }
}

/// A `frame` object: frame `index` (0: the innermost) of a captured chain.
pub struct FrameObj {
    chain: Rc<[Captured]>,
    index: usize,
    /// f_locals once made (NULL: not yet).
    locals: Value,
    /// f_back once made (NULL: not yet).
    back: Value,
    /// f_trace (NULL: None).
    trace: Value,
    trace_lines: bool,
    trace_opcodes: bool,
    /// `clear()` was called: f_locals is empty from then on.
    cleared: bool,
}

impl FrameObj {
    fn me(&self) -> &Captured {
        &self.chain[self.index]
    }
}

impl NativeObject for FrameObj {
    fn trace(&self, out: &mut Vec<Value>) {
        // The chain is shared by the frame objects made from it: each traces all of it (its
        // f_back objects are made from the rest).
        for c in self.chain.iter() {
            out.extend([c.code, c.globals, c.builtins, c.locals]);
            out.extend(c.slots.iter().copied());
        }
        out.extend([self.locals, self.back, self.trace]);
    }
    fn heap_bytes(&self) -> usize {
        if self.index != 0 {
            return 0;
        }
        self.chain
            .iter()
            .map(|c| std::mem::size_of::<Captured>() + c.slots.len() * 8)
            .sum()
    }
}

fn new_frame(vm: &mut Vm, chain: Rc<[Captured]>, index: usize) -> Value {
    let ty = vm.t.frame;
    let f = FrameObj {
        chain,
        index,
        locals: Value::NULL,
        back: Value::NULL,
        trace: Value::NULL,
        trace_lines: true,
        trace_opcodes: false,
        cleared: false,
    };
    vm.heap.alloc(ty, Box::new(f) as NativeData)
}

/// The frame object `v` (the first argument of its methods and getters).
fn frame_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut FrameObj> {
    match as_native::<FrameObj>(v) {
        Some(f) => Ok(f),
        None => {
            let tn = vm.tp_name(v);
            Err(vm.type_error(format!(
                "descriptor for 'frame' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// The locals of a live frame as `f_locals` and `locals()` show them: the locals dict of module
/// and class bodies, else a new dict of the bound fast locals and cell contents.
pub fn frame_locals(vm: &mut Vm, f: FramePtr) -> Value {
    let l = locals(f);
    if !l.is_null() {
        return l;
    }
    let code = frame_code(f.get());
    let n = as_code(code).map_or(0, |cd| cd.localsplusnames.len());
    let slots: Vec<Value> = f.slots(n).to_vec();
    locals_dict(vm, code, &slots)
}

/// A dict of the bound names among `slots` (a frame's localsplus), cells read through.
fn locals_dict(vm: &mut Vm, code: Value, slots: &[Value]) -> Value {
    let cd = as_code(code).unwrap();
    let names = cd.localsplusnames.clone();
    let kinds = cd.code.localspluskinds.clone();
    let d = vm.new_dict();
    vm.roots.push(d);
    for (i, (&n, &v)) in names.iter().zip(slots.iter()).enumerate() {
        let cellish = kinds.get(i).is_some_and(|k| k & 0xC0 != 0);
        let v = match as_cell(v) {
            Some(c) if cellish => *c,
            _ => v,
        };
        if !v.is_null() {
            let _ = crate::vm::runtime::dict::dict_set(vm, d, n, v);
        }
    }
    vm.roots.pop();
    d
}

/// A getter: the frame -> the attribute.
type GetFn = fn(&mut Vm, Value) -> PyResult;
/// A setter: the frame and the new value (None: deleted).
type SetFn = fn(&mut Vm, Value, Option<Value>) -> PyResult<()>;

/// frame's attributes in CPython's dict order: (name, member_descriptor (else getset), getter,
/// setter if writable).
const ATTRS: &[(&str, bool, GetFn, Option<SetFn>)] = &[
    (
        "f_trace_lines",
        true,
        get_trace_lines,
        Some(set_trace_lines),
    ),
    (
        "f_trace_opcodes",
        true,
        get_trace_opcodes,
        Some(set_trace_opcodes),
    ),
    ("f_back", false, get_back, None),
    ("f_locals", false, get_locals, None),
    ("f_lineno", false, get_lineno, Some(set_lineno)),
    ("f_trace", false, get_trace, Some(set_trace)),
    ("f_lasti", false, get_lasti, None),
    ("f_globals", false, get_globals, None),
    ("f_builtins", false, get_builtins, None),
    ("f_code", false, get_code, None),
];

pub fn install(vm: &mut Vm) {
    let t = vm.t.frame;
    super::add_method(vm, t, "__repr__", frame_repr);
    super::add_method(vm, t, "clear", frame_clear);
    for (i, &(name, member, _, setter)) in ATTRS.iter().enumerate() {
        let n = vm.intern(name);
        let kind = if member {
            vm.t.member_descriptor
        } else {
            vm.t.getset_descriptor
        };
        let index = Value::try_from_i64(i as i64).unwrap();
        super::getset::add_descriptor(vm, t, n, kind, call_getter, index);
        if setter.is_some() {
            super::getset::add_setter(vm, t, n, call_setter, index);
        }
    }
}

/// (attribute index, frame) -> the attribute.
fn call_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (Some(&i), Some(&obj)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("expected a frame"));
    };
    (ATTRS[i.as_small_int() as usize].2)(vm, obj)
}

/// (attribute index, frame[, value]) -> None: sets (or, without a value, deletes) it.
fn call_setter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (Some(&i), Some(&obj)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("expected a frame"));
    };
    let set = ATTRS[i.as_small_int() as usize].3.unwrap();
    set(vm, obj, args.get(2).copied())?;
    Ok(vm.none)
}

fn get_back(vm: &mut Vm, v: Value) -> PyResult {
    let f = frame_arg(vm, v)?;
    if f.back.is_null() {
        let (chain, next) = (f.chain.clone(), f.index + 1);
        let back = if next < chain.len() {
            new_frame(vm, chain, next)
        } else {
            vm.none
        };
        frame_arg(vm, v)?.back = back;
    }
    Ok(frame_arg(vm, v)?.back)
}

fn get_locals(vm: &mut Vm, v: Value) -> PyResult {
    let f = frame_arg(vm, v)?;
    if f.locals.is_null() {
        let (chain, index, cleared) = (f.chain.clone(), f.index, f.cleared);
        let c = &chain[index];
        let d = if cleared {
            vm.new_dict()
        } else if !c.locals.is_null() {
            c.locals
        } else {
            locals_dict(vm, c.code, &c.slots)
        };
        frame_arg(vm, v)?.locals = d;
    }
    Ok(frame_arg(vm, v)?.locals)
}

fn get_lineno(vm: &mut Vm, v: Value) -> PyResult {
    let f = frame_arg(vm, v)?;
    let (code, at) = (f.me().code, f.me().at);
    Ok(vm.new_int(line_of(code, at)))
}

fn set_lineno(vm: &mut Vm, v: Value, _value: Option<Value>) -> PyResult<()> {
    frame_arg(vm, v)?;
    Err(vm.value_error("f_lineno can only be set by a trace function"))
}

fn get_trace(vm: &mut Vm, v: Value) -> PyResult {
    let t = frame_arg(vm, v)?.trace;
    Ok(if t.is_null() { vm.none } else { t })
}

fn set_trace(vm: &mut Vm, v: Value, value: Option<Value>) -> PyResult<()> {
    let none = vm.none;
    let f = frame_arg(vm, v)?;
    f.trace = match value {
        Some(t) if t != none => t,
        _ => Value::NULL,
    };
    Ok(())
}

/// The frame's `f_trace_lines` (`lines`) or `f_trace_opcodes` flag (T_BOOL members).
fn flag(f: &mut FrameObj, lines: bool) -> &mut bool {
    if lines {
        &mut f.trace_lines
    } else {
        &mut f.trace_opcodes
    }
}

fn get_flag(vm: &mut Vm, v: Value, lines: bool) -> PyResult {
    let b = *flag(frame_arg(vm, v)?, lines);
    Ok(if b { vm.true_ } else { vm.false_ })
}

fn set_flag(vm: &mut Vm, v: Value, value: Option<Value>, lines: bool) -> PyResult<()> {
    frame_arg(vm, v)?;
    let b = match value {
        None => return Err(vm.type_error("can't delete numeric/char attribute")),
        Some(b) if b == vm.true_ => true,
        Some(b) if b == vm.false_ => false,
        Some(_) => return Err(vm.type_error("attribute value type must be bool")),
    };
    *flag(frame_arg(vm, v)?, lines) = b;
    Ok(())
}

fn get_trace_lines(vm: &mut Vm, v: Value) -> PyResult {
    get_flag(vm, v, true)
}

fn set_trace_lines(vm: &mut Vm, v: Value, value: Option<Value>) -> PyResult<()> {
    set_flag(vm, v, value, true)
}

fn get_trace_opcodes(vm: &mut Vm, v: Value) -> PyResult {
    get_flag(vm, v, false)
}

fn set_trace_opcodes(vm: &mut Vm, v: Value, value: Option<Value>) -> PyResult<()> {
    set_flag(vm, v, value, false)
}

fn get_lasti(vm: &mut Vm, v: Value) -> PyResult {
    let (code, at) = {
        let me = frame_arg(vm, v)?.me();
        (me.code, me.at)
    };
    let la = crate::vm::code::lasti(vm, code, at)?;
    Ok(vm.new_int(la))
}

fn get_globals(vm: &mut Vm, v: Value) -> PyResult {
    Ok(frame_arg(vm, v)?.me().globals)
}

fn get_builtins(vm: &mut Vm, v: Value) -> PyResult {
    let b = frame_arg(vm, v)?.me().builtins;
    Ok(if b.is_null() { vm.none } else { b })
}

fn get_code(vm: &mut Vm, v: Value) -> PyResult {
    Ok(frame_arg(vm, v)?.me().code)
}

/// `<frame at 0x..., file '...', line N, code NAME>`, as CPython.
fn frame_repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__repr__", args, kw, 1, 0, 0)?;
    let f = frame_arg(vm, args[0])?;
    let (code, at) = (f.me().code, f.me().at);
    let line = line_of(code, at);
    let (file, name) = as_code(code).map_or((String::new(), String::new()), |c| {
        (c.code.filename.clone(), c.code.name.clone())
    });
    let file = crate::rtlib::strmethods::repr_str(&file);
    let s = format!(
        "<frame at {:#x}, file {file}, line {line}, code {name}>",
        args[0].0
    );
    Ok(vm.new_str_owned(s))
}

/// `frame.clear()`: a frame object here is a snapshot, so clearing drops its locals (what
/// traceback.clear_frames and unittest call it for).
fn frame_clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "clear", args, kw, 1, 0, 0)?;
    let f = frame_arg(vm, args[0])?;
    f.cleared = true;
    f.locals = Value::NULL;
    Ok(vm.none)
}

/// Whether frame `f` runs code left off the frame chain (`eval::hidden_from_frames`).
fn hidden(f: FramePtr) -> bool {
    as_code(frame_code(f.get()))
        .is_some_and(|c| crate::vm::eval::hidden_from_frames(&c.code.filename))
}

/// A frame object for `f`, whose f_back leads to every frame that called it.
pub fn frame_object(vm: &mut Vm, f: FramePtr) -> PyResult {
    // The frames of cpjit's Python stand-ins for C modules are not in the chain (CPython's C
    // functions have no frames), unless `f` is one (their own code asking for its frame).
    let mut chain = vec![capture(f)];
    let mut p = f.previous();
    while !p.is_null() {
        if !hidden(p) {
            chain.push(capture(p));
        }
        p = p.previous();
    }
    Ok(new_frame(vm, chain.into(), 0))
}

/// `exc.__traceback__`: a chain of traceback objects, outermost first, or None.
pub fn traceback_object(vm: &mut Vm, exc: Value) -> PyResult {
    let (entries, globals) = match as_instance(exc).and_then(|i| i.exc.as_ref()) {
        Some(e) => (e.traceback.clone(), e.tb_globals.clone()),
        None => return Ok(vm.none),
    };
    let mut next = vm.none;
    let base = vm.roots.len();
    // Entries are innermost first: build the innermost traceback object first.
    for (i, (code, at)) in entries.into_iter().enumerate() {
        vm.roots.push(next);
        // Traceback entries keep (code, instruction, globals) and no more.
        let g = match globals.get(i) {
            Some(g) if !g.is_null() => *g,
            _ => vm.new_dict(),
        };
        vm.roots.push(g);
        // A module body's locals are its globals; a function's are gone, shown as an empty
        // dict (what `traceback` reads them for then finds nothing).
        let module_body = as_code(code).is_some_and(|c| {
            c.code.flags & crate::bytecode::code::flags::CO_NEWLOCALS == 0
                && c.code.name == "<module>"
        });
        let l = if module_body { g } else { vm.new_dict() };
        vm.roots.push(l);
        let builtins = vm.builtins;
        let chain: Rc<[Captured]> = Rc::new([Captured {
            code,
            globals: g,
            builtins,
            at,
            locals: l,
            slots: Box::new([]),
        }]);
        let fo = new_frame(vm, chain, 0);
        frame_arg(vm, fo)?.back = vm.none;
        vm.roots.push(fo);
        let ln = vm.new_int(line_of(code, at));
        let tty = vm.t.traceback;
        let tb = new_instance(vm, tty);
        vm.roots.push(tb);
        set(vm, tb, "tb_frame", fo)?;
        set(vm, tb, "tb_lineno", ln)?;
        let la = crate::vm::code::lasti(vm, code, at)?;
        let la = vm.new_int(la);
        set(vm, tb, "tb_lasti", la)?;
        set(vm, tb, "tb_next", next)?;
        next = tb;
    }
    vm.roots.truncate(base);
    Ok(next)
}

/// `sys._getframe([depth])`.
pub fn getframe(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "_getframe", args, kw, 0, 0, 1)?;
    let depth = match args.first() {
        Some(&v) => crate::vm::runtime::num::c_int_arg(vm, v)? as i64,
        None => 0,
    };
    // Counted from the calling frame over the frames Python code sees (`frame_object`).
    let mut f = vm.current;
    for _ in 0..depth.max(0) {
        if f.is_null() {
            break;
        }
        f = f.previous();
        while !f.is_null() && hidden(f) {
            f = f.previous();
        }
    }
    if f.is_null() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    frame_object(vm, f)
}
