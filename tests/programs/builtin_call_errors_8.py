# Call-fuzzer campaign 1600-1649: sum() binds its arguments as Argument Clinic does
# (sum(iterable, /, start=0)) and refuses str, bytes and bytearray starts including subclasses.
class MyStr(str): pass
class MyBytes(bytes): pass
class MyBA(bytearray): pass
for f in [lambda: sum(set(), MyStr('s')), lambda: sum([], MyBytes(b'x')), lambda: sum([], MyBA(b'x')), lambda: sum([], bytearray()),
          lambda: sum([], 's'), lambda: sum([], b''), lambda: sum(), lambda: sum([], 1, 2), lambda: sum([], 1, start=2),
          lambda: sum(start=2), lambda: sum(iterable=[]), lambda: sum([], iterable=1), lambda: sum([], x=1), lambda: sum([], start=1, x=2),
          lambda: sum([], x=1, y=2), lambda: sum(5), lambda: sum([1, 2], start=3), lambda: sum([[1]], start=[])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
# Campaign 1650-1749: exec/eval check that locals is a mapping before compiling the source, also
# when globals is a dict subclass.
class MyDict(dict): pass
for f in [lambda: exec('a b\tc\n', MyDict(k=1), float('nan')), lambda: eval('a b', MyDict(), 1.5), lambda: exec('a b', {}, 1.5),
          lambda: exec('a b', 1, 1.5), lambda: eval('a b', {}, 1.5), lambda: exec('a b', None, 2), lambda: exec(1, {}, 1), lambda: eval(1, {}, 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
