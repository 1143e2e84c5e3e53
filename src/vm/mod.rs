//! The virtual machine: tagged values, repr(C) objects and frames, the evaluation loop.

pub mod abi;
pub mod adaptive;
pub mod alloc;
pub mod builtins;
pub mod code;
pub mod dict;
pub mod discovery;
pub mod eval;
pub mod finalize;
pub mod frame;
pub mod framestack;
pub mod fxhash;
pub mod gc;
pub mod interp;
pub mod jit_hook;
pub mod modules;
pub mod object;
pub mod ops;
pub mod panic_guard;
pub mod run;
pub mod runtime;
pub mod traceback;
pub mod types;
pub mod value;
