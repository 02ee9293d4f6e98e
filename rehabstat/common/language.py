"""The language chosen for what the tool says (the CLI's --lang): "vi" or "en". Whoever
writes for someone else (the store's receipts, a document) names the language instead."""
from __future__ import annotations

LANG = {"value": "vi"}  # set by the CLI's --lang


def chosen() -> str:
    return LANG["value"]
