#!/usr/bin/env python3
"""Error-location differential: breaks random 30-line windows of stdlib files (deletes, inserts or
splits one token), keeps those python3's parser rejects, and compares cpjit's SyntaxError (type, line,
message) and its rendering with `python3 FILE`'s.

usage: python3 tools/parser_error_fuzz.py [SEED] [N]   (uses target/debug/cpjit, or $CPJIT)
"""
import random, subprocess, sys, io, tokenize, os, collections, sysconfig, tempfile
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300
base = sysconfig.get_paths()['stdlib'] + '/'
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPJIT = os.environ.get('CPJIT', os.path.join(ROOT, 'target', 'debug', 'cpjit'))
TMP = tempfile.mkdtemp(prefix='cpjit_errfuzz_')
files = [base + f for f in ['_pydecimal.py', 'argparse.py', 'ast.py', 'dataclasses.py', 'enum.py', 'typing.py', 'inspect.py', 'pathlib.py']]
stats = collections.Counter(); bad = []
for i in range(N):
    src = open(random.choice(files), encoding='utf-8').read().splitlines(keepends=True)
    k = random.randrange(len(src) - 30); snippet = ''.join(src[k:k+30])
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(snippet).readline))
    except Exception:
        continue
    lines = snippet.splitlines(keepends=True)
    cands = [t for t in toks if t.type in (tokenize.OP, tokenize.NAME, tokenize.NUMBER, tokenize.STRING) and t.start[0] == t.end[0]]
    if not cands: continue
    t = random.choice(cands)
    op = random.randrange(3)
    l = lines[t.start[0]-1]
    if op == 0: l = l[:t.start[1]] + l[t.end[1]:]
    elif op == 1: l = l[:t.start[1]] + random.choice(['(', ')', ':', '=', ',', 'if ', 'else', '[', '}', '**', 'lambda', '.', '"']) + l[t.start[1]:]
    else: l = l[:t.end[1]] + ' ' + l[t.end[1]:].replace(' ', '', 1)
    lines[t.start[0]-1] = l
    s = ''.join(lines)
    try:
        compile(s, 'x.py', 'exec', 0x400)  # PyCF_ONLY_AST: parser errors only
        continue
    except SyntaxError as e:
        want = (type(e).__name__, e.lineno, e.offset, e.msg)
    except (MemoryError, RecursionError, ValueError):
        continue
    p = os.path.join(TMP, f'c{i}.py'); open(p, 'w').write(s)
    r = subprocess.run([CPJIT, 'ast', p], capture_output=True, text=True)
    if r.returncode == 0:
        stats['accepted_invalid'] += 1; bad.append((p, want, 'ACCEPTED')); continue
    last = r.stderr.strip().splitlines()
    kind, _, msg = last[-1].partition(': ')
    lineno = int(last[0].split('line ')[-1]) if last and 'line ' in last[0] else None
    stats['total'] += 1
    if kind == want[0] and lineno == want[1]: stats['type_line'] += 1
    if kind == want[0] and lineno == want[1] and msg == want[3]: stats['type_line_msg'] += 1
    else: bad.append((p, want, last[-1]))
    py = subprocess.run([sys.executable, p], capture_output=True, text=True).stderr
    if py == r.stderr: stats['render_identical'] += 1
    else: bad.append((p, 'RENDER', py.splitlines()[-3:], r.stderr.splitlines()[-3:]))
print(dict(stats))
for b in bad[:25]: print(b)
