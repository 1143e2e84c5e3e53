//! cpjit's bytecode against CPython 3.11's for tests/golden/dis/*.py (recorded by
//! tools/record_dis.py; the comparison rules are in tests/golden/dis/README.md).

use std::path::Path;

use cpjit::bytecode::code::{CodeObject, ConstValue};
use cpjit::bytecode::dis::{compile_source, instructions, repr_const};

const IGNORED: &[&str] = &["RESUME", "PRECALL", "CACHE", "NOP", "EXTENDED_ARG"];

/// The normalized listing of one code object, exactly as tools/record_dis.py prints it.
fn normalize(co: &CodeObject) -> Vec<String> {
    // (offset, name, arg, jump target)
    let mut items: Vec<(u32, String, Option<String>, Option<u32>)> = Vec::new();
    for ins in instructions(co) {
        if IGNORED.contains(&ins.opname) {
            continue;
        }
        let mut arg = None;
        if ins.jump_target.is_none() {
            if let Some(a) = ins.arg {
                let is_code = ins.opname == "LOAD_CONST"
                    && matches!(co.consts.get(a as usize), Some(ConstValue::Code(_)));
                arg = Some(if is_code {
                    let ConstValue::Code(c) = &co.consts[a as usize] else { unreachable!() };
                    format!("<code object {}>", c.name)
                } else if !ins.argrepr.is_empty() {
                    ins.argrepr.clone()
                } else {
                    a.to_string()
                });
            }
        }
        items.push((ins.offset, ins.opname.to_string(), arg, ins.jump_target));
    }
    let offsets: Vec<u32> = items.iter().map(|i| i.0).collect();
    let label = |t: u32| offsets.iter().position(|&o| o >= t).unwrap_or(offsets.len());
    let mut entries: Vec<(usize, usize, usize, u32, bool)> = Vec::new();
    for e in &co.exception_table {
        let (start, end) = (label(e.start), label(e.end));
        if start == end {
            continue;
        }
        let item = (start, end, label(e.target), e.depth, e.lasti);
        match entries.last_mut() {
            Some(last) if last.1 == start && (last.2, last.3, last.4) == (item.2, item.3, item.4) => {
                last.1 = end
            }
            _ => entries.push(item),
        }
    }
    let exc = entries.into_iter().map(|(s, e, t, d, l)| {
        format!("exc L{s}-L{e} -> L{t} [{d}]{}", if l { " lasti" } else { "" })
    });
    items
        .into_iter()
        .map(|(_, name, arg, target)| {
            let arg = match target {
                Some(t) => {
                    let label = offsets.iter().position(|&o| o >= t).unwrap_or(offsets.len());
                    Some(format!("to L{label}"))
                }
                None => arg,
            };
            match arg {
                Some(a) => format!("{name} {a}"),
                None => name,
            }
        })
        .chain(exc)
        .collect()
}

fn walk(co: &CodeObject, out: &mut Vec<(String, Vec<String>)>) {
    out.push((co.qualname.clone(), normalize(co)));
    for c in &co.consts {
        if let ConstValue::Code(inner) = c {
            walk(inner, out);
        }
    }
}

fn parse_expected(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(q) = line.strip_prefix("== ") {
            out.push((q.to_string(), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line.to_string());
        }
    }
    out
}

#[test]
fn dis_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/dis");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let (mut total, mut failures) = (0, Vec::new());
    for py in files {
        let src = std::fs::read(&py).unwrap();
        let name = py.file_name().unwrap().to_str().unwrap().to_string();
        let co = compile_source(&src, &name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let mut got = Vec::new();
        walk(&co, &mut got);
        let expected = parse_expected(&std::fs::read_to_string(py.with_extension("dis")).unwrap());
        assert_eq!(
            got.iter().map(|g| &g.0).collect::<Vec<_>>(),
            expected.iter().map(|e| &e.0).collect::<Vec<_>>(),
            "{name}: code objects differ"
        );
        for ((q, g), (_, e)) in got.iter().zip(&expected) {
            total += 1;
            if g != e {
                let mut d = format!("--- {name}: {q}\n");
                for i in 0..g.len().max(e.len()) {
                    let gl = g.get(i).map(String::as_str).unwrap_or("");
                    let el = e.get(i).map(String::as_str).unwrap_or("");
                    let mark = if gl == el { "  " } else { "!!" };
                    d.push_str(&format!("{mark} {el:<40} | {gl}\n"));
                }
                failures.push(d);
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!("{} of {total} code objects match CPython 3.11", total - failures.len());
    assert!(failures.is_empty(), "{} code objects differ (expected | cpjit)", failures.len());
    let _ = repr_const;
}
