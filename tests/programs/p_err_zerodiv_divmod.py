print(divmod(9, 2))
print(divmod(9, 0))
