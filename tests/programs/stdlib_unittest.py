# unittest: a TestCase run through TextTestRunner (its report, with the timing line masked),
# assertions, subTest, skips, expected failures, setUp/tearDown order, fixtures at class level.
import io, re, unittest

log = []

class Arith(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        log.append("setUp " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown")

    def test_add(self):
        self.assertEqual(1 + 1, 2)
        self.assertNotEqual(1, 2)
        self.assertTrue([1])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNone(None)
        self.assertIn(3, [1, 2, 3])
        self.assertIsInstance(1, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertGreater(2, 1)
        self.assertLessEqual(1, 1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("hello world", r"wor")
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertSequenceEqual((1, 2), [1, 2])

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        self.assertRaisesRegex(ValueError, "invalid literal", int, "x")
        with self.assertWarns(DeprecationWarning):
            import warnings
            warnings.warn("old", DeprecationWarning)

    def test_fail_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_fail_dict(self):
        self.assertEqual({"a": 1, "b": 2}, {"a": 1, "b": 3}, "dicts differ")

    def test_error(self):
        raise KeyError("boom")

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_skip_inside(self):
        self.skipTest("decided at run time")


class Other(unittest.TestCase):
    def test_multiline(self):
        self.assertMultiLineEqual("a\nb\nc\n", "a\nB\nc\n")

    def test_ok(self):
        self.assertLess(1, 2)


def run(*classes):
    loader = unittest.TestLoader()
    suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    out = re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests in Ts", stream.getvalue())
    out = re.sub(r'File ".*?([^/"]+\.py)"', r'File "\1"', out)
    print(out)
    print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())


print(unittest.TestLoader().getTestCaseNames(Arith))
run(Arith, Other)
print(log)
