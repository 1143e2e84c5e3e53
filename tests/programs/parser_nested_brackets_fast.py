# Regression test for a cargo-fuzz find (fuzz/run.sh parse): nested brackets made the parser take
# time exponential in the depth (each level re-parsed its operand for every alternative; 12 levels
# took seconds, the 120 of the found input would never finish). bitwise_or is now memoized by
# position, as pegen memoizes its left-recursive rules. Each input below must fail fast with
# CPython's SyntaxError.
FOUND = b"# system configuration generated and used by the sysconfig module\nbuild_time_vars = {'ABIFLAGS': '',\n 'AC_APPLE_UNIVERSAL_BUILD': 0,\n 'AIX_BUILDDATE': 0,\n 'AIX_GENUINE_CPLUSPLUS': 0,\n 'ALIGNOF_LONG': 8,\n 'ALIGNOF_SIZE_T': 8,\n 'ALT_SOABI': 0,\n 'ANDROID_API_LEVEL': 0,\n 'AR': 'ar',\n 'ARFLAGC': 'rcs',\n 'BASECFLAGS': '-Wsign-compare',\n 'BASECPPFLAGS': '',\n 'BASEMODLIBS': '',\n 'BINDIR': '/root/.pyenv/versions/3.11.7/bin',\n 'BINLIBDEST': '/root/.pyenv/versions/3.11.7/lib/python3.11',\n 'BLDLIBRARY'((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((: '-L. -lpython3.11',\n 'BLDSHARED': 'gcc -shared -L/root/.pyenv/versions/3.11.7/lib '\n              '-Wl '-Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall',\n 'CFLAGSFORSHARED': '-fPIC',\n 'CFLAGS_"

cases = [FOUND]
for n in (12, 30, 120):
    cases += ["x = {1: a" + "(" * n + ": 2}", "x = a" + "(" * n, "f(" + "[" * n + "a(" * 10, "(" * n + "x" + ")" * n + ")"]
cases.append("x = " + "(" * 150 + "1" + ")" * 150)
for src in cases:
    try:
        code = compile(src, "<fuzz>", "exec")
        print("compiled", len(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
    except MemoryError:
        print("MemoryError")
