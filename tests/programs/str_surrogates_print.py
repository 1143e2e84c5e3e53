# Writing lone surrogates to the standard streams. stdout's error handler depends on the locale
# (strict, or surrogateescape under the C/POSIX locales), so this only writes what both refuse:
# print() writes its pieces one by one and fails at the piece that cannot be encoded. stderr
# always uses backslashreplace.
import sys

print(sys.stdout.encoding, sys.stdout.errors in ('strict', 'surrogateescape'), sys.stderr.errors)
try:
    print('before', 'x\ud800y', 'after', sep='|')
except UnicodeEncodeError as e:
    print()
    print(e, e.start, e.end, ascii(e.object))
try:
    sys.stdout.write('pre-\ud83d-post\n')
except UnicodeEncodeError as e:
    print(e)
try:
    print('\udbff', end='!\n')
except UnicodeEncodeError as e:
    print(e)
print('ok', ascii('\ud800'), repr('\udcff'))
sys.stderr.write('stderr: \ud800 \udcff \U0001f600\n')
print('\ud800', file=sys.stderr)
sys.stdout.flush()
raise KeyError('\udc80')
