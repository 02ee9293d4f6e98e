"""The department's inbox: an embedded SQLite store of every workbook received,
kept byte for byte, with versions, approval and lock, and an append-only audit.

Library API (the CLI in rehabstat/cli.py only formats what these return):

    from rehabstat.store import Store, StoreSource, load_dataset
    with Store.open("kho", create=True) as store:
        outcomes = store.receive(["nop/"])          # [Outcome]: received / new-version / duplicate / rejected / skipped
        history = store.history("SL01", (2021, 3))  # versions and the figures that changed
        store.approve(["SL01"], period)             # lock; store.unlock(units, period, reason)
        rows = store.log()                          # the audit
        report = store.check()                      # integrity + every original's sha256
    ds = load_dataset("kho")                        # Dataset of the latest accepted versions

As a data source: every command that reads `--data DIR` accepts a StoreSource in its place
(commands/prepare.py): the Dataset is built from the
rows parsed at receipt; no workbook is opened again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .inbox import (DUPLICATE, NEW_VERSION, RECEIVED, REJECTED, SKIPPED, Change, CheckReport, Comparison,  # noqa: F401
                    History, MonthAction, Outcome, Store, Version, check_paths, local_time, month_text)
from .schema import DB_NAME, SCHEMA_VERSION  # noqa: F401


@dataclass(frozen=True)
class StoreSource:
    """A store given where a data folder is expected (`--store DIR`)."""
    root: Path

    def __str__(self) -> str:
        return str(self.root)

    def dataset(self, window=None):
        return load_dataset(self.root, window=window)

    def approved(self) -> dict:
        with Store.open(self.root) as store:
            return store.approved()

    def config(self, explicit=None):
        """The configuration of the store's data (Store.config): --config, else the
        rehabstat.toml received with the data."""
        with Store.open(self.root) as store:
            return store.config(explicit)


def is_store(data) -> bool:
    return isinstance(data, StoreSource)


def load_dataset(root, units=None, window=None):
    """The Dataset of the latest accepted version of each facility-month in the store (the
    rows of the months of `window` only, when given: Store.dataset)."""
    with Store.open(root) as store:
        return store.dataset(units, window)
