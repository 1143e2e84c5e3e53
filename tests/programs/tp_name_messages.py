# Messages name a type CPython writes in C outside builtins by its tp_name, module-qualified:
# 'collections.deque', 'itertools.count', '_io.BytesIO', 'array.array', 're.Pattern', ...
import array
import collections
import functools
import io
import itertools
import re
import struct

objs = [collections.deque(), collections.defaultdict(int), itertools.count(), itertools.chain(),
        io.BytesIO(), io.StringIO(), array.array("b"), iter(array.array("b")), re.compile("a"),
        re.match("a", "a"), functools.partial(print), struct.Struct("b"), [].__iter__()]
for o in objs:
    for f in (lambda: o.nonexistent_attr, lambda: len(o) + o, lambda: o + 1, lambda: 1 - o,
              lambda: o < o, lambda: o(), lambda: o[0], lambda: o.__setitem__, lambda: divmod(o, 1),
              lambda: 5 in o, lambda: iter(o)):
        try:
            f()
        except Exception as e:
            print(type(e).__name__, e)
for t in (collections.deque, itertools.count, re.Pattern, io.BytesIO):
    try:
        t.nonexistent_attr
    except AttributeError as e:
        print(e)
try:
    re.Pattern.foo = 1
except TypeError as e:
    print(e)


class D(collections.deque):
    pass


try:
    D().nonexistent_attr
except AttributeError as e:
    print(e)
