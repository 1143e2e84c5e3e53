# split/rsplit convert maxsplit (a Py_ssize_t, by Argument Clinic) before they look at the
# separator: a bad maxsplit is the TypeError even when the separator is empty or not bytes
# (found by tools/call_fuzz.py: bytearray.split(bytearray(b'xy'), b'', ' ')).
for t in [b'xy', bytearray(b'x y'), 'x y']:
    for a in [(b'', ' '), ('', ' '), (b'', 1.5), (b'x', ' '), (None, ' '), (b'', 2), ('', 2),
              (b'',), (5, 'x'), (b' ', 1), (' ', 1), (None, 2 ** 70)]:
        for m in ('split', 'rsplit'):
            try:
                print(getattr(t, m)(*a))
            except Exception as e:
                print(m, type(e).__name__, e)
