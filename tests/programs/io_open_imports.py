# A text-mode open without an encoding asks for the locale's encoding as CPython's C
# TextIOWrapper does, without importing the locale module (and re, enum, ... behind it).
import sys

with open(__file__) as f:
    print(f.encoding, len(f.read()) > 0)
print("locale" in sys.modules)
import locale
print(locale.getencoding() == f.encoding)
