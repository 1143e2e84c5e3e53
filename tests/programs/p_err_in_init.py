class Conn:
    def __init__(self, port):
        if not 0 < port < 65536:
            raise ValueError(f"bad port {port}")
        self.port = port
c = Conn(80)
print(c.port)
Conn(70000)
