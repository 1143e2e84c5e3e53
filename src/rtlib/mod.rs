//! Runtime library: CPython-exact algorithms on plain Rust types (float repr, format specs, `%` and
//! `str.format`, int/float parsing, hashing, set ordering, str methods), independent of the object model.
//!
//! Errors are returned as [`RtError`]: an exception kind plus CPython's exact message; the VM turns
//! them into exception objects.

mod erf;
pub mod error;
pub mod float_repr;
pub mod floatops;
pub mod format_spec;
mod gamma;
pub mod hash;
pub mod intops;
mod libm_port;
pub mod math_fns;
mod math_int;
pub mod numparse;
pub mod percent_format;
pub mod round;
pub mod set_ops;
pub mod set_table;
pub mod str_format;
pub mod strmethods;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;

pub use error::{ExcKind, RtError, RtResult};
