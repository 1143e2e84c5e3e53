//! The error type shared by rtlib: which Python exception to raise and CPython's message for it.

use std::fmt;

/// The Python exception class an rtlib error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcKind {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    KeyError,
    IndexError,
    MemoryError,
    AttributeError,
    /// Something cpjit does not implement (a genuine U+F0800..U+F0FFF character in a str).
    NotImplementedError,
}

impl ExcKind {
    /// The Python class name ("ValueError", ...).
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::TypeError => "TypeError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::KeyError => "KeyError",
            ExcKind::IndexError => "IndexError",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::AttributeError => "AttributeError",
            ExcKind::NotImplementedError => "NotImplementedError",
        }
    }
}

/// An exception to raise: kind plus CPython's exact message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RtError {
    pub kind: ExcKind,
    pub msg: String,
}

/// Result alias used throughout rtlib.
pub type RtResult<T> = Result<T, RtError>;

impl RtError {
    /// A ValueError with the given message.
    pub fn value(msg: impl Into<String>) -> Self {
        RtError {
            kind: ExcKind::ValueError,
            msg: msg.into(),
        }
    }
    /// A TypeError with the given message.
    pub fn type_(msg: impl Into<String>) -> Self {
        RtError {
            kind: ExcKind::TypeError,
            msg: msg.into(),
        }
    }
    /// An OverflowError with the given message.
    pub fn overflow(msg: impl Into<String>) -> Self {
        RtError {
            kind: ExcKind::OverflowError,
            msg: msg.into(),
        }
    }
    /// The NotImplementedError for code point `v` of U+F0800..U+F0FFF, which cpjit's str uses
    /// for lone surrogates (`rtlib::surrogate`).
    pub fn unsupported_char(v: u32) -> Self {
        RtError {
            kind: ExcKind::NotImplementedError,
            msg: format!(
                "cpjit does not support {}",
                super::surrogate::unsupported_message(v)
            ),
        }
    }
    /// A ZeroDivisionError with the given message.
    pub fn zero_div(msg: impl Into<String>) -> Self {
        RtError {
            kind: ExcKind::ZeroDivisionError,
            msg: msg.into(),
        }
    }
}

impl fmt::Display for RtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for RtError {}

/// Largest string rtlib builds (in characters). CPython would try to allocate more; rtlib raises
/// MemoryError instead of exhausting the machine.
pub const MAX_RESULT_CHARS: i64 = 1 << 28;

/// MemoryError when a result of `n` characters would exceed [`MAX_RESULT_CHARS`].
pub fn check_result_size(n: i64) -> RtResult<()> {
    if n > MAX_RESULT_CHARS {
        return Err(RtError {
            kind: ExcKind::MemoryError,
            msg: String::new(),
        });
    }
    Ok(())
}
