# Ints between 2**47 and 2**63 (boxed in cpjit, immediates above 48 bits) are index-sized: as
# slice bounds and steps, sequence repeat counts and operator.index callers.
import array, sys, operator
a = array.array('b', range(5))
print(a[sys.maxsize:], a[-sys.maxsize-1:2], a[::sys.maxsize], a[::-sys.maxsize])
l = list(range(5))
print(l[sys.maxsize:], l[::sys.maxsize], l[2**50:], 'abc'[2**48:], b'abc'[-2**60:])
del a[sys.maxsize:]
del a[::2**62]
print(a)
print(operator.index(2**62), [1, 2, 3][-2**62:])
try:
    l[2**63]
except IndexError as e:
    print('IndexError', e)
try:
    l[2**50]
except IndexError as e:
    print('IndexError', e)
import sys, array
indices = (0, None, 1, 3, 19, 100, sys.maxsize, -1, -2, -31, -100)
for start in indices:
    for stop in indices:
        for step in indices[1:]:
            a = array.array('b', [1,2,3,4,5])
            L = list(a)
            data = L[start:stop:step]
            data.reverse()
            L[start:stop:step] = data
            try:
                a[start:stop:step] = array.array('b', data)
            except ValueError as e:
                print(start, stop, step, e)
print("extended slices ok")
