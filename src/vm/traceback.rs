//! Printing uncaught exceptions as CPython 3.11 does: the traceback with source lines and the
//! caret/anchor lines under the failing expression, chained exceptions, then `Type: message`.

use crate::syntax::ast::{ExprKind, Mod, StmtKind};
use crate::vm::interp::{str_of, Vm};
use crate::vm::object::*;
use crate::vm::runtime::repr;
use crate::vm::value::Value;

/// Writes a warning as CPython's default `showwarning` does (`file:line: Category: message` and
/// the stripped source line), located at the innermost Python frame. cpjit has no `warnings`
/// machinery of its own (the stdlib `warnings` needs `re`), so this is for the few warnings the
/// runtime itself emits, which no filter can have changed.
pub fn warn_at_caller(vm: &mut Vm, category: &str, msg: &str) {
    let (file, line) =
        crate::vm::types::frameobj::current_location(vm).unwrap_or_else(|| ("sys".to_string(), 1));
    let mut out = format!("{file}:{line}: {category}: {msg}\n");
    if let Some(src) = source_line(vm, &file, line as u32) {
        if !src.trim().is_empty() {
            out.push_str(&format!("  {}\n", src.trim()));
        }
    }
    vm.flush_stdout();
    vm.write_stderr(out.as_bytes());
}

fn source_line(vm: &mut Vm, filename: &str, lineno: u32) -> Option<String> {
    if !vm.sources.contains_key(filename) {
        let text = std::fs::read(filename)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        vm.sources.insert(filename.to_string(), text);
    }
    let text = vm.sources.get(filename)?.as_ref()?;
    let line = text.split('\n').nth(lineno.checked_sub(1)? as usize)?;
    Some(line.trim_end_matches('\r').to_string())
}

fn byte_to_char(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    let mut b2 = b;
    while b2 > 0 && !line.is_char_boundary(b2) {
        b2 -= 1;
    }
    line[..b2].chars().count()
}

/// CPython 3.11's `extract_anchors_from_line`: (left_anchor, right_anchor, primary, secondary)
/// in characters of the segment, for a segment that parses as one binary op or subscript.
fn anchors(segment: &str) -> Option<(usize, usize, char, char)> {
    let m = crate::syntax::parser::parse_module(segment.as_bytes(), "<string>").ok()?;
    let Mod::Module { body, .. } = m else {
        return None;
    };
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &body[0].kind else {
        return None;
    };
    let b = segment.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\x0c');
    let (l, r, p, s) = match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (mut l, mut r, mut p, mut s) = (0usize, 0usize, '^', '^');
            let mut found = false;
            let rc = right.loc.col_offset as usize;
            let mut i = left.loc.end_col_offset as usize;
            while i < rc {
                if ws(b[i]) {
                    i += 1;
                    continue;
                }
                found = true;
                l = i;
                r = i + 1;
                if i + 1 < rc && !ws(b[i + 1]) {
                    r += 1;
                }
                if i + 1 < rc && b[i] == b')' {
                    i += 1;
                    continue;
                }
                p = '~';
                s = '^';
                break;
            }
            if !found {
                return None;
            }
            (l, r, p, s)
        }
        ExprKind::Subscript { value, slice, .. } => {
            let mut l = value.loc.end_col_offset as usize;
            let mut r = slice.loc.end_col_offset as usize + 1;
            let n = b.len();
            while l < n && (ws(b[l]) || b[l] != b'[') {
                l += 1;
            }
            while r < n && (ws(b[r]) || b[r] != b']') {
                r += 1;
            }
            if r < n {
                r += 1;
            }
            (l, r, '~', '^')
        }
        _ => return None,
    };
    Some((byte_to_char(segment, l), byte_to_char(segment, r), p, s))
}

fn format_entry(vm: &mut Vm, code: Value, at: u32, out: &mut String) {
    let cd = as_code(code).unwrap();
    let co = cd.code.clone();
    let pos = co.positions.get(at as usize).unwrap_or_default();
    let lineno = pos.lineno;
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        co.filename, lineno, co.name
    ));
    let Some(line) = source_line(vm, &co.filename, lineno) else {
        return;
    };
    let indent = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
    let stripped = &line[indent..];
    if stripped.trim().is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if pos.lineno == 0 || pos.end_lineno == 0 || (pos.col_offset == 0 && pos.end_col_offset == 0) {
        return;
    }
    let line_chars: usize = line.chars().count();
    let start = byte_to_char(&line, pos.col_offset as usize);
    let mut end = byte_to_char(&line, pos.end_col_offset as usize);
    let mut anchor = None;
    if pos.lineno == pos.end_lineno {
        if start <= end {
            let seg: String = line.chars().skip(start).take(end - start).collect();
            anchor = anchors(&seg).map(|(l, r, p, s)| (l + start, r + start, p, s));
        }
    } else {
        let t = line.trim_end_matches([' ', '\t', '\x0c', '\n', '\r']);
        end = t.chars().count();
    }
    let indent_chars = line[..indent].chars().count();
    let stripped_len = line_chars as i64 - indent_chars as i64;
    if (end as i64 - start as i64) == stripped_len && anchor.is_none() {
        return;
    }
    let mut caret = String::from("    ");
    let mut offset = indent_chars as i64;
    let (primary, secondary) = if anchor.is_some() {
        ('~', '^')
    } else {
        ('^', '^')
    };
    while {
        offset += 1;
        offset <= end as i64
    } {
        let c = if offset <= start as i64 {
            ' '
        } else if anchor
            .map(|(l, r, _, _)| (l as i64) < offset && offset <= r as i64)
            .unwrap_or(false)
        {
            secondary
        } else {
            primary
        };
        caret.push(c);
    }
    out.push_str(&caret);
    out.push('\n');
}

/// The exception's type name (module-qualified for classes outside builtins and __main__) and
/// its `str()`.
fn name_and_message(vm: &mut Vm, exc: Value) -> (String, String) {
    let t = type_data(vm.type_of(exc));
    let mut name = t.qualname.clone();
    if t.module != "builtins" && t.module != "__main__" {
        name = format!("{}.{}", t.module, name);
    }
    let msg = match repr::str(vm, exc) {
        Ok(s) => str_of(s).to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    (name, msg)
}

/// `Type: message` (the ": " left out for an empty message), with a name suggestion.
pub fn exception_line(vm: &mut Vm, exc: Value) -> String {
    let (name, msg) = name_and_message(vm, exc);
    let hint = suggestion(vm, exc).map_or(String::new(), |s| format!(". Did you mean: '{s}'?"));
    if msg.is_empty() {
        format!("{name}{hint}\n")
    } else {
        format!("{name}: {msg}{hint}\n")
    }
}

fn format_one(vm: &mut Vm, exc: Value, out: &mut String, seen: &mut Vec<Value>) {
    seen.push(exc);
    let (cause, context, suppress, tb) = match as_instance(exc).and_then(|i| i.exc.as_ref()) {
        Some(e) => (e.cause, e.context, e.suppress_context, e.traceback.clone()),
        None => (Value::NULL, Value::NULL, false, Vec::new()),
    };
    if !cause.is_null() && !seen.contains(&cause) {
        format_one(vm, cause, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if !context.is_null() && !suppress && !seen.contains(&context) {
        format_one(vm, context, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    format_traceback(vm, &tb, out);
    out.push_str(&exception_line(vm, exc));
    print_notes(vm, exc, out);
}

/// What `PyErr_WriteUnraisable` prints after "Exception ignored in: ...": the exception's own
/// traceback and `Type: str(exc)` (the ": " even when the message is empty), with no chained
/// exceptions, notes or suggestions (CPython's `write_unraisable_exc_file`).
pub fn format_unraisable(vm: &mut Vm, exc: Value) -> String {
    let tb = match as_instance(exc).and_then(|i| i.exc.as_ref()) {
        Some(e) => e.traceback.clone(),
        None => Vec::new(),
    };
    let mut out = String::new();
    format_traceback(vm, &tb, &mut out);
    let (name, msg) = name_and_message(vm, exc);
    out.push_str(&format!("{name}: {msg}\n"));
    out
}

/// "Traceback (most recent call last):" and the entries of `tb` (innermost last), if any.
fn format_traceback(vm: &mut Vm, tb: &[(Value, u32)], out: &mut String) {
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut entries: Vec<(Value, u32)> = tb.iter().rev().copied().collect();
        // sys.tracebacklimit (1000): only the innermost entries are shown.
        if entries.len() > 1000 {
            entries.drain(..entries.len() - 1000);
        }
        let mut last: Option<(String, u32, String)> = None;
        let mut cnt = 0usize;
        let repeated = |out: &mut String, cnt: usize| {
            if cnt > 3 {
                let n = cnt - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n > 1 { "s" } else { "" }
                ));
            }
        };
        for (c, at) in entries {
            let cd = as_code(c).unwrap();
            let line = cd
                .code
                .positions
                .get(at as usize)
                .map(|p| p.lineno)
                .unwrap_or(0);
            let key = (cd.code.filename.clone(), line, cd.code.name.clone());
            if last.as_ref() != Some(&key) {
                repeated(out, cnt);
                last = Some(key);
                cnt = 0;
            }
            cnt += 1;
            if cnt <= 3 {
                format_entry(vm, c, at, out);
            }
        }
        repeated(out, cnt);
    }
}

/// The exception's `__notes__` after its line, as CPython 3.11 prints them: each item of a
/// sequence on its own line (a str as is, anything else through str()), anything else as its
/// repr with no line end. Errors reading them are ignored.
fn print_notes(vm: &mut Vm, exc: Value, out: &mut String) {
    let k = vm.intern("__notes__");
    let notes = match crate::vm::runtime::attr::getattr_opt(vm, exc, k) {
        Ok(Some(n)) => n,
        _ => return,
    };
    let base = crate::vm::types::subclass::base_value(notes).unwrap_or(notes);
    let t = vm.type_of(notes);
    let sequence = matches!(layout_of(base), Layout::List | Layout::Tuple | Layout::Str)
        || (layout_of(base) != Layout::Dict
            && crate::vm::runtime::attr::lookup_type_str(vm, t, "__getitem__").is_some());
    if !sequence {
        match repr::repr(vm, notes) {
            Ok(r) => out.push_str(str_of(r)),
            Err(_) => out.push_str("<__notes__ repr() failed>"),
        }
        return;
    }
    let items = match crate::vm::runtime::iter::collect(vm, notes) {
        Ok(items) => items,
        Err(_) => return,
    };
    // A note's `__str__` may run Python code: the notes stay rooted.
    crate::vm::runtime::iter::with_roots(vm, &items, |vm| {
        for &note in &items {
            match repr::str(vm, note) {
                Ok(s) => out.push_str(str_of(s)),
                Err(_) => out.push_str("<note str() failed>"),
            }
            out.push('\n');
        }
    });
}

/// The full text CPython prints for an uncaught exception.
pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_one(vm, exc, &mut out, &mut seen);
    out
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` (Python/suggestions.c).
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn calculate_suggestion(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= 750 {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_dist = usize::MAX;
    for item in dir {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        max_distance = max_distance.min(best_dist.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(item);
            best_dist = d;
        }
    }
    best.cloned()
}

fn keys_as_strings(d: Value) -> Vec<String> {
    crate::vm::runtime::dict::keys_of(d)
        .into_iter()
        .filter_map(|k| as_str(k).map(|s| s.s.to_string()))
        .collect()
}

/// "Did you mean" for AttributeError (via dir(obj)) and NameError (locals, globals, builtins).
fn suggestion(vm: &mut Vm, exc: Value) -> Option<String> {
    let nk = vm.intern("name");
    let name = crate::vm::runtime::attr::own_attr(vm, exc, nk)?;
    let name_s = as_str(name)?.s.to_string();
    if vm.isinstance(exc, vm.t.exc("AttributeError")) {
        let ok = vm.intern("obj");
        let obj = crate::vm::runtime::attr::own_attr(vm, exc, ok)?;
        let dl = crate::vm::builtins::funcs::dir(vm, &[obj], &[]).ok()?;
        let names: Vec<String> = as_list(dl)?
            .iter()
            .filter_map(|v| as_str(*v).map(|s| s.s.to_string()))
            .collect();
        return calculate_suggestion(&names, &name_s);
    }
    if vm.isinstance(exc, vm.t.exc("NameError")) {
        let x = as_instance(exc)?.exc.as_ref()?;
        let (globals, last) = (x.extra, x.traceback.first().copied());
        if let Some((code, _)) = last {
            let cd = as_code(code)?;
            let kinds = cd.code.localspluskinds.clone();
            let varnames: Vec<String> = cd
                .code
                .localsplusnames
                .iter()
                .zip(kinds)
                .filter(|(_, k)| k & crate::bytecode::code::slot_kind::LOCAL != 0)
                .map(|(n, _)| n.clone())
                .collect();
            if let Some(s) = calculate_suggestion(&varnames, &name_s) {
                return Some(s);
            }
        }
        if !globals.is_null() {
            if let Some(s) = calculate_suggestion(&keys_as_strings(globals), &name_s) {
                return Some(s);
            }
        }
        let b = vm.builtins;
        return calculate_suggestion(&keys_as_strings(b), &name_s);
    }
    None
}
