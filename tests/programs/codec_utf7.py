# The utf-7 codec (encodings.utf_7 calls _codecs.utf_7_encode/decode, which cpjit lacked):
# direct and base-64 characters, surrogate pairs, error handlers and incremental decoding.
import codecs
samples = ["hello", "héllo wörld", "日本語", "\u20ac", "a+b", "1 + 1 = 2", "~\\", "A\u2262\u0391.", "Hi Mom -\u263a-!",
           "\U0001f600x", "\U0001f600\U0001f601-", "tab\there\r\n", "\x00\x7f", "-+-", "\ud800x", "\udc00", "\ud800\U0001f600", "é-", "éa", "é/"]
for s in samples:
    b = s.encode("utf-7")
    print(repr(s), b, b.decode("utf-7") == s)
for b in [b"+", b"+-", b"+A", b"+AG", b"+AGE", b"+AGEA", b"+AGE-x", b"+AGEB-", b"+2D3cAA-", b"+2D0-", b"+2D0A-", b"a\x80b", b"+!", b"+ZeVnLIqe", b"+ZeVnLIqe-", b"+ZeV", b"+ZeVn.", b"+AOk", b"+AOkA"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(b, errors, repr(b.decode("utf-7", errors)))
        except UnicodeDecodeError as e:
            print(b, errors, "ERR", e, e.start, e.end)
    try:
        print(codecs.utf_7_decode(b), codecs.utf_7_decode(b, "replace", True))
    except UnicodeDecodeError as e:
        print("ERR", e)
d = codecs.getincrementaldecoder("utf-7")()
print([d.decode(bytes([c])) for c in b"a+AOk-b+ZeVnLIqe-c+AOkA"], repr(d.decode(b"", final=True)) if False else "")
e = codecs.getincrementalencoder("utf-7")()
print([e.encode(c) for c in "aé日b"], e.encode("", final=True))
print(codecs.utf_7_encode("x\u20ac"), codecs.lookup("utf7").name, "x".encode("U7"))
import io
print(io.TextIOWrapper(io.BytesIO("\u263a line\n2nd \u20ac\n".encode("utf-7")), encoding="utf-7").readlines())
