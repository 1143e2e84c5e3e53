# The utf-8-sig codec (a BOM, then UTF-8), and sys.stdout as a context manager (json.tool's
# `with outfile`): closing it makes later writes raise ValueError.
import sys
b = 'aé'.encode('utf-8-sig')
print(b, b.decode('utf-8-sig'), b'ab'.decode('utf_8_sig'), 'x'.encode('UTF-8-SIG'))
import json
print(json.loads('[1]'.encode('utf-8-sig')))
try:
    b'\xef\xbb\xbf\xff'.decode('utf-8-sig')
except UnicodeDecodeError as e:
    print(e)
with sys.stdout as out:
    print(out is sys.stdout, file=out)
try:
    print('after close')
except ValueError as e:
    print('ValueError:', e, file=sys.stderr)
