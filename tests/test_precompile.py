"""The shipped templates patched and compiled ahead of time (issue 16; written by
rehabstat/documents/templates/make_compiled.py, read by precompile.py): the stored files are what
jinja and docxtpl compute today, they are used only for exactly those inputs, and the
documents are the same with and without them."""
from __future__ import annotations

import io
import zipfile

import pytest

from rehabstat.documents import render
from rehabstat.documents.templates import make_compiled, precompile
from rehabstat.documents.templates.example_context import example_context


def _fresh(monkeypatch, stored: bool):
    """render's per-process caches emptied; the stored files used or not."""
    monkeypatch.setattr(render, "_ENV", None)
    monkeypatch.setattr(render, "_PATCHED", {})
    if not stored:
        monkeypatch.setattr(precompile, "_INDEX", ({}, {}))
    else:
        monkeypatch.setattr(precompile, "_INDEX", None)


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_the_stored_files_are_what_the_script_writes_today(tmp_path):
    stored = precompile.HERE
    if precompile.versions() != __import__(precompile.PACKAGE, fromlist=["VERSIONS"]).VERSIONS:
        # another jinja2 / docxtpl than the files were made with: they must not be used
        assert precompile._index() == ({}, {})
        return
    written = make_compiled.write(tmp_path / "compiled")
    assert sorted(p.name for p in written) == sorted(p.name for p in stored.glob("*.py"))
    for path in written:
        assert path.read_bytes() == (stored / path.name).read_bytes(), (
            f"{path.name} differs: run `python -m rehabstat.documents.templates.make_compiled` after changing a template")
    patched, code = precompile._index()
    assert len(patched) >= 3 and len(code) >= 4  # bc and kh bodies, header, footer, properties


@pytest.mark.parametrize("kind", ["bc", "kh"])
def test_documents_are_the_same_with_and_without_the_stored_code(kind, tmp_path, monkeypatch):
    ctx = example_context(kind)
    _fresh(monkeypatch, stored=False)
    render.render_docx(None, kind, ctx, tmp_path / "plain.docx")
    _fresh(monkeypatch, stored=True)
    used = []
    real = precompile.template
    monkeypatch.setattr(precompile, "template", lambda env, source: used.append(1) or real(env, source))
    render.render_docx(None, kind, ctx, tmp_path / "stored.docx")
    assert used and all(render._ENV._compiled.values())
    plain, stored = _parts(tmp_path / "plain.docx"), _parts(tmp_path / "stored.docx")
    assert plain == stored
    assert ctx["unit"]["province"] in stored["word/document.xml"].decode()  # filled in, not an empty shell


def test_only_exactly_the_stored_inputs_are_answered():
    from jinja2 import Environment

    from rehabstat.documents.templates import template_path
    patched, code = precompile._index()
    if not code:
        pytest.skip("the stored files were made with other versions of jinja2 / docxtpl")
    env = render._environment()
    from docxtpl import DocxTemplate
    tpl = DocxTemplate(io.BytesIO(template_path("bc").read_bytes()))
    tpl.init_docx()
    raw = tpl.get_xml()
    assert precompile.patched(raw) == DocxTemplate.patch_xml(tpl, raw)
    assert precompile.patched(raw + " ") is None  # a user's template: patched as before
    source = next(s for s in (precompile.patched(raw),) if s)
    import re
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)  # what docxtpl hands to from_string
    t = precompile.template(env, source)
    assert t is not None and t.filename == "<template>"
    assert precompile.template(env, source + "{{ x }}") is None
    assert precompile.template(Environment(autoescape=True), source) is None  # not sandboxed: other code
    env_off = render._environment().overlay(autoescape=False)
    assert precompile.template(env_off, source) is None


def test_the_stored_code_still_runs_in_the_sandbox(tmp_path, monkeypatch):
    """The stored code calls back into the environment for every attribute and item it
    reads (the sandbox's getattr), like freshly compiled code: the same number of calls."""
    if not precompile._index()[1]:
        pytest.skip("the stored files were made with other versions of jinja2 / docxtpl")
    calls = {}
    for stored in (False, True):
        _fresh(monkeypatch, stored=stored)
        env_class = type(render._environment())
        n = [0]
        real = env_class.getattr

        def counting(self, obj, attribute, _real=real, _n=n):
            _n[0] += 1
            return _real(self, obj, attribute)
        monkeypatch.setattr(env_class, "getattr", counting)
        render.render_docx(None, "bc", example_context("bc"), tmp_path / f"{stored}.docx")
        calls[stored] = n[0]
    assert calls[True] == calls[False] > 100


def test_a_stored_file_missing_is_computed_as_before(tmp_path, monkeypatch):
    """An index naming a module that is not there (a file deleted by hand): the part is
    patched and compiled as without stored files, the document is the same."""
    patched, code = precompile._index()
    if not code:
        pytest.skip("the stored files were made with other versions of jinja2 / docxtpl")
    _fresh(monkeypatch, stored=False)
    render.render_docx(None, "bc", example_context("bc"), tmp_path / "plain.docx")
    _fresh(monkeypatch, stored=False)
    monkeypatch.setattr(precompile, "_INDEX", ({k: "xml_gone" for k in patched}, {k: "tpl_gone" for k in code}))
    render.render_docx(None, "bc", example_context("bc"), tmp_path / "missing.docx")
    assert _parts(tmp_path / "plain.docx") == _parts(tmp_path / "missing.docx")
