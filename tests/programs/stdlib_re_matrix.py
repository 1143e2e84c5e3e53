# Every pattern x subject through match/search/fullmatch/findall/finditer/sub/subn/split,
# plus the module-level helpers, errors, scanner, Pattern equality and repr.
import re
pats = [r'a', r'a*', r'a+?', r'(a|b)*c', r'(?:ab)+', r'\d{2,4}', r'[^aeiou\s]+', r'\bfoo\b', r'\Bo', r'^\w+$', r'(?m)^\w+$', r'(?s).+', r'.+',
  r'(\w)\1', r'(?P<x>\w)(?P=x)', r'(?i)HeLLo', r'(?i)[a-f]+', r'[\w.-]+@[\w.-]+', r'(\d+)(?:px|em)', r'(?=\d)\d', r'(?!a)\w', r'(?<!x)y', r'(?<=\s)\w+',
  r'a{3}', r'a{,2}', r'a{2,}?', r'(a)?b', r'(a)|b', r'x*', r'(?x) \d + # digits', r'\s+', r'\S+', r'\W', r'[\d\s]', r'[^\d\s]',
  r'(?:(a)|(b))+', r'(a*)+', r'(a|)+', r'(?:a|ab)(?:c|bcd)(d*)', r'(.)(?=(.))', r'[a-c-e]', r'[\]]', r'\x41', r'\u00e9', 
  r'(?a)\w+', r'(?u)\w+', r'\A\w', r'\w\Z', r'$', r'^', r'(?m)$', r'(?m)^', r'a|', r'|a', r'(a(b(c)))', r'(?:x(y)?)+', r'(?>a|ab)c', r'(?:a|ab)c', r'a*+a', r'(?i)ǅ', r'(?i)[ǅ]',
  r'(\w+)\s(?P<second>\w+)', r'\$\d+\.\d\d', r'(?i)straße', r'(a)(?(1)b|c)', r'(?P<q>[\'"]).*?(?P=q)',
]
subjects = ['', 'a', 'aaa', 'aabbcc', 'foo bar foobar', 'HELLO hello', 'x1 22 333 4444 55555', 'abcd abcbcd', ' ay by xy', 'a.b@c.d e@f', '12px 3em 4pt',
  'line1\nline2\n', 'café naïve', 'ǅǆǄ', '$12.50 and $3.05', "say 'hi' \"there\"", 'ab', 'ba', 'ac', '[]]', 'A\u00e9']
out = []
for p in pats:
    try:
        c = re.compile(p)
    except Exception as e:
        print('ERR', p, type(e).__name__, e); continue
    for s in subjects:
        r = []
        m = c.match(s); r.append(m and (m.span(), m.groups(), m.lastindex))
        m = c.search(s); r.append(m and (m.span(), m.groups(), m.groupdict(), m.lastgroup))
        m = c.fullmatch(s); r.append(m and m.span())
        r.append(c.findall(s))
        r.append([m.span() for m in c.finditer(s)])
        try: r.append(c.sub('<\\g<0>>', s))
        except Exception as e: r.append(type(e).__name__)
        r.append(c.subn(lambda m: m.group(0).upper(), s, count=2))
        r.append(c.split(s))
        r.append(c.split(s, 1))
        print(repr(p), repr(s), r)
print(re.compile(b'[a-z]+').findall(b'abc DEF ghi'), re.sub(b'(b+)', b'[\\1]', b'abbbc'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.sub(r'def\s+([a-zA-Z_][a-zA-Z_0-9]*)\s*\(\s*\):', r'static PyObject*\npy_\1(void)\n{', 'def myfunc():'))
print(re.sub('-+', lambda m: ' ' if m.group(0) == '-' else '-', 'pro----gram-files'))
print(re.subn(r'\sAND\s', ' & ', 'Baked Beans And Spam', flags=re.IGNORECASE))
m = re.match(r"(?P<first_name>\w+) (?P<last_name>\w+)", "Malcolm Reynolds")
print(m['first_name'], m[2], m.expand(r'\2, \g<first_name>'), m.start(2), m.end('last_name'), m.string, m.re, m.pos, m.endpos)
print(re.escape('http://www.python.org'), re.escape(b'a-b'))
print(re.fullmatch(r'\d+', '123'), re.purge())
for bad in ['(', '[a', 'a**', '(?P<1>a)', '\\', '(?<=a+)b', 'x{2,1}']:
    try: re.compile(bad)
    except re.error as e: print('error:', e, e.pos, e.msg)
sc = re.compile(r'\d').scanner('a1b2')
print(sc.search().group(), sc.search().group(), sc.search(), sc.pattern)
print(re.Pattern, re.Match, type(sc).__name__)
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('b'), re.compile('a', re.I) != re.compile('a'))
print(re.compile('(?P<a>x)(?P<b>y)').groupindex, re.compile('(?P<a>x)').groupindex['a'])
import copy; p = re.compile('abc'); print(copy.copy(p) is p, copy.deepcopy(p) is p)
print(re.match('(a)(b)', 'ab').regs, re.search('b', 'abc', ) .span())
print(re.compile('a').search('bba', 1, 2), re.compile('a').search('bba', 1), re.compile('a').match('bba', pos=2), re.compile('^a').search('ba', 1))
print(re.findall(r'\b\w', 'ab cd', ), re.compile(r'o').findall('foo boo', 2, 6))
print(re.sub('(?P<n>a)', r'\g<n>\g<n>', 'banana'), re.sub('a', r'\n', 'a'), re.sub('a', '\\\\', 'a'))
print(re.match(r'(?s)a.b', 'a\nb'), re.match(r'a.b', 'a\nb'), re.I | re.M, re.RegexFlag(10))
print(repr(re.compile('a', re.X|re.S|re.A)), repr(re.compile(b'a', re.I)), repr(re.compile('a\nb')))
