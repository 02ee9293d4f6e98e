"""The document's agencies, signer and recipients by period (rehabstat/data/sectors.toml).

`document_settings(configured, period, level, province, unit_name)` gives the [document]
settings a BC/KH is written with: the preset of the period's sector (Labour before
01/03/2025, police from then; or the one rehabstat.toml names with `preset`), overridden
by every key rehabstat.toml sets. What neither gives and cannot be read from the data is a
placeholder in brackets for the clerk to fill ("[TÊN CƠ QUAN]"), with a warning: a name
is never invented.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from importlib import resources

PRESET_FIELDS = ("parent_agency", "agency", "symbol", "signer_authority", "signer_title", "recipients")
PLACEHOLDERS = {
    "agency": "[TÊN CƠ QUAN]",
    "province": "[TÊN TỈNH]",
    "signer_name": "[Họ và tên người ký]",
}


@lru_cache(maxsize=1)
def presets() -> dict:
    text = resources.files("rehabstat").joinpath("data", "sectors.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["preset"]


def preset_for(end: dt.date) -> str:
    """The sector whose preset a period ending on `end` uses."""
    for name, p in presets().items():
        start = dt.date.fromisoformat(p["from"]) if "from" in p else dt.date.min
        until = dt.date.fromisoformat(p["until"]) if "until" in p else dt.date.max
        if start <= end <= until:
            return name
    raise LookupError(end)  # the data file covers every date


def document_settings(configured: dict, period, level: str, province: str | None, unit_name: str | None = None,
                      as_of: dt.date | None = None) -> tuple[dict, list[str]]:
    """(settings, warnings): `configured` ([document] of rehabstat.toml) over the preset; the
    warnings are Phrases (shown in the reader's language)."""
    from ..common.errors import ConfigError
    from ..common.issues import phrase
    from .geography import geography
    as_of = as_of or period.end_date
    name = configured.get("preset") or preset_for(period.end_date)
    if name not in presets():
        raise ConfigError.said("config.no_preset", name=name, presets=", ".join(presets()))
    preset = presets()[name].get("province" if level == "province" else "facility", {})
    warnings = []
    resolved = geography().resolve(province, as_of) if province else None
    prose = resolved.province.full if resolved is not None and resolved.province is not None else None
    out = {k: v for k, v in configured.items() if k != "preset"}
    used_placeholder = set()
    for key in PRESET_FIELDS:
        if key in configured or key not in preset:
            continue
        value = preset[key]
        text = " ".join(value) if isinstance(value, list) else value
        if "{province}" in text and prose is None:
            used_placeholder.add("province")
        fill = lambda s: s.replace("{province}", prose or PLACEHOLDERS["province"])  # noqa: E731
        out[key] = [fill(v) for v in value] if isinstance(value, list) else fill(value)
    if not out.get("agency") and not (unit_name or "").strip():
        out["agency"] = PLACEHOLDERS["agency"]
        used_placeholder.add("agency")
    if not out.get("signer_name"):
        out["signer_name"] = PLACEHOLDERS["signer_name"]
        used_placeholder.add("signer_name")
    if "province" in used_placeholder:
        warnings.append(phrase("sector.no_province", province=province or "", placeholder=PLACEHOLDERS["province"]))
    if "agency" in used_placeholder:
        warnings.append(phrase("sector.no_agency", placeholder=PLACEHOLDERS["agency"]))
    if "signer_name" in used_placeholder:
        warnings.append(phrase("sector.no_signer", placeholder=PLACEHOLDERS["signer_name"]))
    if not configured.get("preset") and not all(k in configured for k in PRESET_FIELDS if k in preset):
        from ..common.catalogue import WORDS
        sector = phrase(f"sector.{name}") if f"sector.{name}" in WORDS else presets()[name]["label"]
        warnings.insert(0, phrase("sector.defaults", sector=sector))
    return out, warnings
