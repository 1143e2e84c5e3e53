def tokenize(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            if num:
                out.append(int(num)); num = ""
            if ch in "+-*/()":
                out.append(ch)
    if num:
        out.append(int(num))
    return out
PREC = {"+": 1, "-": 1, "*": 2, "/": 2}
def to_rpn(toks):
    out, ops = [], []
    for t in toks:
        if isinstance(t, int):
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and PREC[ops[-1]] >= PREC[t]:
                out.append(ops.pop())
            ops.append(t)
    return out + ops[::-1]
def run(rpn):
    st = []
    for t in rpn:
        if isinstance(t, int):
            st.append(t)
        else:
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a // b}[t])
    return st[0]
for e in ["1+2*3", "(1+2)*3", "100/7-2*(3+4)", "2*(3*(4+5))-10"]:
    r = to_rpn(tokenize(e))
    print(e, r, run(r))
