//! Runtime library: CPython-exact algorithms on plain Rust types (float repr, format specs, `%` and
//! `str.format`, int/float parsing, hashing, set ordering, str methods), independent of the object model.
