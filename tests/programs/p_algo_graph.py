graph = {"A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": []}
def bfs(start):
    seen, order, q = {start}, [], [start]
    while q:
        n = q.pop(0)
        order.append(n)
        for m in graph[n]:
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order
def dfs(n, seen=None):
    seen = [] if seen is None else seen
    seen.append(n)
    for m in graph[n]:
        if m not in seen:
            dfs(m, seen)
    return seen
def topo():
    indeg = {n: 0 for n in graph}
    for ns in graph.values():
        for m in ns:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
    return out
print(bfs("A"), dfs("A"), topo())
w = {("A", "B"): 4, ("A", "C"): 1, ("C", "B"): 2, ("B", "D"): 5, ("C", "D"): 8, ("D", "F"): 3, ("C", "E"): 10, ("E", "F"): 1}
dist = {n: float("inf") for n in graph}
dist["A"] = 0
todo = set(graph)
while todo:
    u = min(sorted(todo), key=lambda n: dist[n])
    todo.remove(u)
    for v in graph[u]:
        dist[v] = min(dist[v], dist[u] + w[(u, v)])
print(dist)
