# A built-in method's __qualname__ names its class, bound or not (method descriptors:
# list.append, object.__init__); a module function's is its name. Call errors name the callee
# with it ("list.append() argument after * must be an iterable").
import math
print(list.append.__qualname__, str.join.__qualname__, dict.get.__qualname__,
      [].append.__qualname__, (5).bit_length.__qualname__, dict.fromkeys.__qualname__,
      math.floor.__qualname__, len.__qualname__, 'x'.upper.__qualname__)
for f in (list.append, [].append, str.join, math.floor):
    try:
        f(*5)
    except TypeError as e:
        print(e)
