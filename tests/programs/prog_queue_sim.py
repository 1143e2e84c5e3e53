import random
random.seed(7)
queue = []
served = 0
waits = []
for tick in range(100):
    if random.random() < 0.6:
        queue.append(tick)
    if queue and tick % 2 == 0:
        waits.append(tick - queue.pop(0))
        served += 1
print(served, len(queue), sum(waits), max(waits), round(sum(waits) / len(waits), 3))
print(random.choice("abcdef"), random.randrange(10), random.uniform(1, 2), random.sample(range(20), 4))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.getrandbits(16))
