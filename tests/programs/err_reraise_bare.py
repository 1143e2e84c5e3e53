try:
    int('q')
except ValueError:
    print('logging')
    raise
