//! Runtime functions: every generic operation the interpreter performs (and the JIT's slow paths
//! call), on Values, returning exceptions as `Err`.

pub mod abi;
pub mod attr;
pub mod call;
pub mod compare;
pub mod dict;
pub mod inline_cache;
pub mod iter;
pub mod match_class;
pub mod names;
pub mod num;
pub mod ops;
pub mod repr;
pub mod set;
pub mod special;
pub mod subscr;
