class Bad:
    def __repr__(self):
        return "Bad(" + self.missing + ")"
items = [1, Bad()]
print(len(items))
print(items)
