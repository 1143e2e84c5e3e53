//! The virtual machine: tagged values, repr(C) objects and frames, the evaluation loop.

pub mod abi;
pub mod frame;
pub mod value;
