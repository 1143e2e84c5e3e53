# List and tuple items read and written by compiled code (BINARY_SUBSCR_LIST_INT,
# BINARY_SUBSCR_TUPLE_INT, STORE_SUBSCR_LIST_INT stencils): negative indexes, the end of the
# range, IndexError raised inside the loop and caught inside and outside it, and receivers that
# turn into other types (a list subclass, a dict, a str) or indexes that are not small ints.


class MyList(list):
    def __getitem__(self, i):
        return ("sub", list.__getitem__(self, i))


def reads(seq, n):
    total = 0
    for i in range(n):
        total += seq[i] + seq[-1 - i]
    return total


def writes(lst, n):
    for i in range(n):
        lst[i] = i * 2
        lst[-1 - i] = lst[i] + 1
    return lst


def flip(items):
    out = []
    for seq in items:
        for i in range(3):
            out.append(seq[i])
    return out


def overrun(seq):
    i = 0
    total = 0
    try:
        while True:
            total += seq[i]
            i += 1
    except IndexError as e:
        return total, i, str(e)


def store_overrun(lst):
    i = 0
    while True:
        try:
            lst[i] = -i
        except IndexError as e:
            return i, str(e), lst[:3]
        i += 1


print(reads(list(range(100)), 100))
print(reads(tuple(range(50)), 50))
print(writes([0] * 10, 5))
print(flip([[1, 2, 3]] * 40 + [(4, 5, 6), "abc", MyList([7, 8, 9]), {0: "a", 1: "b", 2: "c"}]))
print(overrun(list(range(30))))
print(overrun(tuple(range(30))))
print(store_overrun([9] * 20))
big = 2 ** 70
lst = list(range(10))
for k in [0, 3, -2, True, big]:
    try:
        print(k, lst[k])
    except IndexError as e:
        print(k, "IndexError", e)
try:
    print(overrun([1, 2, "x"]))
except TypeError as e:
    print("TypeError", e)
