# Slice subscripts whose __index__ changes the list or bytearray being sliced: the length is read
# after the indices (PySlice_Unpack, then PySlice_AdjustIndices), so nothing reads past the end.
class X:  # clears e when asked for an index
    def __index__(self):
        e[:] = []
        return 1
e = list(range(10))
e[0:10:X()] = []
print(e)
e = list(range(10))
e[0:10:X()] = ()
print(e)
e = list(range(10))
try:
    del e[0:10:X()]
except Exception as x:
    print(type(x))
print(e)
e = list(range(10))
print(e[0:10:X()])
class X:  # clears e when asked for an index
    def __index__(self):
        e[:] = b''
        return 1
for op in ('set', 'del', 'get', 'set1'):
    e = bytearray(range(10))
    try:
        if op == 'set':
            e[0:10:X()] = b''
        elif op == 'set1':
            e[0:10:X()] = b'abc'
        elif op == 'del':
            del e[0:10:X()]
        else:
            print(e[0:10:X()])
    except Exception as x:
        print(op, type(x).__name__, x)
    print(e)
