//! [`Mode::Parser`](super::Mode::Parser): a port of `tok_get` of CPython 3.11's C tokenizer
//! (Parser/tokenizer.c) with its error messages and positions, emitting the full token stream as
//! tokenize.py prints it for valid code (COMMENT and NL included, ENDMARKER on the line after the
//! last, DEDENTs there too, a NEWLINE with empty text for a last line without newline).
//!
//! As in CPython, `\r\n` and `\r` are translated to `\n` first, so token texts (NEWLINE, NL,
//! multi-line strings) hold `\n` only, and a missing final newline is supplied. Error `offset`s
//! follow CPython's `SyntaxError.offset` (1-based code points); where CPython reports an
//! `end_offset` of -1, 0 is stored.

use super::chars::{count_chars, is_id_continue, is_id_start, is_printable, match_op};
use super::TokenizeFailure;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::token::{Op, Pos, TokKind, Token};
use std::borrow::Cow;
use std::cell::Cell;

const TABSIZE: usize = 8;
const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;
const EOF: i32 = -1;

fn is_potential_identifier_start(c: i32) -> bool {
    c >= 128 || (c >= 0 && (c as u8).is_ascii_alphabetic()) || c == b'_' as i32
}

fn is_potential_identifier_char(c: i32) -> bool {
    is_potential_identifier_start(c) || (c >= 0 && (c as u8).is_ascii_digit())
}

fn isdigit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn isxdigit(c: i32) -> bool {
    (0..128).contains(&c) && (c as u8).is_ascii_hexdigit()
}

struct Tok<'a> {
    s: &'a [u8],
    src: &'a str,
    /// Code-point column cache for the current line: (line start, byte offset, code points).
    cc: Cell<(usize, usize, u32)>,
    filename: &'a str,
    ascii: bool,
    /// Byte offset of the newline this tokenizer supplied at EOF, if the source lacked one.
    fake_nl: Option<usize>,
    cur: usize,
    line_start: usize,
    lineno: u32,
    atbol: bool,
    indstack: Vec<usize>,
    altindstack: Vec<usize>,
    parens: Vec<(u8, u32, usize, u32)>,
    cont_line: bool,
    /// tokenizer.c's `tok->buf`: where the line read outside any token began (a token spanning
    /// lines, or a backslash continuation, keeps it). CPython measures one error from it.
    buf_start: usize,
    in_token: bool,
    toks: Vec<Token>,
}

type R<T> = Result<T, SyntaxError>;

/// Tokenizes decoded text; on error returns the tokens before the error and the error.
pub fn tokenize(
    text: &str,
    encoding: &str,
    filename: &str,
) -> (Vec<Token>, Option<TokenizeFailure>) {
    let p0 = Pos::default();
    let enc = Token {
        kind: TokKind::Encoding,
        text: encoding.to_string(),
        start: p0,
        end: p0,
    };
    if text.contains('\0') {
        let e = SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "source code cannot contain null bytes".into(),
            filename: filename.into(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        };
        return (
            vec![enc],
            Some(TokenizeFailure {
                error: e,
                direct: true,
                unclosed: None,
            }),
        );
    }
    let mut t: Cow<str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut fake_nl = None;
    if !t.is_empty() && !t.ends_with('\n') {
        fake_nl = Some(t.len());
        t.to_mut().push('\n');
    }
    let mut tok = Tok {
        s: t.as_bytes(),
        src: &t,
        cc: Cell::new((0, 0, 0)),
        filename,
        ascii: t.is_ascii(),
        fake_nl,
        cur: 0,
        line_start: 0,
        lineno: 1,
        atbol: true,
        indstack: vec![0],
        altindstack: vec![0],
        parens: Vec::new(),
        cont_line: false,
        buf_start: 0,
        in_token: false,
        toks: Vec::with_capacity(t.len() / 4 + 8),
    };
    tok.toks.push(enc);
    let r = tok.run();
    let failure = r.err().map(|error| {
        let unclosed = tok
            .parens
            .last()
            .map(|&(open, line, ls, col)| tok.never_closed(open, line, ls, col));
        TokenizeFailure {
            direct: is_direct(&error.msg),
            error,
            unclosed,
        }
    });
    (tok.toks, failure)
}

/// Whether CPython's tokenizer raises this error itself (`syntaxerror()` in tokenizer.c) rather
/// than returning an error code that pegen turns into an exception.
fn is_direct(msg: &str) -> bool {
    const DEFERRED: &[&str] = &[
        "inconsistent use of tabs",
        "unindent does not match",
        "too many levels of indentation",
        "unexpected character after line continuation",
        "unexpected EOF while parsing",
        "was never closed",
    ];
    !DEFERRED.iter().any(|d| msg.contains(d))
}

impl<'a> Tok<'a> {
    fn nextc(&mut self) -> i32 {
        if self.cur >= self.s.len() {
            return EOF;
        }
        if self.cur > self.line_start && self.s[self.cur - 1] == b'\n' {
            self.lineno += 1;
            self.line_start = self.cur;
            if !self.in_token {
                self.buf_start = self.cur;
            }
        }
        let c = self.s[self.cur];
        self.cur += 1;
        c as i32
    }

    fn backup(&mut self, c: i32) {
        if c != EOF {
            self.cur -= 1;
        }
    }

    fn chars(&self, from: usize, to: usize) -> u32 {
        if self.ascii {
            return (to - from) as u32;
        }
        // Tokens advance through a line, so count on from the last position asked for.
        let (ls, off, n) = self.cc.get();
        let n = if ls == from && to >= off {
            n + count_chars(&self.s[off..to]) as u32
        } else {
            count_chars(&self.s[from..to]) as u32
        };
        self.cc.set((from, to, n));
        n
    }

    fn pos_at(&self, lineno: u32, line_start: usize, off: usize) -> Pos {
        Pos {
            line: lineno,
            col: (off - line_start) as u32,
            col_chars: self.chars(line_start, off),
        }
    }

    fn here(&self, off: usize) -> Pos {
        self.pos_at(self.lineno, self.line_start, off)
    }

    fn text(&self, a: usize, b: usize) -> &'a str {
        // Token boundaries fall on character boundaries (the scanner stops only at ASCII bytes).
        self.src.get(a..b).unwrap_or("")
    }

    fn push(&mut self, kind: TokKind, a: usize, start: Pos) {
        let t = self.text(a, self.cur).to_string();
        let end = self.here(self.cur);
        self.toks.push(Token {
            kind,
            text: t,
            start,
            end,
        });
    }

    /// The current line without its newline (for `SyntaxError.text`).
    fn line_text(&self, line_start: usize) -> String {
        let end = self.s[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.s.len(), |i| line_start + i);
        self.text(line_start, end).to_string()
    }

    fn error_at(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        lineno: u32,
        line_start: usize,
        offset: u32,
        end_offset: u32,
    ) -> SyntaxError {
        let from_parser = raised_by_parser(kind, &msg);
        SyntaxError {
            kind,
            msg,
            filename: self.filename.to_string(),
            lineno,
            offset,
            end_lineno: lineno,
            end_offset,
            // tokenizer.c's own errors carry the line without its newline; those the parser
            // raises for it (pegen's `tokenizer_error`) the parser's line, which has it.
            text: Some(if from_parser {
                self.line_text(line_start) + "\n"
            } else {
                self.line_text(line_start)
            }),
        }
    }

    /// tokenizer.c `syntaxerror`: the offset counts the code points before `cur`.
    fn syntaxerror(&self, msg: String) -> SyntaxError {
        let off = self.chars(self.line_start, self.cur);
        self.error_at(
            SyntaxErrorKind::SyntaxError,
            msg,
            self.lineno,
            self.line_start,
            off,
            off,
        )
    }

    fn never_closed(&self, open: u8, line: u32, ls: usize, col: u32) -> SyntaxError {
        let msg = format!("'{}' was never closed", open as char);
        self.error_at(SyntaxErrorKind::SyntaxError, msg, line, ls, col + 1, 0)
    }

    /// pegen's offset for E_LINECONT: `cur - buf` bytes, clamped to the error line's length + 1
    /// and converted to code points on that line (its newline included if the source has it).
    fn linecont_offset(&self) -> u32 {
        let b = self.cur - self.buf_start;
        let mut end = self.s[self.line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.s.len(), |i| self.line_start + i + 1);
        if self.fake_nl == Some(end - 1) {
            end -= 1;
        }
        let len = end - self.line_start;
        let b = b.min(len + 1);
        self.chars(self.line_start, self.line_start + b.min(len)) + (b > len) as u32
    }

    fn line_len_with_nl(&self) -> u32 {
        let end = self.s[self.line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.s.len(), |i| self.line_start + i + 1);
        self.chars(self.line_start, end)
    }

    /// ENDMARKER's line: the one after the last, as tokenize.py counts (a last line of blanks
    /// without newline counts as that line).
    fn eof_pos(&self) -> Pos {
        let nl = self.s.iter().filter(|&&b| b == b'\n').count() as u32;
        let mut line = nl + 1;
        if let Some(f) = self.fake_nl {
            let ls = self.s[..f]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            if self.s[ls..f]
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
            {
                line = nl;
            }
        }
        Pos {
            line,
            col: 0,
            col_chars: 0,
        }
    }

    fn run(&mut self) -> R<()> {
        let mut blankline = false;
        loop {
            self.in_token = false;
            if self.atbol {
                self.atbol = false;
                blankline = self.indentation()?;
            }
            // again:
            self.in_token = false;
            let mut c;
            loop {
                c = self.nextc();
                if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                    break;
                }
            }
            self.in_token = true;
            let start = if c == EOF { self.cur } else { self.cur - 1 };
            let spos = self.here(start);

            if c == b'#' as i32 {
                while c != EOF && c != b'\n' as i32 {
                    c = self.nextc();
                }
                self.backup(c);
                self.push(TokKind::Comment, start, spos);
                continue;
            }

            if c == EOF {
                if let Some(&(open, line, ls, col)) = self.parens.last() {
                    let msg = format!("'{}' was never closed", open as char);
                    return Err(self.error_at(
                        SyntaxErrorKind::SyntaxError,
                        msg,
                        line,
                        ls,
                        col + 1,
                        0,
                    ));
                }
                let e = self.eof_pos();
                for _ in 1..self.indstack.len() {
                    self.toks.push(Token {
                        kind: TokKind::Dedent,
                        text: String::new(),
                        start: e,
                        end: e,
                    });
                }
                self.toks.push(Token {
                    kind: TokKind::EndMarker,
                    text: String::new(),
                    start: e,
                    end: e,
                });
                return Ok(());
            }

            if is_potential_identifier_start(c) {
                // String prefixes: b, r, u, f and their legal combinations.
                let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
                let mut quoted = false;
                loop {
                    let ch = c as u8;
                    if !(saw_b || saw_u || saw_f) && (ch == b'b' || ch == b'B') {
                        saw_b = true;
                    } else if !(saw_b || saw_u || saw_r || saw_f) && (ch == b'u' || ch == b'U') {
                        saw_u = true;
                    } else if !(saw_r || saw_u) && (ch == b'r' || ch == b'R') {
                        saw_r = true;
                    } else if !(saw_f || saw_b || saw_u) && (ch == b'f' || ch == b'F') {
                        saw_f = true;
                    } else {
                        break;
                    }
                    c = self.nextc();
                    if c == b'"' as i32 || c == b'\'' as i32 {
                        quoted = true;
                        break;
                    }
                }
                if quoted {
                    self.string(start, spos, c)?;
                    continue;
                }
                let mut nonascii = false;
                while is_potential_identifier_char(c) {
                    nonascii |= c >= 128;
                    c = self.nextc();
                }
                self.backup(c);
                if nonascii {
                    self.verify_identifier(start)?;
                }
                self.push(TokKind::Name, start, spos);
                continue;
            }

            if c == b'\n' as i32 {
                self.atbol = true;
                let fake = self.fake_nl == Some(start);
                let kind = if blankline || !self.parens.is_empty() {
                    TokKind::Nl
                } else {
                    TokKind::Newline
                };
                self.cont_line = false;
                if !fake {
                    self.push(kind, start, spos);
                } else if kind == TokKind::Newline {
                    let end = Pos {
                        col: spos.col + 1,
                        col_chars: spos.col_chars + 1,
                        ..spos
                    };
                    self.toks.push(Token {
                        kind,
                        text: String::new(),
                        start: spos,
                        end,
                    });
                } else if self
                    .toks
                    .last()
                    .is_some_and(|t| t.kind == TokKind::Comment && t.end.line == spos.line)
                {
                    // tokenize.py: a last comment line without newline gets an empty NL.
                    self.toks.push(Token {
                        kind,
                        text: String::new(),
                        start: spos,
                        end: spos,
                    });
                }
                continue;
            }

            if c == b'.' as i32 {
                c = self.nextc();
                if isdigit(c) {
                    self.fraction(c)?;
                    self.push(TokKind::Number, start, spos);
                    continue;
                } else if c == b'.' as i32 {
                    c = self.nextc();
                    if c == b'.' as i32 {
                        self.push(TokKind::Op(Op::Ellipsis), start, spos);
                        continue;
                    }
                    self.backup(c);
                    self.backup(b'.' as i32);
                } else {
                    self.backup(c);
                }
                self.push(TokKind::Op(Op::Dot), start, spos);
                continue;
            }

            if isdigit(c) {
                self.number(c)?;
                self.push(TokKind::Number, start, spos);
                continue;
            }

            if c == b'\'' as i32 || c == b'"' as i32 {
                self.string(start, spos, c)?;
                continue;
            }

            if c == b'\\' as i32 {
                self.continuation()?;
                self.cont_line = true;
                continue;
            }

            if let Some((op, n)) = match_op(&self.s[start..]) {
                self.cur = start + n;
                match c as u8 {
                    b'(' | b'[' | b'{' => {
                        if self.parens.len() >= MAXLEVEL {
                            return Err(self.syntaxerror("too many nested parentheses".into()));
                        }
                        let col = self.chars(self.line_start, start);
                        self.parens
                            .push((c as u8, self.lineno, self.line_start, col));
                    }
                    b')' | b']' | b'}' => {
                        let Some((open, line, _, _)) = self.parens.pop() else {
                            return Err(
                                self.syntaxerror(format!("unmatched '{}'", c as u8 as char))
                            );
                        };
                        let ok =
                            matches!((open, c as u8), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                        if !ok {
                            let msg = if line != self.lineno {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", c as u8 as char, open as char, line)
                            } else {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as u8 as char, open as char)
                            };
                            return Err(self.syntaxerror(msg));
                        }
                    }
                    _ => {}
                }
                self.push(TokKind::Op(op), start, spos);
                continue;
            }

            let ch = char::from_u32(c as u32).unwrap_or('\0');
            if !is_printable(ch) {
                return Err(
                    self.syntaxerror(format!("invalid non-printable character U+{:04X}", c))
                );
            }
            // `$`, `?`, `` ` ``, `!`: CPython's tokenizer returns a generic OP that no grammar rule
            // accepts, so the parser reports "invalid syntax" there; the stream goes on (a later
            // tokenizer error still wins, see `TokenizeFailure`). tokenize.py calls it ERRORTOKEN.
            self.push(TokKind::ErrorToken, start, spos);
        }
    }

    /// tokenizer.c `tok_continuation_line`, after a consumed backslash.
    fn continuation(&mut self) -> R<()> {
        let mut c = self.nextc();
        if c != b'\n' as i32 {
            let off = self.linecont_offset();
            let msg = "unexpected character after line continuation character".to_string();
            let (l, ls) = (self.lineno, self.line_start);
            return Err(self.error_at(SyntaxErrorKind::SyntaxError, msg, l, ls, off, 0));
        }
        c = self.nextc();
        if c == EOF {
            if let Some(&(open, line, ls, col)) = self.parens.last() {
                return Err(self.never_closed(open, line, ls, col));
            }
            let off = self.line_len_with_nl();
            let msg = "unexpected EOF while parsing".to_string();
            let (l, ls) = (self.lineno, self.line_start);
            return Err(self.error_at(SyntaxErrorKind::SyntaxError, msg, l, ls, off, 0));
        }
        self.backup(c);
        Ok(())
    }

    /// Measures the indentation at the start of a line, checks it, and emits INDENT/DEDENT.
    /// A backslash continuation among the leading blanks does not split the indentation: the
    /// column at the first such backslash counts (if it is not 0), as in CPython 3.11.
    /// Returns whether the line is blank (only blanks and/or a comment).
    fn indentation(&mut self) -> R<bool> {
        let mut line_begin = self.cur;
        let (mut col, mut altcol) = (0usize, 0usize);
        let mut cont_line_col = 0usize;
        let mut c;
        loop {
            c = self.nextc();
            if c == b'\\' as i32 {
                if cont_line_col == 0 {
                    cont_line_col = col;
                }
                self.continuation()?;
                line_begin = self.cur;
            } else if c == b' ' as i32 {
                col += 1;
                altcol += 1;
            } else if c == b'\t' as i32 {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol += 1;
            } else if c == 0x0c {
                col = 0;
                altcol = 0;
            } else {
                break;
            }
        }
        self.backup(c);
        let blankline = c == b'#' as i32 || c == b'\n' as i32;
        if blankline || !self.parens.is_empty() {
            return Ok(blankline);
        }
        if c == EOF {
            // Dedents at EOF come with ENDMARKER.
            return Ok(false);
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let tab_error = |t: &Self| {
            let msg = "inconsistent use of tabs and spaces in indentation".to_string();
            t.error_at(SyntaxErrorKind::TabError, msg, t.lineno, t.line_start, 1, 0)
        };
        let top = *self.indstack.last().unwrap();
        let alttop = *self.altindstack.last().unwrap();
        let pos = self.here(self.cur);
        if col == top {
            if altcol != alttop {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indstack.len() >= MAXINDENT {
                let msg = "too many levels of indentation".to_string();
                return Err(self.error_at(
                    SyntaxErrorKind::IndentationError,
                    msg,
                    self.lineno,
                    self.line_start,
                    1,
                    0,
                ));
            }
            if altcol <= alttop {
                return Err(tab_error(self));
            }
            self.indstack.push(col);
            self.altindstack.push(altcol);
            let start = self.here(line_begin);
            let text = self.text(line_begin, self.cur).to_string();
            self.toks.push(Token {
                kind: TokKind::Indent,
                text,
                start,
                end: pos,
            });
        } else {
            let mut n = 0;
            while self.indstack.len() > 1 && col < *self.indstack.last().unwrap() {
                self.indstack.pop();
                self.altindstack.pop();
                n += 1;
            }
            if col != *self.indstack.last().unwrap() {
                let msg = "unindent does not match any outer indentation level".to_string();
                let off = self.line_len_with_nl();
                return Err(self.error_at(
                    SyntaxErrorKind::IndentationError,
                    msg,
                    self.lineno,
                    self.line_start,
                    off,
                    0,
                ));
            }
            if altcol != *self.altindstack.last().unwrap() {
                return Err(tab_error(self));
            }
            for _ in 0..n {
                self.toks.push(Token {
                    kind: TokKind::Dedent,
                    text: String::new(),
                    start: pos,
                    end: pos,
                });
            }
        }
        Ok(false)
    }

    fn verify_identifier(&mut self, start: usize) -> R<()> {
        let text = self.text(start, self.cur);
        let mut bad = None;
        for (i, (off, ch)) in text.char_indices().enumerate() {
            let ok = if i == 0 {
                is_id_start(ch)
            } else {
                is_id_continue(ch)
            };
            if !ok {
                bad = Some((off, ch));
                break;
            }
        }
        let Some((off, ch)) = bad else { return Ok(()) };
        self.cur = start + off + ch.len_utf8();
        let msg = if is_printable(ch) {
            format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        Err(self.syntaxerror(msg))
    }

    /// tokenizer.c `verify_end_of_number`: a number may not run into an identifier, except for
    /// the keywords that can follow one in valid code (`1if x else y`, deprecated but accepted).
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> R<()> {
        let rest = &self.s[self.cur..];
        let lookahead = |t: &[u8]| {
            rest.starts_with(t)
                && !is_potential_identifier_char(rest.get(t.len()).map_or(EOF, |&b| b as i32))
        };
        let r = match c {
            0x61 => lookahead(b"nd"),                                 // a
            0x65 => lookahead(b"lse"),                                // e
            0x66 => lookahead(b"or"),                                 // f
            0x69 => matches!(rest.first(), Some(b'f' | b'n' | b's')), // i
            0x6f => lookahead(b"r"),                                  // o
            0x6e => lookahead(b"ot"),                                 // n
            _ => false,
        };
        if r {
            return Ok(());
        }
        // Only ASCII: a non-ASCII character ends the number and starts a (checked) identifier.
        if c < 128 && is_potential_identifier_char(c) {
            self.backup(c);
            return Err(self.syntaxerror(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// tokenizer.c `tok_decimal_tail`, after a consumed digit; returns the next character.
    fn decimal_tail(&mut self) -> R<i32> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !isdigit(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !isdigit(c) {
                self.backup(c);
                return Err(self.syntaxerror("invalid decimal literal".into()));
            }
        }
    }

    /// A number starting with the consumed digit `c`; leaves `cur` after it.
    fn number(&mut self, c: i32) -> R<()> {
        let mut c = c;
        if c == b'0' as i32 {
            let start = self.cur - 1;
            c = self.nextc();
            if c == b'x' as i32 || c == b'X' as i32 {
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !isxdigit(c) {
                        self.backup(c);
                        return Err(self.syntaxerror("invalid hexadecimal literal".into()));
                    }
                    loop {
                        c = self.nextc();
                        if !isxdigit(c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                self.verify_end_of_number(c, "hexadecimal")?;
            } else if c == b'o' as i32 || c == b'O' as i32 || c == b'b' as i32 || c == b'B' as i32 {
                let octal = c == b'o' as i32 || c == b'O' as i32;
                let (name, top) = if octal {
                    ("octal", b'8' as i32)
                } else {
                    ("binary", b'2' as i32)
                };
                let ok = |c: i32| c >= b'0' as i32 && c < top;
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !ok(c) {
                        if isdigit(c) {
                            return Err(self.syntaxerror(format!(
                                "invalid digit '{}' in {name} literal",
                                c as u8 as char
                            )));
                        }
                        self.backup(c);
                        return Err(self.syntaxerror(format!("invalid {name} literal")));
                    }
                    loop {
                        c = self.nextc();
                        if !ok(c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if isdigit(c) {
                    return Err(self.syntaxerror(format!(
                        "invalid digit '{}' in {name} literal",
                        c as u8 as char
                    )));
                }
                self.verify_end_of_number(c, name)?;
            } else {
                let mut nonzero = false;
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                        if !isdigit(c) {
                            self.backup(c);
                            return Err(self.syntaxerror("invalid decimal literal".into()));
                        }
                    }
                    if c != b'0' as i32 {
                        break;
                    }
                    c = self.nextc();
                }
                let zeros_end = self.cur;
                if isdigit(c) {
                    nonzero = true;
                    c = self.decimal_tail()?;
                }
                if c == b'.' as i32 {
                    c = self.nextc();
                    return self.fraction(c);
                } else if c == b'e' as i32 || c == b'E' as i32 {
                    return self.exponent(c);
                } else if c == b'j' as i32 || c == b'J' as i32 {
                    return self.imaginary();
                } else if nonzero {
                    self.backup(c);
                    // tokenizer.c passes byte columns here (no conversion to code points).
                    let a = (start - self.line_start) as u32 + 1;
                    let b = (zeros_end - self.line_start) as u32;
                    let msg = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
                    return Err(self.error_at(
                        SyntaxErrorKind::SyntaxError,
                        msg.into(),
                        self.lineno,
                        self.line_start,
                        a,
                        b,
                    ));
                }
                self.verify_end_of_number(c, "decimal")?;
            }
        } else {
            c = self.decimal_tail()?;
            if c == b'.' as i32 {
                c = self.nextc();
                return self.fraction(c);
            }
            if c == b'e' as i32 || c == b'E' as i32 {
                return self.exponent(c);
            }
            if c == b'j' as i32 || c == b'J' as i32 {
                return self.imaginary();
            }
            self.verify_end_of_number(c, "decimal")?;
        }
        self.backup(c);
        Ok(())
    }

    /// After the `.` of a float; `c` is the character after it (already consumed).
    fn fraction(&mut self, c: i32) -> R<()> {
        let mut c = c;
        if isdigit(c) {
            c = self.decimal_tail()?;
        }
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.exponent(c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(())
    }

    /// At a consumed `e`/`E`.
    fn exponent(&mut self, e: i32) -> R<()> {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !isdigit(c) {
                self.backup(c);
                return Err(self.syntaxerror("invalid decimal literal".into()));
            }
        } else if !isdigit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(());
        }
        c = self.decimal_tail()?;
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(())
    }

    /// At a consumed `j`/`J`.
    fn imaginary(&mut self) -> R<()> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(())
    }

    /// A string literal whose opening quote `quote` was just consumed (prefix from `start`).
    fn string(&mut self, start: usize, spos: Pos, quote: i32) -> R<()> {
        let (first_lineno, first_line_start) = (self.lineno, self.line_start);
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            c = self.nextc();
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                let detected = self.lineno;
                let off = self.chars(first_line_start, start) + 1;
                let msg = if quote_size == 3 {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                return Err(self.error_at(
                    SyntaxErrorKind::SyntaxError,
                    msg,
                    first_lineno,
                    first_line_start,
                    off,
                    off,
                ));
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    self.nextc();
                }
            }
        }
        self.push(TokKind::String, start, spos);
        Ok(())
    }
}

/// Whether CPython raises tokenizer error `msg` from the parser (pegen's `tokenizer_error`: end
/// of input inside brackets or a continuation, indentation), whose `SyntaxError.text` is the
/// parser's line with its newline, rather than from tokenizer.c itself (a bad literal or
/// character), whose text has none.
fn raised_by_parser(kind: SyntaxErrorKind, msg: &str) -> bool {
    matches!(
        kind,
        SyntaxErrorKind::IndentationError | SyntaxErrorKind::TabError
    ) || msg.ends_with("was never closed")
        || msg == "unexpected EOF while parsing"
}
