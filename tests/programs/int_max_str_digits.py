"""sys.set_int_max_str_digits / get_int_max_str_digits and the limit CPython 3.11 enforces on
int <-> str conversions in non-power-of-two bases (int(), str(), repr, %d, format, f-strings),
sys.int_info, sys.flags.int_max_str_digits, and -X int_max_str_digits / PYTHONINTMAXSTRDIGITS."""
import os
import subprocess
import sys

print(sys.flags.int_max_str_digits, sys.int_info, sys.get_int_max_str_digits())
for a in [(), (0,), (100,), (639,), (640,), (-1,), (1.5,), ('x',), (2**64,), (2**31,), (None,), (1, 2)]:
    try:
        print(a, sys.set_int_max_str_digits(*a), sys.get_int_max_str_digits())
    except Exception as e:
        print(a, type(e).__name__, e)
for kw in [{'maxdigits': 700}, {'x': 700}, {'maxdigits': 700, 'x': 1}]:
    try:
        sys.set_int_max_str_digits(**kw)
        print(sys.get_int_max_str_digits())
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.get_int_max_str_digits(1)
except Exception as e:
    print(type(e).__name__, e)


class I:
    def __index__(self):
        return 5000


sys.set_int_max_str_digits(I())
print(sys.get_int_max_str_digits())

cases = [
    "int('1' * 5001)", "int('1' * 5000)", "str(10 ** 5000)", "str(10 ** 4999)",
]
for limit in [4300, 0, 640, 10000]:
    sys.set_int_max_str_digits(limit)
    print('limit', sys.get_int_max_str_digits())
    for text in [
        "int('1' * 4301)", "str(10 ** 4300)", "int('1' * 4300)", "repr(10 ** 4299)[:5]",
        "int('1' * 5000, 16) > 0", "hex(10 ** 5000)[:5]", "int('1' * 5000, 8) > 0",
        "int('1' * 5000, 7) > 0", "int('1' * 5000, 0) > 0", "'%d' % 10 ** 5000", "f'{10 ** 5000}'",
        "format(10 ** 5000, 'x')[:3]", "format(10 ** 5000, ',')[:3]", "int(b'1' * 5000) > 0",
        "int('1_1' * 2000) > 0", "int(' ' * 5000 + '1')", "int('0' * 5000)", "int('-' + '1' * 4300) < 0",
        "int('-' + '1' * 4301) < 0", "str(-10 ** 4299)[:3]", "str(-10 ** 4300)[:3]",
        "float('1' * 5000) > 0", "int(bytearray(b'2' * 4301)) > 0", "'{:d}'.format(10 ** 4300)[:3]",
        "('%x' % 10 ** 5000)[:3]", "'%s' % 10 ** 5000", "int('1' * 641) > 0", "str(10 ** 640)[:2]",
        "len(str(10 ** 9999))", "int('9' * 10001) > 0", "oct(10 ** 5000)[:4]", "bin(3 ** 9000)[:4]",
    ]:
        try:
            print(text, '->', eval(text))
        except ValueError as e:
            print(text, '->', type(e).__name__, e)

# The limit from the command line and the environment, in a child interpreter.
for args, env in [(['-X', 'int_max_str_digits=700'], {}), (['-X', 'int_max_str_digits=5'], {}),
                  ([], {'PYTHONINTMAXSTRDIGITS': '0'}), ([], {'PYTHONINTMAXSTRDIGITS': '12'}),
                  (['-E'], {'PYTHONINTMAXSTRDIGITS': '800'}),
                  (['-X', 'int_max_str_digits=900'], {'PYTHONINTMAXSTRDIGITS': '800'})]:
    code = 'import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())'
    e = dict(os.environ)
    e.update(env)
    p = subprocess.run([sys.executable] + args + ['-c', code], env=e, capture_output=True)
    print(args, env, p.returncode, p.stdout.decode().strip(), p.stderr.decode().splitlines()[:1])
