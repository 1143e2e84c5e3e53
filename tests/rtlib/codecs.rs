use crate::common::*;
use cpjit::rtlib::codecs::{decode, encode, CodecError};

fn err(e: CodecError) -> String {
    py_ascii(&format!("{} {}", e.exc_name(), e.message()))
}

const PY: &str = r#"
import sys
for line in sys.stdin.read().split('\n'):
    op, enc, h, data = line.split(' ')
    try:
        if op == 'd':
            print(ascii(bytes.fromhex(data).decode(enc, h)))
        else:
            s = ''.join(chr(int(c, 16)) for c in data.split(',') if c)
            print(ascii(s.encode(enc, h)))
    except Exception as e:
        print(ascii(type(e).__name__ + ' ' + str(e)))
"#;

fn bytes_repr(b: &[u8]) -> String {
    cpjit::rtlib::strmethods::repr_bytes(b)
}

#[test]
fn codecs_match_python() {
    let mut rng = Rng::new(22);
    let encs = [
        "utf-8",
        "UTF8",
        "ascii",
        "latin-1",
        "Latin_1",
        "iso-8859-1",
        "us-ascii",
        "bogus",
    ];
    let handlers = [
        "strict",
        "strict",
        "ignore",
        "replace",
        "backslashreplace",
        "xmlcharrefreplace",
        "nope",
    ];
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for i in 0..8000 {
        let enc = *rng.pick(&encs);
        let h = *rng.pick(&handlers);
        if i % 2 == 0 {
            let b: Vec<u8> = (0..rng.below(12))
                .map(|_| match rng.below(4) {
                    0 => rng.next() as u8,
                    1 => *rng.pick(&[
                        0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xe0,
                        0xf4, 0x90, 0xc0, 0xff,
                    ]),
                    _ => b'a' + (rng.below(26) as u8),
                })
                .collect();
            if h == "xmlcharrefreplace" {
                continue; // a decode-side TypeError in CPython, not a codec matter
            }
            got.push(match decode(&b, enc, h) {
                Ok(s) => py_ascii(&s),
                Err(e) => err(e),
            });
            inputs.push(format!(
                "d {} {} {}",
                enc,
                h,
                b.iter().map(|x| format!("{:02x}", x)).collect::<String>()
            ));
        } else {
            let s: String = (0..rng.below(8))
                .map(|_| match rng.below(4) {
                    0 => char::from_u32(rng.range(0x80, 0x2ff) as u32).unwrap(),
                    1 => *rng.pick(&['😀', '日', 'é', '\u{ff}', '\u{100}']),
                    _ => (b'a' + rng.below(26) as u8) as char,
                })
                .collect();
            got.push(match encode(&s, enc, h) {
                Ok(b) => bytes_repr(&b),
                Err(e) => err(e),
            });
            inputs.push(format!(
                "e {} {} {}",
                enc,
                h,
                s.chars()
                    .map(|c| format!("{:x},", c as u32))
                    .collect::<String>()
            ));
        }
    }
    let want = py(PY, &inputs.join("\n"));
    check("codecs", &inputs, &got, &want);
}
