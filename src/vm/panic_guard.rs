//! Rust panics never abort the process: a panic inside a built-in call (or anywhere in the run)
//! is caught here and becomes `SystemError: cpjit internal error: <message> (at <file:line>)`,
//! raised as an ordinary Python exception at the call site, so it gets a traceback and, uncaught,
//! exit status 1.
//!
//! The boundary is the built-in call (`call::call`, `call_method_value`, the bound-method fast
//! path in the eval loop) plus the whole program run: a built-in's panic leaves the VM usable
//! (frames, recursion depth and the shadow root stack are restored to the call's entry state),
//! and a panic in the eval loop itself still ends the run with a SystemError traceback.
//!
//! The default panic hook's stderr report is replaced by one that records the message for the
//! SystemError (set `CPJIT_PANIC_BACKTRACE=1` to also get Rust's own report and backtrace).

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use super::framestack::FramePtr;
use super::interp::{PyResult, Vm};
use super::object::as_instance;
use super::value::Value;

thread_local! {
    /// The message and location of the last panic on this thread (set by the hook).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// How many `guard`s are active on this thread: panics outside any guard (the test harness's
    /// own assertions, for one) keep the default report.
    static GUARDED: Cell<u32> = const { Cell::new(0) };
}

/// Installs the recording panic hook (once per process; `guard` works without it, but then Rust's
/// default report is printed too).
pub fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let verbose = std::env::var_os("CPJIT_PANIC_BACKTRACE").is_some();
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let msg = payload_text(info.payload());
            let text = match info.location() {
                Some(l) => format!("{msg} (at {}:{})", l.file(), l.line()),
                None => msg,
            };
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
            if verbose || GUARDED.with(|g| g.get()) == 0 {
                default(info);
            }
        }));
    });
}

fn payload_text(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// The VM state a built-in call starts from; restored when the call panics.
struct EntryState {
    current: FramePtr,
    depth: usize,
    frames: (usize, usize),
    roots: usize,
    handled: Value,
    handled_outer: usize,
}

/// Runs `f`; a panic inside becomes a SystemError returned as the call's exception.
#[inline]
pub fn guard<F: FnOnce(&mut Vm) -> PyResult>(vm: &mut Vm, f: F) -> PyResult {
    let entry = EntryState {
        current: vm.current,
        depth: vm.depth,
        frames: vm.frames.mark(),
        roots: vm.roots.len(),
        handled: vm.handled,
        handled_outer: vm.handled_outer.len(),
    };
    GUARDED.with(|g| g.set(g.get() + 1));
    let r = catch_unwind(AssertUnwindSafe(|| f(&mut *vm)));
    GUARDED.with(|g| g.set(g.get() - 1));
    match r {
        Ok(r) => r,
        Err(payload) => Err(internal_error(vm, entry, payload)),
    }
}

#[cold]
#[inline(never)]
fn internal_error(vm: &mut Vm, entry: EntryState, payload: Box<dyn std::any::Any + Send>) -> Value {
    let text = LAST_PANIC
        .with(|p| p.borrow_mut().take())
        .unwrap_or_else(|| payload_text(&*payload));
    drop(payload);
    // The Python frames the panic unwound through (innermost first) go into the traceback, as
    // if the SystemError had been raised where the panic happened.
    let mut frames = Vec::new();
    let mut f = vm.current;
    while !f.is_null() && f != entry.current {
        let fr = f.get();
        let code = super::framestack::frame_code(fr);
        frames.push((code, fr.instr_index.saturating_sub(1)));
        f = f.previous();
    }
    vm.current = entry.current;
    vm.depth = entry.depth;
    vm.frames.truncate(entry.frames);
    vm.roots.truncate(entry.roots);
    vm.handled = entry.handled;
    vm.handled_outer.truncate(entry.handled_outer);
    vm.internal_errors += 1;
    let exc = vm.err("SystemError", format!("cpjit internal error: {text}"));
    if let Some(e) = as_instance(exc).and_then(|i| i.exc.as_mut()) {
        e.traceback.extend(frames);
    }
    exc
}
