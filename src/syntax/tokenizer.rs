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
//!   ERRORTOKEN and goes on; the C tokenizer raises SyntaxError.
//! * tokenize.py accepts number forms the C tokenizer rejects (`0777` is NUMBER `0` + NUMBER
//!   `777`, `1_` is NUMBER + NAME, `1abc` NUMBER + NAME) and identifiers the C tokenizer rejects;
//!   it splits identifiers with combining marks (`re`'s `\w` excludes them), which CPython accepts.
//! * tokenize.py splits lines after `\n` only; a file with bare `\r` line ends is one line to it.
//! * tokenize.py has no tab/space consistency check (TabError), no nesting limits, no bracket
//!   matching; a closing bracket without an opener drives its bracket level negative.
//! * At EOF inside brackets tokenize.py raises "EOF in multi-line statement"; CPython says
//!   "'(' was never closed" (or "unexpected EOF while parsing" after a backslash).
//! * A last line made of blanks only (no newline) ends tokenize.py's loop before it.
//! * Error messages: tokenize.py's own ("EOF in multi-line string", ...) vs the C tokenizer's
//!   ("unterminated triple-quoted string literal (detected at line N)", ...).

mod chars;
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

/// Tokenizes a source file in the given mode.
pub fn tokenize_with(source: &[u8], filename: &str, mode: Mode) -> Result<Vec<Token>, SyntaxError> {
    let (toks, err) = tokenize_partial(source, filename, mode);
    match err {
        Some(e) => Err(e),
        None => Ok(toks),
    }
}

/// Tokens up to the first error, and that error. CPython's parser pulls tokens lazily, so a
/// syntax error the parser finds before the tokenizer's error point wins; a parser can emulate
/// that by reporting the tokenizer error only when it needs a token past the returned ones.
pub fn tokenize_partial(
    source: &[u8],
    filename: &str,
    mode: Mode,
) -> (Vec<Token>, Option<SyntaxError>) {
    let decoded = match source::decode(source, filename, mode) {
        Ok(d) => d,
        Err(e) => return (Vec::new(), Some(e)),
    };
    match mode {
        Mode::TokenizeModule => {
            match module::tokenize(&decoded.text, &decoded.encoding, filename) {
                Ok(t) => (t, None),
                Err(e) => (Vec::new(), Some(e)),
            }
        }
        Mode::Parser => ctok::tokenize(&decoded.text, &decoded.encoding, filename),
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
