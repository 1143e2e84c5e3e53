# io.open is a built-in function: stored in a class it does not bind (test_io's C test classes
# keep it as `open`); codecs.lookup of a name with a lone surrogate raises UnicodeEncodeError.
import io, codecs
print(io.open, io.open.__name__)
class C:
    open = io.open
with C().open(__file__, 'r', encoding='utf-8') as f:
    print(f.readline().strip())
try:
    codecs.lookup('\udcfe')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError', e)
