import sys
def main(argv):
    if len(argv) < 5:
        print("usage: prog a b c d", file=sys.stderr)
        sys.exit(2)
    return 0
try:
    main(sys.argv)
finally:
    print("finally before exit")
