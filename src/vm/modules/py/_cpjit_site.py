"""What CPython's site module adds to builtins at start-up (skipped under -S, as there):
copyright, credits, license, help, exit and quit, made from the standard library's own
_sitebuiltins classes. _Printer's constructor imports os, which cpjit cannot import yet, so the
printers are built without it (their attributes set as _Printer.__init__ sets them), and the
license text is read up front (cpjit has no `open` yet)."""

import builtins
import sys

import _sitebuiltins


def _printer(name, data, files=(), dirs=()):
    import _cpjit

    # _Printer.__setup: the first of the files that can be read, else `data`.
    for path in [d + "/" + f for d in dirs for f in files]:
        text = _cpjit.read_text(path)
        if text is not None:
            data = text
            break
    p = object.__new__(_sitebuiltins._Printer)
    p._Printer__name = name
    p._Printer__data = data
    p._Printer__lines = None
    p._Printer__filenames = []
    return p


def install():
    builtins.exit = _sitebuiltins.Quitter("exit", "Ctrl-D (i.e. EOF)")
    builtins.quit = _sitebuiltins.Quitter("quit", "Ctrl-D (i.e. EOF)")
    builtins.copyright = _printer("copyright", sys.copyright)
    builtins.credits = _printer(
        "credits",
        """\
    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands
    for supporting Python development.  See www.python.org for more information.""",
    )
    files, dirs = [], []
    here = getattr(sys, "_stdlib_dir", None)
    if here:
        files.extend(["LICENSE.txt", "LICENSE"])
        dirs.extend([here + "/..", here, "."])
    builtins.license = _printer(
        "license", "See https://www.python.org/psf/license/", files, dirs
    )
    builtins.help = _sitebuiltins._Helper()
