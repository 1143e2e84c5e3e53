# Superinstructions (LOAD_FAST__LOAD_FAST, LOAD_CONST__LOAD_FAST, STORE_FAST__LOAD_FAST, ...): an
# error in the fused pair's second instruction is reported at that instruction's line and caught by
# its handler.
def pair(flag):
    if flag:
        a = 1
    b = 2
    return b + a

def const_then_local(flag):
    if flag:
        x = 1
    return (3,
            x)

def store_then_load(flag):
    if flag:
        z = 1
    y = 5
    try:
        return y + z
    except UnboundLocalError as e:
        return "caught: " + str(e)

def swap(p, q):
    p, q = q, p
    return p, q

for f in (pair, const_then_local, store_then_load):
    print(f(True))
    try:
        print(f(False))
    except UnboundLocalError as e:
        print(type(e).__name__, e)
print(swap(1, 2), [swap(i, -i) for i in range(3)])
def loop(n):
    t = 0
    for i in range(n):
        j = i
        t = t + j * 2
    return t
print(loop(1000))
pair(False)
