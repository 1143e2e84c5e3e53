use crate::common::*;
use cpjit::rtlib::strmethods as sm;
use cpjit::rtlib::RtResult;

const ALPHABET: &[char] = &[
    'a',
    'b',
    'c',
    'A',
    'B',
    'Z',
    'x',
    ' ',
    ' ',
    '\t',
    '\n',
    '\r',
    '\x0b',
    '\x1c',
    '\x1f',
    '\u{85}',
    '\u{a0}',
    '\u{2028}',
    '\u{3000}',
    'ß',
    'Σ',
    'σ',
    'ς',
    'İ',
    'ı',
    'ǅ',
    'ǆ',
    'Ǆ',
    'ﬁ',
    'ŉ',
    '²',
    '٣',
    '½',
    '\u{301}',
    '\'',
    '.',
    '-',
    '+',
    '0',
    '7',
    '_',
    'é',
    'É',
    'Ω',
    'ω',
    'ᾳ',
    'ᾼ',
    '😀',
    '\u{10400}',
    '\u{10428}',
    '\u{ad}',
    '\u{200b}',
    '\0',
    '\x7f',
    'ǈ',
    'ﬀ',
    'Ⅷ',
    'ⅷ',
    'ǰ',
    '\u{345}',
    'ʰ',
    'ͅ',
];

fn rand_str(rng: &mut Rng, max: u64) -> String {
    (0..rng.below(max)).map(|_| *rng.pick(ALPHABET)).collect()
}

/// A Python literal for `s` made only of escapes (ASCII-safe).
fn lit(s: &str) -> String {
    format!(
        "'{}'",
        s.chars()
            .map(|c| format!("\\U{:08x}", c as u32))
            .collect::<String>()
    )
}

fn opt(v: Option<i64>) -> String {
    v.map_or("None".into(), |n| n.to_string())
}

fn list(v: &[String]) -> String {
    format!(
        "[{}]",
        v.iter().map(|s| py_ascii(s)).collect::<Vec<_>>().join(", ")
    )
}

fn show_list(r: RtResult<Vec<String>>) -> String {
    match r {
        Ok(v) => list(&v),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn show_tuple(r: RtResult<(String, String, String)>) -> String {
    match r {
        Ok((a, b, c)) => format!("({}, {}, {})", py_ascii(&a), py_ascii(&b), py_ascii(&c)),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn show_int(r: RtResult<i64>) -> String {
    match r {
        Ok(v) => v.to_string(),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn show_str(r: RtResult<String>) -> String {
    match r {
        Ok(s) => py_ascii(&s),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn b(x: bool) -> String {
    if x { "True" } else { "False" }.into()
}

const PY: &str = r#"
import sys
for line in sys.stdin.read().split('\n'):
    s, op, args = line.split('\t')
    s = eval(s); args = eval(args)
    try:
        r = getattr(s, op)(*args)
        print(ascii(r))
    except Exception as e:
        print(type(e).__name__, e)
"#;

#[test]
fn str_methods_match_python() {
    let mut rng = Rng::new(12);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    let ops = [
        "split",
        "rsplit",
        "splitlines",
        "strip",
        "lstrip",
        "rstrip",
        "partition",
        "rpartition",
        "find",
        "rfind",
        "index",
        "rindex",
        "count",
        "replace",
        "center",
        "ljust",
        "rjust",
        "zfill",
        "expandtabs",
        "title",
        "capitalize",
        "swapcase",
        "upper",
        "lower",
        "casefold",
        "isdigit",
        "isdecimal",
        "isnumeric",
        "isalpha",
        "isalnum",
        "isspace",
        "isidentifier",
        "isprintable",
        "isupper",
        "islower",
        "istitle",
        "isascii",
        "startswith",
        "endswith",
        "__repr__",
    ];
    for i in 0..20000 {
        let op = ops[i % ops.len()];
        let s = rand_str(&mut rng, 14);
        // Substrings often taken from s itself so matches happen.
        let sub = if rng.below(2) == 0 && !s.is_empty() {
            let c: Vec<char> = s.chars().collect();
            let a = rng.below(c.len() as u64) as usize;
            let e = (a + rng.below(4) as usize).min(c.len());
            c[a..e].iter().collect()
        } else {
            rand_str(&mut rng, 3)
        };
        let idx = |rng: &mut Rng| -> Option<i64> {
            if rng.below(3) == 0 {
                None
            } else {
                Some(rng.range(-20, 20))
            }
        };
        let (st, en) = (idx(&mut rng), idx(&mut rng));
        let maxsplit = rng.range(-1, 4);
        let width = rng.range(-2, 25);
        let fill = *rng.pick(&[' ', '*', 'ß', '😀']);
        let (r, args) = match op {
            "split" | "rsplit" => {
                if rng.below(2) == 0 {
                    let r = if op == "split" {
                        sm::split_whitespace(&s, maxsplit)
                    } else {
                        sm::rsplit_whitespace(&s, maxsplit)
                    };
                    (list(&r), format!("[None, {}]", maxsplit))
                } else {
                    let r = if op == "split" {
                        sm::split(&s, &sub, maxsplit)
                    } else {
                        sm::rsplit(&s, &sub, maxsplit)
                    };
                    (show_list(r), format!("[{}, {}]", lit(&sub), maxsplit))
                }
            }
            "splitlines" => {
                let k = rng.below(2) == 0;
                (list(&sm::splitlines(&s, k)), format!("[{}]", b(k)))
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars = if rng.below(2) == 0 {
                    None
                } else {
                    Some(sub.clone())
                };
                let f = match op {
                    "strip" => sm::strip,
                    "lstrip" => sm::lstrip,
                    _ => sm::rstrip,
                };
                (
                    py_ascii(&f(&s, chars.as_deref())),
                    format!("[{}]", chars.map_or("None".into(), |c| lit(&c))),
                )
            }
            "partition" => (
                show_tuple(sm::partition(&s, &sub)),
                format!("[{}]", lit(&sub)),
            ),
            "rpartition" => (
                show_tuple(sm::rpartition(&s, &sub)),
                format!("[{}]", lit(&sub)),
            ),
            "find" | "rfind" | "count" => {
                let f = match op {
                    "find" => sm::find,
                    "rfind" => sm::rfind,
                    _ => sm::count,
                };
                (
                    f(&s, &sub, st, en).to_string(),
                    format!("[{}, {}, {}]", lit(&sub), opt(st), opt(en)),
                )
            }
            "index" | "rindex" => {
                let f = if op == "index" { sm::index } else { sm::rindex };
                (
                    show_int(f(&s, &sub, st, en)),
                    format!("[{}, {}, {}]", lit(&sub), opt(st), opt(en)),
                )
            }
            "startswith" | "endswith" => {
                let f = if op == "startswith" {
                    sm::startswith
                } else {
                    sm::endswith
                };
                (
                    b(f(&s, &sub, st, en)),
                    format!("[{}, {}, {}]", lit(&sub), opt(st), opt(en)),
                )
            }
            "replace" => {
                let new = rand_str(&mut rng, 3);
                let n = rng.range(-1, 3);
                (
                    show_str(sm::replace(&s, &sub, &new, n)),
                    format!("[{}, {}, {}]", lit(&sub), lit(&new), n),
                )
            }
            "center" | "ljust" | "rjust" => {
                let f = match op {
                    "center" => sm::center,
                    "ljust" => sm::ljust,
                    _ => sm::rjust,
                };
                (
                    show_str(f(&s, width, fill)),
                    format!("[{}, {}]", width, lit(&fill.to_string())),
                )
            }
            "zfill" => (show_str(sm::zfill(&s, width)), format!("[{}]", width)),
            "expandtabs" => {
                let t = rng.range(-1, 9);
                (show_str(sm::expandtabs(&s, t)), format!("[{}]", t))
            }
            "__repr__" => (py_ascii(&sm::repr_str(&s)), "[]".into()),
            _ => {
                let r = match op {
                    "title" => py_ascii(&sm::title(&s)),
                    "capitalize" => py_ascii(&sm::capitalize(&s)),
                    "swapcase" => py_ascii(&sm::swapcase(&s)),
                    "upper" => py_ascii(&sm::upper(&s)),
                    "lower" => py_ascii(&sm::lower(&s)),
                    "casefold" => py_ascii(&sm::casefold(&s)),
                    "isdigit" => b(sm::isdigit(&s)),
                    "isdecimal" => b(sm::isdecimal(&s)),
                    "isnumeric" => b(sm::isnumeric(&s)),
                    "isalpha" => b(sm::isalpha(&s)),
                    "isalnum" => b(sm::isalnum(&s)),
                    "isspace" => b(sm::isspace(&s)),
                    "isidentifier" => b(sm::isidentifier(&s)),
                    "isprintable" => b(sm::isprintable(&s)),
                    "isupper" => b(sm::isupper(&s)),
                    "islower" => b(sm::islower(&s)),
                    "istitle" => b(sm::istitle(&s)),
                    "isascii" => b(sm::isascii(&s)),
                    _ => unreachable!(),
                };
                (r, "[]".into())
            }
        };
        got.push(r);
        inputs.push(format!("{}\t{}\t{}", lit(&s), op, args));
    }
    let want = py(PY, &inputs.join("\n"));
    check("str methods", &inputs, &got, &want);
}

#[test]
fn unicode_predicates_exhaustive() {
    // Every code point's predicates and case mappings against python3 (surrogates excluded, and
    // U+F0800..U+F0FFF, which stand for them in cpjit's strs: rtlib::surrogate).
    let cps: Vec<u32> = (0..0x110000u32)
        .filter(|c| !(0xd800..0xe000).contains(c) && !(0xf0800..0xf1000).contains(c))
        .step_by(13)
        .collect();
    let input: String = cps.iter().map(|c| format!("{:x}\n", c)).collect();
    let want = py(
        "import sys\nfor l in sys.stdin.read().split():\n c = chr(int(l, 16))\n print(''.join('1' if f() else '0' for f in (c.isalpha, c.isdecimal, c.isdigit, c.isnumeric, c.isspace, c.isprintable, c.isupper, c.islower, c.isidentifier, c.isalnum)), ascii(c.upper()), ascii(c.lower()), ascii(c.title()), ascii(c.casefold()), ascii(repr(c)))",
        &input,
    );
    let got: Vec<String> = cps
        .iter()
        .map(|&n| {
            let c = char::from_u32(n).unwrap();
            let s = c.to_string();
            let bits: String = [
                sm::isalpha(&s),
                sm::isdecimal(&s),
                sm::isdigit(&s),
                sm::isnumeric(&s),
                sm::isspace(&s),
                sm::isprintable(&s),
                sm::isupper(&s),
                sm::islower(&s),
                sm::isidentifier(&s),
                sm::isalnum(&s),
            ]
            .iter()
            .map(|&x| if x { '1' } else { '0' })
            .collect();
            format!(
                "{} {} {} {} {} {}",
                bits,
                py_ascii(&sm::upper(&s)),
                py_ascii(&sm::lower(&s)),
                py_ascii(&sm::title(&s)),
                py_ascii(&sm::casefold(&s)),
                py_ascii(&sm::repr_str(&s))
            )
        })
        .collect();
    let inputs: Vec<String> = cps.iter().map(|c| format!("U+{:04X}", c)).collect();
    check("unicode predicates", &inputs, &got, &want);
}
