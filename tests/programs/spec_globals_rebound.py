# Globals rebound, deleted and re-added while hot code reads them.
G = 1
def read():
    return G

t = 0
for i in range(300):
    if i == 100:
        G = 2
    if i == 150:
        globals()["H"] = 5
    if i == 200:
        G = "s"
        t = str(t)
    t = t + read() if i < 200 else t + read()[:0]
print(t)
del G
try:
    read()
except NameError as e:
    print("NameError:", e)
G = 9
print(read())
