"""Runs one module of CPython's `test` package and writes each test case's outcome to a file.

usage: cpython_tests_runner.py MODULE OUTFILE

Run by tools/cpython_tests.py under both python3 and cpjit, so the two are counted by the same
code. Each finished case is appended to OUTFILE at once, as one line

    STATUS<TAB>TEST_ID<TAB>REASON

(STATUS one of pass, fail, error, skip; REASON the exception's type and first message line for
fail/error, the skip reason for skip), so the cases finished before a crash or a timeout are
still counted. A module that cannot be imported gives one `error` line for the module itself.
Expected failures count as passes and unexpected successes as failures, as unittest counts them.
"""

import sys
import unittest


def _reason(err):
    if err is None:
        return ""
    etype, value = err[0], err[1]
    try:
        msg = str(value)
    except BaseException:
        msg = "<unprintable>"
    lines = [x for x in msg.strip().split("\n") if x.strip()] or [""]
    # A module that fails to import: unittest's message ends with the import's exception.
    msg = lines[-1].strip() if lines[0].startswith("Failed to import test module") else lines[0]
    if len(msg) > 160:
        msg = msg[:157] + "..."
    name = getattr(etype, "__name__", str(etype))
    return name + (": " + msg if msg else "")


class RecordingResult(unittest.TestResult):
    """Writes one line per test case (a case with failed subtests counts once, as failed)."""

    def __init__(self, out):
        unittest.TestResult.__init__(self)
        self.out = out
        self.sub = {}

    def _write(self, status, test, reason=""):
        tid = test.id()
        reason = reason.replace("\t", " ").replace("\n", " ")
        self.out.write(status + "\t" + tid + "\t" + reason + "\n")
        self.out.flush()

    def startTest(self, test):
        unittest.TestResult.startTest(self, test)
        sys.stderr.write(test.id() + " ... ")
        sys.stderr.flush()

    def stopTest(self, test):
        unittest.TestResult.stopTest(self, test)
        tid = test.id()
        if tid in self.sub:
            status, reason = self.sub.pop(tid)
            self._write(status, test, reason)
            sys.stderr.write(status + "\n")

    def addSuccess(self, test):
        unittest.TestResult.addSuccess(self, test)
        if test.id() not in self.sub:
            self._write("pass", test)
            sys.stderr.write("ok\n")

    def addExpectedFailure(self, test, err):
        unittest.TestResult.addExpectedFailure(self, test, err)
        self._write("pass", test)
        sys.stderr.write("expected failure\n")

    def addUnexpectedSuccess(self, test):
        unittest.TestResult.addUnexpectedSuccess(self, test)
        self._write("fail", test, "unexpected success")
        sys.stderr.write("unexpected success\n")

    def addFailure(self, test, err):
        unittest.TestResult.addFailure(self, test, err)
        self.sub.pop(test.id(), None)
        self._write("fail", test, _reason(err))
        sys.stderr.write("FAIL\n")

    def addError(self, test, err):
        unittest.TestResult.addError(self, test, err)
        # setUpClass/module fixtures fail as a _ErrorHolder, not a case.
        self.sub.pop(test.id(), None)
        self._write("error", test, _reason(err))
        sys.stderr.write("ERROR\n")

    def addSkip(self, test, reason):
        unittest.TestResult.addSkip(self, test, reason)
        self._write("skip", test, str(reason))
        sys.stderr.write("skipped\n")

    def addSubTest(self, test, subtest, err):
        unittest.TestResult.addSubTest(self, test, subtest, err)
        if err is not None:
            status = "fail" if issubclass(err[0], test.failureException) else "error"
            prev = self.sub.get(test.id())
            if prev is None or (prev[0] == "fail" and status == "error"):
                self.sub[test.id()] = (status, _reason(err))

def _guarded(case_call):
    """TestCase.__call__ that records an exception escaping a case's run as that case's error
    and lets the run go on. unittest handles what a test, its set-up and its clean-ups raise;
    this is for what escapes it (an IsolatedAsyncioTestCase's event-loop teardown), which would
    otherwise end the whole module's run at that case."""
    def call(self, *args, **kwds):
        try:
            return case_call(self, *args, **kwds)
        except Exception:
            result = args[0] if args else kwds.get("result")
            if result is None:
                raise
            result.addError(self, sys.exc_info())
    return call


def main():
    name, outfile = sys.argv[1], sys.argv[2]
    unittest.TestCase.__call__ = _guarded(unittest.TestCase.__call__)
    # A reason may hold a lone surrogate (an exception message quoting one).
    with open(outfile, "w", encoding="utf-8", errors="backslashreplace") as out:
        try:
            suite = unittest.defaultTestLoader.loadTestsFromName("test." + name)
        except BaseException as e:
            out.write("error\ttest.%s\timport: %s\n" % (name, _reason((type(e), e, None))))
            return 1
        result = RecordingResult(out)
        suite.run(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
