class Parser:
    def parse(self, s):
        return self.tokens(s)
    def tokens(self, s):
        return [self.tok(c) for c in s]
    def tok(self, c):
        return int(c)
p = Parser()
print(p.parse("123"))
print(p.parse("1a3"))
