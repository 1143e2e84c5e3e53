l = [1, 2]
l.remove(5)
