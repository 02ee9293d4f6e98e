"""The shipped templates (bc.docx, kh.docx) compiled ahead of time (issue 16).

Rendering a document first patches each part's XML (docxtpl's patch_xml: a dozen regex
passes, ~25 ms for bc.docx's body) and compiles it as a jinja template (~55 ms: jinja's
parser and code generator, then Python's compiler), once per process. For one facility's
month report that was ~80 ms of a process of under a second. For the shipped templates
both results are kept in rehabstat/documents/templates/compiled/, written by

    python -m rehabstat.documents.templates.make_compiled       # after changing bc.docx / kh.docx or upgrading jinja2, docxtpl

and used by render.py only where they are exactly what would be computed now:
- patched(raw): the patched XML of a part whose raw XML has this sha256;
- template(env, source): the Template of a source with this sha256, compiled for an
  environment like ours (sandboxed, the same autoescape), built from the stored code
  exactly as jinja's Environment.from_string builds it from the code it compiles.
Both answer None when jinja2 or docxtpl are not the versions the files were made with, or
for any other XML or source (a user's template): then everything is computed as before.
The code is what jinja itself generates for the sandboxed environment: every attribute
access and call still goes through the sandbox at run time. tests/test_precompile.py checks
that the stored files are what make_compiled writes today and that documents are identical.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from pathlib import Path

PACKAGE = f"{__package__}.compiled"
HERE = Path(__file__).resolve().parent / "compiled"
_INDEX: tuple[dict, dict] | None = None


def versions() -> dict:
    import docxtpl
    import jinja2
    return {"jinja2": jinja2.__version__, "docxtpl": getattr(docxtpl, "__version__", "?")}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_key(env, source: str) -> str | None:
    """What the compiled code depends on besides jinja's version: the source and how the
    environment compiles (sandboxed or not, autoescape on or off); None for a callable
    autoescape (decided per template name: not stored)."""
    if not isinstance(env.autoescape, bool):
        return None
    return _digest(f"sandboxed={bool(getattr(env, 'sandboxed', False))};autoescape={env.autoescape};\n{source}")


def _index() -> tuple[dict, dict]:
    global _INDEX
    if _INDEX is None:
        try:
            stored = importlib.import_module(PACKAGE)
            ok = stored.VERSIONS == versions()
        except (ImportError, AttributeError):
            ok = False
        _INDEX = (stored.PATCHED, stored.CODE) if ok else ({}, {})
    return _INDEX


def patched(raw: str) -> str | None:
    """docxtpl's patch_xml(raw) for a part of a shipped template, else None."""
    name = _index()[0].get(_digest(raw))
    if name is None:
        return None
    try:
        return importlib.import_module(f"{PACKAGE}.{name}").XML
    except (ImportError, AttributeError):  # a file of compiled/ missing: computed as before
        return None


def template(env, source: str):
    """env.from_string(source) for a part of a shipped template, without compiling it; else None."""
    key = source_key(env, source)
    name = _index()[1].get(key) if key else None
    if name is None:
        return None
    module = f"{PACKAGE}.{name}"
    spec = importlib.util.find_spec(module)
    code = spec.loader.get_code(module) if spec is not None and spec.loader is not None else None  # its .pyc if any
    if code is None:  # a file of compiled/ missing: compiled as before
        return None
    # what Environment.compile(source) returns is compiled under the name "<template>"
    code = code.replace(co_filename="<template>")
    return env.template_class.from_code(env, code, env.make_globals(None), None)
