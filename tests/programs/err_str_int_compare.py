items = ['b', 1]
items.sort()
