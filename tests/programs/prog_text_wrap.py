def wrap(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines
t = "The quick brown fox jumps over the lazy dog and keeps running far away into the hills"
for width in (10, 20, 40):
    print(f"--- {width}")
    for line in wrap(t, width):
        print(f"|{line:<{width}}|")
