# Modules cpjit imports have a ModuleSpec `__spec__` (importlib.resources.files works on them),
# and `_datetime` (the pure-Python datetime's classes) imports alone or blocked, as
# test.support.import_helper.import_fresh_module uses it.
import json
import json.decoder
import sys
print(__spec__)
print(json.__spec__.name, json.__spec__.parent, json.__spec__.has_location)
print(json.__spec__.origin == json.__file__, json.__spec__.origin.endswith('__init__.py'))
print(json.__spec__.submodule_search_locations is json.__path__)
print(json.decoder.__spec__.name, json.decoder.__spec__.parent,
      json.decoder.__spec__.submodule_search_locations)
print(json.__spec__.cached.endswith('.pyc'), type(json.__spec__.loader).__name__)
print(json.__spec__.loader.get_source('json').count('\n') > 10)
print(json.__spec__ == json.__spec__, json.__spec__ == json.decoder.__spec__)
print(repr(json.decoder.__spec__).startswith("ModuleSpec(name='json.decoder', loader=<"))
import importlib.util
import importlib.resources
print(importlib.util.find_spec('json.decoder').name)
print(sorted(p.name for p in importlib.resources.files('json').iterdir() if p.name.endswith('.py')))
print(importlib.resources.files('email').joinpath('architecture.rst').read_text()[:30])
print(importlib.resources.files('json').joinpath('tool.py').is_file())
import importlib
m = importlib.import_module('json.tool')
print(m.__spec__.name, m.__spec__.parent)

from test.support.import_helper import import_fresh_module
pure = import_fresh_module('datetime', fresh=['datetime'], blocked=['_datetime'])
fast = import_fresh_module('datetime', fresh=['datetime', '_datetime'])
print(pure is not None, fast is not None, pure.datetime(2020, 2, 29).isoformat())
import _datetime
import datetime
print(_datetime.datetime is datetime.datetime, _datetime.MAXYEAR, _datetime.timezone.utc)
print(datetime.datetime(2021, 3, 4, 5, 6) - datetime.timedelta(hours=30))
