class AppError(Exception):
    pass
def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise AppError("load failed") from e
try:
    load()
except AppError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(repr(e.__context__), e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("quiet") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise RuntimeError
except RuntimeError as e:
    print(repr(e), e.args)
