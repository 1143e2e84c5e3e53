#!/usr/bin/env python3
"""Records python3's ast.dump of each tests/parser_golden/*.py into NAME.dump (plain) and
NAME.pos.dump (include_attributes=True), one line each. Re-run to re-record."""

import ast
import os

DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "parser_golden")

for name in sorted(os.listdir(DIR)):
    if not name.endswith(".py"):
        continue
    with open(os.path.join(DIR, name), "rb") as f:
        tree = ast.parse(f.read())
    base = os.path.join(DIR, name[:-3])
    with open(base + ".dump", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree) + "\n")
    with open(base + ".pos.dump", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree, include_attributes=True) + "\n")
    print("recorded", name)
