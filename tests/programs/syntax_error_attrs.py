# SyntaxError's attributes for sources compiled at run time (compile, exec, eval): `text` is the
# line with its newline for the parser's errors, without it for the tokenizer's own (bad
# literals and characters), and None for the compiler's and symbol table's errors in a
# pseudo-file such as "<string>" (CPython reads those lines from the named file); 'single'
# mode's several statements are reported at the end of the first; end_offset is -1 where pegen
# raises without an end (indentation errors, end of input after a continuation); columns of a
# `\r\n` line count its newline as one character.
cases = [
    ("f(1, c=2, c=3)", "exec"),
    ("def f():\n  nonlocal x", "exec"),
    ("return 5", "exec"),
    ("x = 1 +", "exec"),
    ("del f()", "exec"),
    ("break", "exec"),
    ("def f(a, a): pass", "exec"),
    ("x=1\ny=2", "single"),
    ("x = (1 +\n", "exec"),
    ("'abc\n", "exec"),
    ("'abc", "exec"),
    ("x = (1 +", "exec"),
    ("x = $", "exec"),
    ("x = 1 +\ny = 2", "exec"),
    ("'''abc", "exec"),
    ("f(**x, *y)", "exec"),
    ("1 = 2", "exec"),
    ("x = 1 \u00a4\n", "exec"),
    ("1abc\n", "exec"),
    ("x = 0777\n", "exec"),
    ("(\n", "exec"),
    ("f'{'\n", "exec"),
    ("a\n  b\n", "exec"),
    ("if x:\n    a\n  b\n", "exec"),
    ("x = 1\n\\\n", "exec"),
    ("if x:\npass\n", "exec"),
    ("for x in y:\n", "exec"),
    ("class A:\n", "exec"),
    ("try:\n    x\nexcept:\n", "exec"),
    ("if 1:\n\tx\n        y\n", "exec"),
    ("x = (\n", "exec"),
    ("x = 1 +\r\n", "exec"),
    ("y = 2\r\nx = $\r\n", "exec"),
]
for src, mode in cases:
    try:
        compile(src, "<string>", mode)
    except SyntaxError as e:
        print(repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text),
              e.end_lineno, e.end_offset)
try:
    exec("def g():\n    yield = 3")
except SyntaxError as e:
    print(repr(e.text))
try:
    eval("f(a=1, a=2)")
except SyntaxError as e:
    print(e.msg, repr(e.text), e.filename)
