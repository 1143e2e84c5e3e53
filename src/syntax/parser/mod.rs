//! The PEG parser: a hand-written recursive-descent parser with ordered choice and backtracking that
//! follows CPython 3.11's `Grammar/python.gram` rule for rule, including its node positions (a node
//! spans from the first token of its rule to the last non-whitespace token consumed).
//!
//! Like pegen it runs in two passes: a fast pass, and — only when that fails without a specific error —
//! a second pass with the `invalid_*` rules enabled (`self.invalid`), which produce CPython's specific
//! messages. A generic "invalid syntax" points at the furthest token the parser looked at.

mod arguments;
mod expressions;
mod fstrings;
mod invalid;
mod literals;
mod patterns;
mod statements;
mod targets;

use super::ast::{self, Expr, ExprKind, Loc};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::{Op, Pos, TokKind, Token};
use super::tokenizer::{normalize_name, tokenize_partial, Mode};

pub use literals::{decode_number, NumberValue};

/// Keywords (hard and soft) recognised on NAME tokens; precomputed per token so matching is cheap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    Plain,
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Soft keywords: still valid names.
    Match,
    Case,
    Underscore,
}

impl Kw {
    fn of(text: &str) -> Kw {
        match text {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
            "match" => Kw::Match,
            "case" => Kw::Case,
            "_" => Kw::Underscore,
            _ => Kw::Plain,
        }
    }
    /// Soft keywords and plain names can be used as identifiers.
    fn is_name(self) -> bool {
        matches!(self, Kw::Plain | Kw::Match | Kw::Case | Kw::Underscore)
    }
}

/// CPython's pegen MAXSTACK: past this many nested rule levels it raises MemoryError.
const MAX_DEPTH: u32 = 6000;
/// The levels pegen has entered before the first expression (file → statements → ... → expression),
/// calibrated so `-`*5970 + `1` and `lambda:`*2985 + `1` fail exactly where CPython 3.11 fails.
const BASE_DEPTH: u32 = 29;

/// A parser failure that is not a "no match": a syntax error to report.
pub(crate) type Fail = Box<SyntaxError>;

pub(crate) struct Parser<'s> {
    toks: Vec<Token>,
    kws: Vec<Kw>,
    pos: usize,
    /// The furthest token index looked at (for the generic "invalid syntax" location).
    max_pos: usize,
    /// The hard error, once raised: every rule then fails.
    err: Option<Fail>,
    /// Second pass: the `invalid_*` rules are enabled.
    invalid: bool,
    depth: u32,
    filename: &'s str,
    /// The source, split in lines (without line ends), for error texts.
    source: &'s [u8],
    /// Inside an f-string expression: errors get the "f-string: " prefix.
    fstring: bool,
    /// For an f-string expression's sub-parse: (line, column) its first line is shifted by.
    shift: Option<(u32, u32)>,
    /// Bracket nesting level after each token (pegen's `token->level`).
    levels: Vec<u32>,
    /// The tokenizer's error, met when the parser reaches the end of `toks`.
    tok_err: Option<SyntaxError>,
    /// Running a file (see [`parse_file`]).
    file_mode: bool,
    /// Memo for the error pass: (rule, position, invalid) → (result, end position).
    /// Packrat memo. foldhash (hashbrown's default hasher), not SipHash: a lookup per memoized
    /// rule per position made SipHash a quarter of compiling a long script.
    memo: hashbrown::HashMap<(u8, usize, bool), (Option<Expr>, usize)>,
}

fn is_skipped(kind: TokKind) -> bool {
    matches!(kind, TokKind::Comment | TokKind::Nl | TokKind::Encoding)
}

/// Parses a module (`exec` mode), as `compile(source, filename, 'exec')` does.
pub fn parse_module(source: &[u8], filename: &str) -> Result<ast::Mod, SyntaxError> {
    parse_module_impl(source, filename, false)
}

/// Parses a script as `python3 FILE` does. The only difference from [`parse_module`]: CPython's file
/// tokenizer has no column for an error at end of file (offset 0, so no caret is printed).
pub fn parse_file(source: &[u8], filename: &str) -> Result<ast::Mod, SyntaxError> {
    parse_module_impl(source, filename, true)
}

fn parse_module_impl(
    source: &[u8],
    filename: &str,
    file_mode: bool,
) -> Result<ast::Mod, SyntaxError> {
    with_big_stack(|| {
        let (toks, err) = tokenize_partial(source, filename, Mode::Parser);
        let mut p = Parser::new(toks, err, source, filename);
        p.file_mode = file_mode;
        p.run(|p| p.file()).map_err(|e| *e)
    })
}

/// Parses an expression (`eval` mode).
pub fn parse_expression(source: &[u8], filename: &str) -> Result<ast::Mod, SyntaxError> {
    with_big_stack(|| {
        let (toks, err) = tokenize_partial(source, filename, Mode::Parser);
        let mut p = Parser::new(toks, err, source, filename);
        p.run(|p| p.eval()).map_err(|e| *e)
    })
}

/// The parser recurses once per nesting level; nesting is bounded (200 brackets by the tokenizer,
/// MAX_DEPTH rule levels here), but the worst case needs more stack than a default thread has, so
/// the parse runs with a generous stack (in place on the interpreter's big-stack thread).
fn with_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    crate::stack::with_stack(512 << 20, "parser", f)
}

impl<'s> Parser<'s> {
    pub(crate) fn new(
        all: Vec<Token>,
        tok_err: Option<SyntaxError>,
        source: &'s [u8],
        filename: &'s str,
    ) -> Self {
        let mut toks: Vec<Token> = all.into_iter().filter(|t| !is_skipped(t.kind)).collect();
        // Past the tokens: an ERRORTOKEN standing for the tokenizer's error (or a final ENDMARKER).
        let end = toks.last().map(|t| t.end).unwrap_or(Pos {
            line: 1,
            col: 0,
            col_chars: 0,
        });
        if tok_err.is_some() || toks.last().map(|t| t.kind) != Some(TokKind::EndMarker) {
            let kind = if tok_err.is_some() {
                TokKind::ErrorToken
            } else {
                TokKind::EndMarker
            };
            toks.push(Token {
                kind,
                text: String::new(),
                start: end,
                end,
            });
        }
        let mut kws = Vec::with_capacity(toks.len());
        let mut levels = Vec::with_capacity(toks.len());
        let mut level: u32 = 0;
        for t in toks.iter_mut() {
            match t.kind {
                TokKind::Name => {
                    let kw = Kw::of(&t.text);
                    if kw == Kw::Plain && !t.text.is_ascii() {
                        if let std::borrow::Cow::Owned(n) = normalize_name(&t.text) {
                            t.text = n;
                        }
                    }
                    kws.push(kw);
                }
                TokKind::Op(Op::LPar | Op::LSqb | Op::LBrace) => {
                    level += 1;
                    kws.push(Kw::Plain);
                }
                TokKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => {
                    level = level.saturating_sub(1);
                    kws.push(Kw::Plain);
                }
                _ => kws.push(Kw::Plain),
            }
            levels.push(level);
        }
        Parser {
            toks,
            kws,
            pos: 0,
            max_pos: 0,
            err: None,
            invalid: false,
            depth: BASE_DEPTH,
            filename,
            source,
            fstring: false,
            shift: None,
            levels,
            tok_err,
            file_mode: false,
            memo: Default::default(),
        }
    }

    /// Runs `rule` as pegen does: first pass, then the error pass if needed, then the choice
    /// between the parser's error and the tokenizer's.
    pub(crate) fn run<T>(&mut self, rule: impl Fn(&mut Self) -> Option<T>) -> Result<T, Fail> {
        if let Some(v) = rule(self) {
            return Ok(v);
        }
        let first_max = self.max_pos;
        let mut err = self.err.take();
        let hard_tok_err =
            self.tok_error_reached() && !self.tok_err.as_ref().is_some_and(is_eof_error);
        if err.is_none() && !hard_tok_err {
            self.pos = 0;
            self.depth = BASE_DEPTH;
            self.invalid = true;
            let _ = rule(self);
            err = self.err.take();
        }
        let err = match err {
            Some(e) => e,
            None if self.tok_error_reached_at(first_max) => {
                return Err(Box::new(self.tok_err.take().unwrap()));
            }
            None => self.generic_error(first_max),
        };
        // pegen tokenizes the rest of the file after a parser error: a tokenizer error there wins,
        // except an unclosed bracket, which wins only when it was opened on an earlier line.
        // pegen returns at once for an INDENT/DEDENT at the failure point (no full tokenization).
        let indent_fail = matches!(
            self.toks[first_max.min(self.toks.len() - 1)].kind,
            TokKind::Indent | TokKind::Dedent
        ) && err.kind == SyntaxErrorKind::IndentationError
            && err.msg.starts_with("unexpected");
        if err.kind != SyntaxErrorKind::MemoryError && !indent_fail {
            if let Some(te) = self.tok_err.take() {
                // pegen compares with the line of the last token fetched.
                let cur_line = self.toks[self.max_pos.min(self.toks.len() - 1)].start.line;
                let wins = if is_eof_error(&te) {
                    te.lineno < cur_line.max(err.lineno)
                } else {
                    !is_done_code_error(&te)
                };
                if wins {
                    return Err(Box::new(te));
                }
            }
        }
        Err(err)
    }

    fn tok_error_reached(&self) -> bool {
        // max_pos only counts tokens looked at; the error token is the last one.
        self.tok_error_reached_at(self.max_pos)
    }
    fn tok_error_reached_at(&self, max: usize) -> bool {
        self.tok_err.is_some() && max + 1 >= self.toks.len()
    }

    // ---- tokens ----

    #[inline]
    pub(crate) fn tok(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }
    #[inline]
    fn touch(&mut self, i: usize) {
        if i > self.max_pos {
            self.max_pos = i;
            if self.invalid && i + 1 == self.toks.len() {
                self.fetched_tok_err();
            }
        }
    }

    /// pegen raises the tokenizer's error as soon as it fetches the token where the tokenizer
    /// failed: an unclosed bracket met at the end of the file during the error pass beats the
    /// error an `invalid_*` rule would raise after looking at that token.
    #[cold]
    fn fetched_tok_err(&mut self) {
        if self.err.is_none() {
            if let Some(te) = self.tok_err.as_ref().filter(|te| is_eof_error(te)) {
                self.err = Some(Box::new(te.clone()));
            }
        }
    }
    #[inline]
    pub(crate) fn kind(&mut self) -> TokKind {
        let i = self.pos.min(self.toks.len() - 1);
        self.touch(i);
        self.toks[i].kind
    }
    #[inline]
    pub(crate) fn kw(&mut self) -> Kw {
        let i = self.pos.min(self.toks.len() - 1);
        self.touch(i);
        self.kws[i]
    }
    pub(crate) fn kind_at(&mut self, off: usize) -> TokKind {
        let i = (self.pos + off).min(self.toks.len() - 1);
        self.touch(i);
        self.toks[i].kind
    }
    pub(crate) fn kw_at(&mut self, off: usize) -> Kw {
        let i = (self.pos + off).min(self.toks.len() - 1);
        self.touch(i);
        self.kws[i]
    }
    #[inline]
    pub(crate) fn at_op(&mut self, op: Op) -> bool {
        self.kind() == TokKind::Op(op)
    }
    #[inline]
    pub(crate) fn at_kw(&mut self, kw: Kw) -> bool {
        self.kw() == kw
    }
    #[inline]
    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    #[inline]
    pub(crate) fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.at_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    pub(crate) fn eat_kind(&mut self, kind: TokKind) -> bool {
        if self.kind() == kind {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    /// A NAME that is not a hard keyword.
    pub(crate) fn at_name(&mut self) -> bool {
        self.kind() == TokKind::Name && self.kw().is_name()
    }
    pub(crate) fn name(&mut self) -> Option<(String, Loc)> {
        if self.at_name() {
            let t = self.tok();
            let r = (t.text.clone(), tok_loc(t));
            self.pos += 1;
            Some(r)
        } else {
            None
        }
    }
    pub(crate) fn name_expr(&mut self) -> Option<Expr> {
        let (id, loc) = self.name()?;
        Some(Expr {
            kind: ExprKind::Name {
                id,
                ctx: ast::ExprContext::Load,
            },
            loc,
        })
    }

    /// Start position of the current token (the start of a rule's EXTRA).
    #[inline]
    pub(crate) fn start(&self) -> Pos {
        self.tok().start
    }
    /// The location from `start` to the end of the last non-whitespace token consumed.
    pub(crate) fn loc_from(&self, start: Pos) -> Loc {
        let end = self.last_end();
        Loc::new(start.line, start.col, end.line, end.col)
    }
    pub(crate) fn last_end(&self) -> Pos {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let k = self.toks[i].kind;
            if !matches!(
                k,
                TokKind::Newline | TokKind::Indent | TokKind::Dedent | TokKind::EndMarker
            ) {
                return self.toks[i].end;
            }
        }
        self.toks.first().map(|t| t.start).unwrap_or_default()
    }

    // ---- depth ----

    /// Enters one nesting level; false (with MemoryError raised) past MAX_DEPTH, as pegen.
    #[inline]
    pub(crate) fn enter(&mut self, cost: u32) -> bool {
        self.depth += cost;
        if self.depth > MAX_DEPTH {
            if self.err.is_none() {
                let mut e = self.error_at_tok(self.pos, "too many nested expressions");
                e.kind = SyntaxErrorKind::MemoryError;
                self.err = Some(e);
            }
            self.depth -= cost;
            return false;
        }
        true
    }
    #[inline]
    pub(crate) fn leave(&mut self, cost: u32) {
        self.depth -= cost;
    }

    #[inline]
    pub(crate) fn failed(&self) -> bool {
        self.err.is_some()
    }
}

pub(crate) fn tok_loc(t: &Token) -> Loc {
    Loc::new(t.start.line, t.start.col, t.end.line, t.end.col)
}

/// Positions of the location in code points for SyntaxError offsets.
pub(crate) fn line_text(source: &[u8], line: u32) -> Option<&[u8]> {
    if line == 0 {
        return None;
    }
    let mut l = 1;
    let mut start = 0;
    if line > 1 {
        for (i, &b) in source.iter().enumerate() {
            if b == b'\n' {
                l += 1;
                if l == line {
                    start = i + 1;
                    break;
                }
            }
        }
        if l != line {
            return None;
        }
    }
    let rest = &source[start..];
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The tokenizer errors CPython's tokenizer reports as E_EOF (raised by the parser only when it fails).
/// Tokenizer errors that C tokenizer reports through `tok->done` (E_DEDENT, E_TABSPACE, E_TOODEEP,
/// E_LINECONT) rather than by raising: they never override a parser error found earlier.
fn is_done_code_error(e: &SyntaxError) -> bool {
    matches!(
        e.msg.as_str(),
        "unindent does not match any outer indentation level"
            | "inconsistent use of tabs and spaces in indentation"
            | "too many levels of indentation"
            | "unexpected character after line continuation character"
    )
}

fn is_eof_error(e: &SyntaxError) -> bool {
    e.msg.ends_with("was never closed") || e.msg == "unexpected EOF while parsing"
}
