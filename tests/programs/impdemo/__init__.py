from .circ import a
__all__ = ["star_one", "star_two"]
star_one = 1
star_two = 2
_hidden = 3
not_exported = 4
