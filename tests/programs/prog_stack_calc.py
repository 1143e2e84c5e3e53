def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in "+-*/":
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b}[tok])
        else:
            st.append(float(tok) if "." in tok else int(tok))
    return st[0]
for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "10 4 /", "1.5 2 *"]:
    print(e, "=", rpn(e))
try:
    rpn("1 +")
except IndexError as e:
    print("error:", e)
