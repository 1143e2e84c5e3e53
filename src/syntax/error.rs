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
    /// The source line the error is on, as CPython's `SyntaxError.text`: with its newline for
    /// the parser's and the compiler's errors, without for the tokenizer's own.
    pub text: Option<String>,
}

impl SyntaxError {
    /// The text `python3 FILE` prints to stderr for this error (CPython's `print_exception` for a
    /// SyntaxError: the file and line, the source line stripped of leading blanks, a caret range
    /// from `offset` to `end_offset`, then `Kind: msg`).
    pub fn render(&self) -> String {
        if self.kind == SyntaxErrorKind::MemoryError {
            return "MemoryError\n".to_string();
        }
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            // pythonrun.c's `line_size`: the text's UTF-8 size, newline included.
            let line_size = text.len() as i64;
            let mut end_offset = self.end_offset as i64;
            if self.end_lineno > self.lineno {
                end_offset = line_size;
            }
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            // IndentationError and TabError get a single caret (as CPython displays them).
            if matches!(
                self.kind,
                SyntaxErrorKind::IndentationError | SyntaxErrorKind::TabError
            ) {
                end_offset = -1;
            }
            out.push_str(&error_text(self.offset as i64, end_offset, text));
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

/// `print_error_text` of pythonrun.c.
fn error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let caret_repetitions = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut t = text;
    while let Some(rest) = t.strip_prefix([' ', '\t', '\x0c']) {
        t = rest;
        offset -= 1;
    }
    // The length and the line shown leave out the trailing newline (printed once).
    let t = t.strip_suffix('\n').unwrap_or(t);
    let len = t.chars().count() as i64;
    if offset > len {
        offset = len;
    }
    let mut out = format!("    {t}\n");
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    for _ in 0..caret_repetitions {
        out.push('^');
    }
    out.push('\n');
    out
}

/// Line `lineno` (1-based) of `source`, without its newline: the `text` of a SyntaxError raised after
/// parsing (symtable, compiler), which has no token to take it from.
pub fn source_line(source: &[u8], lineno: u32) -> Option<String> {
    let text = std::str::from_utf8(source).ok()?;
    text.lines()
        .nth((lineno as usize).checked_sub(1)?)
        .map(str::to_string)
}
