# cpjit's _string (CPython writes it in C): the format-string parsing string.Formatter uses.

def formatter_parser(s):
    if not isinstance(s, str):
        raise TypeError(f"descriptor 'formatter_parser' requires a 'str' object but received a "
                        f"'{type(s).__name__}'")
    out, lit, i, n = [], [], 0, len(s)
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                lit.append('{')
                out.append((''.join(lit), None, None, None))
                lit = []
                i += 2
                continue
            depth, j = 1, i + 1
            while j < n and depth:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j - 1]
            k, bracket = 0, False
            while k < len(field):
                ch = field[k]
                if ch == '[':
                    bracket = True
                elif ch == ']':
                    bracket = False
                elif not bracket and ch in '!:':
                    break
                k += 1
            name, rest, conv, spec = field[:k], field[k:], None, ''
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError('end of string while looking for conversion specifier')
                conv, rest = rest[1], rest[2:]
                if rest and rest[0] != ':':
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(':'):
                spec = rest[1:]
            out.append((''.join(lit), name, spec, conv))
            lit = []
            i = j
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                lit.append('}')
                out.append((''.join(lit), None, None, None))
                lit = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            lit.append(c)
            i += 1
    if lit:
        out.append((''.join(lit), None, None, None))
    return iter(out)


def formatter_field_name_split(name):
    if not isinstance(name, str):
        raise TypeError('expected str')
    i = 0
    while i < len(name) and name[i] not in '.[':
        i += 1
    first, rest = name[:i], []
    if first.isdigit():
        first = int(first)
    while i < len(name):
        if name[i] == '.':
            j = i + 1
            while j < len(name) and name[j] not in '.[':
                j += 1
            if j == i + 1:
                raise ValueError('Empty attribute in format string')
            rest.append((True, name[i + 1:j]))
            i = j
        else:
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if key == '':
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < len(name) and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, iter(rest)
