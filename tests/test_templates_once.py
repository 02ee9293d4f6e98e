"""Documents are rendered from templates parsed and compiled once per process, through
jinja2's and docxtpl's public APIs; no generated code bound to library versions is shipped."""
from __future__ import annotations

import zipfile
from pathlib import Path

import jinja2

from rehabstat.documents import render
from rehabstat.documents.templates import template_path
from rehabstat.documents.templates.example_context import example_context


def _body(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_a_template_is_compiled_once_per_process(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "_ENV", None)
    monkeypatch.setattr(render, "_PATCHED", {})
    compiled = []
    real = jinja2.Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(len(source))
        return real(self, source, *args, **kwargs)
    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    first = example_context("bc")
    render.render_docx(None, "bc", first, tmp_path / "a.docx")
    assert len(compiled) >= 2  # the body and the header/footer parts at least
    once = len(compiled)
    second = example_context("bc")
    second["doc"] = {**second["doc"], "signer_name": "Trần Thị Kiểm Thử"}
    render.render_docx(None, "bc", second, tmp_path / "b.docx")
    assert len(compiled) == once  # nothing parsed again
    a, b = _body(tmp_path / "a.docx"), _body(tmp_path / "b.docx")
    assert "Trần Thị Kiểm Thử" in b and "Trần Thị Kiểm Thử" not in a  # each its own context


def test_no_generated_code_is_shipped_with_the_templates():
    folder = template_path("bc").parent
    assert not (folder / "compiled").exists()
    assert sorted(p.name for p in folder.glob("*.py")) == ["__init__.py", "build.py", "example_context.py"]
