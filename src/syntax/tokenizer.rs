//! The tokenizer: source bytes → `Vec<Token>`, in two modes.
//!
//! * [`Mode::Parser`] (the default, [`tokenize`]): CPython's C tokenizer (Parser/tokenizer.c of
//!   3.11) — its line breaks (`\n`, `\r\n` and `\r`), its checks and its SyntaxError /
//!   IndentationError / TabError messages and positions — producing the full stream as
//!   `python3 -m tokenize` prints it for valid code (ENCODING, COMMENT, NL included; the parser
//!   skips those).
//! * [`Mode::TokenizeModule`]: a port of the pure-Python `tokenize` module, for `cpjit tokenize`.
//!
//! Where the two differ (all on invalid or unusual input):
//! * tokenize.py reports a stray character (`$`, `?`, `!`, `` ` ``, an unterminated `'`, a lone
//!   `\r`, a backslash not before a newline, even the blank before such a character) as an
//!   ERRORTOKEN and goes on; the C tokenizer raises SyntaxError — except for `$ ? ! ``, which it
//!   returns as a token no grammar rule accepts (an ERRORTOKEN in [`Mode::Parser`] too).
//! * tokenize.py accepts number forms the C tokenizer rejects (`0777` is NUMBER `0` + NUMBER
//!   `777`, `1_` is NUMBER + NAME, `1abc` NUMBER + NAME) and identifiers the C tokenizer rejects;
//!   it splits identifiers with combining marks (`re`'s `\w` excludes them), which CPython accepts.
//! * tokenize.py splits lines after `\n` only; a file with bare `\r` line ends is one line to it.
//!   [`Mode::Parser`] translates `\r\n` and `\r` to `\n` (token texts included), as CPython does.
//! * tokenize.py has no tab/space consistency check (TabError), no nesting limits, no bracket
//!   matching; a closing bracket without an opener drives its bracket level negative.
//! * At EOF inside brackets tokenize.py raises "EOF in multi-line statement"; CPython says
//!   "'(' was never closed" (or "unexpected EOF while parsing" after a backslash).
//! * A last line made of blanks only (no newline) ends tokenize.py's loop before it.
//! * A line that starts (after blanks) with a backslash continuation: tokenize.py measures the
//!   indentation of that first line; CPython 3.11 takes the column of the first backslash, or,
//!   if that is 0, the indentation of the continued line.
//! * tokenize.py keeps its `needcont` flag after an unterminated `'...\` string, so a later
//!   unterminated triple-quoted string ends as an ERRORTOKEN at its next line (mimicked).
//! * Error messages: tokenize.py's own ("EOF in multi-line string", ...) vs the C tokenizer's
//!   ("unterminated triple-quoted string literal (detected at line N)", ...).
//!
//! Error positions in [`Mode::Parser`] are those of `compile(source_text, file, "exec")` (what
//! tests/golden/tokens/errors records). CPython measures two errors ("unexpected character after
//! line continuation character", "unexpected EOF while parsing") on the line as read back from the
//! file; for a file with a BOM or a non-UTF-8 encoding its column can differ by the encoded size.

mod chars;
mod codec_tables;
mod command;
mod ctok;
mod module;
pub mod repr;
mod source;

pub use chars::{is_identifier, is_printable};
pub use command::{command, exact_name, format_error, format_tokens};

use crate::syntax::error::SyntaxError;
use crate::syntax::token::Token;

/// Which tokenizer to mimic; see the module documentation for the differences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The pure-Python `tokenize` module (`python3 -m tokenize`).
    TokenizeModule,
    /// CPython's C tokenizer, as the parser sees it: errors instead of ERRORTOKENs.
    Parser,
}

/// Tokenizes a source file with the C tokenizer's rules ([`Mode::Parser`]).
pub fn tokenize(source: &[u8], filename: &str) -> Result<Vec<Token>, SyntaxError> {
    tokenize_with(source, filename, Mode::Parser)
}

/// Tokenizes a source file in the given mode. In [`Mode::Parser`] a character no token starts
/// with (`$`, `?`, `` ` ``, `!`) is an ERRORTOKEN in the stream, not an error: CPython's parser
/// reports "invalid syntax" at it unless a tokenizer error comes later (see [`TokenizeFailure`]).
pub fn tokenize_with(source: &[u8], filename: &str, mode: Mode) -> Result<Vec<Token>, SyntaxError> {
    let (toks, err) = tokenize_partial(source, filename, mode);
    match err {
        Some(e) => Err(e),
        None => Ok(toks),
    }
}

/// Tokens up to the first error, and that error.
pub fn tokenize_partial(
    source: &[u8],
    filename: &str,
    mode: Mode,
) -> (Vec<Token>, Option<SyntaxError>) {
    match mode {
        Mode::Parser => {
            let (toks, f) = tokenize_for_parser(source, filename);
            (toks, f.map(|f| f.error))
        }
        Mode::TokenizeModule => {
            let decoded = match source::decode(source, filename, mode) {
                Ok(d) => d,
                Err(e) => return (Vec::new(), Some(e)),
            };
            match module::tokenize(&decoded.text, &decoded.encoding, filename) {
                Ok(t) => (t, None),
                Err(e) => (Vec::new(), Some(e)),
            }
        }
    }
}

/// A tokenizer error in [`Mode::Parser`], with what CPython needs to decide between it and a
/// syntax error the parser finds first.
///
/// CPython pulls tokens lazily. If the parser needs the token at the error point, the tokenizer
/// error is raised. If the parser fails earlier (with any SyntaxError, generic or specific),
/// `_PyPegen_set_syntax_error` tokenizes the rest of the source and
/// * an error the tokenizer raises itself (`direct`: unterminated strings, invalid characters and
///   literals, unmatched or mismatched brackets, too many nested brackets) replaces it;
/// * an error the tokenizer only signals (indentation, tabs, line continuation, EOF) does not,
///   except that with a bracket still open there, "'(' was never closed" replaces it when the
///   parser's error is on a later line than that bracket.
///
/// [`TokenizeFailure::resolve`] implements that rule.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenizeFailure {
    pub error: SyntaxError,
    /// Raised by the tokenizer itself, so it overrides an earlier parser error.
    pub direct: bool,
    /// "'(' was never closed" for the innermost bracket open at the error point, if any.
    pub unclosed: Option<SyntaxError>,
}

impl TokenizeFailure {
    /// What CPython reports when the parser failed with `parser_error` before needing the token
    /// at this failure. `parser_error.lineno` stands for the line of the last token the parser
    /// read.
    pub fn resolve(&self, parser_error: SyntaxError) -> SyntaxError {
        if self.direct {
            return self.error.clone();
        }
        match &self.unclosed {
            Some(u) if parser_error.lineno > u.lineno => u.clone(),
            _ => parser_error,
        }
    }
}

/// [`Mode::Parser`] tokens up to the first error, and the error with its precedence data.
pub fn tokenize_for_parser(source: &[u8], filename: &str) -> (Vec<Token>, Option<TokenizeFailure>) {
    match source::decode(source, filename, Mode::Parser) {
        Ok(d) => ctok::tokenize(&d.text, &d.encoding, filename),
        Err(error) => (
            Vec::new(),
            Some(TokenizeFailure {
                error,
                direct: true,
                unclosed: None,
            }),
        ),
    }
}

/// NFKC-normalizes an identifier as CPython does for NAME tokens (ASCII names are returned as is).
pub fn normalize_name(name: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(name.nfkc().collect())
    }
}
