//! Python `str` method semantics on `&str` (indices count code points, as in Python).

use super::unicode;

/// Python's `repr(s)` for a str: quote choice, backslash escapes, non-printables escaped.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        // A lone surrogate's stand-in is not printable: it shows as `\udXXX`.
        let n = super::surrogate::code_point(c);
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if n < 0x20 || n == 0x7f => out.push_str(&format!("\\x{:02x}", n)),
            _ if n < 0x7f => out.push(c),
            _ if unicode::is_printable(c) => out.push(c),
            _ if n <= 0xff => out.push_str(&format!("\\x{:02x}", n)),
            _ if n <= 0xffff => out.push_str(&format!("\\u{:04x}", n)),
            _ => out.push_str(&format!("\\U{:08x}", n)),
        }
    }
    out.push(quote);
    out
}

use super::error::{check_result_size, RtError, RtResult};

/// CPython's `ADJUST_INDICES`: clamp optional slice bounds to `0..=len` (negatives count from the
/// end). The start is not capped at `len`, so callers can see `start > end`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Byte offset of code point `cp` in `s` (`s.len()` past the end).
fn byte_at(s: &str, ascii: bool, cp: i64) -> usize {
    if ascii {
        return (cp as usize).min(s.len());
    }
    s.char_indices()
        .nth(cp as usize)
        .map_or(s.len(), |(i, _)| i)
}

/// The slice `s[start:end]` (code points, bounds already adjusted with start <= end), with the
/// code-point index of its start.
fn cp_slice(s: &str, st: i64, en: i64) -> &str {
    let ascii = s.is_ascii();
    let a = byte_at(s, ascii, st);
    let b = byte_at(s, ascii, en);
    &s[a..b]
}

fn cp_len(s: &str) -> i64 {
    s.chars().count() as i64
}

/// `s.find(sub, start, end)`: code-point index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (st, en) = adjust_indices(start, end, cp_len(s) as usize);
    if en - st < cp_len(sub) {
        return -1;
    }
    let hay = cp_slice(s, st, en);
    hay.find(sub).map_or(-1, |p| st + cp_len(&hay[..p]))
}

/// `s.rfind(sub, start, end)`: code-point index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (st, en) = adjust_indices(start, end, cp_len(s) as usize);
    if en - st < cp_len(sub) {
        return -1;
    }
    let hay = cp_slice(s, st, en);
    hay.rfind(sub).map_or(-1, |p| st + cp_len(&hay[..p]))
}

/// `s.index(sub, start, end)`: like find, ValueError "substring not found" when absent.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> RtResult<i64> {
    match find(s, sub, start, end) {
        -1 => Err(RtError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> RtResult<i64> {
    match rfind(s, sub, start, end) {
        -1 => Err(RtError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (st, en) = adjust_indices(start, end, cp_len(s) as usize);
    if en - st < cp_len(sub) {
        return 0;
    }
    if sub.is_empty() {
        return en - st + 1;
    }
    cp_slice(s, st, en).matches(sub).count() as i64
}

fn tailmatch(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, suffix: bool) -> bool {
    let (st, en) = adjust_indices(start, end, cp_len(s) as usize);
    if en - cp_len(sub) < st {
        return false;
    }
    let hay = cp_slice(s, st, en);
    if suffix {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, prefix, start, end, false)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

/// `s.split()` / `s.split(None, maxsplit)`: runs of whitespace separate, ends ignored.
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let c = chars(s);
    let n = c.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while left > 0 {
        left -= 1;
        while i < n && unicode::is_space(c[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        while i < n && !unicode::is_space(c[i]) {
            i += 1;
        }
        out.push(c[j..i].iter().collect());
    }
    if i < n {
        while i < n && unicode::is_space(c[i]) {
            i += 1;
        }
        if i != n {
            out.push(c[i..].iter().collect());
        }
    }
    out
}

/// `s.rsplit()` / `s.rsplit(None, maxsplit)`.
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let c = chars(s);
    let mut out = Vec::new();
    let mut i = c.len() as i64 - 1;
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while left > 0 {
        left -= 1;
        while i >= 0 && unicode::is_space(c[i as usize]) {
            i -= 1;
        }
        if i < 0 {
            break;
        }
        let j = i;
        while i >= 0 && !unicode::is_space(c[i as usize]) {
            i -= 1;
        }
        out.push(c[(i + 1) as usize..=j as usize].iter().collect());
    }
    if i >= 0 {
        while i >= 0 && unicode::is_space(c[i as usize]) {
            i -= 1;
        }
        if i >= 0 {
            out.push(c[..=i as usize].iter().collect());
        }
    }
    out.reverse();
    out
}

/// `s.split(sep, maxsplit)` with a str separator (ValueError "empty separator" for '').
pub fn split(s: &str, sep: &str, maxsplit: i64) -> RtResult<Vec<String>> {
    if sep.is_empty() {
        return Err(RtError::value("empty separator"));
    }
    let mut out = Vec::new();
    let mut rest = s;
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while left > 0 {
        match rest.find(sep) {
            Some(p) => {
                out.push(rest[..p].to_string());
                rest = &rest[p + sep.len()..];
                left -= 1;
            }
            None => break,
        }
    }
    out.push(rest.to_string());
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)` with a str separator.
pub fn rsplit(s: &str, sep: &str, maxsplit: i64) -> RtResult<Vec<String>> {
    if sep.is_empty() {
        return Err(RtError::value("empty separator"));
    }
    let mut out = Vec::new();
    let mut rest = s;
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while left > 0 {
        match rest.rfind(sep) {
            Some(p) => {
                out.push(rest[p + sep.len()..].to_string());
                rest = &rest[..p];
                left -= 1;
            }
            None => break,
        }
    }
    out.push(rest.to_string());
    out.reverse();
    Ok(out)
}

/// Whether `c` ends a line for `splitlines` (\n \r \v \f \x1c-\x1e \x85 \u2028 \u2029).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let c = chars(s);
    let n = c.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let j = i;
        while i < n && !is_linebreak(c[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if c[i] == '\r' && i + 1 < n && c[i + 1] == '\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(c[j..eol].iter().collect());
    }
    out
}

fn strip_impl(s: &str, chars_: Option<&str>, left: bool, right: bool) -> String {
    let set: Option<Vec<char>> = chars_.map(|c| c.chars().collect());
    let strip = |c: char| match &set {
        Some(v) => v.contains(&c),
        None => unicode::is_space(c),
    };
    let mut t = s;
    if left {
        t = t.trim_start_matches(strip);
    }
    if right {
        t = t.trim_end_matches(strip);
    }
    t.to_string()
}

/// `s.strip(chars)`; `None` strips whitespace.
pub fn strip(s: &str, chars_: Option<&str>) -> String {
    strip_impl(s, chars_, true, true)
}
/// `s.lstrip(chars)`.
pub fn lstrip(s: &str, chars_: Option<&str>) -> String {
    strip_impl(s, chars_, true, false)
}
/// `s.rstrip(chars)`.
pub fn rstrip(s: &str, chars_: Option<&str>) -> String {
    strip_impl(s, chars_, false, true)
}

/// `s.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> RtResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(RtError::value("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(p) => (
            s[..p].to_string(),
            sep.to_string(),
            s[p + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> RtResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(RtError::value("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(p) => (
            s[..p].to_string(),
            sep.to_string(),
            s[p + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

/// `s.replace(old, new, count)`; a negative count replaces all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> RtResult<String> {
    let mut left = if count < 0 { i64::MAX } else { count };
    // Bound the result before building it.
    let n_old = if old.is_empty() {
        s.chars().count() as i64 + 1
    } else {
        s.matches(old).count() as i64
    };
    let growth = (new.chars().count() as i64 - old.chars().count() as i64).max(0);
    check_result_size(
        (s.chars().count() as i64).saturating_add(growth.saturating_mul(n_old.min(left))),
    )?;
    if old.is_empty() {
        // Insert `new` before every character and at the end, up to `count` times.
        let mut out = String::new();
        for c in s.chars() {
            if left > 0 {
                out.push_str(new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.push_str(new);
        }
        return Ok(out);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while left > 0 {
        match rest.find(old) {
            Some(p) => {
                out.push_str(&rest[..p]);
                out.push_str(new);
                rest = &rest[p + old.len()..];
                left -= 1;
            }
            None => break,
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn pad(s: &str, left: i64, right: i64, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right).max(0) as usize);
    for _ in 0..left.max(0) {
        out.push(fill);
    }
    out.push_str(s);
    for _ in 0..right.max(0) {
        out.push(fill);
    }
    out
}

/// `s.center(width, fill)`.
pub fn center(s: &str, width: i64, fill: char) -> RtResult<String> {
    let len = s.chars().count() as i64;
    if len >= width {
        return Ok(s.to_string());
    }
    check_result_size(width)?;
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    Ok(pad(s, left, marg - left, fill))
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> RtResult<String> {
    check_result_size(width)?;
    let len = s.chars().count() as i64;
    Ok(pad(s, 0, width - len, fill))
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> RtResult<String> {
    check_result_size(width)?;
    let len = s.chars().count() as i64;
    Ok(pad(s, width - len, 0, fill))
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> RtResult<String> {
    let len = s.chars().count() as i64;
    if len >= width {
        return Ok(s.to_string());
    }
    check_result_size(width)?;
    let fill = (width - len) as usize;
    let mut out = String::with_capacity(s.len() + fill);
    let mut it = s.chars();
    let first = s.chars().next();
    if let Some(c @ ('+' | '-')) = first {
        out.push(c);
        it.next();
    }
    out.extend(std::iter::repeat_n('0', fill));
    out.extend(it);
    Ok(out)
}

/// `s.expandtabs(tabsize)` (tabsize is a C int in CPython).
pub fn expandtabs(s: &str, tabsize: i64) -> RtResult<String> {
    if tabsize > i32::MAX as i64 || tabsize < i32::MIN as i64 {
        return Err(RtError::overflow(
            "Python int too large to convert to C int",
        ));
    }
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    let mut total: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                total += incr;
                check_result_size(total)?;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(out)
}

/// Lowercase of `c[i]` in context (CPython's `lower_ucs4`: the final-sigma rule for U+03A3).
fn push_lower_at(out: &mut String, c: &[char], i: usize) {
    if c[i] != '\u{3a3}' {
        unicode::push_lower(out, c[i]);
        return;
    }
    let mut j = i as i64 - 1;
    while j >= 0 && unicode::is_case_ignorable(c[j as usize]) {
        j -= 1;
    }
    let mut final_sigma = j >= 0 && unicode::is_cased(c[j as usize]);
    if final_sigma && i + 1 < c.len() {
        let mut k = i + 1;
        while k < c.len() && unicode::is_case_ignorable(c[k]) {
            k += 1;
        }
        final_sigma = k == c.len() || !unicode::is_cased(c[k]);
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}

/// `s.lower()` (full mappings, final sigma).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let c = chars(s);
    let mut out = String::with_capacity(s.len());
    for i in 0..c.len() {
        push_lower_at(&mut out, &c, i);
    }
    out
}

/// `s.upper()` (full mappings: 'ß'.upper() == 'SS').
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        unicode::push_upper(&mut out, c);
    }
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        unicode::push_fold(&mut out, c);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let c = chars(s);
    let mut out = String::with_capacity(s.len());
    for i in 0..c.len() {
        if unicode::is_upper(c[i]) {
            push_lower_at(&mut out, &c, i);
        } else if unicode::is_lower(c[i]) {
            unicode::push_upper(&mut out, c[i]);
        } else {
            out.push(c[i]);
        }
    }
    out
}

/// `s.title()`.
pub fn title(s: &str) -> String {
    let c = chars(s);
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for i in 0..c.len() {
        if prev_cased {
            push_lower_at(&mut out, &c, i);
        } else {
            unicode::push_title(&mut out, c[i]);
        }
        prev_cased = unicode::is_cased(c[i]);
    }
    out
}

/// `s.capitalize()` (first character titlecased, the rest lowercased).
pub fn capitalize(s: &str) -> String {
    let c = chars(s);
    let mut out = String::with_capacity(s.len());
    for i in 0..c.len() {
        if i == 0 {
            unicode::push_title(&mut out, c[0]);
        } else {
            push_lower_at(&mut out, &c, i);
        }
    }
    out
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, unicode::is_digit)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, unicode::is_decimal)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, unicode::is_numeric)
}
/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, unicode::is_alpha)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, unicode::is_alnum)
}
/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, unicode::is_space)
}
/// `s.isascii()`.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
/// `s.isprintable()` (True for '').
pub fn isprintable(s: &str) -> bool {
    s.chars().all(unicode::is_printable)
}
/// `s.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if unicode::is_id_start(c) => it.all(unicode::is_id_continue),
        _ => false,
    }
}
/// `s.isupper()`.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_lower(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}
/// `s.islower()`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}
/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// Python's `repr(b)` for bytes: `b'...'`, double quotes only when the bytes contain `'` and
/// not `"`.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            _ if !(0x20..0x7f).contains(&c) => out.push_str(&format!("\\x{:02x}", c)),
            _ => out.push(c as char),
        }
    }
    out.push(quote as char);
    out
}
