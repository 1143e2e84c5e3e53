//! Frame and traceback objects, as snapshots: the VM's frames live on its frame stack (not the
//! heap), so `sys._getframe()` and `exc.__traceback__` build `frame`/`traceback` objects holding
//! what the frame showed at that moment (f_code, f_globals, f_locals, f_lineno, f_back; tb_frame,
//! tb_lineno, tb_lasti, tb_next). They do not follow the frame afterwards (f_lineno and f_locals
//! do not change as it runs on), and frames of a traceback carry only f_code and f_lineno (the
//! exception records no more).

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

/// The locals of a frame as `f_locals` shows them: the locals dict of module and class bodies,
/// else a new dict of the bound fast locals and cell contents.
pub fn frame_locals(vm: &mut Vm, f: FramePtr) -> Value {
    let l = locals(f);
    if !l.is_null() {
        return l;
    }
    let code = frame_code(f.get());
    let cd = as_code(code).unwrap();
    let names = cd.localsplusnames.clone();
    let kinds = cd.code.localspluskinds.clone();
    let slots: Vec<Value> = f.slots(names.len()).to_vec();
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

pub fn install(vm: &mut Vm) {
    let t = vm.t.frame;
    super::add_method(vm, t, "clear", frame_clear);
}

/// `frame.clear()`: a frame object here is a snapshot, so clearing drops its locals (what
/// traceback.clear_frames and unittest call it for).
fn frame_clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "clear", args, kw, 1, 0, 0)?;
    let k = vm.intern("f_locals");
    if let Some(l) = crate::vm::runtime::attr::own_attr(vm, args[0], k) {
        if let Some(d) = as_dict(l) {
            d.table.clear();
        }
    }
    Ok(vm.none)
}

/// Whether frame `f` runs code left off the frame chain (`eval::hidden_from_frames`).
fn hidden(f: FramePtr) -> bool {
    as_code(frame_code(f.get()))
        .is_some_and(|c| crate::vm::eval::hidden_from_frames(&c.code.filename))
}

/// A frame object for `f` and, through f_back, every frame that called it.
pub fn frame_object(vm: &mut Vm, f: FramePtr) -> PyResult {
    // Outermost first, so each frame's f_back exists when it is made.
    // The frames of cpjit's Python stand-ins for C modules are not in the chain (CPython's C
    // functions have no frames), unless `f` is one (their own code asking for its frame).
    let mut chain = vec![f];
    let mut p = f.previous();
    while !p.is_null() {
        if !hidden(p) {
            chain.push(p);
        }
        p = p.previous();
    }
    let mut back = vm.none;
    let base = vm.roots.len();
    for &fp in chain.iter().rev() {
        vm.roots.push(back);
        let ty = vm.t.frame;
        let o = new_instance(vm, ty);
        vm.roots.push(o);
        let fr = fp.get();
        let (code, globals, builtins, at) =
            (frame_code(fr), fr.globals, fr.builtins, fr.instr_index);
        set(vm, o, "f_code", code)?;
        set(vm, o, "f_globals", globals)?;
        set(vm, o, "f_builtins", builtins)?;
        let at = at.saturating_sub(1);
        let ln = vm.new_int(line_of(code, at));
        set(vm, o, "f_lineno", ln)?;
        let la = vm.new_int(at as i64 * 2);
        set(vm, o, "f_lasti", la)?;
        let l = frame_locals(vm, fp);
        set(vm, o, "f_locals", l)?;
        set(vm, o, "f_back", back)?;
        let n = vm.none;
        set(vm, o, "f_trace", n)?;
        back = o;
    }
    vm.roots.truncate(base);
    Ok(back)
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
        let fty = vm.t.frame;
        let fo = new_instance(vm, fty);
        vm.roots.push(fo);
        let ln = vm.new_int(line_of(code, at));
        set(vm, fo, "f_code", code)?;
        set(vm, fo, "f_lineno", ln)?;
        // Traceback entries keep (code, instruction, globals): the frame's locals are gone,
        // shown as an empty dict (what traceback reads them for then finds nothing).
        let g = match globals.get(i) {
            Some(g) if !g.is_null() => *g,
            _ => vm.new_dict(),
        };
        set(vm, fo, "f_globals", g)?;
        let l = vm.new_dict();
        set(vm, fo, "f_locals", l)?;
        let none = vm.none;
        set(vm, fo, "f_back", none)?;
        let tty = vm.t.traceback;
        let tb = new_instance(vm, tty);
        vm.roots.push(tb);
        set(vm, tb, "tb_frame", fo)?;
        set(vm, tb, "tb_lineno", ln)?;
        let la = vm.new_int(at as i64 * 2);
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
        Some(v) if v.is_small_int() => v.as_small_int(),
        Some(_) => return Err(vm.type_error("an integer is required")),
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
