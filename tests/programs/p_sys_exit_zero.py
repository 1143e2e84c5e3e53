import sys
print("before")
try:
    sys.exit(5)
except SystemExit as e:
    print("caught exit", e.code)
sys.exit(0)
print("unreachable")
