class Bad:
    def __iter__(self):
        return 5

for x in Bad():
    pass
