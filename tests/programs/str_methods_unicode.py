s = "Straße Ünïcödé ǅ"
print(s.upper(), s.lower(), s.casefold(), s.title(), s.swapcase())
print(len(s), s[7], s[-1], s.find("Ü"), s.split(), "ß".upper(), "ǅ".lower())
print("  \t x \n ".strip(), "\u2003x\u2003".strip(), "١٢٣".isdigit(), "١٢٣".isnumeric(), "Ⅻ".isnumeric())
print("ab\u00e9".isalpha(), "δ".isupper(), "Δ".isupper(), "e\u0301" == "é", len("e\u0301"))
print(repr("\x00\x1f\x7f\u200b\u00a0é"), ascii("éü€"), "€".encode())
print("a\tb".expandtabs(), "x".zfill(3), "-1".zfill(4), "abc".center(8, "·"))
