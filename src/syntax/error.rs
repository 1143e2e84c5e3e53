//! SyntaxError and its subclasses, as CPython reports them.

/// Which exception the front end raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// pegen's stack limit (MAXSTACK): CPython raises MemoryError, not a SyntaxError subclass.
    MemoryError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A syntax error with CPython's fields: `lineno`, `offset` (1-based, in code points, as CPython's
/// `SyntaxError.offset`), optional end position, and the source line.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line the error is on (without its newline), if known.
    pub text: Option<String>,
}
