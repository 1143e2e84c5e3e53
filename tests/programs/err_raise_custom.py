class AppError(Exception):
    pass

def run():
    raise AppError('bad thing')

run()
