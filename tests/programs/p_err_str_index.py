s = "hello world"
print(s.index("world"))
print(s.index("xyz"))
