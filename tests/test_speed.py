"""Faster paths of issue 16 give exactly what the plain code gives (no timings here:
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
    codes = _ranked(*pd.factorize(s.to_numpy(dtype=object)))
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
    """`python -m rehabstat` leaves without tearing the interpreter down (cli._exit_now): the
    same exit code, stdout and stderr (piped, so flushed at the end) as an ordinary exit
    (the same command run through runpy from `python -c`), and atexit handlers still run."""
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


def test_quick_coercion_gives_what_typers_adapters_give(tmp_path):
    """clilang.quick_coercion (no pydantic at start-up) against typer's own RuntimeParam built
    with pydantic, for every parameter of every command: the same value, of the same type, or
    the same error with the same message."""
    from pathlib import Path

    import typer.main
    from typer._click.core import Context
    from typer._coercion import build_runtime_param

    from rehabstat.cli import app
    from rehabstat.clilang import localise_tree, quick_coercion

    group = typer.main.get_command(app)
    localise_tree(group)
    a_file = tmp_path / "a.xlsx"
    a_file.write_bytes(b"x")
    values = [None, "6", "06", "-3", "+6", " 6", "6.0", "1_000", "\u0666", "x6", "", "abc", "Hà Nội", "x\x00y",
              "a\udcff", str(tmp_path), str(a_file), str(tmp_path / "none"), "-", Path("out"), a_file, True, False,
              6, 6.5, b"bytes", ("6", "7"), [str(a_file)], (), ["x\x00y"], ("06", "a")]
    commands = [group] + [c for c in group.commands.values()]
    commands += [s for c in group.commands.values() for s in (getattr(c, "commands", None) or {}).values()]
    seen = 0
    for cmd in commands:
        ctx = Context(cmd)
        for param in cmd.params:
            quick = quick_coercion(param)
            if quick is None:
                continue
            seen += 1
            real = build_runtime_param(param.type_descriptor)
            for value in values:
                got = want = None
                try:
                    want = ("ok", real.coerce(value, param=param, ctx=ctx))
                except Exception as exc:  # noqa: BLE001
                    want = ("error", type(exc), str(exc))
                try:
                    got = ("ok", quick.coerce(value, param=param, ctx=ctx))
                except Exception as exc:  # noqa: BLE001
                    got = ("error", type(exc), str(exc))
                assert got == want, (cmd.name, param.name, value)
                if got[0] == "ok":
                    assert type(got[1]) is type(want[1]), (cmd.name, param.name, value)
                    if isinstance(got[1], list):
                        assert [type(x) for x in got[1]] == [type(x) for x in want[1]]
    assert seen > 100  # every command's options, not a few


def test_warm_up_pauses_the_collector_only_while_it_imports():
    import gc
    import sys

    from rehabstat.reading.dataset import warm_up
    fresh = [m for m in ("colorsys", "tabnanny", "sched", "graphlib", "netrc") if m not in sys.modules]
    assert len(fresh) >= 2
    try:
        assert gc.isenabled()
        warm_up((fresh[0],))
        assert fresh[0] in sys.modules and gc.isenabled()
        with pytest.raises(ImportError):
            warm_up(("rehabstat_no_such_module",))
        assert gc.isenabled()  # back on after a failed import too
        gc.disable()
        try:
            warm_up((fresh[1],))
            assert fresh[1] in sys.modules and not gc.isenabled()  # the caller's choice is kept
        finally:
            gc.enable()
    finally:
        gc.unfreeze()
