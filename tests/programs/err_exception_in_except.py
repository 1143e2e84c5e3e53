try:
    x = int('bad')
except ValueError as e:
    print('handling', e)
    raise RuntimeError('cleanup failed')
