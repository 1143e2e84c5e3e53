# importlib.import_module of a module not imported yet runs its code once (cpjit's meta path
# finder imports it; importlib's _load then gets that module, not a second execution), so a
# package's submodule attributes survive test.support.import_helper.import_fresh_module.
import importlib, sys
import json
for k in list(sys.modules):
    if k == 'json' or k.startswith('json.'):
        del sys.modules[k]
m = importlib.import_module('json')
print(m is sys.modules['json'], 'decoder' in m.__dict__, 'scanner' in m.__dict__)
print(type(m.__loader__).__name__, type(m.__spec__.loader).__name__)
from test.support import import_helper
cjson = import_helper.import_fresh_module('json', fresh=['_json'])
pyjson = import_helper.import_fresh_module('json', blocked=['_json'])
print(cjson.decoder.c_scanstring is not None, pyjson.decoder.c_scanstring)
print(cjson.scanner.make_scanner.__module__, pyjson.scanner.make_scanner.__module__)
