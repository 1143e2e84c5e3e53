people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, reverse=True))
words = "the Quick brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums, sorted(nums, reverse=True), min(nums), max(nums))
print(sorted({3: "c", 1: "a", 2: "b"}.items()), sorted("hello"), sorted(set([3, 1, 2])))
data = list(range(20, 0, -1))
data.sort(key=lambda x: x % 5)
print(data)
print(sorted([1.5, -2, 3, 0.5]), sorted([[2, 1], [1, 2], [1]]))
import random
random.seed(42)
xs = [random.randint(0, 100) for _ in range(10)]
print(xs, sorted(xs))
