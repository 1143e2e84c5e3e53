# os functions convert integer arguments as Argument Clinic does (C int / Py_ssize_t / Py_off_t):
# "'str' object cannot be interpreted as an integer", OverflowError past the C type (strerror and
# mkdir truncated huge values before).
import os
for f in [lambda: os.strerror('x'), lambda: os.strerror(2**40), lambda: os.strerror(2), lambda: os.read('x', 1), lambda: os.read(0, 'x'), lambda: os.read(2**40, 1),
          lambda: os.read(-1, 1), lambda: os.read(0, 2**70), lambda: os.lseek(0, 'x', 0), lambda: os.lseek(0, 2**70, 0), lambda: os.lseek(0, 0, 2**40),
          lambda: os.urandom(-1), lambda: os.urandom('x'), lambda: len(os.urandom(3)), lambda: os.access('/', 'x'), lambda: os.access('/', 2**40), lambda: os.access('/', os.R_OK),
          lambda: os.mkdir('/nonexistent/x/y', 'x'), lambda: os.open('/nonexistent/q', 'x'), lambda: os.open('/nonexistent/q', os.O_RDONLY, 2**40),
          lambda: os.ftruncate(-1, 'x'), lambda: os.ftruncate(-1, 2**70), lambda: os.close('x'), lambda: os.fstat(2**40)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
