s = "hello"
i = 10
print(s[i])
