"""rehabstat: monthly workbooks of drug-rehabilitation facilities → indicators → BC/KH documents.

Started as the program (`rehabstat ...`, `python -m rehabstat ...`), it answers Ctrl-C from
its first line: until a command runs (while Python loads the libraries, while the line is
parsed) and after it ended, nothing is open or half-written, so Ctrl-C says the usual words
and exits 130, never a traceback; while a command runs, Ctrl-C is Python's KeyboardInterrupt
again, which the command unwinds (cli.command, commands/stopping.py). Imported as a library,
nothing here touches the signals."""
import signal as _signal
import sys as _sys

__version__ = "0.1.0"


def _lang_given(args) -> str | None:
    """The value of the last --lang in `args` (before any `--`), or None."""
    value = None
    for i, a in enumerate(args):
        if a == "--":
            break
        if a == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif a.startswith("--lang="):
            value = a.split("=", 1)[1]
    return value


def _argv_lang() -> str:
    """The language of the command line, read from sys.argv because the line is not parsed yet."""
    return "en" if _lang_given(_sys.argv[1:]) == "en" else "vi"


def _say_stopped() -> bool:
    try:
        from .common.catalogue import text
        _sys.stderr.write(text("run.stopped", _argv_lang()) + "\n")
        _sys.stderr.flush()
    except Exception:  # noqa: BLE001  (the catalogue half-imported at that instant)
        return False
    return True


def early_stop(signum, frame):
    """SIGINT outside a command: the usual words, exit 130. Met while the catalogue itself
    was being imported, the words are said at exit, once that import has been unwound. A
    second Ctrl-C during the exit is ignored."""
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    if not _say_stopped():
        import atexit
        atexit.register(_say_stopped)
    raise SystemExit(130)


def _started_as_the_program() -> bool:
    """`rehabstat ...` (the script) or `python -m rehabstat ...`, from the interpreter's own
    command line; not Python code importing rehabstat (tests, the web server, workers)."""
    argv = list(getattr(_sys, "orig_argv", None) or [])[1:]
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-m":
            return argv[i + 1:i + 2] == ["rehabstat"]
        if arg.startswith("-m"):
            return arg[2:] == "rehabstat"
        if arg in ("-X", "-W"):
            i += 2
            continue
        if arg == "-" or arg.startswith("-c"):
            return False
        if not arg.startswith("-"):
            name = arg.replace("\\", "/").rsplit("/", 1)[-1].lower()
            return name in ("rehabstat", "rehabstat.exe", "rehabstat-script.py")
        i += 1
    return False


def _answer_ctrl_c_early() -> None:
    try:
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler and _started_as_the_program():
            _signal.signal(_signal.SIGINT, early_stop)  # SIG_IGN (a background job) stays ignored
    except ValueError:  # not the main thread: not the program's start
        pass


_answer_ctrl_c_early()
