l = [1]
l.pop()
l.pop()
