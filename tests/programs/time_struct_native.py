# time's calendar functions and struct_time (native in cpjit): values, reprs, fields, errors.
import pickle
import time


def p(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday,
      t.tm_isdst, t.tm_zone, t.tm_gmtoff)
print(len(t), t[:3], t[-1], tuple(t), t == tuple(t), hash(t) == hash(tuple(t)))
for secs in [0, -1, -1.5, 1.999, 86399, 951782400, 253402300799, -62135596800, 2**40,
             1e12, True]:
    print(secs, tuple(time.gmtime(secs)), tuple(time.localtime(secs)))
lt = time.localtime(1700000000)
print(lt, lt.tm_zone, lt.tm_gmtoff)
print(time.mktime(lt), time.mktime((2024, 2, 29, 12, 0, 0, 0, 0, 0)))
print(time.mktime((2020, 14, 1, 0, 0, 0, 0, 1, 0)), time.mktime((2020, -3, 40, 25, 61, 61, 0, 1, 0)))
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %u %y %C %e %I %p %%', t))
print(time.strftime('%c|%x|%X|%D|%F|%T|%R|%n|%t|%Q|%', t))
print(time.strftime('%Z|%z', t), time.strftime('%Z|%z', (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime('%-d %_d %5Y %^a %#b %#p %-j %_m %03d', (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime('%Y %m %d %j', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime('', t), time.asctime(t), time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.ctime(1700000000), time.ctime(0.5))
s = time.struct_time((2001, 2, 3, 4, 5, 6, 0, 34, -1, 'XYZ', 3600))
print(s, s.tm_zone, s.tm_gmtoff, time.strftime('%Z %z', s))
print(time.struct_time(range(9)).tm_zone, time.struct_time([1] * 10).tm_zone)
print(time.struct_time((1,) * 9, {'tm_zone': 'Q', 'tm_gmtoff': 7}).tm_gmtoff)
print(time.struct_time(sequence=(1,) * 9))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    u = pickle.loads(pickle.dumps(s, proto))
    print(proto, u, u.tm_zone, u.tm_gmtoff, type(u).__name__)
print(t.__reduce__())
print(time.struct_time.tm_year, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
print(type(t).__module__, type(t).__name__, isinstance(t, tuple))

# Errors.
p(lambda: time.strftime('%Y', (2020.0, 1, 1, 0, 0, 0, 0, 1, 0)))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0),
            (2020, 1, 1, 24, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0),
            (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0),
            (2020, 1, 1, 0, 0, 0, 0, 367, 0), (2020, 1, 1, 0, 0, 0, 0, -1, 0)]:
    p(lambda: time.strftime('%Y', bad))
    p(lambda: time.asctime(bad))
p(lambda: time.strftime('%Y', (2020, 1, 1, 0, 0, 0, 0, 1)))
p(lambda: time.strftime('%Y', [2020, 1, 1, 0, 0, 0, 0, 1, 0]))
p(lambda: time.strftime('%Y', (2**40, 1, 1, 0, 0, 0, 0, 1, 0)))
p(lambda: time.strftime('%Y', (-2**40, 1, 1, 0, 0, 0, 0, 1, 0)))
p(lambda: time.strftime('a\0b', (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
p(lambda: time.strftime(b'%Y'))
p(lambda: time.strftime(None))
p(lambda: time.strftime('%Y', None))
p(lambda: time.strftime('%Y', 5))
p(lambda: time.strftime())
p(lambda: time.strftime('%Y', t, 1))
p(lambda: time.strftime('%Y', t=t))
p(lambda: time.mktime((2020.0, 1, 1, 0, 0, 0, 0, 1, 0)))
p(lambda: time.mktime((2020, 1, 1, 0, 0, 0, 0, 1)))
p(lambda: time.mktime((2020, 1, 1, 0, 0, 0, 0, 1, 0, 1)))
p(lambda: time.mktime([2020, 1, 1, 0, 0, 0, 0, 1, 0]))
p(lambda: time.mktime())
p(lambda: time.mktime(t, t))
p(lambda: time.mktime(t=t))
p(lambda: time.asctime(t, t))
p(lambda: time.asctime('x'))
p(lambda: time.gmtime(1e20))
p(lambda: time.gmtime(2**62))
p(lambda: time.gmtime(2**70))
p(lambda: time.gmtime('x'))
p(lambda: time.gmtime(1.5, 2))
p(lambda: time.gmtime(secs=1))
p(lambda: time.localtime(float('nan')))
p(lambda: time.localtime(float('inf')))
p(lambda: time.localtime(1, 2))
p(lambda: time.ctime('x'))
p(lambda: time.struct_time(5))
p(lambda: time.struct_time((1,) * 8))
p(lambda: time.struct_time((1,) * 12))
p(lambda: time.struct_time((1,) * 9, 5))
p(lambda: time.struct_time())
p(lambda: time.struct_time((1,) * 9, x=1))
p(lambda: setattr(t, 'tm_year', 5))
p(lambda: delattr(t, 'tm_year'))
p(lambda: setattr(t, 'foo', 5))
p(lambda: t.__dict__)
p(lambda: time.struct_time.tm_year.__get__(5))
p(lambda: time.struct_time.tm_zone.__get__((1, 2)))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(time.gmtime(Idx(86400 * 365)), time.strftime('%Y-%m', (Idx(1999), Idx(12)) + (1,) * 7))
print(time.strftime('[%Z|%z]', (2020, 1, 1, 0, 0, 0, 0, 1, -1)),
      time.strftime('[%Z|%z]', (2020, 1, 1, 0, 0, 0, 0, 1, -5)),
      time.strftime('[%Z|%z]', (2020, 1, 1, 0, 0, 0, 0, 1, 3)),
      time.strftime('[%Z|%z]', time.struct_time((1,) * 8 + (-1, '', 60))))
