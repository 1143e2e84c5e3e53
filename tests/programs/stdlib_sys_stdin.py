# sys.stdin: a text stream over fd 0 (read, readline, readlines, iteration, universal newlines,
# UTF-8 with a size limit in characters), checked in child processes fed through a pipe.
import subprocess
import sys

CHILD = r'''
import sys
s = sys.stdin
print(type(s).__name__, s.name, s.mode, s.encoding, s.fileno(), s.readable(), s.writable())
print(repr(s.readline()))
print(repr(s.readline(3)))
print(repr(s.readline()))
print(repr(s.read(4)))
print(repr(s.readline()))
print(s.readlines())
print(repr(s.read()), repr(s.readline()))
try:
    s.write("x")
except Exception as e:
    print(type(e).__name__, e)
s.close()
print(s.closed)
try:
    s.readline()
except ValueError as e:
    print("ValueError", e)
print(sys.__stdin__ is s)
'''

data = "first line\nabcdef\r\nh\u00e9llo w\u00f6rld\rtail1\ntail2\n".encode("utf-8")
r = subprocess.run([sys.executable, "-c", CHILD], input=data, capture_output=True)
print(r.returncode)
print(r.stdout.decode())
print(r.stderr.decode()[-200:])

ITER = r'''
import sys
n = 0
for line in sys.stdin:
    n += 1
    print(n, repr(line))
print(input.__name__)
'''
r = subprocess.run([sys.executable, "-c", ITER], input=b"a\nbb\nccc", capture_output=True)
print(r.returncode, r.stdout.decode())

READALL = "import sys; d = sys.stdin.read(); print(len(d), d.count('x'))"
r = subprocess.run([sys.executable, "-c", READALL], input=b"x" * 100000 + b"\n", capture_output=True)
print(r.returncode, r.stdout.decode())

MIXED = "import sys; print(repr(sys.stdin.readline())); print(repr(input()))"
r = subprocess.run([sys.executable, "-c", MIXED], input=b"one\ntwo\n", capture_output=True)
print(r.returncode, r.stdout.decode())
