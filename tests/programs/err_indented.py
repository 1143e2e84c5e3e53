def outer():
    def inner():
        x = {}
        return x['nope']
    return inner()

if True:
    outer()
