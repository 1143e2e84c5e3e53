class P:
    def __init__(self, v):
        self.v = int(v)

ps = [P('1'), P('two')]
