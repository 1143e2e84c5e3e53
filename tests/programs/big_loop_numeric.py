def mandel(w, h, it):
    out = []
    for y in range(h):
        row = ""
        for x in range(w):
            c = complex_re = -2.0 + 3.0 * x / w
            ci = -1.0 + 2.0 * y / h
            zr = zi = 0.0
            n = 0
            while n < it and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + complex_re, 2 * zr * zi + ci
                n += 1
            row += " .:-=+*#%@"[n % 10]
        out.append(row)
    return out
print("\n".join(mandel(40, 12, 30)))
acc = 0
for i in range(200000):
    acc = (acc * 31 + i) % 1000003
print(acc)
