def parse_all(items):
    ok, bad = [], []
    for it in items:
        try:
            ok.append(int(it))
        except ValueError as e:
            bad.append(str(e))
            continue
        finally:
            pass
    return ok, bad
print(parse_all(["1", "x", "3", "4.5", "-2"]))
def first_div(nums):
    for n in nums:
        try:
            return 100 // n
        except ZeroDivisionError:
            print("skip zero")
    return None
print(first_div([0, 0, 7]), first_div([0]))
i = 0
while True:
    try:
        i += 1
        if i == 3:
            raise StopIteration("stop at 3")
    except StopIteration as e:
        print("caught", e)
        break
log = []
for k in range(4):
    try:
        if k % 2:
            raise KeyError(k)
        log.append(("ok", k))
    except KeyError as e:
        log.append(("key", e.args[0]))
    else:
        log.append(("else", k))
print(log)
