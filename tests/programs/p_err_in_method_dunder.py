class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + o.c)
print((Money(1) + Money(2)).c)
Money(1) + 5
