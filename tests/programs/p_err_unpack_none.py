def parse(s):
    if "=" in s:
        k, v = s.split("=")
        return k, v
key, val = parse("a=1")
print(key, val)
key, val = parse("junk")
