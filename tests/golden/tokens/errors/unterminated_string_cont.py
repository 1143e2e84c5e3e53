x = 'abc\

