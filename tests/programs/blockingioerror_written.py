# BlockingIOError(errno, strerror, characters_written): the count (not a filename), kept in
# args; absent without it.
e = BlockingIOError(11, 'x', 5)
print(e.characters_written, e.args, e.filename, str(e))
e.characters_written = 7
print(e.characters_written)
for e2 in (BlockingIOError(11, 'x'), OSError(11, 'x', 'f')):
    try:
        e2.characters_written
    except AttributeError:
        print(type(e2).__name__, 'no characters_written', e2.filename)
print(OSError(11, 'x', 5).filename, type(OSError(11, 'x', 5)).__name__)
