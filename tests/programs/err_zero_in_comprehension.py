vals = [1, 2, 0, 4]
inv = [1 / v for v in vals]
