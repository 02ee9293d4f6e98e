"""The tool's own words, in one place: key -> (Vietnamese, English).

`text(key, **values)` gives the words in the chosen language (the CLI's --lang; a caller
that writes for someone else passes `lang`), with the values filled in. A key that is not
here is our bug, never shown as a guess: KeyError.
"""
from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- severities
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    "severity.ignored": ("bỏ qua", "ignored"),
    # ---------------------------------------------------------------- rehabstat rules
    "rules.head.code": ("Mã", "Code"),
    "rules.head.name": ("Tên", "Name"),
    "rules.head.severity": ("Mức", "Severity"),
    "rules.head.message": ("Thông báo", "Message"),
    "rules.configured": ("theo {path}", "set by {path}"),
    "rules.default": ("mặc định: {severity}", "default: {severity}"),
    "rules.drops_row": ("Sau lỗi này dòng bị loại khỏi số liệu; không thể bỏ qua hay hạ mức trong rehabstat.toml.",
                        "After this error the row is left out of the figures; rehabstat.toml cannot ignore it or "
                        "make it a warning."),
    "rules.drops_file": ("Sau lỗi này sổ không được đọc; không thể bỏ qua hay hạ mức trong rehabstat.toml.",
                         "After this error the workbook is not read; rehabstat.toml cannot ignore it or make it a "
                         "warning."),
    "rules.adjust": ("Có thể bỏ qua hoặc đổi mức trong rehabstat.toml: [checks] ignore = [\"{code}\"] hoặc "
                     "severity = {{{code} = \"{other}\"}}.",
                     "rehabstat.toml may ignore it or change its severity: [checks] ignore = [\"{code}\"] or "
                     "severity = {{{code} = \"{other}\"}}."),
    "rules.unknown": ("Không có quy tắc {code}. Xem danh sách: rehabstat rules",
                      "There is no rule {code}. See the list: rehabstat rules"),
    # ---------------------------------------------------------------- rehabstat.toml [checks]
    "config.checks.keys": ("{path}: mục [checks] chỉ có các khóa ignore (danh sách mã quy tắc) và severity "
                           "(mã = \"error\" hoặc \"warning\").",
                           "{path}: [checks] has only the keys ignore (a list of rule codes) and severity "
                           "(code = \"error\" or \"warning\")."),
    "config.checks.ignore": ("{path}: khóa 'checks.ignore' phải là danh sách mã quy tắc, ví dụ [\"O001\"].",
                             "{path}: key 'checks.ignore' must be a list of rule codes, e.g. [\"O001\"]."),
    "config.checks.severity": ("{path}: khóa 'checks.severity' phải là bảng mã = \"error\" hoặc \"warning\", "
                               "ví dụ {{X002 = \"error\"}}.",
                               "{path}: key 'checks.severity' must be a table of code = \"error\" or \"warning\", "
                               "e.g. {{X002 = \"error\"}}."),
    "config.checks.level": ("{path}: khóa 'checks.{key}' phải là \"error\" hoặc \"warning\".",
                            "{path}: key 'checks.{key}' must be \"error\" or \"warning\"."),
    "config.checks.unknown": ("{path}: [checks] không có quy tắc '{code}'. Xem danh sách: rehabstat rules",
                              "{path}: [checks] names no rule '{code}'. See the list: rehabstat rules"),
    "config.checks.fixed": ("{path}: [checks] không thể bỏ qua hay hạ mức quy tắc {code}: sau lỗi này dòng hoặc sổ "
                            "bị loại khỏi số liệu, bỏ qua nó sẽ làm mất số liệu mà không báo.",
                            "{path}: [checks] cannot ignore rule {code} or make it a warning: after this error the "
                            "row or the workbook is left out of the figures, and ignoring it would lose them "
                            "without a word."),
    "config.checks.both": ("{path}: [checks] quy tắc {code} vừa ở ignore vừa ở severity.",
                           "{path}: [checks] rule {code} is both in ignore and in severity."),
}


def text(key: str, /, lang: str | None = None, **values) -> str:
    """The words of `key` in `lang` (default: the chosen language), `values` filled in."""
    if lang is None:
        from .rules import LANG
        lang = LANG["value"]
    vi, en = WORDS[key]
    words = en if lang == "en" else vi
    return words.format(**values) if values else words
