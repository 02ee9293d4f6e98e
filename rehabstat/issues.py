"""The one shape every problem takes, from reading to validation to documents."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field as _field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    code: str
    severity: str
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # Excel row number, 1-based
    column: str | None = None  # column letter, "C"
    field: str | None = None  # the header the cell belongs to
    # what the issue is about, for grouping (batch, annotate); not part of the JSON output
    unit: str | None = _field(default=None, compare=False)
    province: str | None = _field(default=None, compare=False)
    month: tuple | None = _field(default=None, compare=False)  # (year, month)

    def as_dict(self) -> dict:
        return {k: asdict(self)[k] for k in ("file", "sheet", "row", "column", "field", "code", "severity", "message")}

    @property
    def where(self) -> str:
        cell = f"{self.column or ''}{self.row or ''}"
        return "!".join(p for p in (self.sheet, cell) if p)


def has_errors(issues) -> bool:
    return any(i.severity == ERROR for i in issues)


def sort_key(issue: Issue):
    return (issue.file or "", issue.sheet or "", issue.row or 0, issue.column or "", issue.code)


def column_letter(index: int) -> str:
    """0-based column index → Excel letter (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
