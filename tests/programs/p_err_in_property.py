class Temp:
    def __init__(self):
        self._k = -5
    @property
    def kelvin(self):
        if self._k < 0:
            raise ValueError("negative kelvin")
        return self._k
t = Temp()
print(t.kelvin)
