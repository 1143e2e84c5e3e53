name = 'n'
print(name + 5)
