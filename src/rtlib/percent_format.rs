//! printf-style `str % args` formatting, ported from CPython 3.11's `PyUnicode_Format`
//! (Objects/unicodeobject.c), with its error messages; and `bytes % args`
//! (`_PyBytes_FormatEx`, Objects/bytesobject.c) on the same parser, with the bytes format and the
//! result carried as Latin-1 text (one char per byte). The caller supplies the operands through
//! the [`PercentArg`] trait, which performs the object-model conversions (str(), repr(), int(), ...).

use super::error::RtError;
use super::float_repr::{double_to_string, DTSF_ALT};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// One operand of `%`: the conversions CPython applies to it.
pub trait PercentArg {
    /// The caller's exception type; rtlib's own errors convert into it.
    type Error: From<RtError>;
    /// Whether `e` is a TypeError (CPython turns those into its own "wrong type" messages).
    fn is_type_error(e: &Self::Error) -> bool;
    /// The type's name (`type(v).__name__`) for error messages.
    fn type_name(&self) -> String;
    /// `str(v)`.
    fn str(&self) -> Result<String, Self::Error>;
    /// `repr(v)`.
    fn repr(&self) -> Result<String, Self::Error>;
    /// `ascii(v)`; the default escapes the non-ASCII characters of `repr(v)`.
    fn ascii(&self) -> Result<String, Self::Error> {
        Ok(ascii_escape(&self.repr()?))
    }
    /// The value if `v` is an int (including bool and int subclasses: `PyLong_Check`).
    fn as_int(&self) -> Option<BigInt>;
    /// The text if `v` is a str (for `%c`).
    fn as_str(&self) -> Option<String>;
    /// `PyNumber_Check(v)`: v has `__index__`, `__int__` or `__float__`, or is complex.
    fn is_number(&self) -> bool;
    /// `int(v)` for a number (`PyNumber_Long`); a TypeError means "wrong type".
    fn to_int(&self) -> Result<BigInt, Self::Error>;
    /// `operator.index(v)`; a TypeError means "wrong type".
    fn to_index(&self) -> Result<BigInt, Self::Error>;
    /// `PyFloat_AsDouble(v)`, with its errors ("must be real number, not str", OverflowError for
    /// huge ints, ...).
    fn to_f64(&self) -> Result<f64, Self::Error>;
    /// For `bytes % args`: the bytes of a bytes-like operand or of its `__bytes__()`, as Latin-1
    /// text; None when it has neither.
    fn bytes_latin1(&self) -> Result<Option<String>, Self::Error> {
        Ok(None)
    }
}

/// `v[key]` on a mapping operand.
pub type MappingLookup<'b, A, E> = dyn Fn(&str) -> Result<A, E> + 'b;

/// The right operand of `%`.
pub enum PercentArgs<'a, A, E> {
    /// A tuple: its items are the arguments.
    Tuple(&'a [A]),
    /// Any other object, used as the single argument. `lookup` is `Some` when it is a mapping
    /// (`PyMapping_Check` true and not a tuple or str): it performs `v[key]` for `%(key)s`.
    Single(A, Option<&'a MappingLookup<'a, A, E>>),
}

/// Escape non-ASCII characters as `ascii()` does (\xNN, \uNNNN, \UNNNNNNNN).
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

const F_LJUST: u32 = 1;
const F_SIGN: u32 = 2;
const F_BLANK: u32 = 4;
const F_ALT: u32 = 8;
const F_ZERO: u32 = 16;

struct Ctx<'a, A: PercentArg> {
    args: PercentArgs<'a, A, A::Error>,
    /// For the current single argument (a mapping value or the lone operand).
    current: Option<A>,
    arglen: i64,
    argidx: i64,
    is_dict: bool,
    /// `bytes % args`: %s/%b take bytes-like operands, %r is %a, %c takes a byte.
    bytes: bool,
}

impl<'a, A: PercentArg + Clone> Ctx<'a, A> {
    fn next_arg(&mut self) -> Result<A, A::Error> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.current.clone().expect("single argument"));
            }
            if let PercentArgs::Tuple(t) = &self.args {
                return Ok(t[i as usize].clone());
            }
        }
        err(RtError::type_("not enough arguments for format string"))
    }
}

/// `fmt % args` for a str format.
pub fn percent_format<A: PercentArg + Clone>(
    fmt: &str,
    args: PercentArgs<A, A::Error>,
) -> Result<String, A::Error> {
    format_impl(fmt, args, false)
}

/// `fmt % args` for a bytes format given as Latin-1 text (one char per byte); the result is
/// Latin-1 text too.
pub fn percent_format_bytes<A: PercentArg + Clone>(
    fmt: &str,
    args: PercentArgs<A, A::Error>,
) -> Result<String, A::Error> {
    format_impl(fmt, args, true)
}

fn format_impl<A: PercentArg + Clone>(
    fmt: &str,
    args: PercentArgs<A, A::Error>,
    bytes: bool,
) -> Result<String, A::Error> {
    let cs: Vec<char> = fmt.chars().collect();
    let (arglen, argidx, current, is_dict) = match &args {
        PercentArgs::Tuple(t) => (t.len() as i64, 0, None, false),
        PercentArgs::Single(a, lookup) => (-1, -2, Some(a.clone()), lookup.is_some()),
    };
    let mut ctx = Ctx {
        args,
        current,
        arglen,
        argidx,
        is_dict,
        bytes,
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0usize;
    let mut fmtcnt = cs.len() as i64;
    loop {
        fmtcnt -= 1;
        if fmtcnt < 0 {
            break;
        }
        if cs[pos] != '%' {
            out.push(cs[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        format_arg(&cs, &mut pos, &mut fmtcnt, &mut ctx, &mut out)?;
    }
    if ctx.argidx < ctx.arglen && !ctx.is_dict {
        return err(RtError::type_(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn format_arg<A: PercentArg + Clone>(
    cs: &[char],
    pos: &mut usize,
    fmtcnt: &mut i64,
    ctx: &mut Ctx<A>,
    out: &mut String,
) -> Result<(), A::Error> {
    let read = |p: usize| cs.get(p).copied().unwrap_or('\0');
    let mut ch = read(*pos);
    if ch == '%' && *fmtcnt > 0 {
        *pos += 1;
        *fmtcnt -= 1;
        out.push('%');
        return Ok(());
    }
    let mut flags = 0u32;
    let mut width: i64 = -1;
    let mut prec: i64 = -1;

    // %(key)
    if *fmtcnt > 0 && ch == '(' {
        let lookup = match &ctx.args {
            PercentArgs::Single(_, Some(l)) => *l,
            _ => return err(RtError::type_("format requires a mapping")),
        };
        *pos += 1;
        *fmtcnt -= 1;
        let keystart = *pos;
        let mut pcount = 1;
        while pcount > 0 {
            *fmtcnt -= 1;
            if *fmtcnt < 0 {
                break;
            }
            ch = read(*pos);
            if ch == ')' {
                pcount -= 1;
            } else if ch == '(' {
                pcount += 1;
            }
            *pos += 1;
        }
        if *fmtcnt < 0 || pcount > 0 {
            return err(RtError::value("incomplete format key"));
        }
        let key: String = cs[keystart..*pos - 1].iter().collect();
        let v = lookup(&key)?;
        ctx.current = Some(v);
        ctx.arglen = -1;
        ctx.argidx = -2;
    }

    // Flags.
    loop {
        *fmtcnt -= 1;
        if *fmtcnt < 0 {
            break;
        }
        ch = read(*pos);
        *pos += 1;
        match ch {
            '-' => flags |= F_LJUST,
            '+' => flags |= F_SIGN,
            ' ' => flags |= F_BLANK,
            '#' => flags |= F_ALT,
            '0' => flags |= F_ZERO,
            _ => break,
        }
    }
    // Width.
    if ch == '*' {
        let v = ctx.next_arg()?;
        let n = v.as_int().ok_or_else(|| RtError::type_("* wants int"))?;
        width = n
            .to_i64()
            .ok_or_else(|| RtError::overflow("Python int too large to convert to C ssize_t"))?;
        if width < 0 {
            flags |= F_LJUST;
            width = width.checked_neg().unwrap_or(i64::MAX);
        }
        *fmtcnt -= 1;
        if *fmtcnt >= 0 {
            ch = read(*pos);
            *pos += 1;
        }
    } else if ch.is_ascii_digit() {
        width = ch as i64 - '0' as i64;
        loop {
            *fmtcnt -= 1;
            if *fmtcnt < 0 {
                break;
            }
            ch = read(*pos);
            *pos += 1;
            if !ch.is_ascii_digit() {
                break;
            }
            let d = ch as i64 - '0' as i64;
            if width > (i64::MAX - d) / 10 {
                return err(RtError::value("width too big"));
            }
            width = width * 10 + d;
        }
    }
    // Precision.
    if ch == '.' {
        prec = 0;
        *fmtcnt -= 1;
        if *fmtcnt >= 0 {
            ch = read(*pos);
            *pos += 1;
        }
        if ch == '*' {
            let v = ctx.next_arg()?;
            let n = v.as_int().ok_or_else(|| RtError::type_("* wants int"))?;
            prec = n
                .to_i32()
                .ok_or_else(|| RtError::overflow("Python int too large to convert to C int"))?
                as i64;
            if prec < 0 {
                prec = 0;
            }
            *fmtcnt -= 1;
            if *fmtcnt >= 0 {
                ch = read(*pos);
                *pos += 1;
            }
        } else if ch.is_ascii_digit() {
            prec = ch as i64 - '0' as i64;
            loop {
                *fmtcnt -= 1;
                if *fmtcnt < 0 {
                    break;
                }
                ch = read(*pos);
                *pos += 1;
                if !ch.is_ascii_digit() {
                    break;
                }
                let d = ch as i64 - '0' as i64;
                if prec > (i32::MAX as i64 - d) / 10 {
                    return err(RtError::value("precision too big"));
                }
                prec = prec * 10 + d;
            }
        }
    }
    if *fmtcnt >= 0 && matches!(ch, 'h' | 'l' | 'L') {
        *fmtcnt -= 1;
        if *fmtcnt >= 0 {
            ch = read(*pos);
            *pos += 1;
        }
    }
    if *fmtcnt < 0 {
        return err(RtError::value("incomplete format"));
    }

    super::error::check_result_size(prec)?;
    // Convert the argument.
    let v = ctx.next_arg()?;
    let mut sign = false;
    let s = match ch {
        's' | 'b' if ctx.bytes => match v.bytes_latin1()? {
            Some(s) => s,
            None => {
                return err(RtError::type_(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                v.type_name()
            )))
            }
        },
        'r' | 'a' if ctx.bytes => v.ascii()?,
        'c' if ctx.bytes => format_byte(&v)?.to_string(),
        's' => match v.as_str() {
            Some(s) => s,
            None => v.str()?,
        },
        'r' => v.repr()?,
        'a' => v.ascii()?,
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
            sign = true;
            format_long(&v, ch, flags, prec)?
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            sign = true;
            let x = v.to_f64()?;
            let p = if prec < 0 { 6 } else { prec as i32 };
            double_to_string(x, ch, p, if flags & F_ALT != 0 { DTSF_ALT } else { 0 })
        }
        'c' => format_char(&v)?.to_string(),
        _ => {
            let shown = if (31..=126).contains(&(ch as u32)) {
                ch
            } else {
                '?'
            };
            return err(RtError::value(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                shown,
                ch as u32,
                *pos - 1
            )));
        }
    };
    super::error::check_result_size(width)?;
    output(out, &s, ch, flags, width, prec, sign);
    if ctx.is_dict && ctx.argidx < ctx.arglen {
        return err(RtError::type_(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(())
}

/// `%c` of `bytes % args`: an int in range(256) or a single byte (as a Latin-1 char).
fn format_byte<A: PercentArg>(v: &A) -> Result<char, A::Error> {
    let bad = "%c requires an integer in range(256) or a single byte";
    let n = match v.bytes_latin1()? {
        Some(s) => return only_char::<A>(&s, bad),
        None => index_or::<A>(v, bad)?,
    };
    match n.to_u8() {
        Some(x) => Ok(x as char),
        None => err(RtError::overflow("%c arg not in range(256)")),
    }
}

/// The one character of `s`, else a TypeError `bad`.
fn only_char<A: PercentArg>(s: &str, bad: &str) -> Result<char, A::Error> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => err(RtError::type_(bad)),
    }
}

/// `operator.index(v)`, with TypeError `bad` for a non-integer.
fn index_or<A: PercentArg>(v: &A, bad: &str) -> Result<BigInt, A::Error> {
    match v.to_index() {
        Ok(n) => Ok(n),
        Err(e) if A::is_type_error(&e) => err(RtError::type_(bad)),
        Err(e) => Err(e),
    }
}

fn format_char<A: PercentArg>(v: &A) -> Result<char, A::Error> {
    let bad = "%c requires int or char";
    let n = match v.as_str() {
        Some(s) => return only_char::<A>(&s, bad),
        None => index_or::<A>(v, bad)?,
    };
    match n.to_u32().filter(|x| *x <= 0x10ffff) {
        Some(x) => Ok(super::surrogate::char_or_unsupported(x)?),
        None => err(RtError::overflow("%c arg not in range(0x110000)")),
    }
}

/// `mainformatlong` + `_PyUnicode_FormatLong`.
fn format_long<A: PercentArg>(v: &A, ty: char, flags: u32, prec: i64) -> Result<String, A::Error> {
    let wrong = || {
        if matches!(ty, 'o' | 'x' | 'X') {
            RtError::type_(format!(
                "%{} format: an integer is required, not {}",
                ty,
                v.type_name()
            ))
        } else {
            RtError::type_(format!(
                "%{} format: a real number is required, not {}",
                ty,
                v.type_name()
            ))
        }
    };
    if !v.is_number() {
        return err(wrong());
    }
    let n = match v.as_int() {
        Some(n) => n,
        None => {
            let r = if matches!(ty, 'o' | 'x' | 'X') {
                v.to_index()
            } else {
                v.to_int()
            };
            match r {
                Ok(n) => n,
                Err(e) if A::is_type_error(&e) => return err(wrong()),
                Err(e) => return Err(e),
            }
        }
    };
    if prec > i32::MAX as i64 - 3 {
        return err(RtError::overflow("precision too large"));
    }
    let (base, pfx) = match ty {
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    // Word-sized magnitudes (nearly all) skip the big-int radix conversion.
    let digits = match n.magnitude().to_u64() {
        Some(m) if base == 10 => m.to_string(),
        Some(m) if base == 16 => format!("{m:x}"),
        Some(m) => format!("{m:o}"),
        None if base == 10 => match super::numparse::uint_to_decimal(n.magnitude()) {
            Ok(d) => d,
            Err(e) => return err(e),
        },
        None => n.magnitude().to_str_radix(base),
    };
    let mut s = String::new();
    if n.sign() == Sign::Minus {
        s.push('-');
    }
    if flags & F_ALT != 0 {
        s.push_str(pfx);
    }
    for _ in digits.len() as i64..prec {
        s.push('0');
    }
    s.push_str(&digits);
    if ty == 'X' {
        s = s.to_ascii_uppercase();
    }
    Ok(s)
}

/// `unicode_format_arg_output`: sign, zero/space padding, alternate prefix placement.
fn output(out: &mut String, s: &str, ch: char, flags: u32, width: i64, prec: i64, sign: bool) {
    let mut sign = sign;
    let fill = if sign && flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len() as i64;
    if (width == -1 || width <= len)
        && (prec == -1 || prec >= len)
        && flags & (F_SIGN | F_BLANK) == 0
    {
        out.push_str(s);
        return;
    }
    if matches!(ch, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if sign {
        let c = chars.first().copied().unwrap_or('\0');
        if c == '-' || c == '+' {
            signchar = c;
            len -= 1;
            pindex += 1;
        } else if flags & F_SIGN != 0 {
            signchar = '+';
        } else if flags & F_BLANK != 0 {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    let mut width = width.max(len);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags & F_ALT != 0 && matches!(ch, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push(chars[pindex]);
            out.push(chars[pindex + 1]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        for _ in 0..width - len {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push(chars[pindex]);
            out.push(chars[pindex + 1]);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(chars[pindex..pindex + len as usize].iter());
    }
    if width > len {
        for _ in 0..width - len {
            out.push(' ');
        }
    }
}

/// An rtlib error converted into the caller's error type.
fn err<T, E: From<RtError>>(e: RtError) -> Result<T, E> {
    Err(e.into())
}
