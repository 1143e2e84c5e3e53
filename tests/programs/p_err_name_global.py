print(len([1]))
print(lenn([1]))
