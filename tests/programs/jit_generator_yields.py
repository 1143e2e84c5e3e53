# Generators under --jit: a generator expression whose every resume runs part of one loop
# iteration and yields (each `next` enters its compiled code straight away), and a generator that
# loops several times between yields, with their results checked against CPython.
def squares(n):
    return sum(x * x for x in range(n))

print(squares(3000))
print(tuple(i % 7 for i in range(700))[-10:])
print(sorted({(i * 37) % 101 for i in range(2000)})[:10])

def sparse(n):
    for i in range(n):
        if i % 5 == 0:
            yield i

print(sum(sparse(20000)), list(sparse(40)))

def pairs(xs):
    it = iter(xs)
    for a in it:
        b = next(it, None)
        yield a, b

print(list(pairs(range(11))))
total = 0
for a, b in pairs(range(5000)):
    total += a * (b or 1)
print(total)

def thrower(n):
    for i in range(n):
        if i == n - 1:
            raise ValueError(i)
        yield i

try:
    print(sum(thrower(4000)))
except ValueError as e:
    print("ValueError", e)

# Generator, coroutine and async generator functions called from a compiled loop: the call makes
# the object in compiled code (cells and free variables first), the loop goes on compiled.
def gen_of(k):
    def inner(m):
        for j in range(m):
            yield j * k
    return inner

def many(n):
    total = 0
    inner = gen_of(3)
    for i in range(n):
        g = inner(i % 5)
        total += sum(g)
        total += len(list(x for x in range(i % 4) if x != k_skip))
    return total

k_skip = 2
print(many(2000))

async def co(x):
    return x * 2

async def agen(x):
    yield x

def make_coroutines(n):
    made = 0
    for i in range(n):
        c = co(i)
        try:
            c.send(None)
        except StopIteration as e:
            made += e.value
        a = agen(i)
        made += type(a).__name__ == "async_generator"
    return made

print(make_coroutines(1500))
