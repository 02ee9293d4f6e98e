"""rehabstat.toml: document settings, revenue split, expected facilities per province, deadlines.

Looked up in the data folder (or given with --config). A bad file is a ConfigError naming
the key; the CLI turns it into exit code 2.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..common.codes import unit_code

CONFIG_NAME = "rehabstat.toml"
# percentages: salary_reform is of the surplus; the funds are of what remains (sum 100)
DEFAULT_SPLIT = {"salary_reform": 40, "reward": 10, "welfare": 55, "development": 25, "reserve": 10}
DOCUMENT_KEYS = {
    "parent_agency": str, "agency": str, "symbol": str, "place": str, "signer_authority": str,
    "signer_title": str, "signer_name": str, "recipients": list, "archive": str, "recipient_to": str,
    "legal_bases": list, "number": int, "preset": str, "issuer": str,
}



DEADLINE_KEYS = {
    "day": "a monthly workbook is due on this day of the next month",
    "quarter_day": "the workbook of a quarter's last month is due on this day of the next month instead",
}

from ..common.errors import ConfigError  # noqa: E402,F401


@dataclass
class Config:
    path: Path | None = None
    document: dict = field(default_factory=dict)
    split: dict = field(default_factory=lambda: dict(DEFAULT_SPLIT))
    registry: dict = field(default_factory=dict)  # province -> [unit codes]
    facilities: dict = field(default_factory=dict)  # unit -> {"opened": (y, m) | None, "closed": (y, m) | None}
    deadline: dict = field(default_factory=dict)  # [deadline]: day, quarter_day (timeliness.py)
    checks: dict = field(default_factory=dict)  # [checks]: {rule code: severity, None if ignored} (rules.adjust)


def find_config(data_dirs, explicit: Path | None = None) -> Path | None:
    if explicit is not None:
        if not Path(explicit).is_file():
            raise ConfigError(f"Không tìm thấy tệp cấu hình {explicit}.")
        return Path(explicit)
    for d in data_dirs or ():
        d = Path(d)
        for candidate in (d / CONFIG_NAME, d.parent / CONFIG_NAME) if d.is_dir() else (d.parent / CONFIG_NAME,):
            if candidate.is_file():
                return candidate
    return None


def load_config(data_dirs=(), explicit: Path | None = None) -> Config:
    path = find_config(data_dirs, explicit)
    if path is None:
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Tệp cấu hình {path} không đúng cú pháp TOML: {exc}") from None
    cfg = Config(path=path)
    unknown = set(raw) - {"document", "revenue", "registry", "facility", "deadline", "checks"}
    if unknown:
        raise ConfigError(f"{path}: mục không hợp lệ [{', '.join(sorted(unknown))}]; "
                          "các mục: [document], [revenue], [registry], [facility.MÃ], [deadline], [checks].")
    cfg.checks = _checks(path, raw.get("checks", {}))
    for key, value in raw.get("document", {}).items():
        want = DOCUMENT_KEYS.get(key)
        if want is None:
            raise ConfigError(f"{path}: khóa 'document.{key}' không hợp lệ; các khóa: {', '.join(DOCUMENT_KEYS)}.")
        if not isinstance(value, want) or (want is list and not all(isinstance(v, str) for v in value)):
            kind = {str: "một chuỗi", list: "một danh sách chuỗi", int: "một số nguyên"}[want]
            raise ConfigError(f"{path}: khóa 'document.{key}' phải là {kind}.")
        cfg.document[key] = value
    if "preset" in cfg.document:
        from .sector import presets
        if cfg.document["preset"] not in presets():
            raise ConfigError(f"{path}: 'document.preset' phải là một trong: {', '.join(presets())} "
                              f"(mặc định: theo kỳ báo cáo).")
    revenue = raw.get("revenue", {})
    for key, value in revenue.items():
        if key not in DEFAULT_SPLIT:
            raise ConfigError(f"{path}: khóa 'revenue.{key}' không hợp lệ; các khóa: {', '.join(DEFAULT_SPLIT)}.")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise ConfigError(f"{path}: khóa 'revenue.{key}' phải là một tỷ lệ phần trăm từ 0 đến 100.")
        cfg.split[key] = value
    funds = sum(cfg.split[k] for k in ("reward", "welfare", "development", "reserve"))
    if abs(funds - 100) > 1e-9:
        raise ConfigError(f"{path}: các quỹ revenue.reward + welfare + development + reserve phải cộng lại 100 (đang là {funds:g}).")
    for key, value in raw.get("deadline", {}).items():
        if key not in DEADLINE_KEYS:
            raise ConfigError(f"{path}: khóa 'deadline.{key}' không hợp lệ; các khóa: {', '.join(DEADLINE_KEYS)}.")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 31:
            raise ConfigError(f"{path}: khóa 'deadline.{key}' phải là một ngày trong tháng, từ 1 đến 31.")
        cfg.deadline[key] = value
    if cfg.deadline and "day" not in cfg.deadline:
        raise ConfigError(f"{path}: [deadline] cần khóa 'day' (sổ tháng phải gửi trước ngày này của tháng sau).")
    for province, units in raw.get("registry", {}).items():
        if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise ConfigError(f"{path}: khóa 'registry.{province}' phải là danh sách mã cơ sở.")
        cfg.registry[province] = [unit_code(u) for u in units]
    for unit, life in raw.get("facility", {}).items():
        if not isinstance(life, dict) or set(life) - {"opened", "closed"}:
            raise ConfigError(f"{path}: mục [facility.{unit}] chỉ có các khóa opened, closed (tháng MM/YYYY).")
        cfg.facilities[unit_code(unit)] = {key: _month(path, f"facility.{unit}.{key}", life.get(key))
                                                for key in ("opened", "closed")}
    return cfg


def _checks(path, section) -> dict:
    """[checks]: ignore = ["O001"], severity = {X002 = "error"} (rules.check_settings)."""
    from ..common.catalogue import text
    from ..common.rules import check_settings
    if not isinstance(section, dict) or set(section) - {"ignore", "severity"}:
        raise ConfigError(text("config.checks.keys", path=path))
    ignore, severity = section.get("ignore", []), section.get("severity", {})
    if not isinstance(ignore, list) or not all(isinstance(c, str) for c in ignore):
        raise ConfigError(text("config.checks.ignore", path=path))
    if not isinstance(severity, dict):
        raise ConfigError(text("config.checks.severity", path=path))
    try:
        return check_settings(ignore, severity)
    except ValueError as exc:
        what, _, code = str(exc).partition(":")
        if what in ("unknown", "fixed", "both"):
            raise ConfigError(text(f"config.checks.{what}", path=path, code=code)) from None
        raise ConfigError(text("config.checks.level", path=path, key=what)) from None


def _month(path, key, value):
    """'07/2021' → (2021, 7); None stays None."""
    if value is None:
        return None
    from ..common.values import Bad, parse_month
    try:
        return parse_month(value) if isinstance(value, str) else parse_month(str(value))
    except Bad:
        raise ConfigError(f"{path}: khóa '{key}' phải là một tháng dạng MM/YYYY, ví dụ \"07/2021\".") from None
