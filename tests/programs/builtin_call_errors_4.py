# Call-fuzzer campaign 950-999: complex() parses str subclasses as strings, compile() converts its
# arguments in Argument Clinic's order and rejects unknown flags (ValueError), list.pop converts the
# index before looking at the list, int.from_bytes takes a str subclass as byteorder; set methods
# refuse keywords (their values were read as operands); a code object's repr names it.
import time
class MyStr(str): pass
class MyInt(int): pass
tests = [lambda: complex(MyStr('s')), lambda: complex(MyStr('1+2j')), lambda: compile(MyInt(3), -1, 'exec', 7),
  lambda: compile("x", "f", "exec", 7), lambda: compile(3, "f", "exec"),
  lambda: [].pop('utf-8'), lambda: [1].pop('x'), lambda: [].pop(), lambda: [].pop(5),
  lambda: time.clock_settime(time.CLOCK_MONOTONIC, 3),
  lambda: bool.from_bytes(-0.0, MyStr('s')), lambda: int.from_bytes(-0.0, 'big'), lambda: int.from_bytes(b'', 'x'), lambda: int.from_bytes(5, 'x'),
  lambda: compile('x', 'f', 'exec', 0x10000), lambda: compile('x', 'f', 'exec', 0x8000), lambda: repr(compile('x', 'f', 'exec', 0x10)).split(' at ')[0],
  lambda: compile('x', 3, 'exec', 'q'), lambda: compile('x', 'f', 5, 'q'), lambda: [1, 2].pop(MyInt(0)), lambda: [].pop(2**70),
  lambda: frozenset({3}).difference(encoding=1), lambda: {1}.union([2], x=1), lambda: {1}.update(x=1),
  lambda: {1}.symmetric_difference_update(), lambda: frozenset({1}).intersection(q=2),
  lambda: repr((lambda: 0).__code__).split(', line ')[1]]
for i, f in enumerate(tests):
    try: print(i, f())
    except Exception as e: print(i, type(e).__name__, e)
