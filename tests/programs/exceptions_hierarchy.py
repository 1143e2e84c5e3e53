class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, msg):
        super().__init__(f"{table}: {msg}")
        self.table = table
class NotFound(DbError):
    pass
def op(kind):
    if kind == 1:
        raise NotFound("users", "no row 5")
    if kind == 2:
        raise DbError("orders", "locked")
    if kind == 3:
        raise AppError("generic")
    if kind == 4:
        raise KeyError(kind)
for k in range(5):
    try:
        op(k)
        print(k, "ok")
    except NotFound as e:
        print(k, "NotFound", e, e.table)
    except DbError as e:
        print(k, "DbError", e)
    except AppError as e:
        print(k, "AppError", e, isinstance(e, Exception))
    except Exception as e:
        print(k, "other", repr(e))
print([c.__name__ for c in NotFound.__mro__])
try:
    raise NotFound("t", "m")
except (ValueError, AppError) as e:
    print("tuple match", type(e).__name__)
