# difflib (SequenceMatcher, unified/context/ndiff diffs, close matches) and textwrap.
import difflib, textwrap

a = "the quick brown fox jumps over the lazy dog".split()
b = "the quick red fox jumped over the very lazy dog".split()
sm = difflib.SequenceMatcher(None, a, b)
print(round(sm.ratio(), 6), sm.quick_ratio(), sm.real_quick_ratio())
print(sm.get_matching_blocks())
for op in sm.get_opcodes():
    print(op)
print(list(sm.get_grouped_opcodes(1)))
s1 = ["one\n", "two\n", "three\n", "four\n", "five\n"]
s2 = ["zero\n", "one\n", "three\n", "four\n", "FIVE\n", "six\n"]
print("".join(difflib.unified_diff(s1, s2, fromfile="a.txt", tofile="b.txt", lineterm="\n")))
print("".join(difflib.context_diff(s1, s2, fromfile="a", tofile="b")))
print("".join(difflib.ndiff(["abcdefg\n", "same\n"], ["abXdefh\n", "same\n"])))
print(list(difflib.restore(difflib.ndiff(s1, s2), 2)))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "wheels"], n=2, cutoff=0.5))
print(difflib.SequenceMatcher(lambda c: c == " ", "private Thread", "private volatile Thread").ratio())
d = difflib.Differ()
print(list(d.compare(["a b c\n"], ["a c d\n"])))

text = ("The Zen of Python, by Tim Peters. Beautiful is better than ugly. Explicit is better "
        "than implicit. Simple is better than complex.")
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, 50), "|", textwrap.shorten("Hello  world!", width=11))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")), repr(textwrap.indent("x\n\ny\n", "> ")))
print(repr(textwrap.indent("x\n\ny\n", "+", lambda line: True)))
w = textwrap.TextWrapper(width=12, break_long_words=True, max_lines=3, placeholder=" ...")
print(w.wrap("supercalifragilistic words here and there and everywhere"))
print(textwrap.wrap("a-very-long-hyphenated-word here", 10), textwrap.wrap("tabs\there", 8, expand_tabs=True))
print(textwrap.wrap("no  break_on_hyphens-x", 6, break_on_hyphens=False, drop_whitespace=False))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError", e)
