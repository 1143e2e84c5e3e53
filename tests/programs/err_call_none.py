callbacks = {'a': None}
callbacks['a']()
