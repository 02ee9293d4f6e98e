"""Faster paths give exactly what the plain code gives (no timings here:
speed is measured by benchmarks/run.py)."""
import pytest

from rehabstat.common.issues import _shape, _shapes


def test_shapes_in_one_pass_equal_shapes_one_by_one():
    values = ["LC-202103-003", "HV_0012", "Nguyễn Văn 12", "x", "\u0661\u0662ab3", "12", "", "Đ9-x_y", "a b",
              "K001", "k-1/2021", "A1\u00b2", "ǅ7"]
    assert _shapes(values) == {_shape(v) for v in values}
    assert _shapes(values) >= {"A-9-9", "A_9", "A A 9", "A9", "\u0661\u0662A9"}
    # a value holding the separator: one by one
    assert _shapes(["a\x00b", "c1"]) == {_shape("a\x00b"), "A9"}
    assert _shapes([]) == set()


def test_shapes_of_ascii_ids_by_translation_equal_shapes_one_by_one():
    # a store's learner ids are 16-hex hashes; a folder's are what clerks type
    values = ["b54f9f21add7d7d5", "6a8b6c4b4e7dc77a", "0000000000000000", "ffffffffffffffff", "LC-202103-003",
              "AA99", "9A9A", "a99b", "HV_0012", "k-1/2021", "x", "12", "", " a b ", "A1-", "Zz9"]
    assert _shapes(values) == {_shape(v) for v in values}
    assert _shapes(values) == {"A9A9A9A9A9A9", "9A9A9A9A9A9A9A", "9", "A", "A-9-9", "A9", "9A9A", "A9A",
                               "A_9", "A-9/9", "", " A A ", "A9-"}


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aZĐễ٣²_-/ 09\x00"), max_size=6), max_size=12))
def test_shapes_digits_then_letters_equal_shapes_one_by_one(values):
    assert _shapes(values) == {_shape(v) for v in values}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet=st.sampled_from("aAbĐđ01 \x00-"), max_size=4)), max_size=15))
def test_ranked_codes_sort_as_sort_values(values):
    """checks._ranked: sorting by the codes gives sort_values' order (blanks last, ties kept in order)."""
    import numpy as np
    import pandas as pd
    from rehabstat.checking.checks import _ranked
    s = pd.Series(values, dtype="str") if values else pd.Series([], dtype="str")
    # factorized by hand: pandas 2.2's factorize takes "\x00" and "" for one value (the reader
    # keeps NUL out of learner codes, test_a_learner_code_is_read_without_nul)
    distinct = list(dict.fromkeys(v for v in s.to_numpy(dtype=object) if isinstance(v, str)))
    found = np.array([distinct.index(v) if isinstance(v, str) else -1 for v in s.to_numpy(dtype=object)], dtype="int64")
    codes = _ranked(found, np.array(distinct, dtype=object))
    expected = s.sort_values(kind="stable", na_position="last").index.to_numpy()
    assert list(np.argsort(codes, kind="stable")) == list(expected)


def test_the_program_is_told_from_python_code_calling_it():
    import sys
    from rehabstat.cli import _the_program
    saved = sys.orig_argv
    try:
        for argv, program in [(["python", "-m", "rehabstat", "report"], True),
                              (["python", "-X", "importtime", "-I", "-m", "rehabstat"], True),
                              (["python", "-mrehabstat", "rules"], True),
                              (["/venv/bin/python", "/venv/bin/rehabstat", "report", "--month", "6"], True),
                              (["python", "-c", "import runpy; runpy.run_module('rehabstat')"], False),
                              (["python", "-m", "pytest", "-k", "rehabstat"], False),
                              (["python", "script.py", "rehabstat"], False),
                              (["python"], False)]:
            sys.orig_argv = argv
            assert _the_program() is program, argv
    finally:
        sys.orig_argv = saved


def test_the_program_ends_as_python_would_have_ended_it(tmp_path):
    """`python -m rehabstat` (the program, which sets numpy's threads) ends with the same exit
    code, stdout and stderr as the same command run through runpy from `python -c`, and
    atexit handlers run."""
    import subprocess
    import sys
    ordinary = ("import atexit, runpy, sys; sys.argv = ['rehabstat'] + sys.argv[1:]\n"
                "atexit.register(lambda: sys.stdout.write('ATEXIT'))\n"
                "runpy.run_module('rehabstat', run_name='__main__')")
    program = ("import atexit, sys; atexit.register(lambda: sys.stdout.write('ATEXIT')); "
               "sys.argv = ['rehabstat'] + sys.argv[1:]; from rehabstat.cli import main; "
               "import rehabstat.cli as c; c._the_program = lambda: True; main()")
    for args, code in [(["rules"], 0), (["--lang", "en", "rules"], 0), (["--help"], 0), (["report", "--month", "13"], 2),
                       (["report", "--data", str(tmp_path / "none"), "--year", "2021"], 2), (["nosuch"], 2)]:
        a = subprocess.run([sys.executable, "-c", ordinary, *args], capture_output=True, timeout=120)
        b = subprocess.run([sys.executable, "-c", program, *args], capture_output=True, timeout=120)
        assert a.returncode == b.returncode == code, (args, a.returncode, b.returncode, b.stderr[-300:])
        assert a.stdout == b.stdout and a.stdout.endswith(b"ATEXIT"), args
        assert a.stderr == b.stderr, args
    assert len(a.stdout) > 6 or args == ["nosuch"]


@pytest.mark.parametrize("value, code", [("12\x00", "12"), ("\x00", None), (" HV\x0007 ", "HV07"), (12.0, "12"),
                                         ("  ", None), ("A 1", "A 1")])
def test_a_learner_code_is_read_without_nul(value, code):
    """A NUL is invisible in Excel and pandas 2.2 compares texts only up to it: a code is read without it."""
    from rehabstat.reading.reader import person_code
    assert person_code(value) == code
