"""Where a command writes: the output folder can be written, a workbook we did not write is never replaced."""
from __future__ import annotations

from pathlib import Path


def ensure_out_dir(out, option: str = "--out") -> Path:
    """The output folder can be written (it, or the nearest folder above it that exists), or
    a UsageError (exit 2) says why, naming the `option` the user gave it with. Creates nothing:
    a refused command leaves no folder."""
    import os
    from ..common.errors import UsageError
    out = Path(out)
    for parent in [out, *out.parents]:
        if not parent.exists():
            continue
        if not parent.is_dir():
            raise UsageError.said("out.is_file", out=out, parent=parent, option=option)
        if not os.access(parent, os.W_OK | os.X_OK):
            raise UsageError.said("out.no_permission", out=out, parent=parent, option=option)
        _try_writing(out, parent)
        break
    return out


def _try_writing(out: Path, parent: Path) -> None:
    """Make and remove an empty folder in `parent`: what the OS refuses (a folder that cannot be
    made, as /proc/x or an unmapped drive; a locked or read-only folder, even for root) is refused
    here, before any work, as a UsageError."""
    import os
    import tempfile
    from ..common.errors import UsageError, os_reason
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".~rehabstat-", dir=parent))
    except OSError as exc:
        if parent == out:
            raise UsageError.said("out.cannot", out=out, reason=os_reason(exc)) from None
        raise UsageError.said("out.cannot_in", out=out, reason=os_reason(exc), parent=parent) from None


def refuse_overwriting_a_workbook(out) -> None:
    """`--out FILE` must not replace a workbook that rehabstat did not write (a facility's
    monthly workbook, a targets workbook): a UsageError (exit 2) before anything is read.
    Our own results (marked, see safety.is_rehabstat_output) may be written again."""
    from ..reading import safety
    from ..common.errors import UsageError
    out = Path(out)
    if out.is_file() and out.suffix.lower() in safety.WORKBOOK_SUFFIXES and not safety.is_rehabstat_output(out):
        raise UsageError.said("out.not_ours", out=out)
