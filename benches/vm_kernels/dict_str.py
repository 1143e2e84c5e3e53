# Dict get/set with string keys, %-formatting, sorting with a key, slicing and joining.
def run(n):
    words = ["w%d" % (i % 997) for i in range(n)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return ",".join("%s=%d" % kv for kv in top) + "|" + "".join(w[1:] for w in words[:20])


result = run(10_000)
