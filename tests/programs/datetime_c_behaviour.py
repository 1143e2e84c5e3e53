# datetime behaves as CPython's C _datetime (cpjit runs the pure-Python classes): error messages,
# reprs naming a subclass by its bare name, IsoCalendarDate's repr, types named datetime.X.
import datetime as dt, pickle, copy
def T(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class D(dt.date): pass
class DT(dt.datetime):
    def extra(self): return 1
class TD(dt.timedelta): pass
class TM(dt.time): pass
class Outer:
    class Inner(dt.date): pass
for v in (D(2020, 1, 2), DT(2020, 1, 2, 3, 4, 5, 6), TD(1, 2, 3), TM(1, 2), Outer.Inner(2021, 5, 6),
          dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), dt.timezone(dt.timedelta(hours=2), "X"),
          dt.timezone.utc, dt.date(2020, 1, 1).isocalendar(), dt.time(1, 2, 3, 4, fold=1), dt.timedelta(0)):
    T(lambda: v); T(lambda: str(v))
T(lambda: type(DT(2020, 1, 1) + dt.timedelta(1)))
T(lambda: pickle.loads(pickle.dumps(DT(2020, 1, 1)))); T(lambda: copy.deepcopy(D(2020, 1, 1)))
T(lambda: pickle.loads(pickle.dumps(dt.date(2020,1,1).isocalendar())))
T(lambda: dt.date(2020, 13, 1)); T(lambda: dt.date(2020, 2, 30)); T(lambda: dt.date(0, 1, 1)); T(lambda: dt.date(10**10, 1, 1))
T(lambda: dt.date(2020.5, 1, 1)); T(lambda: dt.date("2020", 1, 1)); T(lambda: dt.datetime(2020, 1, 1, 24)); T(lambda: dt.time(1, 60))
T(lambda: dt.time(1, 1, 60)); T(lambda: dt.time(1, 1, 1, 10**6)); T(lambda: dt.time(fold=2)); T(lambda: dt.datetime(2020, 1, 1).replace(day=32))
T(lambda: dt.date.fromordinal(0)); T(lambda: dt.date.fromordinal(1)); T(lambda: dt.date.fromordinal(10**7)); T(lambda: D.fromordinal(5))
T(lambda: dt.timedelta(days=10**9)); T(lambda: dt.timedelta(days=10**10)); T(lambda: dt.timedelta(days=999999999) + dt.timedelta(1))
T(lambda: dt.timedelta("1")); T(lambda: dt.timedelta(hours=None)); T(lambda: dt.timedelta(1.5, 2.5)); T(lambda: TD(hours=3))
T(lambda: dt.timedelta(weeks=1, days=-1, minutes=1.5)); T(lambda: dt.timedelta(1) * 10**9)
T(lambda: dt.timezone(dt.timedelta(hours=25))); T(lambda: dt.timezone(dt.timedelta(hours=-24))); T(lambda: dt.timezone(5))
T(lambda: dt.timezone(dt.timedelta(hours=1), 5)); T(lambda: dt.timezone(dt.timedelta(hours=1)) == dt.timezone(dt.timedelta(hours=1), "x"))
n, a = dt.datetime(2020, 1, 1), dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
T(lambda: n - a); T(lambda: a - n); T(lambda: n < a); T(lambda: n == a); T(lambda: a - a); T(lambda: n > 3)
T(lambda: dt.time(1, tzinfo=dt.timezone.utc) < dt.time(2)); T(lambda: dt.time(1) == dt.time(1, tzinfo=dt.timezone.utc))
T(lambda: dt.date(2020, 1, 1) + 1); T(lambda: dt.date(2020, 1, 1) - "x"); T(lambda: dt.timedelta(1) % 3); T(lambda: dt.timedelta(1) + 1)
T(lambda: dt.date(2020, 1, 1).strftime(5)); T(lambda: dt.time(1).strftime(None)); T(lambda: dt.datetime(2020,1,1).strftime("%Y %%"))
T(lambda: dt.date(2020, 1, 1).isocalendar().week); T(lambda: type(dt.date(2020, 1, 1).isocalendar()))
T(lambda: dt.date.fromisoformat("2020-1-1")); T(lambda: dt.datetime.strptime("2020", "%m"))
T(lambda: sorted([DT(2020, 1, 2), DT(2020, 1, 1)]))
T(lambda: {dt.date(2020, 1, 1): 1}[D(2020, 1, 1)])
T(lambda: dt.datetime(2020, 1, 1, 12).astimezone(dt.timezone(dt.timedelta(hours=3))).hour >= 0)
