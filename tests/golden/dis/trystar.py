def star(f):
    try:
        f()
    except* ValueError as eg:
        print(eg)
    except* (KeyError, TypeError):
        pass
    else:
        return 1
    return 2

def star_finally(f, log):
    try:
        f()
    except* OSError:
        log.append("os")
    finally:
        log.append("done")
