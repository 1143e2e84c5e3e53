# bytearray.insert's index is a Py_ssize_t converted before the item: an index past 64 bits is
# an OverflowError (it was clamped, or the item's TypeError came first; found by
# tools/call_fuzz.py: bytearray.insert(bytearray(b'xy'), -10**30, bytearray(b'xy'))).
class I:
    def __index__(self):
        return 1

for args in [(-10 ** 30, bytearray(b'xy')), (10 ** 30, 1), (0, bytearray(b'xy')), (0, 300),
             (1.5, 1), (0, 'a'), (2 ** 63, b'x'), (-2 ** 63, 5), (2 ** 62, 7), (-9, 8),
             (I(), 9), (True, 10)]:
    try:
        b = bytearray(b'xy')
        b.insert(*args)
        print(b)
    except Exception as e:
        print(type(e).__name__, e)
