# OrderedDict's views look like CPython's C ones: odict_keys/odict_values/odict_items.
from collections import OrderedDict
o = OrderedDict(a=1, b=[2])
print(o.keys(), o.values(), o.items(), OrderedDict().items())
print(type(o.keys()), type(o.values()).__name__, type(o.items()).__qualname__, type(o.keys()).__module__)
o["self"] = o
print(o.keys(), o.values(), o.items())
print(list(reversed(o.keys())), 'a' in o.keys(), ('a', 1) in o.items(), len(o.values()))
print(o.keys() & {"a", "zz"}, o.keys() == {"a", "b", "self"})
