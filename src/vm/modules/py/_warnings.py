# cpjit's _warnings: present (importlib's bootstrap loads it as a built-in) but empty, so
# warnings.py uses its own pure-Python implementation, as when CPython lacks the C module.
