//! `str.format` / `str.format_map`, ported from CPython's Objects/stringlib/unicode_format.h.
//!
//! CPython parses and evaluates fields as it goes, so an error in a later field only shows if the
//! earlier fields evaluated fine; [`format_with`] reproduces that order, calling back into the
//! caller's object model through [`FormatEnv`]. [`parse_template`] gives the parsed pieces for
//! inspection (literal text and raw fields, plus the first syntax error, if any).

use super::error::{ExcKind, RtError};

/// The object-model operations `str.format` needs.
pub trait FormatEnv {
    /// A value (argument, attribute, item, ...).
    type Obj;
    /// The caller's exception type; rtlib's own errors convert into it.
    type Error: From<RtError>;
    /// Whether positional arguments exist at all (false for `format_map`).
    fn has_positional(&self) -> bool {
        true
    }
    /// `args[index]`, or `None` when out of range.
    fn positional(&mut self, index: usize) -> Result<Option<Self::Obj>, Self::Error>;
    /// `kwargs[key]` (KeyError(key) when missing; for `format_map`, `mapping[key]`).
    fn keyword(&mut self, key: &str) -> Result<Self::Obj, Self::Error>;
    /// `getattr(obj, name)`.
    fn getattr(&mut self, obj: &Self::Obj, name: &str) -> Result<Self::Obj, Self::Error>;
    /// `obj[index]` for a numeric `[index]` accessor.
    fn getitem_int(&mut self, obj: &Self::Obj, index: usize) -> Result<Self::Obj, Self::Error>;
    /// `obj[key]` for a non-numeric `[key]` accessor (the key is a str).
    fn getitem_str(&mut self, obj: &Self::Obj, key: &str) -> Result<Self::Obj, Self::Error>;
    /// `!r`, `!s` or `!a`: `repr(obj)`, `str(obj)` or `ascii(obj)` as a str object.
    fn convert(&mut self, obj: &Self::Obj, conversion: char) -> Result<Self::Obj, Self::Error>;
    /// `format(obj, spec)`.
    fn format(&mut self, obj: &Self::Obj, spec: &str) -> Result<String, Self::Error>;
}

/// One raw replacement field, as split by the markup parser (names not yet resolved).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawField {
    /// Everything before '!' or ':' (e.g. `0.attr[key]`, or empty for auto-numbering).
    pub field_name: String,
    /// The conversion character after '!', if any (validated at evaluation).
    pub conversion: Option<char>,
    /// The format spec after ':' (may contain nested `{...}` fields).
    pub format_spec: String,
    /// Whether `format_spec` contains nested fields to expand first.
    pub spec_needs_expanding: bool,
}

/// A piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Field(RawField),
}

/// A first-level accessor in a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accessor {
    /// `.name`
    Attr(String),
    /// `[digits]`
    Index(usize),
    /// `[key]`
    Key(String),
}

/// Split a template into pieces; syntax errors stop the split and are returned alongside the
/// pieces before them (CPython reports them only after evaluating those pieces).
pub fn parse_template(s: &str) -> (Vec<Piece>, Option<RtError>) {
    let cs: Vec<char> = s.chars().collect();
    let mut it = Markup { s: &cs, pos: 0 };
    let mut out = Vec::new();
    loop {
        match it.next() {
            Ok(None) => return (out, None),
            Ok(Some((lit, field))) => {
                if !lit.is_empty() {
                    out.push(Piece::Literal(lit));
                }
                if let Some(f) = field {
                    out.push(Piece::Field(f));
                }
            }
            Err(e) => return (out, Some(e)),
        }
    }
}

struct Markup<'a> {
    s: &'a [char],
    pos: usize,
}

impl<'a> Markup<'a> {
    /// `MarkupIterator_next`: literal text, then an optional field.
    fn next(&mut self) -> Result<Option<(String, Option<RawField>)>, RtError> {
        let s = self.s;
        let end = s.len();
        if self.pos >= end {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while self.pos < end {
            c = s[self.pos];
            self.pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.pos >= end;
        let mut len = self.pos - start;
        if c == '}' && markup_follows && (at_end || s[self.pos] != c) {
            return Err(RtError::value("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup_follows {
            return Err(RtError::value("Single '{' encountered in format string"));
        }
        if !at_end && markup_follows {
            if s[self.pos] == c {
                self.pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        let lit: String = s[start..start + len].iter().collect();
        if !markup_follows {
            return Ok(Some((lit, None)));
        }
        let f = self.parse_field()?;
        Ok(Some((lit, Some(f))))
    }

    /// `parse_field`: name, optional conversion, optional spec, up to the closing '}'.
    fn parse_field(&mut self) -> Result<RawField, RtError> {
        let s = self.s;
        let end = s.len();
        let mut c = '\0';
        let name_start = self.pos;
        while self.pos < end {
            c = s[self.pos];
            self.pos += 1;
            match c {
                '{' => return Err(RtError::value("unexpected '{' in field name")),
                '[' => {
                    while self.pos < end && s[self.pos] != ']' {
                        self.pos += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => break,
                _ => continue,
            }
        }
        let name_end = if self.pos > name_start {
            self.pos - 1
        } else {
            self.pos
        };
        let mut field = RawField {
            field_name: s[name_start..name_end.max(name_start)].iter().collect(),
            conversion: None,
            format_spec: String::new(),
            spec_needs_expanding: false,
        };
        if c == '!' || c == ':' {
            if c == '!' {
                if self.pos >= end {
                    return Err(RtError::value(
                        "end of string while looking for conversion specifier",
                    ));
                }
                field.conversion = Some(s[self.pos]);
                self.pos += 1;
                if self.pos < end {
                    let c2 = s[self.pos];
                    self.pos += 1;
                    if c2 == '}' {
                        return Ok(field);
                    }
                    if c2 != ':' {
                        return Err(RtError::value("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = self.pos;
            let mut count = 1;
            while self.pos < end {
                let c2 = s[self.pos];
                self.pos += 1;
                if c2 == '{' {
                    field.spec_needs_expanding = true;
                    count += 1;
                } else if c2 == '}' {
                    count -= 1;
                    if count == 0 {
                        field.format_spec = s[spec_start..self.pos - 1].iter().collect();
                        return Ok(field);
                    }
                }
            }
            return Err(RtError::value("unmatched '{' in format spec"));
        } else if c != '}' {
            return Err(RtError::value("expected '}' before end of string"));
        }
        Ok(field)
    }
}

/// Field-number bookkeeping shared across a whole `format` call (`AutoNumber`).
#[derive(Default)]
struct AutoNumber {
    /// None = not decided yet; Some(true) = automatic; Some(false) = manual.
    auto: Option<bool>,
    next: usize,
}

/// `get_integer`: Some(n) when `s` is a non-empty run of decimal digits.
fn get_integer(s: &[char]) -> Result<Option<usize>, RtError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(RtError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

/// `str.format`-style evaluation of `template` against `env`.
pub fn format_with<E: FormatEnv>(template: &str, env: &mut E) -> Result<String, E::Error> {
    let mut an = AutoNumber::default();
    build_string(template, env, 2, &mut an)
}

fn build_string<E: FormatEnv>(
    template: &str,
    env: &mut E,
    depth: i32,
    an: &mut AutoNumber,
) -> Result<String, E::Error> {
    if depth <= 0 {
        return Err(RtError::value("Max string recursion exceeded").into());
    }
    let cs: Vec<char> = template.chars().collect();
    let mut it = Markup { s: &cs, pos: 0 };
    let mut out = String::new();
    while let Some((lit, field)) = it.next()? {
        out.push_str(&lit);
        if let Some(f) = field {
            let obj = get_field_object(&f.field_name, env, an)?;
            let obj = match f.conversion {
                None => obj,
                Some(c @ ('r' | 's' | 'a')) => env.convert(&obj, c)?,
                Some(c) => {
                    let shown = if (c as u32) > 32 && (c as u32) < 127 {
                        c.to_string()
                    } else {
                        format!("\\x{:x}", c as u32)
                    };
                    return Err(
                        RtError::value(format!("Unknown conversion specifier {}", shown)).into(),
                    );
                }
            };
            let spec = if f.spec_needs_expanding {
                build_string(&f.format_spec, env, depth - 1, an)?
            } else {
                f.format_spec
            };
            out.push_str(&env.format(&obj, &spec)?);
        }
    }
    Ok(out)
}

fn get_field_object<E: FormatEnv>(
    name: &str,
    env: &mut E,
    an: &mut AutoNumber,
) -> Result<E::Obj, E::Error> {
    let cs: Vec<char> = name.chars().collect();
    let first_end = cs
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(cs.len());
    let first = &cs[..first_end];
    let mut idx = get_integer(first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if an.auto.is_none() {
            an.auto = Some(empty);
        }
        match (an.auto, empty) {
            (Some(false), true) => {
                return Err(RtError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                )
                .into())
            }
            (Some(true), false) => {
                return Err(RtError::value(
                    "cannot switch from automatic field numbering to manual field specification",
                )
                .into())
            }
            _ => {}
        }
        if empty {
            idx = Some(an.next);
            an.next += 1;
        }
    }
    let mut obj = match idx {
        None => env.keyword(&first.iter().collect::<String>())?,
        Some(i) => {
            if !env.has_positional() {
                return Err(RtError::value("Format string contains positional fields").into());
            }
            match env.positional(i)? {
                Some(o) => o,
                None => {
                    return Err(RtError {
                        kind: ExcKind::IndexError,
                        msg: format!(
                            "Replacement index {} out of range for positional args tuple",
                            i
                        ),
                    }
                    .into())
                }
            }
        }
    };
    let mut pos = first_end;
    while pos < cs.len() {
        let c = cs[pos];
        pos += 1;
        let acc = match c {
            '.' => {
                let st = pos;
                while pos < cs.len() && cs[pos] != '.' && cs[pos] != '[' {
                    pos += 1;
                }
                if st == pos {
                    return Err(RtError::value("Empty attribute in format string").into());
                }
                Accessor::Attr(cs[st..pos].iter().collect())
            }
            '[' => {
                let st = pos;
                while pos < cs.len() && cs[pos] != ']' {
                    pos += 1;
                }
                if pos >= cs.len() {
                    return Err(RtError::value("Missing ']' in format string").into());
                }
                let key = &cs[st..pos];
                pos += 1;
                if key.is_empty() {
                    return Err(RtError::value("Empty attribute in format string").into());
                }
                match get_integer(key)? {
                    Some(i) => Accessor::Index(i),
                    None => Accessor::Key(key.iter().collect()),
                }
            }
            _ => {
                return Err(RtError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                )
                .into())
            }
        };
        obj = match acc {
            Accessor::Attr(n) => env.getattr(&obj, &n)?,
            Accessor::Index(i) => env.getitem_int(&obj, i)?,
            Accessor::Key(k) => env.getitem_str(&obj, &k)?,
        };
    }
    Ok(obj)
}
