"""Helper module imported by p_import_helper.py (not a program: it lives in a subdirectory)."""
GREETING = "hello from mod_util"
calls = 0


def double(x):
    global calls
    calls += 1
    return x * 2


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


print("mod_util loaded")
