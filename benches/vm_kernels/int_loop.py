# A tight while loop of small-int arithmetic, compares and local loads/stores.
def run(n):
    i = 0
    total = 0
    while i < n:
        total = (total + i * i) % 1000003
        i = i + 1
    return total


result = run(30_000)
