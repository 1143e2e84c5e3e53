# Imported by import_partially_initialized.py: b runs while a is half-initialized.
from . import b


def late():
    return "late"
