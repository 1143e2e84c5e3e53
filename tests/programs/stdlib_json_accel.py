# _json (the C accelerator json uses): scanstring, the scanner, the encoder, the basestring
# encoders, with _json.c's messages and positions.
import json, _json, decimal, collections
print(json.decoder.scanstring.__module__, json.scanner.make_scanner.__module__, json.encoder.c_make_encoder.__module__)
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00\\n"], "b": {}}'))
print(json.dumps({"a": [1, 2.5, float('inf'), True, None, "é😀\n\x01"], 3: 4, 1.5: 2, None: 1, False: 0}))
print(json.dumps({"a": [1, 2.5, "é😀\n\x01"]}, ensure_ascii=False))
print(json.dumps([1, (2, 3), {"b": 1, "a": 2}], sort_keys=True, separators=(',', ':')))
print(json.loads('[1.5, 2]', parse_float=decimal.Decimal, parse_int=float))
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=collections.OrderedDict))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
for bad in ['[1,', '{"a" 1}', '{"a": 1,}', '"abc', '"\\x"', '"\\u12"', '[1 2]', '', 'nul', '"\x01"', '{1: 2}', '-', '[01]', '1e', '[1.]']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), e.msg, e.pos)
try: json.dumps({(1,): 2})
except TypeError as e: print(e)
try: json.dumps(float('nan'), allow_nan=False)
except ValueError as e: print(e)
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
class C: pass
try: json.dumps(C())
except TypeError as e: print(e)
print(json.dumps(C(), default=lambda o: [1, 'c']))
print(_json.scanstring('"abc\\n"x', 1), _json.encode_basestring('a"\\\u2028'), _json.encode_basestring_ascii('\ud800x'))
try: _json.scanstring(b'x', 1)
except TypeError as e: print(e)
try: _json.make_encoder(1, None, None, None, ': ', ', ', False, False, False)
except TypeError as e: print(e)
print(json.loads('[' * 10 + ']' * 10))
try: json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e: print('RecursionError')
import enum
class E(enum.IntEnum):
    A = 1
class F(float): pass
print(json.dumps({E.A: E.A, 'f': F(1.5)}))
print(json.dumps('x' * 3), json.loads(' "\\"" '))
print(json.loads('{"a": "b", "c": "a"}').keys())
a = [object()] * 10
def crasher(obj):
    del a[-1]
print(json.dumps(a, default=crasher))
try: _json.scanstring(b"xxx", 2**64)
except OverflowError as e: print('OverflowError', e)
print(json.decoder.scanstring is _json.scanstring, json.encoder.c_make_encoder is _json.make_encoder)
