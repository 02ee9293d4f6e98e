"""The library calls behind the commands (so everything the CLI does is callable from Python)."""
from __future__ import annotations

import io
import json
from pathlib import Path

from .config import load_config
from .periods import Period


def load(data, config=None, jobs=None, progress=None):
    """Read the data folders and the configuration: (Dataset, Config)."""
    from .dataset import read_paths
    paths = [Path(p) for p in (data if isinstance(data, (list, tuple)) else [data])]
    cfg = load_config(paths, config)
    return read_paths(paths, jobs=jobs, progress=progress), cfg


def indicator_table(data, period: Period, level="facility", config=None, units=None, provinces=None, jobs=None):
    from .indicators import compute
    ds, cfg = load(data, config, jobs)
    units = [u.strip().upper() for u in units] if units else None
    return compute(ds, period, level=level, split=cfg.split, units=units, provinces=provinces), ds


def write_indicators(table, fmt: str, out: Path | None):
    """csv/json text (returned when out is None) or a file."""
    from .xlsxout import atomic_path
    if fmt == "xlsx":
        import openpyxl
        from .xlsxout import save, write_table
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "ChiSo"
        write_table(ws, list(table.columns), table.itertuples(index=False, name=None))
        save(wb, out)
        return None
    if fmt == "json":
        records = [dict(zip(table.columns, (_plain(v) for v in row))) for row in table.itertuples(index=False)]
        text = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    else:
        buf = io.StringIO()
        table.to_csv(buf, index=False, lineterminator="\n")
        text = buf.getvalue()
    if out is None:
        return text
    with atomic_path(Path(out)) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return None


def _plain(v):
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v
