s = "Mississippi"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print([c for c in "hello" if c in "aeiou"], "".join(reversed("stressed")))
print(s.count("ss"), s.find("ss", 3), s.rfind("ss"), s.replace("ss", "SS"))
vowels = sum(1 for c in s.lower() if c in "aeiou")
print(vowels, list(enumerate("abc")), [ord(c) - ord("a") for c in "xyz"])
words = "one two three two one".split()
print(sorted(set(words)), words.count("two"), words.index("three"))
print("".join(chr(ord(c) + 1) for c in "HAL"), "abc" < "abd" < "b", max("apple", "banana"))
text = "line one\nline two\n\nline four"
for i, line in enumerate(text.splitlines(), 1):
    print(i, repr(line), len(line.split()))
print("unicode: ", "ü".encode(), "日本".encode("utf-8"), len("🐍"), "🐍" * 3)
