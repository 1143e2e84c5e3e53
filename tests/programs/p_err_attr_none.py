def find(k):
    return None
r = find("x")
r.value
