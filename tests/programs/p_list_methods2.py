stack = []
for i in range(5):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
q = [1, 2, 3]
q.insert(-1, 99)
q.insert(100, 7)
q.insert(-100, 0)
print(q)
print(q.index(99), q.index(7, 2))
nums = [5, 2, 8, 1]
print(sorted(nums), nums, nums.sort(), nums)
words = ["pear", "Apple", "fig"]
words.sort(key=str.lower)
print(words)
l = list(range(10))
l[2:8:2] = ["a", "b", "c"]
print(l)
del l[:3]
print(l, l * 0, [] * 5)
a = [1, 2]
a += [3]
a *= 2
print(a)
print([1, [2, 3]] == [1, [2, 3]], [1, 2] > [1], [[]] < [[1]])
l2 = [3, 1, 2]
l2[len(l2):] = [4]
print(l2, l2[-1:], min(l2), max(l2))
