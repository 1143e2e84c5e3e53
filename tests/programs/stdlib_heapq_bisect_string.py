# heapq, bisect and string: priority queues, merging, insort, Template, Formatter, constants.
import heapq, bisect, string, random

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappushpop(h, 4), heapq.heapreplace(h, 0), h)
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]),
      heapq.nlargest(2, ["bb", "a", "ccc"], key=len), heapq.nsmallest(10, [3, 1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])),
      list(heapq.merge(["c", "a"], ["d", "b"], key=str, reverse=True)))
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(4)])
rng = random.Random(7)
xs = [rng.randrange(1000) for _ in range(200)]
print(heapq.nsmallest(5, xs) == sorted(xs)[:5], list(heapq.merge(sorted(xs[:50]), sorted(xs[50:]))) == sorted(xs))
# (heappop([]) words its IndexError differently in C and in heapq.py: left out.)

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10),
      bisect.bisect_left(a, 4, 4), bisect.bisect_right(a, 4, 0, 3))
bisect.insort(a, 5); bisect.insort_left(a, 4); bisect.insort_right(a, 0)
print(a)
recs = [("ann", 31), ("bob", 25), ("cat", 42)]
recs.sort(key=lambda r: r[1])
print(bisect.bisect_left(recs, 30, key=lambda r: r[1]), [r[0] for r in recs])
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in (33, 99, 77, 70, 89, 90, 100)])
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print("ValueError", e)

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), len(string.printable), string.punctuation)
print(string.capwords(" hello   wide world "), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}; $$5 each")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="ann"))
print(t.get_identifiers(), t.is_valid())
for bad in (lambda: t.substitute(who="x"), lambda: string.Template("$ 5").substitute()):
    try:
        print(bad())
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
class Braces(string.Template):
    delimiter = "%"
print(Braces("%x and %{y}").substitute(x=1, y=2))
f = string.Formatter()
print(f.format("{0}-{name!r}-{1:>5}", "a", 3.5, name="n"), list(f.parse("x{0:3}y{z!s}")))
print(f.vformat("{a[0]}{b.real}", (), {"a": [7], "b": 2}))
