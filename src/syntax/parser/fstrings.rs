//! Implicit string concatenation and f-strings, as CPython 3.11's `Parser/string_parser.c`: the
//! f-string is scanned by hand and each `{expression}` is re-parsed from its source text, with
//! CPython's (sometimes surprising) position rules for the nodes it creates.

use super::expressions::mk;
use super::literals::{decode_bytes, decode_str, split_string_token, DecodeError};
use super::{Fail, Parser};
use crate::syntax::ast::{Constant, Expr, ExprKind, Loc};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::token::{TokKind, Token};

/// pegen's FstringParser state.
struct State {
    last_str: Option<String>,
    exprs: Vec<Expr>,
    fmode: bool,
}

impl State {
    fn concat(&mut self, s: String) {
        if s.is_empty() {
            return;
        }
        match &mut self.last_str {
            Some(l) => l.push_str(&s),
            None => self.last_str = Some(s),
        }
    }
}

/// The tokens a node's location is taken from.
#[derive(Clone, Copy)]
struct Span<'a> {
    first: &'a Token,
    last: &'a Token,
}

impl Span<'_> {
    fn loc(&self) -> Loc {
        Loc::new(
            self.first.start.line,
            self.first.start.col,
            self.last.end.line,
            self.last.end.col,
        )
    }
    fn kind(&self) -> Option<String> {
        // make_str_node_and_del: only a lowercase 'u' prefix on the first token.
        if self.first.text.starts_with('u') {
            Some("u".into())
        } else {
            None
        }
    }
}

fn str_node(s: String, span: Span) -> Expr {
    mk(
        ExprKind::Constant {
            value: Constant::Str(s),
            kind: span.kind(),
        },
        span.loc(),
    )
}

/// `_PyPegen_concatenate_strings` over tokens `first..end`.
pub(crate) fn concatenate(p: &mut Parser, first: usize, end: usize) -> Result<Expr, Fail> {
    let toks: Vec<Token> = p.toks[first..end].to_vec();
    // Errors raised by RAISE_SYNTAX_ERROR point at the token after the strings.
    let err_tok = end;
    let span = Span {
        first: &toks[0],
        last: &toks[toks.len() - 1],
    };
    let bytesmode = split_string_token(&toks[0].text).bytes;
    let mut bytes_acc: Vec<u8> = Vec::new();
    let mut state = State {
        last_str: None,
        exprs: Vec::new(),
        fmode: false,
    };
    for t in &toks {
        let st = split_string_token(&t.text);
        if st.bytes != bytesmode {
            return Err(p.error_at_tok(err_tok, "cannot mix bytes and nonbytes literals"));
        }
        if st.bytes {
            match decode_bytes(st.body, st.raw) {
                Ok(b) => bytes_acc.extend(b),
                Err(e) => return Err(decode_error(p, e, t, err_tok)),
            }
        } else if st.fstring {
            let mut cur = st.body_start;
            let stop = st.body_start + st.body.len();
            concat_fstring(p, &mut state, t, &mut cur, stop, st.raw, 0, span, err_tok)?;
        } else {
            let s = if st.raw {
                st.body.to_string()
            } else {
                decode_str(st.body).map_err(|e| decode_error(p, e, t, err_tok))?
            };
            state.concat(s);
        }
    }
    if bytesmode {
        return Ok(mk(
            ExprKind::Constant {
                value: Constant::Bytes(bytes_acc),
                kind: None,
            },
            span.loc(),
        ));
    }
    Ok(finish(state, span))
}

fn decode_error(p: &Parser, e: DecodeError, t: &Token, err_tok: usize) -> Fail {
    match e {
        DecodeError::Surrogate => {
            let loc = super::tok_loc(t);
            p.make_error(
                SyntaxErrorKind::SyntaxError,
                loc,
                "unsupported: lone surrogate in string literal",
            )
        }
        DecodeError::Msg(m) => {
            if m.starts_with("bytes can only") {
                p.make_error(SyntaxErrorKind::SyntaxError, super::tok_loc(t), &m)
            } else {
                p.error_at_tok(err_tok, &m)
            }
        }
    }
}

/// `_PyPegen_FstringParser_Finish`
fn finish(mut state: State, span: Span) -> Expr {
    if !state.fmode {
        return str_node(state.last_str.take().unwrap_or_default(), span);
    }
    if let Some(s) = state.last_str.take() {
        state.exprs.push(str_node(s, span));
    }
    mk(
        ExprKind::JoinedStr {
            values: state.exprs,
        },
        span.loc(),
    )
}

/// `_PyPegen_FstringParser_ConcatFstring`: scans `t.text[*cur..stop]`.
#[allow(clippy::too_many_arguments)]
fn concat_fstring(
    p: &mut Parser,
    state: &mut State,
    t: &Token,
    cur: &mut usize,
    stop: usize,
    raw: bool,
    recurse_lvl: u32,
    span: Span,
    err_tok: usize,
) -> Result<(), Fail> {
    state.fmode = true;
    let text = t.text.as_str();
    let b = text.as_bytes();
    loop {
        // fstring_find_literal
        let lit_start = *cur;
        let mut s = *cur;
        let mut result = 0;
        let lit_end;
        loop {
            if s >= stop {
                lit_end = s;
                break;
            }
            let mut ch = b[s];
            s += 1;
            if !raw && ch == b'\\' && s < stop {
                ch = b[s];
                s += 1;
                if ch == b'N' {
                    if s < stop {
                        let c = b[s];
                        s += 1;
                        if c == b'{' {
                            while s < stop {
                                let c2 = b[s];
                                s += 1;
                                if c2 == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if recurse_lvl == 0 {
                    if s < stop && b[s] == ch {
                        lit_end = s;
                        *cur = s + 1;
                        result = 1;
                        break;
                    }
                    if ch == b'}' {
                        return Err(p.error_at_tok(err_tok, "f-string: single '}' is not allowed"));
                    }
                }
                s -= 1;
                lit_end = s;
                break;
            }
        }
        if result == 0 {
            *cur = lit_end;
        }
        if lit_end > lit_start {
            let body = &text[lit_start..lit_end];
            let lit = if raw {
                body.to_string()
            } else {
                decode_str(body).map_err(|e| decode_error(p, e, t, err_tok))?
            };
            state.concat(lit);
        }
        if result == 1 {
            continue;
        }
        if *cur >= stop || b[*cur] == b'}' {
            break;
        }
        // fstring_find_expr
        let (expression, expr_text) = find_expr(p, t, cur, stop, raw, recurse_lvl, span, err_tok)?;
        if let Some(et) = expr_text {
            state.concat(et);
        }
        if let Some(s) = state.last_str.take() {
            state.exprs.push(str_node(s, span));
        }
        state.exprs.push(expression);
    }
    if recurse_lvl == 0 && *cur + 1 < stop + 1 && *cur < stop {
        return Err(p.error_at_tok(err_tok, "f-string: unexpected end of string"));
    }
    if recurse_lvl != 0 && (*cur >= stop || b[*cur] != b'}') {
        return Err(p.error_at_tok(err_tok, "f-string: expecting '}'"));
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn find_expr(
    p: &mut Parser,
    t: &Token,
    cur: &mut usize,
    stop: usize,
    raw: bool,
    recurse_lvl: u32,
    span: Span,
    err_tok: usize,
) -> Result<(Expr, Option<String>), Fail> {
    let text = t.text.as_str();
    let b = text.as_bytes();
    let err = |p: &Parser, m: &str| p.error_at_tok(err_tok, m);
    if recurse_lvl >= 2 {
        return Err(err(p, "f-string: expressions nested too deeply"));
    }
    let brace = *cur;
    *cur += 1;
    let expr_start = *cur;
    let mut quote: u8 = 0;
    let mut string_type = 0;
    let mut stack: Vec<u8> = Vec::new();
    while *cur < stop {
        let ch = b[*cur];
        if ch == b'\\' {
            return Err(err(
                p,
                "f-string expression part cannot include a backslash",
            ));
        }
        if quote != 0 {
            if ch == quote {
                if string_type == 3 {
                    if *cur + 2 < stop && b[*cur + 1] == ch && b[*cur + 2] == ch {
                        *cur += 3;
                        string_type = 0;
                        quote = 0;
                        continue;
                    }
                } else {
                    string_type = 0;
                    quote = 0;
                    *cur += 1;
                    continue;
                }
            }
            *cur += 1;
            continue;
        }
        match ch {
            b'\'' | b'"' => {
                if *cur + 2 < stop && b[*cur + 1] == ch && b[*cur + 2] == ch {
                    string_type = 3;
                    *cur += 2;
                } else {
                    string_type = 1;
                }
                quote = ch;
            }
            b'[' | b'{' | b'(' => {
                if stack.len() >= 200 {
                    return Err(err(p, "f-string: too many nested parenthesis"));
                }
                stack.push(ch);
            }
            b'#' => return Err(err(p, "f-string expression part cannot include '#'")),
            b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                if *cur + 1 < stop {
                    let next = b[*cur + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        *cur += 2;
                        continue;
                    }
                }
                if ch == b'>' || ch == b'<' {
                    *cur += 1;
                    continue;
                }
                break;
            }
            b']' | b'}' | b')' => {
                let Some(open) = stack.pop() else {
                    return Err(err(p, &format!("f-string: unmatched '{}'", ch as char)));
                };
                let ok = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !ok {
                    return Err(err(
                        p,
                        &format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        ),
                    ));
                }
            }
            _ => {}
        }
        *cur += 1;
    }
    let expr_end = *cur;
    if quote != 0 {
        return Err(err(p, "f-string: unterminated string"));
    }
    if let Some(&open) = stack.last() {
        return Err(err(p, &format!("f-string: unmatched '{}'", open as char)));
    }
    if *cur >= stop {
        return Err(err(p, "f-string: expecting '}'"));
    }
    let simple = compile_expr(p, t, brace, expr_start, expr_end, err_tok)?;
    let mut expr_text = None;
    if b[*cur] == b'=' {
        *cur += 1;
        while *cur < stop && matches!(b[*cur], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
            *cur += 1;
        }
        if *cur >= stop {
            return Err(err(p, "f-string: expecting '}'"));
        }
        expr_text = Some(text[expr_start..*cur].to_string());
    }
    let mut conversion: i32 = -1;
    if b[*cur] == b'!' {
        *cur += 1;
        if *cur >= stop {
            return Err(err(p, "f-string: expecting '}'"));
        }
        let c = text[*cur..].chars().next().unwrap();
        *cur += c.len_utf8();
        if !matches!(c, 's' | 'r' | 'a') {
            return Err(err(
                p,
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
            ));
        }
        conversion = c as i32;
    }
    let mut format_spec = None;
    if *cur < stop && b[*cur] == b':' {
        *cur += 1;
        if *cur >= stop {
            return Err(err(p, "f-string: expecting '}'"));
        }
        // fstring_parse: a nested f-string whose JoinedStr spans the current token.
        let mut sub = State {
            last_str: None,
            exprs: Vec::new(),
            fmode: false,
        };
        concat_fstring(
            p,
            &mut sub,
            t,
            cur,
            stop,
            raw,
            recurse_lvl + 1,
            span,
            err_tok,
        )?;
        let tspan = Span { first: t, last: t };
        format_spec = Some(Box::new(finish(sub, tspan)));
    }
    if *cur >= stop || b[*cur] != b'}' {
        return Err(err(p, "f-string: expecting '}'"));
    }
    *cur += 1;
    if expr_text.is_some() && format_spec.is_none() && conversion == -1 {
        conversion = 'r' as i32;
    }
    let fv = mk(
        ExprKind::FormattedValue {
            value: Box::new(simple),
            conversion,
            format_spec,
        },
        span.loc(),
    );
    Ok((fv, expr_text))
}

/// `fstring_compile_expr`: parses `(expr)` with positions shifted as CPython 3.11 shifts them.
fn compile_expr(
    p: &mut Parser,
    t: &Token,
    brace: usize,
    expr_start: usize,
    expr_end: usize,
    err_tok: usize,
) -> Result<Expr, Fail> {
    let text = t.text.as_str();
    let b = text.as_bytes();
    let expr = &text[expr_start..expr_end];
    if expr
        .bytes()
        .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c'))
    {
        let after = b.get(expr_end).copied().unwrap_or(0);
        let m = if matches!(after, b'!' | b':' | b'=') {
            format!("f-string: expression required before '{}'", after as char)
        } else {
            "f-string: empty expression not allowed".to_string()
        };
        return Err(p.error_at_tok(err_tok, &m));
    }
    // fstring_find_expr_location
    let mut lines = 0u32;
    let mut cols = 0u32;
    let newline_after_brace = {
        let mut k = brace + 1;
        let mut nl = true;
        while k < b.len() && b[k] != b'}' && b[k] != b'\n' {
            if !matches!(b[k], b' ' | b'\t' | b'\x0c') {
                nl = false;
                break;
            }
            k += 1;
        }
        nl
    };
    if !newline_after_brace {
        let mut k = brace;
        while k > 0 && b[k] != b'\n' {
            k -= 1;
        }
        cols += (brace - k) as u32;
        if b[k] == b'\n' {
            cols -= 1;
        }
    }
    lines += b[..brace].iter().filter(|&&c| c == b'\n').count() as u32;
    let start_line = t.start.line + lines;
    // 3.11.7: the token's column is added only when the expression is on the token's first line.
    let start_col = if lines > 0 { cols } else { t.start.col + cols };
    let src = format!("({expr})");
    let (toks, tok_err) = crate::syntax::tokenizer::tokenize_partial(
        src.as_bytes(),
        p.filename,
        crate::syntax::tokenizer::Mode::Parser,
    );
    if let Some(mut e) = tok_err {
        e.lineno += start_line - 1;
        e.end_lineno += start_line.saturating_sub(1);
        if !e.msg.starts_with("f-string") {
            e.msg = format!("f-string: {}", e.msg);
        }
        return Err(Box::new(e));
    }
    let toks: Vec<Token> = toks
        .into_iter()
        .map(|mut tk| {
            // Columns shift only on the sub-source's first line (the token's end line decides).
            let first = tk.end.line == 1;
            tk.start.line += start_line - 1;
            tk.end.line += start_line - 1;
            if first {
                tk.start.col += start_col;
                tk.end.col += start_col;
            }
            tk
        })
        .collect();
    let mut sub = Parser::new(toks, None, src.as_bytes(), p.filename);
    sub.fstring = true;
    sub.shift = Some((start_line, start_col));
    sub.depth = p.depth;
    let r = sub.run(|q| {
        let e = q.star_expressions()?;
        while q.eat_kind(TokKind::Newline) {}
        if q.kind() != TokKind::EndMarker {
            return None;
        }
        Some(e)
    });
    let _ = err_tok;
    r
}
