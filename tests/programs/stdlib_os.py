# os over posix: paths, stat, listdir, makedirs/rmdir, environ, errors with errno and filename.
import os, sys
print(os.name, os.sep, os.curdir, os.path.join('a', 'b', 'c'), os.getcwd() == os.path.abspath('.'))
print(os.path.exists('helpers'), os.path.isdir('helpers'), os.path.isfile('helpers'), os.path.exists('nope'))
print(os.path.basename('/x/y.py'), os.path.dirname('/x/y.py'), os.path.splitext('a.tar.gz'), os.path.split('a/b/c'))
print(os.path.normpath('a//b/../c/./d'), os.path.isabs('/a'), os.path.relpath('/a/b/c', '/a'), os.path.commonprefix(['/ab/c', '/ab/d']))
base = '/tmp/cpjit-stdlib-os-%d' % os.getpid()
os.makedirs(base + '/d1/d2', exist_ok=True)
print(sorted(os.listdir(base)), sorted(os.listdir(base + '/d1')), os.listdir(base.encode())[0])
st = os.stat(base)
print(type(st).__name__, len(st), st.st_mode == st[0], oct(st.st_mode)[:4], isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int))
os.rmdir(base + '/d1/d2'); os.rmdir(base + '/d1'); os.rmdir(base)
print(os.path.exists(base))
for f in [lambda: os.stat('/nonexistent/x'), lambda: os.rmdir('/nonexistent'), lambda: os.listdir('/nonexistent')]:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
print('PATH' in os.environ, isinstance(os.environ.get('PATH'), str), os.environ.get('CPJIT_SURELY_UNSET', 'dflt'))
print(os.fspath('x'), os.fsencode('é'), os.fsdecode(b'abc'), os.getpid() > 0, len(os.urandom(8)), os.strerror(2))
class P:
    def __fspath__(self): return 'p/q'
print(os.fspath(P()), os.path.join(P(), 'r'))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
