//! Runtime library: CPython-exact algorithms on plain Rust types (float repr, format specs, `%` and
//! `str.format`, int/float parsing, hashing, set ordering, str methods), independent of the object model.
//!
//! Errors are returned as [`RtError`]: an exception kind plus CPython's exact message; the VM turns
//! them into exception objects. Callbacks into the object model (`%` operands, `str.format`
//! lookups) use the caller's own error type, so Python exceptions pass through unchanged.
//!
//! | module | CPython behaviour |
//! | --- | --- |
//! | `float_repr` | `repr(float)`, `repr(complex)`, `PyOS_double_to_string` |
//! | `format_spec` | `format(x, spec)` for int, float, complex, str |
//! | `percent_format` | `str % args` |
//! | `str_format` | `str.format` / `format_map` parsing and evaluation order |
//! | `numparse` | `int(str, base)`, `float(str)`, int → str (4300-digit limit) |
//! | `hash` | `hash()` of numbers, tuples, frozensets, str/bytes (SipHash-1-3, PYTHONHASHSEED) |
//! | `set_table`, `set_ops` | set layout, iteration order and set algebra |
//! | `strmethods`, `unicode` | str methods with CPython's Unicode 14 data; str/bytes repr |
//! | `round`, `floatops`, `intops`, `complexops` | number semantics and their errors |
//! | `math_fns` | the `math` module |
//! | `listsort` | `list.sort` (timsort + powersort: same comparisons, same result on errors) |
//! | `codecs` | `bytes.decode` / `str.encode` (utf-8, ascii, latin-1) and their errors |
//! | `surrogate` | lone surrogates in str: code points, order, the stand-in characters |
//! | `random_mt` | the `random` module's generator and random.py's algorithms |
//!
//! Lone surrogates live in strs as the stand-in characters of `surrogate` (U+F0800..U+F0FFF);
//! results over 2**28 characters raise MemoryError instead of being built.
//!
//! Every module is checked against python3 by `cargo test --test rtlib`.

pub mod cmath;
mod cmath_tables;
pub mod codecs;
pub mod complexops;
mod erf;
pub mod error;
pub mod float_repr;
pub mod floatops;
pub mod format_spec;
mod gamma;
pub mod hash;
pub mod intops;
mod libm_port;
pub mod listsort;
pub mod math_fns;
pub mod math_int;
pub mod numparse;
pub mod percent_format;
pub mod random_mt;
pub mod round;
pub mod set_ops;
pub mod set_table;
pub mod sha512;
pub mod str_format;
pub mod strmethods;
pub mod surrogate;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;

pub use error::{ExcKind, RtError, RtResult};
