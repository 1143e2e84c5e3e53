//! `pyexpat`: an XML parser with expat's interface. The tokenizer is here, in Rust: `_scan`
//! splits decoded document text into tokens (character data, tags, references, comments,
//! processing instructions, CDATA sections, the document type declaration with its internal
//! subset), each with its line, column and offsets, and stops at an incomplete construct so the
//! caller can buffer the tail until more data arrives. The xmlparser class (handlers, encodings,
//! namespaces, entities, well-formedness across tokens, expat's errors) is Python, in
//! py/pyexpat_part.py, over these functions.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::types::nargs;
use crate::vm::value::Value;

const PART: &str = include_str!("py/pyexpat_part.py");

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_scan", scan_fn),
        ("_attr_value", attr_value_fn),
        ("_decode_utf16", decode_utf16_fn),
    ];
    super::native_with_python(vm, "pyexpat", fns, PART)
}

// Token kinds (the first item of each token tuple).
const K_TEXT: i64 = 1;
const K_WS: i64 = 2;
const K_START: i64 = 3;
const K_END: i64 = 4;
const K_REF: i64 = 5;
const K_COMMENT: i64 = 6;
const K_PI: i64 = 7;
const K_CDATA: i64 = 8;
const K_DOCTYPE: i64 = 9;
const K_ENTITY: i64 = 10;
const K_ELEMENT: i64 = 11;
const K_ATTLIST: i64 = 12;
const K_NOTATION: i64 = 13;
const K_PEREF: i64 = 14;
const K_ERROR: i64 = 15;

// expat's error codes used by the tokenizer.
const E_SYNTAX: u32 = 2;
const E_INVALID_TOKEN: u32 = 4;
const E_UNCLOSED_TOKEN: u32 = 5;
const E_DUPLICATE_ATTRIBUTE: u32 = 8;
const E_JUNK: u32 = 9;
const E_BAD_CHAR_REF: u32 = 14;

/// Why scanning a construct stopped: it needs more text, or it is malformed (expat's error code
/// and the byte offset expat reports).
enum Stop {
    More,
    Err(u32, usize),
}

type R<T> = Result<T, Stop>;

/// An attribute value: resolved, or pieces with entity references left for the caller.
enum AttrVal {
    Done(String),
    Parts(Vec<(bool, String)>),
}

struct AttlistDef {
    name: String,
    ty: String,
    default: Option<String>,
    required: bool,
}

enum Payload {
    Text(String),
    Ws(String),
    Start {
        name: String,
        attrs: Vec<(String, AttrVal)>,
        empty: bool,
    },
    End(String),
    Ref(String),
    Comment(String),
    Pi(String, String),
    Cdata(String),
    Doctype {
        name: String,
        sysid: Option<String>,
        pubid: Option<String>,
        head: Vec<String>,
        subset: bool,
        decls: Vec<Tok>,
        tail: Vec<String>,
    },
    Entity {
        name: String,
        pe: bool,
        value: Option<String>,
        sysid: Option<String>,
        pubid: Option<String>,
        notation: Option<String>,
    },
    Element(String, String),
    Attlist(String, Vec<AttlistDef>),
    Notation(String, Option<String>, Option<String>),
    PeRef(String),
    Error(u32),
}

#[derive(Clone, Copy, Default)]
struct Pos {
    line: i64,
    col: i64,
    byte: usize,
    ch: usize,
}

struct Tok {
    p: Payload,
    start: Pos,
    end_ch: usize,
}

/// Line/column/character counting over the text, forward only.
struct Tracker<'a> {
    b: &'a [u8],
    at: Pos,
}

impl Tracker<'_> {
    fn advance(&mut self, to: usize) -> Pos {
        let b = self.b;
        let p = &mut self.at;
        while p.byte < to {
            let c = b[p.byte];
            p.byte += 1;
            if c == b'\n' || c == b'\r' {
                p.line += 1;
                p.col = 0;
                p.ch += 1;
                if c == b'\r' && p.byte < b.len() && b[p.byte] == b'\n' {
                    p.byte += 1;
                    p.ch += 1;
                }
            } else if c < 0x80 || c >= 0xC0 {
                p.col += 1;
                p.ch += 1;
            }
        }
        *p
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

fn name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b':' || c >= 0x80
}

fn name_char(c: u8) -> bool {
    name_start(c) || c.is_ascii_digit() || c == b'-' || c == b'.'
}

/// Whether `c` may appear in an XML document.
fn xml_char(c: u32) -> bool {
    matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// `\r\n` and lone `\r` as `\n`.
fn normalize(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

struct Lexer<'a> {
    s: &'a str,
    b: &'a [u8],
    final_: bool,
}

enum RefKind {
    Char(char),
    Named(String),
}

impl Lexer<'_> {
    fn len(&self) -> usize {
        self.b.len()
    }

    fn at(&self, i: usize) -> R<u8> {
        self.b.get(i).copied().ok_or(Stop::More)
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    /// Requires whitespace at `i`; the offset after it.
    fn req_ws(&self, i: usize, code: u32) -> R<usize> {
        if !is_ws(self.at(i)?) {
            return Err(Stop::Err(code, i));
        }
        Ok(self.skip_ws(i))
    }

    /// Whether the text at `i` starts with `lit` (More if it could, given more text).
    fn starts(&self, i: usize, lit: &str) -> R<bool> {
        let rest = &self.b[i.min(self.len())..];
        let l = lit.as_bytes();
        if rest.len() >= l.len() {
            Ok(&rest[..l.len()] == l)
        } else if l.starts_with(rest) {
            Err(Stop::More)
        } else {
            Ok(false)
        }
    }

    /// The end of the name at `i`.
    fn name(&self, i: usize) -> R<usize> {
        if !name_start(self.at(i)?) {
            return Err(Stop::Err(E_INVALID_TOKEN, i));
        }
        let mut j = i + 1;
        while j < self.len() && name_char(self.b[j]) {
            j += 1;
        }
        if j == self.len() {
            return Err(Stop::More);
        }
        Ok(j)
    }

    fn find(&self, i: usize, lit: &str) -> R<usize> {
        self.s
            .get(i..)
            .and_then(|r| r.find(lit))
            .map(|k| k + i)
            .ok_or(Stop::More)
    }

    /// Checks the characters of `i..j` (not-XML characters are invalid tokens).
    fn check_chars(&self, i: usize, j: usize) -> R<()> {
        if let Some(sub) = self.s.get(i..j) {
            for (k, c) in sub.char_indices() {
                if !xml_char(c as u32) {
                    return Err(Stop::Err(E_INVALID_TOKEN, i + k));
                }
            }
        }
        Ok(())
    }

    /// A reference at `i` (`&`): a character or a named entity, and the offset after it.
    fn reference(&self, i: usize) -> R<(RefKind, usize)> {
        if self.at(i + 1)? == b'#' {
            let (hex, mut j) = if self.at(i + 2)? == b'x' {
                (true, i + 3)
            } else {
                (false, i + 2)
            };
            let d0 = j;
            let mut v: u32 = 0;
            loop {
                let c = self.at(j)?;
                let d = if hex {
                    (c as char).to_digit(16)
                } else {
                    (c as char).to_digit(10)
                };
                match d {
                    Some(d) => {
                        v = v
                            .saturating_mul(if hex { 16 } else { 10 })
                            .saturating_add(d);
                        j += 1;
                    }
                    None if c == b';' && j > d0 => break,
                    None => return Err(Stop::Err(E_INVALID_TOKEN, j)),
                }
            }
            return match char::from_u32(v).filter(|&c| xml_char(c as u32)) {
                Some(c) => Ok((RefKind::Char(c), j + 1)),
                None => Err(Stop::Err(E_BAD_CHAR_REF, i)),
            };
        }
        let e = self.name(i + 1)?;
        if self.b[e] != b';' {
            return Err(Stop::Err(E_INVALID_TOKEN, e));
        }
        let n = &self.s[i + 1..e];
        let pre = match n {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "quot" => Some('"'),
            _ => None,
        };
        Ok((
            pre.map_or_else(|| RefKind::Named(n.to_string()), RefKind::Char),
            e + 1,
        ))
    }

    /// An attribute value from `i` up to the quote `q` (or the end of the text when `q` is 0):
    /// the value and the offset of the closing quote.
    fn attr_value(&self, i: usize, q: u8) -> R<(AttrVal, usize)> {
        let mut parts: Vec<(bool, String)> = Vec::new();
        let mut cur = String::new();
        let mut j = i;
        loop {
            if j >= self.len() {
                if q == 0 {
                    break;
                }
                return Err(Stop::More);
            }
            let c = self.b[j];
            if c == q {
                break;
            }
            match c {
                b'<' => return Err(Stop::Err(E_INVALID_TOKEN, j)),
                b'&' => {
                    let (r, e) = self.reference(j)?;
                    match r {
                        RefKind::Char(ch) => cur.push(ch),
                        RefKind::Named(n) => {
                            parts.push((false, std::mem::take(&mut cur)));
                            parts.push((true, n));
                        }
                    }
                    j = e;
                }
                b'\r' => {
                    cur.push(' ');
                    j += if self.b.get(j + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                }
                b'\t' | b'\n' => {
                    cur.push(' ');
                    j += 1;
                }
                _ => {
                    let ch = self.s[j..].chars().next().unwrap_or(' ');
                    if !xml_char(ch as u32) {
                        return Err(Stop::Err(E_INVALID_TOKEN, j));
                    }
                    cur.push(ch);
                    j += ch.len_utf8();
                }
            }
        }
        if parts.is_empty() {
            return Ok((AttrVal::Done(cur), j));
        }
        parts.push((false, cur));
        Ok((AttrVal::Parts(parts), j))
    }

    fn start_tag(&self, i: usize) -> R<(Payload, usize)> {
        let ne = self.name(i + 1)?;
        let name = self.s[i + 1..ne].to_string();
        let mut attrs: Vec<(String, AttrVal)> = Vec::new();
        let mut j = ne;
        loop {
            let w = j;
            j = self.skip_ws(j);
            match self.at(j)? {
                b'>' => {
                    return Ok((
                        Payload::Start {
                            name,
                            attrs,
                            empty: false,
                        },
                        j + 1,
                    ))
                }
                b'/' => {
                    if self.at(j + 1)? != b'>' {
                        return Err(Stop::Err(E_INVALID_TOKEN, j + 1));
                    }
                    return Ok((
                        Payload::Start {
                            name,
                            attrs,
                            empty: true,
                        },
                        j + 2,
                    ));
                }
                _ if j == w => return Err(Stop::Err(E_INVALID_TOKEN, j)),
                _ => {}
            }
            let ae = self.name(j)?;
            let an = self.s[j..ae].to_string();
            let mut k = self.skip_ws(ae);
            if self.at(k)? != b'=' {
                return Err(Stop::Err(E_INVALID_TOKEN, k));
            }
            k = self.skip_ws(k + 1);
            let q = self.at(k)?;
            if q != b'"' && q != b'\'' {
                return Err(Stop::Err(E_INVALID_TOKEN, k));
            }
            let (v, close) = self.attr_value(k + 1, q)?;
            if attrs.iter().any(|(n, _)| *n == an) {
                return Err(Stop::Err(E_DUPLICATE_ATTRIBUTE, j));
            }
            attrs.push((an, v));
            j = close + 1;
        }
    }

    fn end_tag(&self, i: usize) -> R<(Payload, usize)> {
        let ne = self.name(i + 2)?;
        let j = self.skip_ws(ne);
        if self.at(j)? != b'>' {
            return Err(Stop::Err(E_INVALID_TOKEN, j));
        }
        Ok((Payload::End(self.s[i + 2..ne].to_string()), j + 1))
    }

    fn pi(&self, i: usize) -> R<(Payload, usize)> {
        let te = self.name(i + 2)?;
        let target = self.s[i + 2..te].to_string();
        if self.starts(te, "?>")? {
            return Ok((Payload::Pi(target, String::new()), te + 2));
        }
        let d = self.req_ws(te, E_INVALID_TOKEN)?;
        let e = self.find(d, "?>")?;
        self.check_chars(d, e)?;
        Ok((Payload::Pi(target, normalize(&self.s[d..e])), e + 2))
    }

    fn comment(&self, i: usize) -> R<(Payload, usize)> {
        let e = self.find(i + 4, "--")?;
        if self.at(e + 2)? != b'>' {
            return Err(Stop::Err(E_INVALID_TOKEN, e + 2));
        }
        self.check_chars(i + 4, e)?;
        Ok((Payload::Comment(normalize(&self.s[i + 4..e])), e + 3))
    }

    fn cdata(&self, i: usize) -> R<(Payload, usize)> {
        let e = self.find(i + 9, "]]>")?;
        self.check_chars(i + 9, e)?;
        Ok((Payload::Cdata(normalize(&self.s[i + 9..e])), e + 3))
    }

    /// A quoted literal at `i`: its text (without quotes) and the offset after it.
    fn literal(&self, i: usize) -> R<(String, usize)> {
        let q = self.at(i)?;
        if q != b'"' && q != b'\'' {
            return Err(Stop::Err(E_SYNTAX, i));
        }
        let e = self.find(i + 1, if q == b'"' { "\"" } else { "'" })?;
        Ok((self.s[i + 1..e].to_string(), e + 1))
    }

    /// An ExternalID (SYSTEM/PUBLIC) at `i` if there is one: (sysid, pubid, end, raw pieces).
    #[allow(clippy::type_complexity)]
    fn external_id(
        &self,
        i: usize,
        pub_sys_optional: bool,
    ) -> R<Option<(Option<String>, Option<String>, usize, Vec<String>)>> {
        let public = if self.starts(i, "PUBLIC")? {
            true
        } else if self.starts(i, "SYSTEM")? {
            false
        } else {
            return Ok(None);
        };
        let mut pieces = vec![self.s[i..i + 6].to_string()];
        let mut j = self.req_ws(i + 6, E_SYNTAX)?;
        pieces.push(self.s[i + 6..j].to_string());
        let (first, e) = self.literal(j)?;
        pieces.push(self.s[j..e].to_string());
        j = e;
        if !public {
            return Ok(Some((Some(first), None, j, pieces)));
        }
        let k = self.skip_ws(j);
        let q = self.at(k)?;
        if k > j && (q == b'"' || q == b'\'') {
            pieces.push(self.s[j..k].to_string());
            let (sys, e) = self.literal(k)?;
            pieces.push(self.s[k..e].to_string());
            return Ok(Some((Some(sys), Some(first), e, pieces)));
        }
        if !pub_sys_optional {
            return Err(Stop::Err(E_SYNTAX, k));
        }
        Ok(Some((None, Some(first), j, pieces)))
    }

    /// The `>` ending a declaration (after optional whitespace).
    fn decl_end(&self, i: usize) -> R<usize> {
        let j = self.skip_ws(i);
        if self.at(j)? != b'>' {
            return Err(Stop::Err(E_SYNTAX, j));
        }
        Ok(j + 1)
    }

    fn doctype(&self, i: usize, tr: &mut Tracker) -> R<(Payload, usize)> {
        let mut head = vec!["<!DOCTYPE".to_string()];
        let mut j = self.req_ws(i + 9, E_SYNTAX)?;
        head.push(self.s[i + 9..j].to_string());
        let ne = self.name(j)?;
        let name = self.s[j..ne].to_string();
        head.push(name.clone());
        j = self.skip_ws(ne);
        let (mut sysid, mut pubid) = (None, None);
        if j > ne {
            head.push(self.s[ne..j].to_string());
            if let Some((s, p, e, pieces)) = self.external_id(j, false)? {
                sysid = s;
                pubid = p;
                head.extend(pieces);
                let k = self.skip_ws(e);
                if k > e {
                    head.push(self.s[e..k].to_string());
                }
                j = k;
            }
        }
        let mut decls = Vec::new();
        let mut tail = Vec::new();
        let subset = self.at(j)? == b'[';
        if subset {
            head.push("[".to_string());
            j = self.subset(j + 1, &mut decls)?;
            tail.push("]".to_string());
            let k = self.skip_ws(j);
            if k > j {
                tail.push(self.s[j..k].to_string());
            }
            j = k;
        }
        if self.at(j)? != b'>' {
            return Err(Stop::Err(E_SYNTAX, j));
        }
        tail.push(">".to_string());
        // Positions of the declarations (the tracker is at the DOCTYPE's start).
        let toks = decls
            .into_iter()
            .map(|(p, s, e)| {
                let start = tr.advance(s);
                let end_ch = tr.advance(e).ch;
                Tok { p, start, end_ch }
            })
            .collect();
        Ok((
            Payload::Doctype {
                name,
                sysid,
                pubid,
                head,
                subset,
                decls: toks,
                tail,
            },
            j + 1,
        ))
    }

    /// The internal subset from `i` to its `]`: the declarations (with their offsets) and the
    /// offset after the `]`.
    fn subset(&self, mut j: usize, out: &mut Vec<(Payload, usize, usize)>) -> R<usize> {
        loop {
            j = self.skip_ws(j);
            let c = self.at(j)?;
            let (p, e) = if c == b']' {
                return Ok(j + 1);
            } else if c == b'%' {
                let ne = self.name(j + 1)?;
                if self.b[ne] != b';' {
                    return Err(Stop::Err(E_INVALID_TOKEN, ne));
                }
                (Payload::PeRef(self.s[j + 1..ne].to_string()), ne + 1)
            } else if self.starts(j, "<!--")? {
                self.comment(j)?
            } else if self.starts(j, "<?")? {
                self.pi(j)?
            } else if self.starts(j, "<!ENTITY")? {
                self.entity_decl(j)?
            } else if self.starts(j, "<!ELEMENT")? {
                let mut k = self.req_ws(j + 9, E_SYNTAX)?;
                let ne = self.name(k)?;
                k = self.req_ws(ne, E_SYNTAX)?;
                let e = self.find(k, ">")?;
                let model: String = self.s[k..e]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                (
                    Payload::Element(self.s[self.skip_ws(j + 9)..ne].to_string(), model),
                    e + 1,
                )
            } else if self.starts(j, "<!ATTLIST")? {
                self.attlist_decl(j)?
            } else if self.starts(j, "<!NOTATION")? {
                let k = self.req_ws(j + 10, E_SYNTAX)?;
                let ne = self.name(k)?;
                let m = self.req_ws(ne, E_SYNTAX)?;
                let Some((s, p, e, _)) = self.external_id(m, true)? else {
                    return Err(Stop::Err(E_SYNTAX, m));
                };
                let end = self.decl_end(e)?;
                (Payload::Notation(self.s[k..ne].to_string(), s, p), end)
            } else {
                return Err(Stop::Err(E_SYNTAX, j));
            };
            out.push((p, j, e));
            j = e;
        }
    }

    fn entity_decl(&self, j: usize) -> R<(Payload, usize)> {
        let mut k = self.req_ws(j + 8, E_SYNTAX)?;
        let pe = self.at(k)? == b'%';
        if pe {
            k = self.req_ws(k + 1, E_SYNTAX)?;
        }
        let ne = self.name(k)?;
        let name = self.s[k..ne].to_string();
        let m = self.req_ws(ne, E_SYNTAX)?;
        let q = self.at(m)?;
        let mk = |value, sysid, pubid, notation| Payload::Entity {
            name: name.clone(),
            pe,
            value,
            sysid,
            pubid,
            notation,
        };
        if q == b'"' || q == b'\'' {
            let (raw, e) = self.literal(m)?;
            let value = self.entity_value(&raw, m + 1)?;
            return Ok((mk(Some(value), None, None, None), self.decl_end(e)?));
        }
        let Some((s, p, e, _)) = self.external_id(m, false)? else {
            return Err(Stop::Err(E_SYNTAX, m));
        };
        let mut end = e;
        let mut notation = None;
        let w = self.skip_ws(e);
        if w > e && !pe && self.starts(w, "NDATA")? {
            let n0 = self.req_ws(w + 5, E_SYNTAX)?;
            let n1 = self.name(n0)?;
            notation = Some(self.s[n0..n1].to_string());
            end = n1;
        }
        Ok((mk(None, s, p, notation), self.decl_end(end)?))
    }

    /// An entity's replacement text: character references expanded, entity references kept.
    fn entity_value(&self, raw: &str, off: usize) -> R<String> {
        let mut out = String::new();
        let mut rest = raw;
        let mut pos = off;
        while let Some(k) = rest.find("&#") {
            out.push_str(&rest[..k]);
            let (r, e) = self.reference(pos + k)?;
            if let RefKind::Char(c) = r {
                out.push(c);
            }
            rest = &rest[e - pos..];
            pos = e;
        }
        out.push_str(rest);
        Ok(normalize(&out))
    }

    fn attlist_decl(&self, j: usize) -> R<(Payload, usize)> {
        let k = self.req_ws(j + 9, E_SYNTAX)?;
        let ne = self.name(k)?;
        let el = self.s[k..ne].to_string();
        let mut defs = Vec::new();
        let mut m = ne;
        loop {
            let w = self.skip_ws(m);
            if self.at(w)? == b'>' {
                return Ok((Payload::Attlist(el, defs), w + 1));
            }
            if w == m {
                return Err(Stop::Err(E_SYNTAX, w));
            }
            let an = self.name(w)?;
            let t0 = self.req_ws(an, E_SYNTAX)?;
            let (ty, t1) = if self.at(t0)? == b'(' {
                let e = self.find(t0, ")")?;
                (self.s[t0..=e].to_string(), e + 1)
            } else {
                let t1 = self.name(t0)?;
                let kw = &self.s[t0..t1];
                if kw == "NOTATION" {
                    let p = self.req_ws(t1, E_SYNTAX)?;
                    let e = self.find(p, ")")?;
                    (format!("NOTATION{}", &self.s[p..=e]), e + 1)
                } else {
                    (kw.to_string(), t1)
                }
            };
            let ty: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
            let d0 = self.req_ws(t1, E_SYNTAX)?;
            let (default, required, end) = if self.starts(d0, "#REQUIRED")? {
                (None, true, d0 + 9)
            } else if self.starts(d0, "#IMPLIED")? {
                (None, false, d0 + 8)
            } else {
                let (fixed, l0) = if self.starts(d0, "#FIXED")? {
                    (true, self.req_ws(d0 + 6, E_SYNTAX)?)
                } else {
                    (false, d0)
                };
                let (v, e) = self.literal(l0)?;
                (Some(v), fixed, e)
            };
            defs.push(AttlistDef {
                name: self.s[w..an].to_string(),
                ty,
                default,
                required,
            });
            m = end;
        }
    }

    /// Character data in content from `i` (up to markup, a reference or a line break; a line
    /// break alone).
    fn text(&self, i: usize) -> R<(Payload, usize)> {
        let mut j = i;
        while j < self.len() {
            match self.b[j] {
                b'<' | b'&' => break,
                b'\n' | b'\r' => {
                    if j > i {
                        break;
                    }
                    if self.b[j] == b'\r'
                        && self
                            .at(j + 1)
                            .or(if self.final_ { Ok(0) } else { Err(Stop::More) })?
                            == b'\n'
                    {
                        return Ok((Payload::Text("\n".into()), j + 2));
                    }
                    return Ok((Payload::Text("\n".into()), j + 1));
                }
                b']' => {
                    if self.starts(j, "]]>").or_else(|s| match s {
                        Stop::More if j > i || self.final_ => Ok(false),
                        s => Err(s),
                    })? {
                        return Err(Stop::Err(E_INVALID_TOKEN, j + 2));
                    }
                    if !self.final_ && j + 3 > self.len() && j > i {
                        break;
                    }
                    j += 1;
                }
                c if c < 0x20 && c != b'\t' => return Err(Stop::Err(E_INVALID_TOKEN, j)),
                0xEF if self.b.get(j + 1) == Some(&0xBF)
                    && matches!(self.b.get(j + 2), Some(0xBE | 0xBF)) =>
                {
                    return Err(Stop::Err(E_INVALID_TOKEN, j))
                }
                _ => j += 1,
            }
        }
        Ok((Payload::Text(self.s[i..j].to_string()), j))
    }

    fn content_token(&self, i: usize, tr: &mut Tracker) -> R<(Payload, usize)> {
        match self.b[i] {
            b'<' => self.markup(i, 0, tr),
            b'&' => {
                let (r, e) = self.reference(i)?;
                Ok((
                    match r {
                        RefKind::Char(c) => Payload::Text(c.to_string()),
                        RefKind::Named(n) => Payload::Ref(n),
                    },
                    e,
                ))
            }
            _ => self.text(i),
        }
    }

    /// Markup at `i` (`<`); `outside`: before the root element (1) or after it (2), else 0.
    fn markup(&self, i: usize, outside: u8, tr: &mut Tracker) -> R<(Payload, usize)> {
        match self.at(i + 1)? {
            b'/' if outside != 0 => Err(Stop::Err(E_INVALID_TOKEN, i + 1)),
            b'/' => self.end_tag(i),
            b'?' => self.pi(i),
            b'!' => {
                if self.starts(i, "<!--")? {
                    self.comment(i)
                } else if outside == 0 && self.starts(i, "<![CDATA[")? {
                    self.cdata(i)
                } else if outside == 1 && self.starts(i, "<!DOCTYPE")? && is_ws(self.at(i + 9)?) {
                    self.doctype(i, tr)
                } else if outside == 1 && name_start(self.at(i + 2)?) {
                    // A declaration keyword of the prolog: out of place, or not a keyword.
                    let e = self.name(i + 2)?;
                    Err(if is_ws(self.b[e]) {
                        Stop::Err(E_SYNTAX, i)
                    } else {
                        Stop::Err(E_INVALID_TOKEN, e)
                    })
                } else if outside == 1 && self.b[i + 2] == b'[' {
                    Err(Stop::Err(E_SYNTAX, i))
                } else {
                    Err(match outside {
                        2 => Stop::Err(E_JUNK, i),
                        _ => Stop::Err(E_INVALID_TOKEN, i + 2),
                    })
                }
            }
            _ => self.start_tag(i),
        }
    }

    /// A token outside the root element (`epilog`: after it).
    fn prolog_token(&self, i: usize, epilog: bool, tr: &mut Tracker) -> R<(Payload, usize)> {
        let c = self.b[i];
        if is_ws(c) {
            let j = self.skip_ws(i);
            return Ok((Payload::Ws(self.s[i..j].to_string()), j));
        }
        if c == b'<' {
            return self.markup(i, if epilog { 2 } else { 1 }, tr);
        }
        // What expat's prolog tokenizer makes of text: a name token or declaration punctuation
        // is out of place (a syntax error, or junk after the root element); other characters
        // are invalid tokens.
        let misplaced = if epilog { E_JUNK } else { E_SYNTAX };
        if name_char(c) {
            let mut j = i + 1;
            while j < self.len() && name_char(self.b[j]) {
                j += 1;
            }
            return match self.b.get(j) {
                None if !self.final_ => Err(Stop::More),
                Some(&d) if !(is_ws(d) || b")|,]>%[?*+".contains(&d)) => {
                    Err(Stop::Err(E_INVALID_TOKEN, j))
                }
                _ => Err(Stop::Err(misplaced, i)),
            };
        }
        if b">[]()|,%#?*+\"'=".contains(&c) {
            return Err(Stop::Err(misplaced, i));
        }
        Err(Stop::Err(E_INVALID_TOKEN, i))
    }
}

/// What `_scan` found: the tokens, the text consumed and the state after it.
struct ScanOut {
    toks: Vec<Tok>,
    end: Pos,
    state: i64,
    depth: i64,
}

/// Tokens of `s` from the position `start`, in `state` (0 prolog, 1 content, 2 after the root
/// element) at element `depth`.
fn scan(s: &str, final_: bool, mut state: i64, mut depth: i64, start: Pos) -> ScanOut {
    let lx = Lexer {
        s,
        b: s.as_bytes(),
        final_,
    };
    let mut tr = Tracker { b: lx.b, at: start };
    let mut toks = Vec::new();
    let mut i = 0;
    let mut end = start;
    while i < lx.len() {
        let begin = tr.at;
        let r = if state == 1 {
            lx.content_token(i, &mut tr)
        } else {
            lx.prolog_token(i, state == 2, &mut tr)
        };
        match r {
            Ok((p, e)) => {
                match &p {
                    Payload::Start { empty, .. } => {
                        if !*empty {
                            depth += 1;
                            state = 1;
                        } else if depth == 0 {
                            state = 2;
                        }
                    }
                    Payload::End(_) => {
                        depth = (depth - 1).max(0);
                        if depth == 0 {
                            state = 2;
                        }
                    }
                    _ => {}
                }
                // A DOCTYPE's declarations moved the tracker: rewind to its start.
                tr.at = begin;
                let sp = tr.advance(i);
                end = tr.advance(e);
                toks.push(Tok {
                    p,
                    start: sp,
                    end_ch: end.ch,
                });
                i = e;
            }
            Err(stop) => {
                tr.at = begin;
                let (code, at) = match stop {
                    Stop::More if !final_ => break,
                    Stop::More => (E_UNCLOSED_TOKEN, i),
                    Stop::Err(c, at) => (c, at),
                };
                let sp = tr.advance(at);
                toks.push(Tok {
                    p: Payload::Error(code),
                    start: sp,
                    end_ch: sp.ch,
                });
                break;
            }
        }
    }
    ScanOut {
        toks,
        end,
        state,
        depth,
    }
}

fn opt_str(vm: &mut Vm, s: Option<String>) -> Value {
    match s {
        Some(s) => vm.new_str_owned(s),
        None => vm.none,
    }
}

fn attr_val(vm: &mut Vm, v: AttrVal) -> Value {
    match v {
        AttrVal::Done(s) => vm.new_str_owned(s),
        AttrVal::Parts(ps) => {
            let items = ps
                .into_iter()
                .map(|(is_ref, s)| {
                    let s = vm.new_str_owned(s);
                    if is_ref {
                        vm.new_tuple(vec![s])
                    } else {
                        s
                    }
                })
                .collect();
            vm.new_list(items)
        }
    }
}

fn strs(vm: &mut Vm, v: Vec<String>) -> Value {
    let items = v.into_iter().map(|s| vm.new_str_owned(s)).collect();
    vm.new_list(items)
}

/// A token as a tuple: (kind, line, column, byte offset, start, end, payload...).
fn tok_value(vm: &mut Vm, t: Tok) -> Value {
    let mut items = vec![
        Value::NULL,
        vm.new_int(t.start.line),
        vm.new_int(t.start.col),
        vm.new_int(t.start.byte as i64),
        vm.new_int(t.start.ch as i64),
        vm.new_int(t.end_ch as i64),
    ];
    let kind = match t.p {
        Payload::Text(s) => {
            items.push(vm.new_str_owned(s));
            K_TEXT
        }
        Payload::Ws(s) => {
            items.push(vm.new_str_owned(s));
            K_WS
        }
        Payload::Start { name, attrs, empty } => {
            items.push(vm.new_str_owned(name));
            let mut flat = Vec::with_capacity(attrs.len() * 2);
            for (n, v) in attrs {
                flat.push(vm.new_str_owned(n));
                flat.push(attr_val(vm, v));
            }
            items.push(vm.new_list(flat));
            items.push(vm.bool_val(empty));
            K_START
        }
        Payload::End(n) => {
            items.push(vm.new_str_owned(n));
            K_END
        }
        Payload::Ref(n) => {
            items.push(vm.new_str_owned(n));
            K_REF
        }
        Payload::Comment(s) => {
            items.push(vm.new_str_owned(s));
            K_COMMENT
        }
        Payload::Pi(t, d) => {
            items.push(vm.new_str_owned(t));
            items.push(vm.new_str_owned(d));
            K_PI
        }
        Payload::Cdata(s) => {
            items.push(vm.new_str_owned(s));
            K_CDATA
        }
        Payload::Doctype {
            name,
            sysid,
            pubid,
            head,
            subset,
            decls,
            tail,
        } => {
            items.push(vm.new_str_owned(name));
            items.push(opt_str(vm, sysid));
            items.push(opt_str(vm, pubid));
            items.push(vm.bool_val(subset));
            items.push(strs(vm, head));
            let ds = decls.into_iter().map(|d| tok_value(vm, d)).collect();
            items.push(vm.new_list(ds));
            items.push(strs(vm, tail));
            K_DOCTYPE
        }
        Payload::Entity {
            name,
            pe,
            value,
            sysid,
            pubid,
            notation,
        } => {
            items.push(vm.new_str_owned(name));
            items.push(vm.bool_val(pe));
            items.push(opt_str(vm, value));
            items.push(opt_str(vm, sysid));
            items.push(opt_str(vm, pubid));
            items.push(opt_str(vm, notation));
            K_ENTITY
        }
        Payload::Element(n, m) => {
            items.push(vm.new_str_owned(n));
            items.push(vm.new_str_owned(m));
            K_ELEMENT
        }
        Payload::Attlist(el, defs) => {
            items.push(vm.new_str_owned(el));
            let ds = defs
                .into_iter()
                .map(|d| {
                    let v = vec![
                        vm.new_str_owned(d.name),
                        vm.new_str_owned(d.ty),
                        opt_str(vm, d.default),
                        vm.bool_val(d.required),
                    ];
                    vm.new_tuple(v)
                })
                .collect();
            items.push(vm.new_list(ds));
            K_ATTLIST
        }
        Payload::Notation(n, s, p) => {
            items.push(vm.new_str_owned(n));
            items.push(opt_str(vm, s));
            items.push(opt_str(vm, p));
            K_NOTATION
        }
        Payload::PeRef(n) => {
            items.push(vm.new_str_owned(n));
            K_PEREF
        }
        Payload::Error(code) => {
            items.push(vm.new_int(code as i64));
            K_ERROR
        }
    };
    items[0] = vm.new_int(kind);
    vm.new_tuple(items)
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_small_int() {
        Ok(v.as_small_int())
    } else {
        Err(vm.type_error("an integer is required"))
    }
}

fn str_arg(vm: &mut Vm, v: Value) -> PyResult<&'static str> {
    if as_str(v).is_none() {
        return Err(vm.type_error("a str is required"));
    }
    Ok(str_of(v))
}

/// `_scan(text, final, state, depth, line, column)` -> (tokens, consumed characters, consumed
/// bytes (UTF-8), state, depth, line, column).
fn scan_fn(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_scan", a, k, 0, 6, 6)?;
    let s = str_arg(vm, a[0])?;
    let final_ = a[1] == vm.true_;
    let state = int_arg(vm, a[2])?;
    let depth = int_arg(vm, a[3])?;
    let line = int_arg(vm, a[4])?;
    let col = int_arg(vm, a[5])?;
    let out = scan(
        s,
        final_,
        state,
        depth,
        Pos {
            line,
            col,
            byte: 0,
            ch: 0,
        },
    );
    let toks = out.toks.into_iter().map(|t| tok_value(vm, t)).collect();
    let items = vec![
        vm.new_list(toks),
        vm.new_int(out.end.ch as i64),
        vm.new_int(out.end.byte as i64),
        vm.new_int(out.state),
        vm.new_int(out.depth),
        vm.new_int(out.end.line),
        vm.new_int(out.end.col),
    ];
    Ok(vm.new_tuple(items))
}

/// `_attr_value(raw)`: an attribute value's text normalized (a str, or a list of str pieces and
/// 1-tuples naming entity references); an int error code for a malformed value.
fn attr_value_fn(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_attr_value", a, k, 0, 1, 1)?;
    let s = str_arg(vm, a[0])?;
    let lx = Lexer {
        s,
        b: s.as_bytes(),
        final_: true,
    };
    match lx.attr_value(0, 0) {
        Ok((v, _)) => Ok(attr_val(vm, v)),
        Err(Stop::Err(code, _)) => Ok(vm.new_int(code as i64)),
        Err(Stop::More) => Ok(vm.new_int(E_UNCLOSED_TOKEN as i64)),
    }
}

/// `_decode_utf16(data, big_endian)` -> (text, bytes used): the complete code units of `data`
/// (an odd byte or a high surrogate at the end is left for more data); unpaired surrogates
/// decode as U+FFFD (an invalid token for the tokenizer).
fn decode_utf16_fn(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decode_utf16", a, k, 0, 2, 2)?;
    let Some(data) = crate::vm::types::memoryview::buffer_bytes(a[0]) else {
        return Err(vm.type_error("a bytes-like object is required"));
    };
    let big = a[1] == vm.true_;
    let mut units: Vec<u16> = data
        .chunks_exact(2)
        .map(|c| {
            if big {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    if units.last().is_some_and(|&u| (0xD800..0xDC00).contains(&u)) {
        units.pop();
    }
    let used = units.len() * 2;
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    let items = vec![vm.new_str_owned(text), vm.new_int(used as i64)];
    Ok(vm.new_tuple(items))
}
