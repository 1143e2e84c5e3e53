# Lone surrogates in str: literals, chr/ord, len/indexing/slicing/iteration, repr/ascii,
# ordering (surrogates sort below U+E000), hashing, str methods, formatting and re.
import re

lo, hi = '\ud800', '\udfff'
s = 'a\udcffb\ud800c'
print(len(lo), len(s), ord(lo), ord(hi), hex(ord(s[1])), hex(ord(s[-2])))
print(repr(s), ascii(s), repr(s[1:4]), repr(s[::-1]), repr(s[::2]))
print([hex(ord(c)) for c in s], list(map(ascii, s)))
print(chr(0xdcff) == '\udcff', chr(0xd800) == lo, repr(chr(0xdbff) + chr(0xdc00)))
print(len('\ud83d\ude00'), repr('\ud83d\ude00'), '\ud83d\ude00' == '\U0001f600')
print(repr('\N{GREEK SMALL LETTER ALPHA}\udc80'), repr(r'\ud800'), len(r'\ud800'))
print(repr(f'{lo}-{hi!r}-{s!a}'), repr('%s|%r|%a|%c' % (lo, hi, s, 0xdc80)))
print(repr('{:>4}|{:^5}|{!r}'.format(lo, hi, s)), repr(format(0xdfff, 'c')))

# Ordering: code points, with U+D800..U+DFFF between U+D7FF and U+E000.
print(lo < hi, hi < '\ue000', '\ud7ff' < lo, lo < '\U00010000', '\uffff' > hi)
print(ascii(sorted(['\ue000', hi, 'z', '\U0001f600', lo, '\ud7ff', '\uffff'])))
print(ascii(max(s)), ascii(min('\ue000\udfff\uffff')), ascii(max('\ud800', '\ue000')))
print(lo + 'x' > lo, 'a' + hi < 'a' + '\ue000', [lo] < ['\ue000'], (hi,) > ('\ud7ff',))
print(sorted(['b\udc80', 'b\ue000', 'b\ud7ff', 'b']) == ['b', 'b\ud7ff', 'b\udc80', 'b\ue000'])

# Hashing agrees with equality; dict and set keys.
print(hash(lo) == hash(chr(0xd800)), hash(s) == hash('a' + '\udcff' + 'b\ud800c'))
d = {lo: 1, hi: 2, s: 3}
print(d[chr(0xd800)], d['\udfff'], d[s[:]], lo in d, '\ud801' in d, len({lo, hi, chr(0xd800)}))
print(ascii(sorted({s, lo, hi, '\ue000'})))

# str methods.
print(s.find(lo), s.index('\udcff'), s.count('\udcff'), s.rfind('b'), lo in s, '\udcfe' in s)
print(ascii(s.split('\udcff')), ascii(s.replace(lo, 'X')), ascii(s.upper()), ascii(s.lower()))
print(ascii(s.partition('b')), ascii(s.center(9, '*')), ascii(s.zfill(7)), ascii(s * 2))
print(ascii('\udc80'.join('xyz')), ascii(s.strip('a\udcff')), ascii((lo + ' ' + hi).split()))
print(s.isprintable(), lo.isalpha(), lo.isalnum(), lo.isspace(), lo.isidentifier(), lo.isupper())
print(lo.isdecimal(), lo.isdigit(), lo.isnumeric(), lo.islower(), lo.istitle(), lo.isascii())
print(ascii(s.title()), ascii(s.swapcase()), ascii(s.casefold()), ascii(s.capitalize()))
print(s.startswith('a\udcff'), s.endswith('\ud800c'), ascii(s.expandtabs()), s.encode('utf-8', 'replace'))
print(ascii(s.translate({0xdcff: 'Y', 0xd800: None, ord('a'): 0xdc00})), str.maketrans(lo, hi))
print(ascii(s.removeprefix('a\udcff')), ascii(s.ljust(8, '\udc00')), ascii(s.splitlines()))

# re: patterns and subjects with surrogates.
print(re.findall('[\ud800-\udfff]', s), re.sub('\udcff', '-', s) == 'a-b\ud800c')
print(ascii(re.findall(r'[\udc80-\udcff]+|[a-c]', s)), re.match('a.b', s).span(), re.search(hi, s))
print(ascii(re.split('[\udc00-\udfff]', s)), re.fullmatch(r'\w\W\w\W\w', s) is not None)
print(re.escape(lo) == lo, ascii(re.compile('(\ud800)').search(s).group(1)))

# Uncaught: the traceback goes to stderr, which writes surrogates as \udXXX.
raise ValueError(s)
