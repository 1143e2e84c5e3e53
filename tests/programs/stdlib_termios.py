# termios: tcgetattr and friends on a descriptor that is not a terminal raise termios.error
# (errno ENOTTY); the constants tty needs are there, so `import tty` works.
import os
import termios
import tty

r, w = os.pipe()
for f, args in ((termios.tcgetattr, (r,)), (termios.tcdrain, (w,)),
                (termios.tcflush, (r, termios.TCIFLUSH)), (termios.tcgetwinsize, (r,))):
    try:
        f(*args)
    except termios.error as e:
        print(f.__name__, 'error', e.args[0], isinstance(e, OSError))
try:
    termios.tcsetattr(r, termios.TCSANOW, [])
except TypeError as e:
    print(e)
print(termios.error.__module__, termios.TCSAFLUSH, termios.B38400, termios.NCCS, termios.VMIN)
print(tty.ICANON == termios.ICANON, tty.CC, callable(tty.setraw))
