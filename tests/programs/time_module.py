import time
t0 = time.perf_counter()
s = 0
for i in range(10000):
    s += i
t1 = time.perf_counter()
print(s, t1 >= t0, type(t1).__name__)
now = time.time()
print(now > 1600000000)
time.sleep(0.01)
print(time.perf_counter() - t1 >= 0.005)
