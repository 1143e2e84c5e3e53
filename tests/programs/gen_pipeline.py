def read(n):
    for i in range(n):
        yield f"rec{i},{i * 3 % 7},{'x' if i % 4 == 0 else 'y'}"
def parse(lines):
    for l in lines:
        name, v, tag = l.split(",")
        yield name, int(v), tag
def keep(recs, tag):
    return (r for r in recs if r[2] == tag)
total = 0
for name, v, tag in keep(parse(read(40)), "x"):
    total += v
    print(name, v)
print("total", total)
