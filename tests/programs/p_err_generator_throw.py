def worker():
    try:
        while True:
            yield "working"
    finally:
        print("worker cleanup")
w = worker()
print(next(w))
w.throw(RuntimeError("stop the worker"))
