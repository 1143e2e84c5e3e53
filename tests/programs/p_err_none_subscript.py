def lookup(d, k):
    return d.get(k)
cfg = {"a": {"b": 1}}
print(lookup(cfg, "a")["b"])
print(lookup(cfg, "z")["b"])
