"""cpjit bench's stand-in for the `pyperf` package: enough of its API to run pyperformance's
benchmark scripts (bm_*/run_benchmark.py) unmodified, under cpjit or any other Python.

`cpjit bench` writes this file into a temporary directory and puts that directory first on
PYTHONPATH for scripts that import pyperf. Each benchmark runs CPJIT_BENCH_LOOPS times (default 1)
in the process; `cpjit bench` times the whole process. Each benchmark prints one line,

    <name>: ok <repr of the result, when it is a plain value>

so the outputs of two implementations (or two modes) can be compared line for line.
"""

import os
import sys
import time

perf_counter = time.perf_counter

_LOOPS = max(1, int(os.environ.get("CPJIT_BENCH_LOOPS", "1") or "1"))


def python_implementation():
    return sys.implementation.name.lower()


def _is_plain(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, (list, tuple)):
        return all(_is_plain(v) for v in value)
    return False


class _Args:
    pass


class _ArgumentParser:
    """Records the arguments a script adds; parse_args gives every option its default and every
    positional the command line's word, else its first choice in sorted order."""

    def __init__(self):
        self._options = []

    def add_argument(self, *names, **kw):
        default = kw.get("default")
        if kw.get("action") == "store_true" and default is None:
            default = False
        elif kw.get("action") == "store_false" and default is None:
            default = True
        positional = not names[0].startswith("-")
        dest = kw.get("dest")
        if dest is None:
            if positional:
                dest = names[0]
            else:
                longs = [n for n in names if n.startswith("--")]
                dest = (longs or list(names))[0].lstrip("-").replace("-", "_")
        if positional and default is None and kw.get("choices"):
            default = sorted(kw["choices"])[0]
        self._options.append((dest, default, positional, kw.get("nargs")))

    def parse_args(self, args=None):
        words = list(sys.argv[1:] if args is None else args)
        ns = _Args()
        for dest, default, positional, nargs in self._options:
            value = default
            if positional and words:
                if nargs in ("*", "+"):
                    value, words = words, []
                else:
                    value = words.pop(0)
            setattr(ns, dest, value)
        return ns


class Runner:
    def __init__(self, *args, **kwargs):
        self.metadata = {}
        self.argparser = _ArgumentParser()
        self.args = None

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def _done(self, name, result):
        if _is_plain(result):
            print("%s: ok %r" % (name, result))
        else:
            print("%s: ok" % name)
        sys.stdout.flush()

    def bench_func(self, name, func, *args, **kwargs):
        self.parse_args()
        result = None
        for _ in range(_LOOPS):
            result = func(*args)
        self._done(name, result)
        return result

    def bench_async_func(self, name, func, *args, **kwargs):
        import asyncio

        self.parse_args()
        result = None
        for _ in range(_LOOPS):
            result = asyncio.run(func(*args))
        self._done(name, result)
        return result

    def bench_time_func(self, name, time_func, *args, **kwargs):
        self.parse_args()
        elapsed = time_func(_LOOPS, *args)
        self._done(name, None)
        return elapsed

    def bench_command(self, name, command):
        import subprocess

        self.parse_args()
        for _ in range(_LOOPS):
            subprocess.run(command, check=True)
        self._done(name, None)
