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
    facility_keys: dict = field(default_factory=dict)  # unit -> the [facility.X] key as written
    deadline: dict = field(default_factory=dict)  # [deadline]: day, quarter_day (timeliness.py)
    checks: dict = field(default_factory=dict)  # [checks]: {rule code: severity, None if ignored} (rules.adjust)


def find_config(data_dirs, explicit: Path | None = None) -> Path | None:
    if explicit is not None:
        if not Path(explicit).is_file():
            raise ConfigError.said("config.not_found", path=explicit)
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
        raise ConfigError.said("config.toml", path=path, error=str(exc)) from None  # tomllib's own words
    cfg = Config(path=path)
    unknown = set(raw) - {"document", "revenue", "registry", "facility", "deadline", "checks"}
    if unknown:
        raise ConfigError.said("config.section", path=path, sections=", ".join(sorted(unknown)))
    cfg.checks = _checks(path, raw.get("checks", {}))
    for key, value in raw.get("document", {}).items():
        want = DOCUMENT_KEYS.get(key)
        if want is None:
            raise ConfigError.said("config.key", path=path, key=f"document.{key}", keys=", ".join(DOCUMENT_KEYS))
        if not isinstance(value, want) or (want is list and not all(isinstance(v, str) for v in value)):
            kind = {str: "config.string", list: "config.strings", int: "config.integer"}[want]
            raise ConfigError.said(kind, path=path, key=f"document.{key}")
        cfg.document[key] = value
    if "preset" in cfg.document:
        from .sector import presets
        if cfg.document["preset"] not in presets():
            raise ConfigError.said("config.preset", path=path, presets=", ".join(presets()))
    revenue = raw.get("revenue", {})
    for key, value in revenue.items():
        if key not in DEFAULT_SPLIT:
            raise ConfigError.said("config.key", path=path, key=f"revenue.{key}", keys=", ".join(DEFAULT_SPLIT))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise ConfigError.said("config.percent", path=path, key=f"revenue.{key}")
        cfg.split[key] = value
    funds = sum(cfg.split[k] for k in ("reward", "welfare", "development", "reserve"))
    if abs(funds - 100) > 1e-9:
        raise ConfigError.said("config.funds", path=path, funds=f"{funds:g}")
    for key, value in raw.get("deadline", {}).items():
        if key not in DEADLINE_KEYS:
            raise ConfigError.said("config.key", path=path, key=f"deadline.{key}", keys=", ".join(DEADLINE_KEYS))
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 31:
            raise ConfigError.said("config.day", path=path, key=f"deadline.{key}")
        cfg.deadline[key] = value
    if cfg.deadline and "day" not in cfg.deadline:
        raise ConfigError.said("config.deadline_day", path=path)
    for province, units in raw.get("registry", {}).items():
        if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise ConfigError.said("config.registry", path=path, key=f"registry.{province}")
        _registry_province(path, province)
        cfg.registry[province] = [unit_code(u) for u in units]
    for unit, life in raw.get("facility", {}).items():
        if not isinstance(life, dict) or set(life) - {"opened", "closed"}:
            raise ConfigError.said("config.facility", path=path, unit=unit)
        cfg.facility_keys[unit_code(unit)] = unit
        cfg.facilities[unit_code(unit)] = {key: _month(path, f"facility.{unit}.{key}", life.get(key))
                                                for key in ("opened", "closed")}
    return cfg


def _registry_province(path, name: str) -> None:
    """A [registry] key is a province, old (63) or new (34), in any spelling the geography
    reads ("Thanh Hoá", "TP. Hà Nội"): a misspelt one would be a province of its own, with
    facilities that are nowhere else, so it is refused with the closest names."""
    from .geography import geography, is_province, near_hint
    if not is_province(name):
        raise ConfigError.said("config.registry_province", path=path, key=f"registry.{name}",
                               effective=f"{geography().effective:%d/%m/%Y}", hint=near_hint(name))


def check_facility_tables(cfg: Config, known, where) -> None:
    """A [facility.X] table names a facility the data hold (in any month) or [registry] lists:
    a misspelt code ("SL1") would otherwise change nothing, and the facility it meant would
    be expected in months it did not exist, so it is refused with the closest codes.
    `known`: the facility codes of `where` (the folder rehabstat.toml lies in, read whole)."""
    import difflib
    from ..common.issues import phrase
    codes = set(known) | {u for units in cfg.registry.values() for u in units}
    for unit, written in cfg.facility_keys.items():
        if unit in codes:
            continue
        near = difflib.get_close_matches(unit, sorted(codes), n=3, cutoff=0.5)
        listed = sorted(codes)
        raise ConfigError.said(
            "config.facility_unknown", path=cfg.path, unit=written, where=where,
            hint=phrase("geo.near", names=", ".join(near)) if near else "",
            known=", ".join(listed[:30]) + (" ..." if len(listed) > 30 else "") if listed else phrase("select.none"))


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
        raise ConfigError.said("config.month", path=path, key=key) from None
