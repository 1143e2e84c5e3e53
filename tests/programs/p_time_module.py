import time
t0 = time.perf_counter()
s = 0
for i in range(20000):
    s += i
t1 = time.perf_counter()
print(s, t1 >= t0, isinstance(t1 - t0, float))
w0 = time.time()
w1 = time.time()
print(w1 >= w0, w0 > 1_600_000_000)
m0 = time.monotonic()
print(time.monotonic() >= m0)
