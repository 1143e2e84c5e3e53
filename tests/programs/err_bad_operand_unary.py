x = 'text'
y = -x
