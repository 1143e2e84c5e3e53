# A module's own __getattr__ (PEP 562) answers names its dict lacks: attribute access,
# getattr/hasattr defaults, `from m import name`; unittest.IsolatedAsyncioTestCase is one.
import sys
import types

mod = types.ModuleType('dyn')
exec('''
calls = []
def __getattr__(name):
    calls.append(name)
    if name.startswith('lazy_'):
        return name.upper()
    raise AttributeError(f"module 'dyn' has no attribute {name!r}")
''', mod.__dict__)
sys.modules['dyn'] = mod
import dyn
print(dyn.lazy_one, getattr(dyn, 'lazy_two'), getattr(dyn, 'missing', 'default'))
print(hasattr(dyn, 'lazy_x'), hasattr(dyn, 'nope'))
from dyn import lazy_three
print(lazy_three)
try:
    dyn.absent
except AttributeError as e:
    print('AttributeError:', e)
try:
    from dyn import absent
except ImportError as e:
    print('ImportError:', e)
print([c for c in dyn.calls if c != '__path__'][:5])
for i in range(50):
    v = dyn.lazy_loop
print(v, dyn.calls.count('lazy_loop'))

import unittest
print(unittest.IsolatedAsyncioTestCase.__name__)
import platform
print(platform.python_implementation())

# The module type's own attributes are found on a module too; coroutine origin depth is kept.
print(sys.__class__, types.__class__.__name__, dyn.__class__ is types.ModuleType)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(depth=2)
print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print('ValueError:', e)
sys.set_coroutine_origin_tracking_depth(0)
