# list.sort's and sorted's `reverse` is a C int (Argument Clinic's bool(accept={int})): an int
# or an __index__ object, never any object's truth; too big an int overflows. sorted reads the
# iterable first (found by tools/call_fuzz.py: sorted('utf-8', reverse=U)).
class U:
    pass

class I:
    def __index__(self):
        return 1

for r in [U, U(), 1.5, None, 'x', 2, 0, True, 1 << 70, -(1 << 31), 1 << 31, I(), [], 0.0]:
    for f in (lambda: sorted([2, 1, 3], reverse=r), lambda: [2, 1, 3].sort(reverse=r),
              lambda: sorted(5, reverse=r)):
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__ + ':', e)
