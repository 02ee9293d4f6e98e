"""A command stopped by Ctrl-C or SIGTERM says what it had written and what it had not, in
the user's language (`report`, `plan`, `indicators`).

Outputs are written to a temporary name and renamed (xlsxout.atomic_path, which lists each
file it renamed in WRITTEN), so a file is either whole or not there; the temporary files go
as the exception unwinds, and the reading workers are ended by the sandbox as it unwinds
(and die with their parent in any case). SIGTERM is turned into the same unwinding for the
time of the command, then the process ends by SIGTERM as before (the exit status a
supervisor expects); Ctrl-C exits 130 (cli.command).
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from pathlib import Path


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program was, so that it unwinds as for Ctrl-C."""


class Stopped(KeyboardInterrupt):
    """Ctrl-C or SIGTERM during a command, with what it had written by then (`said`)."""

    def __init__(self, said: str, signum: int):
        super().__init__(said)
        self.said = said
        self.signum = signum


def _terminate(signum, frame):
    raise Terminated()


@contextmanager
def stopping(kind: str, out=None):
    """Around a command that writes `kind` ('report', 'plan', 'indicators') into `out` (a
    folder, a file, or None: the standard output): Ctrl-C or SIGTERM becomes Stopped."""
    from ..workbooks.xlsxout import WRITTEN
    mark = len(WRITTEN)
    main = threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGTERM")
    before = signal.signal(signal.SIGTERM, _terminate) if main else None
    try:
        yield
    except KeyboardInterrupt as exc:
        signum = signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT
        raise Stopped(said(kind, out, WRITTEN[mark:], signum), signum) from None
    finally:
        if main:
            signal.signal(signal.SIGTERM, before if before is not None else signal.SIG_DFL)


def said(kind: str, out, written: list, signum: int) -> str:
    """The line a stopped command prints."""
    from ..common.catalogue import text
    how = "Ctrl-C" if signum == signal.SIGINT else "SIGTERM"
    written = [Path(p) for p in written]
    if kind in ("report", "plan"):
        missing = sorted({p.with_suffix(s).name for p in written for s in (".docx", ".xlsx")}
                         - {p.name for p in written})
        planned = text(f"stop.planned.{kind}", out=str(out))
    else:
        missing = []
        planned = text("stop.planned.indicators", out=str(out)) if out is not None else text("stop.planned.stdout")
    if not written:
        return text("stop.nothing", how=how, planned=planned)
    names = ", ".join(str(p) for p in written)
    if missing:
        return text("stop.some", how=how, written=names, missing=", ".join(missing))
    return text("stop.all", how=how, written=names)


def end_by(signum: int) -> None:
    """End this process by `signum` with its default action (SIGTERM: as if never caught)."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)

