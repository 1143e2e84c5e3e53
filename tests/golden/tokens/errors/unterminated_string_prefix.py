x = 1
y = rb'abc
