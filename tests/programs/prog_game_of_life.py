def step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = (x + dx, y + dy)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
cells = glider
for _ in range(8):
    cells = step(cells)
print(sorted(cells))
def show(cells, w=6, h=6):
    for y in range(h):
        print("".join("#" if (x, y) in cells else "." for x in range(w)))
show(cells)
