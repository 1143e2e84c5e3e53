(a, b) : int
