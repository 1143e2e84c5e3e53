# A charmap codec's encoding error covers the whole run of unencodable characters, as CPython's
# charmap_encoding_error finds it (cpjit reported one character at a time).
import codecs
for enc in ["cp1252", "cp437", "mac_roman", "koi8_r", "iso8859_15", "cp037"]:
    for errors in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace", "namereplace"]:
        for s in ["a\u65e5\u672c\u8a9eb\u20ac\u4e00", "\u0416\u0436z", "plain"]:
            try:
                print(enc, errors, s.encode(enc, errors))
            except UnicodeEncodeError as e:
                print(enc, errors, "ERR", e, e.start, e.end)
codecs.register_error("custom", lambda e: ("<%d-%d>" % (e.start, e.end), e.end))
print("x\u4e00\u4e01y\u4e02".encode("cp1252", "custom"))
codecs.register_error("bytesrep", lambda e: (b"\x00" * (e.end - e.start), e.end))
print("x\u4e00\u4e01y".encode("cp437", "bytesrep"))
codecs.register_error("bad", lambda e: ("\u4e00", e.end))
try:
    "x\u4e00".encode("cp1252", "bad")
except UnicodeEncodeError as e:
    print("bad", e, e.start, e.end)
codecs.register_error("back", lambda e: ("?", e.start - 1 if e.start else e.end))
print("ab\u4e00c".encode("cp1252", "replace"), codecs.charmap_encode("ab\u4e00\u4e01", "replace", codecs.charmap_build("ab?" + "\ufffe" * 253)))
print(codecs.charmap_encode("abc", "strict", {97: 65, 98: b"BB", 99: None} ) if False else "")
try:
    codecs.charmap_encode("abcd", "strict", {97: 65, 98: b"BB"})
except UnicodeEncodeError as e:
    print(e, e.start, e.end)
print(codecs.charmap_encode("ab", "strict", {97: 65, 98: b"BB"}))
