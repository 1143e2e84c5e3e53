//! Differential tests of src/rtlib against python3 (CPython 3.11, the oracle).

#[path = "rtlib/codecs.rs"]
mod codecs;
#[path = "rtlib/common.rs"]
mod common;
#[path = "rtlib/complexops.rs"]
mod complexops;
#[path = "rtlib/float_repr.rs"]
mod float_repr;
#[path = "rtlib/floatops.rs"]
mod floatops;
#[path = "rtlib/format_spec.rs"]
mod format_spec;
#[path = "rtlib/hash.rs"]
mod hash;
#[path = "rtlib/intops.rs"]
mod intops;
#[path = "rtlib/listsort.rs"]
mod listsort;
#[path = "rtlib/math_fns.rs"]
mod math_fns;
#[path = "rtlib/numparse.rs"]
mod numparse;
#[path = "rtlib/percent_format.rs"]
mod percent_format;
#[path = "rtlib/random_mt.rs"]
mod random_mt;
#[path = "rtlib/set_table.rs"]
mod set_table;
#[path = "rtlib/str_format.rs"]
mod str_format;
#[path = "rtlib/strmethods.rs"]
mod strmethods;
