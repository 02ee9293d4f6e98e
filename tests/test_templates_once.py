"""Documents are rendered from templates parsed and compiled once per process, through
jinja2's and docxtpl's public APIs; no generated code bound to library versions is shipped."""
from __future__ import annotations

import zipfile
from pathlib import Path

import jinja2
import pytest

from rehabstat.documents import render
from rehabstat.documents.templates import template_path
from rehabstat.documents.templates.example_context import example_context


def _body(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def _count_compiles(monkeypatch) -> list:
    """A fresh template cache, and the list each jinja2 compile (the source's length) goes to."""
    monkeypatch.setattr(render, "_ENV", None)
    monkeypatch.setattr(render, "_PATCHED", {})
    compiled = []
    real = jinja2.Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(len(source))
        return real(self, source, *args, **kwargs)
    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_a_template_is_compiled_once_per_process(tmp_path, monkeypatch):
    compiled = _count_compiles(monkeypatch)
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


def _paragraph_texts(path: Path) -> list[str]:
    from docx import Document
    return [p.text for p in Document(str(path)).paragraphs]


def test_documents_rendered_in_a_row_each_hold_their_own_figures(tmp_path):
    """The template's bytes, patched XML and compiled parts are kept for the next document;
    nothing of one province's figures or body may reach the next."""
    first, second = example_context("bc"), example_context("bc")
    second["n"]["CUOI_KY"]["HV"] = "7.777"
    second["doc"] = {**second["doc"], "agency": "SỞ KIỂM THỬ\nDÒNG HAI", "signer_name": "Lê Văn Kiểm Thử"}
    a = render.render_docx(None, "bc", first, tmp_path / "a.docx")
    b = render.render_docx(None, "bc", second, tmp_path / "b.docx")
    again = render.render_docx(None, "bc", example_context("bc"), tmp_path / "c.docx")
    body_a, body_b = _body(a), _body(b)
    assert "7.777" in body_b and "7.777" not in body_a
    assert "Kiểm Thử" in body_b and "Kiểm Thử" not in body_a
    assert "SỞ KIỂM THỬ</w:t><w:br/>" in body_b and "SỞ KIỂM THỬ" not in body_a
    assert _body(again) == body_a  # the first context again: the same document, byte for byte
    assert len(_paragraph_texts(b)) == len(_paragraph_texts(a))  # the whole body every time


def test_the_rendered_body_is_docxtpls_own(tmp_path):
    """render.py's DocxTemplate subclass (cached patching, listing pass only where a break is,
    the old body freed before it is replaced) writes exactly what docxtpl itself writes."""
    import io

    from docxtpl import DocxTemplate
    ctx = example_context("bc")
    ctx["doc"] = {**ctx["doc"], "agency": "SỞ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI",
                  "parent_agency": "ỦY BAN NHÂN DÂN\tTỈNH SƠN LA"}
    prepared = render._prepare(ctx)
    data = template_path("bc").read_bytes()
    plain = DocxTemplate(io.BytesIO(data))
    plain.render(prepared, jinja_env=render._environment(), autoescape=True)
    plain.save(str(tmp_path / "plain.docx"))
    for name in ("ours1.docx", "ours2.docx"):  # a second time: from what was cached by the first
        ours = render._docx_class()(io.BytesIO(data))
        ours.render(prepared, jinja_env=render._environment(), autoescape=True)
        ours.save(str(tmp_path / name))
        assert _body(tmp_path / name) == _body(tmp_path / "plain.docx")
    body = _body(tmp_path / "ours2.docx")
    assert "SỞ LAO ĐỘNG -</w:t><w:br/>" in body and "<w:tab/>" in body


def test_a_template_compiled_while_the_workbooks_are_read_is_not_compiled_again(tmp_path, monkeypatch):
    """commands compile the template in the reading's spare thread (render.warm through
    dataset.warm_up): the document then only renders, and forked render workers inherit it."""
    from rehabstat.reading.dataset import warm_up
    compiled = _count_compiles(monkeypatch)
    monkeypatch.setattr(render, "_WARMED", set())
    called = []
    warm_up(("json", lambda: called.append(1), lambda: render.warm(None, "bc")))
    assert called == [1] and len(compiled) >= 2  # the body and the header/footer parts at least
    warmed = len(compiled)
    ctx = example_context("bc")
    ctx["doc"] = {**ctx["doc"], "signer_name": "Trần Thị Kiểm Thử"}
    out = render.render_docx(None, "bc", ctx, tmp_path / "a.docx")
    assert len(compiled) == warmed  # nothing compiled for the document itself
    render.warm(None, "bc")  # a second time (a batch's render workers about to be forked): nothing to do
    assert len(compiled) == warmed and len(render._WARMED) == 1
    assert "Trần Thị Kiểm Thử" in _body(out)
    assert not [p for p in tmp_path.iterdir() if p.name != "a.docx"]  # warming wrote nothing


def test_a_broken_template_warmed_is_refused_when_rendered(tmp_path):
    from docx import Document

    from rehabstat.common.errors import TemplateError
    doc = Document()
    doc.add_paragraph("{% if doc.draft %}không đóng")
    broken = tmp_path / "hong.docx"
    doc.save(str(broken))
    render.warm(broken, "bc")  # says nothing: the rendering does
    with pytest.raises(TemplateError):
        render.render_docx(broken, "bc", example_context("bc"), tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()
