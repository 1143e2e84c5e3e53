for args in [(2, "x", "f", "w", "g"), (2, "x", "f"), (2,), ("a", "b"), (2, "x", None), (2, "x", 7),
             (2, "x", 7, 8, 9, 10), (13, "denied"), (999, "odd"), (32, "pipe"), (17, "exists"), ()]:
    e = OSError(*args)
    print(type(e).__name__, e.args, str(e), repr(e), e.errno, e.strerror, e.filename, e.filename2)
e = FileNotFoundError(1, "x", "path")
print(type(e).__name__, e, isinstance(e, OSError), e.errno)
try:
    raise FileNotFoundError(2, "No such file or directory", "missing.txt")
except OSError as ex:
    print("caught", type(ex).__name__, ex, ex.filename)
print(issubclass(BrokenPipeError, ConnectionError), IOError is OSError, EnvironmentError is OSError)
raise PermissionError(13, "Permission denied", "/root/secret")
