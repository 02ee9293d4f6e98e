"""The language chosen for what the tool says (the CLI's --lang): "vi" or "en". Whoever
writes for someone else (the store's receipts, a document) names the language instead."""
from __future__ import annotations

LANG = {"value": "vi"}  # set by the CLI's --lang
# where a notice beside a command's output goes (a Phrase: the store upgraded on opening):
# the CLI sets stderr; None (a library caller, the web) says nothing
NOTICE = {"tell": None}


def chosen() -> str:
    return LANG["value"]
