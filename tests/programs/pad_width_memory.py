# A padding width (ljust/rjust/center/zfill of str and bytes) too big to allocate is a
# MemoryError, one past 64 bits an OverflowError (cpjit aborted the process on the failed
# allocation for str, and bytes.zfill raised TypeError for any big int; found by
# tools/call_fuzz.py: bytes.zfill(b'', 2**64)).
class W:
    def __index__(self):
        return 7

for t in ['', 'ab', '-3', b'', b'+4']:
    for m in ['ljust', 'rjust', 'center', 'zfill']:
        for w in [2 ** 50, 2 ** 63, 2 ** 64, -(2 ** 70), 5, -1, True, W(), 1.5]:
            try:
                print(repr(getattr(t, m)(w)))
            except Exception as e:
                print(m, type(e).__name__, e)
print(bytearray(b'x').zfill(4), bytearray(b'-1').rjust(2 ** 3, b'*'))
