//! Differential tests of src/rtlib against python3 (CPython 3.11, the oracle).

#[path = "rtlib/common.rs"]
mod common;
#[path = "rtlib/float_repr.rs"]
mod float_repr;
