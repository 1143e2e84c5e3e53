# A builtin shadowed by a global (and un-shadowed) while a hot site calls it.
def lens(xs):
    return [len(x) for x in xs]

data = ["a", "bb", "ccc"] * 50
print(sum(lens(data)))
def len(x):
    return 100
print(sum(lens(data)))
del len
print(sum(lens(data)))
def count_abs(xs):
    return sum(abs(x) for x in xs)
print(count_abs(range(-50, 50)))
abs = lambda x: 1
print(count_abs(range(-50, 50)))
del abs
print(count_abs(range(-50, 50)))
