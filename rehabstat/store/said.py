"""What the store says about a file or an action (a refusal's reason, an audit row's
detail), kept as the catalogue key and values it is made of, shown in the reader's language
(the CLI's --lang, the web user's). Text kept by an older store that could not be read back
into values is `Legacy`: shown as it was, in the language it was written in."""
from __future__ import annotations

import json
from dataclasses import dataclass, replace

from ..common.issues import Count, Issue, Phrase, phrase


class Legacy(str):
    """Words an older store kept as text (Vietnamese) and no known shape reads back: shown as is."""

    def shown(self, lang: str) -> str:
        return str(self)


@dataclass(frozen=True)
class ErrorsReason:
    """Why a workbook was refused for its errors: how many, and the first three of them."""
    count: int
    first: tuple = ()  # Issues (code, severity, values, place)

    def shown(self, lang: str) -> str:
        from ..common.catalogue import text
        from ..common.rules import location
        parts = [f"{i.code} {location(replace(i, file=i.file or '-'), lang)}: {i.text(lang).rstrip('.')}"
                 for i in self.first]
        more = self.count - len(self.first)
        return text("store.reason.errors", lang, count=self.count, first=" | ".join(parts),
                    more=text("store.reason.more_errors", lang, count=more) if more > 0 else "")

    def __str__(self) -> str:
        from ..common.language import LANG
        return self.shown(LANG["value"])


def errors_reason(errors) -> ErrorsReason:
    return ErrorsReason(len(errors), tuple(errors[:3]))


def said(key: str, /, **values) -> Phrase:
    return phrase(key, **values)


def shown(value, lang: str) -> str:
    """A reason or detail in `lang` ('' for none)."""
    if value is None:
        return ""
    return value.shown(lang) if callable(getattr(value, "shown", None)) else str(value)


# ---------------------------------------------------------------- as the store keeps them (JSON)

def _enc(v):
    if isinstance(v, ErrorsReason):
        return {"$errors": v.count, "first": [{"code": i.code, "severity": i.severity,
                                                "values": {k: _enc(x) for k, x in i.params},
                                                "sheet": i.sheet, "row": i.row, "col": i.column, "field": i.field}
                                               for i in v.first]}
    if isinstance(v, Legacy):
        return {"$text": str(v)}
    if isinstance(v, Count):
        from .codec import _param
        return _param(v)
    if isinstance(v, Phrase):
        return {"$p": v.key, "values": {k: _enc(x) for k, x in v.values}}
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return {"$s": str(v)}


def _dec(v):
    if isinstance(v, dict):
        if "$errors" in v:
            return ErrorsReason(v["$errors"], tuple(
                Issue(code=i["code"], severity=i["severity"], params=tuple((k, _dec(x)) for k, x in i["values"].items()),
                      file="-", sheet=i["sheet"], row=i["row"], column=i["col"], field=i["field"])
                for i in v["first"]))
        if "$text" in v:
            return Legacy(v["$text"])
        if "$p" in v:
            return Phrase(v["$p"], tuple((k, _dec(x)) for k, x in v["values"].items()))
        from .codec import _unparam
        return _unparam(v)
    return v


def to_json(value) -> str | None:
    return None if value is None else json.dumps(_enc(value), ensure_ascii=False)


def of_json(text: str | None, legacy: str | None = None):
    """The value kept as JSON; else the text an older store kept (Legacy); else None."""
    if text:
        return _dec(json.loads(text))
    return Legacy(legacy) if legacy else None
