# __del__ (finalization). cpjit has no reference counts: an object whose class defines __del__ is
# finalized when a collection finds it unreachable, and at exit. So this program only looks at
# what both interpreters agree on: after gc.collect(), and at exit.
import gc
import os
import subprocess
import sys
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "data.txt")

# An unclosed file is closed (and its buffer flushed) when it is collected.
open(path, "w").write("written, never closed\n")
gc.collect()
with open(path) as f:
    print(repr(f.read()))

# Binary and buffered writers alike; the descriptor is closed too.
f = open(path, "wb")
f.write(b"bytes")
fd = f.fileno()
del f
gc.collect()
with open(path, "rb") as g:
    print(g.read())
try:
    os.fstat(fd)
    print("descriptor still open")
except OSError as e:
    print("descriptor closed:", type(e).__name__)


class Resource:
    log = []

    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        Resource.log.append(self.name)


# A referrer is finalized before what it refers to (as reference counting orders them).
r = Resource("outer", Resource("middle", Resource("inner")))
del r
for _ in range(4):
    gc.collect()
print(Resource.log)

# Once only, even when __del__ resurrects the object.
keep = []


class Phoenix:
    calls = 0

    def __del__(self):
        Phoenix.calls += 1
        keep.append(self)


Phoenix()
gc.collect()
print(Phoenix.calls, len(keep))
keep.clear()
gc.collect()
print(Phoenix.calls)


# An exception in __del__ is reported and ignored (the message names the function; this prints
# only the lines that do not hold an address).
code = """
import gc
class Bad:
    def __del__(self):
        raise ValueError("from __del__")
Bad()
gc.collect()
print("after")
"""
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print(p.stdout, end="")
print([l for l in p.stderr.splitlines() if "0x" not in l])

# At exit: objects still alive are finalized (files flush), after the atexit callbacks.
code = """
import atexit
f = open(%r, "w")
f.write("flushed at exit\\n")
class Goodbye:
    def __del__(self):
        print("Goodbye.__del__")
g = Goodbye()
atexit.register(print, "atexit")
print("end of program")
""" % path
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
print(p.stdout, end="")
print(repr(p.stderr))
with open(path) as f:
    print(repr(f.read()))

os.remove(path)
os.rmdir(tmp)
