"""Conformance gaps of issue 12: enumerate(x, start=obj), round(x, obj) and %d/%i/%u/%x/%X/%o/%c
(str and bytes) where obj has only __index__ (CPython calls it), and bytearray([300])'s message."""
class I:
    def __index__(self):
        return 2
class F:
    def __index__(self):
        return 'x'
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
t(1, lambda: list(enumerate('ab', start=I())))
t(2, lambda: list(enumerate('ab', I())))
t(3, lambda: round(3.14159, I()))
t(4, lambda: round(31415, I()))
t(5, lambda: round(31415, -I().__index__()))
t(6, lambda: '%d' % I())
t(7, lambda: '%x' % I())
t(8, lambda: '%o' % I())
t(9, lambda: '%X|%i|%u' % (I(), I(), I()))
t(10, lambda: '%d' % F())
t(11, lambda: list(enumerate('ab', start=F())))
t(12, lambda: round(1.5, F()))
t(13, lambda: '%x' % 2.5)
t(14, lambda: '%d' % 2.5)
t(15, lambda: bytearray([300]))
t(16, lambda: bytearray([-1]))
t(17, lambda: list(enumerate('ab', start=2.5)))
t(18, lambda: round(1.5, 2.5))
t(19, lambda: b'%d' % I())
t(20, lambda: b'%x' % I())
t(21, lambda: '%c' % I())
t(22, lambda: list(enumerate('ab', start=2**70)))
t(23, lambda: round(2.5, 2**70))
t(24, lambda: '%#x %#o' % (I(), I()))
