# Call-fuzzer campaign 1200-1249: OSError and its subclasses refuse keywords before mapping errno
# (naming the class called) unless a subclass's own __init__ takes them; bytes.hex converts
# bytes_per_sep first, then checks sep's length, then its type; a set key is looked up in a set
# as the frozenset of its items (in, discard, remove).
def fn(): pass
for f in [lambda: BlockingIOError(fn, True, -10**30, set(), '12', x='a'), lambda: OSError(1, 'x', y=2), lambda: BlockingIOError(1, 'x', -10**30),
          lambda: bytearray(b'xy').hex({1, 2}), lambda: b'xy'.hex(5), lambda: b'xy'.hex('ab'), lambda: b'xy'.hex(b':'), lambda: b'xy'.hex(':', 1.5),
          lambda: set().__contains__({1, 2}), lambda: {frozenset({1})}.__contains__({1}), lambda: {1} in {frozenset({1})}, lambda: {frozenset()}.discard(set()),
          lambda: {frozenset({2})}.remove({2}), lambda: {1}.__contains__([1])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class E(OSError): pass
class F(OSError):
    def __init__(self, *a, **k):
        super().__init__(*a)
        self.k = k
for f in [lambda: E(1, 'x', y=2), lambda: F(1, 'x', y=2).k, lambda: type(OSError(2, 'nf')).__name__, lambda: b'xy'.hex(bytes_per_sep=1.5), lambda: b'\x01\x02\x03'.hex(b'-', -2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
