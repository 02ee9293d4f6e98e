"""The shipped templates (bc.docx, kh.docx) compiled ahead of time (issue 16).

Rendering a document first patches each part's XML (docxtpl's patch_xml: a dozen regex
passes, ~25 ms for bc.docx's body) and compiles it as a jinja template (~55 ms: jinja's
parser and code generator, then Python's compiler), once per process. For one facility's
month report that was ~80 ms of a process of under a second. For the shipped templates
both results are kept in rehabstat/templates/compiled/, written by

    python -m rehabstat.templates.precompile          # after changing bc.docx / kh.docx or upgrading jinja2, docxtpl

and used by render.py only where they are exactly what would be computed now:
- patched(raw): the patched XML of a part whose raw XML has this sha256;
- template(env, source): the Template of a source with this sha256, compiled for an
  environment like ours (sandboxed, the same autoescape), built from the stored code
  exactly as jinja's Environment.from_string builds it from the code it compiles.
Both answer None when jinja2 or docxtpl are not the versions the files were made with, or
for any other XML or source (a user's template): then everything is computed as before.
The code is what jinja itself generates for the sandboxed environment: every attribute
access and call still goes through the sandbox at run time. tests/test_render.py checks
that the stored files are what this script writes today and that documents are identical.
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
    return importlib.import_module(f"{PACKAGE}.{name}").XML


def template(env, source: str):
    """env.from_string(source) for a part of a shipped template, without compiling it; else None."""
    key = source_key(env, source)
    name = _index()[1].get(key) if key else None
    if name is None:
        return None
    module = f"{PACKAGE}.{name}"
    spec = importlib.util.find_spec(module)
    code = spec.loader.get_code(module)  # from its .pyc when there is one
    # what Environment.compile(source) returns is compiled under the name "<template>"
    code = code.replace(co_filename="<template>")
    return env.template_class.from_code(env, code, env.make_globals(None), None)


# ---------------------------------------------------------------- writing the files

def collect() -> tuple[dict[str, str], list[str], object]:
    """Render every shipped template once (with its example context) and note what is
    computed: {raw part XML: patched XML}, every source given to the environment, and that
    environment (render's, recording)."""
    import io

    from docxtpl import DocxTemplate

    from rehabstat import render
    from rehabstat.templates import KINDS, template_path
    from rehabstat.templates.example_context import example_context

    parts: dict[str, str] = {}
    sources: list[str] = []
    env_class = type(render._environment())

    class Recording(env_class):
        def from_string(self, source, globals=None, template_class=None):
            if isinstance(source, str) and source not in sources:
                sources.append(source)
            return super().from_string(source, globals, template_class)

    class RecordingDocx(DocxTemplate):
        def patch_xml(self, src_xml):
            out = DocxTemplate.patch_xml(self, src_xml)  # docxtpl's own, never a stored one
            parts[src_xml] = out
            return out

    env = Recording(autoescape=True, undefined=render._environment().undefined)
    for kind in KINDS:
        tpl = RecordingDocx(io.BytesIO(template_path(kind).read_bytes()))
        tpl.render(render._prepare(example_context(kind)), jinja_env=env, autoescape=True)
    return parts, sources, env


def write(folder: Path = HERE) -> list[Path]:
    """(Re)write the compiled/ package: one module per patched part (XML) and per
    compiled source (jinja's code, unchanged, so that its line numbers hold), and the index."""
    parts, sources, env = collect()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.py"):
        old.unlink()
    written = []
    patched_index, code_index = {}, {}
    tail = "# generated by `python -m rehabstat.templates.precompile`; do not edit\n"
    for raw, out in sorted(parts.items(), key=lambda kv: _digest(kv[0])):
        name = f"xml_{_digest(raw)[:16]}"
        patched_index[_digest(raw)] = name
        path = folder / f"{name}.py"
        path.write_text(f"XML = {out!r}\n{tail}", encoding="utf-8")
        written.append(path)
    for source in sorted(sources, key=_digest):
        key = source_key(env, source)
        name = f"tpl_{key[:16]}"
        code_index[key] = name
        path = folder / f"{name}.py"
        path.write_text(env.compile(source, raw=True).rstrip("\n") + "\n" + tail, encoding="utf-8")
        written.append(path)
    lines = ['"""The shipped templates, patched and compiled ahead of time: see rehabstat/templates/precompile.py.',
             '', 'Generated by `python -m rehabstat.templates.precompile`; do not edit."""',
             f"VERSIONS = {versions()!r}", "PATCHED = {"]
    lines += [f"    {k!r}: {v!r}," for k, v in patched_index.items()] + ["}", "CODE = {"]
    lines += [f"    {k!r}: {v!r}," for k, v in code_index.items()] + ["}", ""]
    init = folder / "__init__.py"
    init.write_text("\n".join(lines), encoding="utf-8")
    return [init] + written


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else HERE
    for path in write(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
