"""render_docx: sandbox, strict variables, clear refusals in Vietnamese, atomic output."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from rehabstat.documents.render import (
    OutputError,
    TemplateError,
    export_templates,
    render_docx,
    section_numbers,
    template_variables,
)
from rehabstat.documents.templates import TEMPLATE_DIR
from rehabstat.documents.templates.example_context import example_context


def make_template(path: Path, *paragraphs: str) -> Path:
    """A small .docx template with one paragraph per string (each a single run)."""
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def leftovers(folder: Path, keep=()) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


@pytest.fixture
def ctx():
    return example_context("bc")


# ---------------------------------------------------------------- the happy path

@pytest.mark.parametrize("kind", ["bc", "kh"])
def test_shipped_templates_render(tmp_path, kind):
    out = render_docx(None, kind, example_context(kind), tmp_path / "sub" / f"{kind}.docx")
    assert out == tmp_path / "sub" / f"{kind}.docx" and out.exists()
    assert leftovers(out.parent) == [f"{kind}.docx"]  # no temporary file left
    assert any("1.659" in t for t in texts(out))


def test_custom_template_and_string_paths(tmp_path, ctx):
    tpl = make_template(tmp_path / "mine.docx", "{{ unit.name }}: {{ n.TIEP_NHAN.HV }} học viên",
                        "{%p if has.methadone %}", "Methadone: {{ n.CUOI_KY.MET }}", "{%p endif %}")
    out = render_docx(str(tpl), "bc", ctx, str(tmp_path / "out.docx"))
    assert texts(out) == ["Cơ sở Điều trị nghiện ma túy tỉnh Sơn La: 1.658 học viên", "Methadone: 68"]


def test_existing_output_is_replaced(tmp_path, ctx):
    out = tmp_path / "bc.docx"
    out.write_bytes(b"old")
    render_docx(None, "bc", ctx, out)
    assert zipfile.is_zipfile(out)


def test_context_is_not_modified(tmp_path, ctx):
    ctx["doc"]["legal_bases"] = ["Căn cứ A;"]
    del ctx["sec"]
    render_docx(None, "bc", ctx, tmp_path / "bc.docx")
    assert ctx["doc"]["legal_bases"] == ["Căn cứ A;"] and "sec" not in ctx


# ---------------------------------------------------------------- the sandbox

@pytest.mark.parametrize("expr", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ doc.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ unit.name.__class__.__base__ }}",
])
def test_sandbox_refuses_internals(tmp_path, ctx, expr):
    tpl = make_template(tmp_path / "evil.docx", "Xin chào", expr)
    out = tmp_path / "out" / "bc.docx"
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, out)
    msg = str(err.value)
    assert msg.startswith("Mẫu văn bản bị từ chối:")
    assert "truy cập thuộc tính không được phép" in msg
    assert not out.exists()
    assert not out.parent.exists() or leftovers(out.parent) == []


def test_sandbox_is_immutable(tmp_path, ctx):
    tpl = make_template(tmp_path / "evil.docx", "{{ doc.recipients.append('x') }}")
    with pytest.raises(TemplateError, match="không được phép"):
        render_docx(tpl, "bc", ctx, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_sandbox_refuses_huge_ranges(tmp_path, ctx):
    tpl = make_template(tmp_path / "big.docx", "{% for i in range(10**9) %}x{% endfor %}")
    with pytest.raises(TemplateError):
        render_docx(tpl, "bc", ctx, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


# ---------------------------------------------------------------- strict variables

@pytest.mark.parametrize("expr, name", [
    ("{{ xyz }}", "xyz"),
    ("{{ n.KHONG_CO.HV }}", "n.KHONG_CO"),
    ("{{ doc.signer }}", "doc.signer' (có phải: doc.signer_name, doc.signer_title?)"),
    ("{% if khong_co %}x{% endif %}", "khong_co"),
    ("{{ n.CUOI_KY.HVV }}", "n.CUOI_KY.HVV' (có phải: n.CUOI_KY.HV?)"),  # a figure's category: never a 0
    ("{% if v.TIEP_NHAN.BBB > 0 %}x{% endif %}", "v.TIEP_NHAN.BBB' (có phải: v.TIEP_NHAN.BB?)"),
])
def test_undefined_variable_refused(tmp_path, ctx, expr, name):
    tpl = make_template(tmp_path / "t.docx", expr)
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, out)
    name = name if "'" in name else f"{name}'"
    assert str(err.value) == (f"Mẫu văn bản dùng biến không tồn tại: '{name}. "
                              "Xem danh sách biến: rehabstat templates vars")
    assert not out.exists()


# ---------------------------------------------------------------- broken templates

@pytest.mark.parametrize("text, said", [
    ("{{ doc.subject ", "Mẫu văn bản có thẻ không đóng ở đoạn văn thứ 3: «{{ doc.subject» mở bằng «{{» nhưng thiếu «}}»"),
    ("{% if has.medical %}không đóng",
     "Mẫu văn bản có khối «{% if … %}» mở ở đoạn văn thứ 3 nhưng không đóng: thiếu «{% endif %}» ở sau"),
    ("{{ doc.subject }} {% endfor %}",
     "Mẫu văn bản có «{% endfor %}» ở đoạn văn thứ 3 nhưng không có khối nào mở trước đó mà nó đóng"),
    ("{% if has.medical %}có{% endfor %}",
     "Mẫu văn bản có «{% endfor %}» ở đoạn văn thứ 3 trong khi khối đang mở là «{% if … %}» (mở ở đoạn văn "
     "thứ 3): cần «{% endif %}» trước"),
    ("{{ 1 + }}", "Mẫu văn bản có lỗi cú pháp trong thẻ {{ }} hoặc {% %} ở đoạn văn thứ 3: hãy xem lại các thẻ"),
    ("Ngày {{ doc.place_date | upperr }}",
     "Mẫu văn bản dùng bộ lọc không có: «| upperr» ở đoạn văn thứ 3 (có phải: upper?)"),
    ("{% iff has.medical %}có{% endif %}", "Mẫu văn bản dùng thẻ lệnh không có: «{% iff %}» ở đoạn văn thứ 3. "
                                           "Các thẻ dùng được: if, elif, else, endif, for"),
    ("{% if has.medical is definedd %}có{% endif %}",
     "Mẫu văn bản dùng phép thử không có: «is definedd» ở đoạn văn thứ 3 (có phải: defined, undefined?)"),
])
def test_broken_jinja_refused_in_our_words_with_its_paragraph(tmp_path, ctx, text, said):
    tpl = make_template(tmp_path / "t.docx", "Đoạn đầu {{ unit.name }}", "", text, "{{ n.CUOI_KY.HV }} học viên")
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, out)
    vi, en = err.value.text("vi"), err.value.text("en")
    assert vi.startswith(said), vi
    assert f"Đoạn văn: «{text.strip()}»." in vi
    # jinja's English only as the labelled technical detail, at the end
    assert "Jinja" not in vi.split("Chi tiết kỹ thuật (jinja2, tiếng Anh):")[0]
    assert "unexpected" not in vi.split("Chi tiết kỹ thuật")[0] and "No filter" not in vi
    assert "paragraph 3" in en and "đoạn" not in en
    assert not out.exists()


def test_a_block_left_open_is_not_blamed_on_a_paragraph_that_closes_one(tmp_path, ctx):
    # paragraph 2 closes inline the loop paragraph 1 opened (allowed); paragraph 4 leaves an if open
    tpl = make_template(tmp_path / "t.docx", "{% for b in doc.legal_bases %}{{ b }}", "; {% endfor %}", "",
                        "{% if has.medical %}Khám bệnh {{ n.KHAM_BENH.ALL }}", "{{ unit.name }}")
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, tmp_path / "out.docx")
    assert str(err.value).startswith("Mẫu văn bản có khối «{% if … %}» mở ở đoạn văn thứ 4 nhưng không đóng: thiếu "
                                     "«{% endif %}» ở sau")
    tpl = make_template(tmp_path / "t.docx", "{% for b in doc.legal_bases %}{{ b }}", "; {% endfor %}", "",
                        "{% if has.medical %}Khám bệnh {{ n.KHAM_BENH.ALL }}{% endif %}{% endif %}")
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, tmp_path / "out.docx")
    assert str(err.value).startswith("Mẫu văn bản có «{% endif %}» ở đoạn văn thứ 4 nhưng không có khối nào mở trước đó")


def test_a_paragraph_block_left_open_names_its_opening(tmp_path, ctx):
    tpl = make_template(tmp_path / "t.docx", "{%p if doc.draft %}", "DỰ THẢO", "{%p for b in doc.legal_bases %}",
                        "{{ b }}", "{%p endfor %}", "{{ unit.name }}")
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, tmp_path / "out.docx")
    assert str(err.value).startswith("Mẫu văn bản có khối «{% if … %}» mở ở đoạn văn thứ 1 nhưng không đóng: thiếu "
                                     "«{% endif %}» ở sau. Đoạn văn: «{%p if doc.draft %}».")
    assert err.value.text("en").startswith("The template has a «{% if … %}» block opened in paragraph 1 and never "
                                           "closed: «{% endif %}» is missing after it.")


def test_a_filter_unknown_in_a_branch_not_taken_is_refused(tmp_path, ctx):
    tpl = make_template(tmp_path / "t.docx", "{{ unit.name }}", "{%p if doc.draft %}",
                        "Bản nháp {{ doc.subject | titel }}", "{%p endif %}")
    assert ctx["doc"]["draft"] is False
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, tmp_path / "out.docx")
    assert str(err.value).startswith("Mẫu văn bản dùng bộ lọc không có: «| titel» ở đoạn văn thứ 3 (có phải: title, items?)")
    tpl = make_template(tmp_path / "ok.docx", "{{ unit.name }}", "{%p if doc.draft %}",
                        "Bản nháp {{ doc.subject | title }}", "{%p endif %}")
    assert texts(render_docx(tpl, "bc", ctx, tmp_path / "out.docx")) == ["Cơ sở Điều trị nghiện ma túy tỉnh Sơn La"]


@pytest.mark.parametrize("text, said", [
    ("{{ doc.subject }", "thẻ không đóng ở đoạn văn thứ 3: «{{ doc.subject }» mở bằng «{{» nhưng thiếu «}}»"),
    ("{ doc.subject }}", "«}}» thừa ở đoạn văn thứ 3: không có «{{» nào mở trước nó"),
    ("{{ doc.subject %}", "thẻ đóng sai ở đoạn văn thứ 3: «{{ doc.subject %}» mở bằng «{{» thì phải đóng bằng «}}»"),
    ("{% if has.medical }", "thẻ không đóng ở đoạn văn thứ 3: «{% if has.medical }» mở bằng «{%» nhưng thiếu «%}»"),
    ("{%p if has.medical %", "thẻ không đóng ở đoạn văn thứ 3"),
    ("Ghi chú {# của đơn vị", "thẻ không đóng ở đoạn văn thứ 3: «{# của đơn vị» mở bằng «{#» nhưng thiếu «#}»"),
    ("has.medical %}", "«%}» thừa ở đoạn văn thứ 3"),
])
def test_unbalanced_tag_is_refused_with_its_paragraph(tmp_path, ctx, text, said):
    # the next paragraph closes what the typo left open: docxtpl alone would join them silently
    tpl = make_template(tmp_path / "t.docx", "Đoạn đầu", "", text, "Cuối {{ unit.name }}")
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, out)
    assert said in str(err.value)
    assert not out.exists()


def test_tags_split_across_runs_as_word_saves_them(tmp_path, ctx):
    # Word splits a tag into runs (spelling marks, an edit in the middle): the paragraph's
    # text is what counts, curly quotes included
    def template(*runs):
        doc = Document()
        p = doc.add_paragraph()
        for text in runs:
            p.add_run(text)
        doc.add_paragraph("{{ n.CUOI_KY.HV }}")
        doc.save(str(tmp_path / "runs.docx"))
        return tmp_path / "runs.docx"
    out = render_docx(template("{{ unit.", "name }}", " {% if unit.name == “x” %}sai{% endif %}."), "bc", ctx,
                      tmp_path / "out.docx")
    assert texts(out) == ["Cơ sở Điều trị nghiện ma túy tỉnh Sơn La .", "1.477"]
    with pytest.raises(TemplateError) as err:
        render_docx(template("{{ unit.", "name }", " học viên"), "bc", ctx, tmp_path / "out2.docx")
    assert str(err.value).startswith("Mẫu văn bản có thẻ không đóng ở đoạn văn thứ 1: «{{ unit.name } học viên»")
    # Word's quotes in a tag are jinja's quotes: the paragraph of a mistake further on is still found
    with pytest.raises(TemplateError) as err:
        render_docx(template("{% if unit.name == “x” %}sai{% endif %}", "{% iff %}"), "bc", ctx, tmp_path / "out3.docx")
    assert str(err.value).startswith("Mẫu văn bản dùng thẻ lệnh không có: «{% iff %}» ở đoạn văn thứ 1.")


def test_unbalanced_tag_in_a_table_cell_and_in_the_header(tmp_path, ctx):
    doc = Document()
    doc.add_paragraph("{{ unit.name }}")
    table = doc.add_table(rows=2, cols=3)
    table.cell(1, 2).paragraphs[0].text = "{{ n.CUOI_KY.HV }"
    doc.add_paragraph("{{ n.CUOI_KY.HV }}")
    doc.save(str(tmp_path / "cell.docx"))
    with pytest.raises(TemplateError) as err:
        render_docx(tmp_path / "cell.docx", "bc", ctx, tmp_path / "out.docx")
    assert "thẻ không đóng ở bảng thứ 1, dòng 2, ô 3: «{{ n.CUOI_KY.HV }»" in str(err.value)
    doc = Document()
    doc.add_paragraph("{{ unit.name }}")
    doc.sections[0].footer.paragraphs[0].text = "Trang {{ unit.name }"
    doc.save(str(tmp_path / "footer.docx"))
    with pytest.raises(TemplateError) as err:
        render_docx(tmp_path / "footer.docx", "bc", ctx, tmp_path / "out.docx")
    assert "thẻ không đóng ở chân trang, đoạn thứ 1: «{{ unit.name }»" in str(err.value)
    assert not (tmp_path / "out.docx").exists()


def test_error_does_not_touch_an_existing_output(tmp_path, ctx):
    out = tmp_path / "bc.docx"
    out.write_bytes(b"the clerk's earlier report")
    tpl = make_template(tmp_path / "t.docx", "{{ xyz }}")
    with pytest.raises(TemplateError):
        render_docx(tpl, "bc", ctx, out)
    assert out.read_bytes() == b"the clerk's earlier report"
    assert leftovers(tmp_path) == ["bc.docx", "t.docx"]


@pytest.mark.parametrize("make", [
    lambda p: p.write_text("không phải Word", encoding="utf-8"),
    lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),  # an old .doc
    lambda p: zipfile.ZipFile(p, "w").writestr("hello.txt", "x"),  # a zip, not a docx
    lambda p: p.write_bytes(b""),
])
def test_not_a_docx_refused(tmp_path, ctx, make):
    tpl = tmp_path / "mau.docx"
    make(tpl)
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError, match="không phải là văn bản Word .docx"):
        render_docx(tpl, "bc", ctx, out)
    assert not out.exists()


def test_missing_template_refused(tmp_path, ctx):
    with pytest.raises(TemplateError, match="Không tìm thấy tệp mẫu"):
        render_docx(tmp_path / "khong-co.docx", "bc", ctx, tmp_path / "out.docx")
    with pytest.raises(TemplateError, match="không phải là một tệp"):
        render_docx(tmp_path, "bc", ctx, tmp_path / "out.docx")


def test_unknown_kind_refused(tmp_path, ctx):
    with pytest.raises(TemplateError, match="Loại văn bản không hợp lệ"):
        render_docx(None, "qd", ctx, tmp_path / "out.docx")


def test_unwritable_output_is_an_output_error(tmp_path, ctx):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        render_docx(None, "bc", ctx, blocker / "bc.docx")


# ---------------------------------------------------------------- escaping

def test_autoescape_keeps_markup_and_formulas_literal(tmp_path, ctx):
    ctx["doc"]["subject"] = '<b>&"nguy hiểm"</b> & <w:br/>'
    ctx["unit"]["name"] = ctx["doc"]["issuer"] = '=HYPERLINK("http://x.invalid","bấm")'
    ctx["doc"]["recipients"] = ["</w:t></w:r><w:r><w:t>chèn", "Lưu: VT"]
    out = render_docx(None, "bc", ctx, tmp_path / "bc.docx")
    doc = Document(str(out))
    all_text = "\n".join(p.text for p in doc.paragraphs)
    assert '<b>&"nguy hiểm"</b> & <w:br/>' in all_text
    assert 'Trên đây là báo cáo kết quả công tác cai nghiện ma túy năm 2021 của =HYPERLINK("http://x.invalid","bấm")./.' in all_text
    sign = doc.tables[-1].rows[0].cells[0]
    assert "- </w:t></w:r><w:r><w:t>chèn;" in [p.text for p in sign.paragraphs]
    # the markup is escaped in the XML, not interpreted
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "&lt;b&gt;&amp;" in xml and "<b>" not in xml


def test_characters_xml_cannot_hold_are_dropped(tmp_path, ctx):
    ctx["doc"]["subject"] = "Kết quả\x00 công tác\x07\x0c năm 2021\x1b"
    out = render_docx(None, "bc", ctx, tmp_path / "bc.docx")
    assert "Kết quả công tác năm 2021" in texts(out)


def test_punctuation_of_lists_is_the_templates(tmp_path, ctx):
    ctx["doc"]["legal_bases"] = ["Căn cứ A;", "Căn cứ B."]
    ctx["doc"]["recipients"] = ["- Như trên;", "Lưu: VT, TCHC."]
    ctx["doc"]["recipient_to"] = "Kính gửi: Sở Lao động - Thương binh và Xã hội."
    out = render_docx(None, "bc", ctx, tmp_path / "bc.docx")
    doc = Document(str(out))
    body = [p.text for p in doc.paragraphs]
    assert "Căn cứ A;" in body and "Căn cứ B." in body
    assert "Kính gửi: Sở Lao động - Thương binh và Xã hội." in body
    left = [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs]
    assert left == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TCHC."]


# ---------------------------------------------------------------- helpers

def test_section_numbers():
    assert section_numbers({"admissions": True, "labour": False, "vocational": True, "targets": True}) == {
        "admissions": "1", "management": "", "education": "", "labour": "2",
        "reintegration": "", "table": "", "facilities": "", "targets": "3", "communication": "", "community": "",
        "aftercare": "", "investment": ""}
    assert section_numbers({"table": True, "facilities": True})["facilities"] == "2"
    # a department's parts (province workbook): communication first, as seed 003 does
    assert section_numbers({"communication": True, "admissions": True, "community": True, "aftercare": True,
                            "investment": True, "table": True}) == {
        "communication": "1", "admissions": "2", "management": "", "education": "", "labour": "",
        "reintegration": "", "community": "3", "aftercare": "4", "investment": "5", "table": "6", "facilities": "",
        "targets": ""}
    assert section_numbers({"medical": True})["admissions"] == "1"


def test_export_templates(tmp_path):
    written = export_templates(tmp_path / "mau")
    assert [p.name for p in written] == ["bc.docx", "kh.docx"]
    for p in written:
        assert p.read_bytes() == (TEMPLATE_DIR / p.name).read_bytes()
    (tmp_path / "mau" / "bc.docx").write_bytes(b"edited by the clerk")
    with pytest.raises(TemplateError, match="Không ghi đè"):
        export_templates(tmp_path / "mau")
    assert (tmp_path / "mau" / "bc.docx").read_bytes() == b"edited by the clerk"
    export_templates(tmp_path / "mau", overwrite=True)
    assert (tmp_path / "mau" / "bc.docx").read_bytes() == (TEMPLATE_DIR / "bc.docx").read_bytes()
    assert leftovers(tmp_path / "mau") == ["bc.docx", "kh.docx"]


def test_template_variables():
    rows = template_variables()
    assert all(isinstance(r, tuple) and len(r) == 3 for r in rows)
    by_name = {name: (meaning, example) for name, meaning, example in rows}
    assert by_name["doc.subject"][1] == "Kết quả công tác cai nghiện ma túy năm 2021"
    assert by_name["n.DAU_KY.HV"][1] == "1.659"
    assert by_name["money.DOANH_THU"][1] == "5.122.732.200 đồng"
    assert by_name["plan.label"][1] == "năm 2022"
    assert by_name["n.RA_MET.MET"][1] == "74"
    assert all(meaning for meaning, _ in by_name.values())


def test_every_documented_variable_exists_in_the_example():
    """A template using any documented variable renders with the example context."""
    from rehabstat.documents.render import _VARIABLES  # noqa: PLC2701 - the documented names

    names = [n for n, *_ in _VARIABLES]
    ctx_bc, ctx_kh = example_context("bc"), example_context("kh")
    for name in names:
        cur_bc, cur_kh = ctx_bc, ctx_kh
        for part in name.split("."):
            cur_bc = cur_bc.get(part) if isinstance(cur_bc, dict) else None
            cur_kh = cur_kh.get(part) if isinstance(cur_kh, dict) else None
        assert cur_bc is not None or cur_kh is not None, name


def test_line_breaks_and_tabs_in_text_still_become_breaks_and_tabs(tmp_path, ctx):
    """render.py skips docxtpl's listing pass when the XML holds no \\n \\t (speed): with them it runs."""
    import zipfile
    ctx["unit"]["name"] = "Dòng một\nDòng hai\tcột"
    tpl = make_template(tmp_path / "mine.docx", "{{ unit.name }}", "Không xuống dòng")
    out = render_docx(str(tpl), "bc", ctx, tmp_path / "out.docx")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "<w:br/>" in xml and "<w:tab/>" in xml
    assert texts(out) == ["Dòng một\nDòng hai\tcột", "Không xuống dòng"]
    plain = render_docx(str(make_template(tmp_path / "p.docx", "{{ period.label }}")), "bc", ctx, tmp_path / "p.docx.out.docx")
    assert "<w:br/>" not in zipfile.ZipFile(plain).read("word/document.xml").decode("utf-8")


def test_a_kh_template_is_refused_for_a_report_and_a_bc_template_for_a_plan(tmp_path, ctx):
    """report --template kh.docx wrote a BC headed KẾ HOẠCH with exit 0: the plan's variables tell the two apart."""
    from rehabstat.documents.render import export_templates
    bc, kh = export_templates(tmp_path / "mau")
    with pytest.raises(TemplateError, match="là mẫu kế hoạch"):
        render_docx(str(kh), "bc", ctx, tmp_path / "a.docx")
    with pytest.raises(TemplateError, match="có lẽ là mẫu báo cáo"):
        render_docx(str(bc), "kh", example_context("kh"), tmp_path / "b.docx")
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "b.docx").exists()
    assert render_docx(str(bc), "bc", ctx, tmp_path / "c.docx").exists()


# ---------------------------------------------------------------- names in branches not taken

@pytest.mark.parametrize("paragraphs, name", [
    (("{%p if doc.draft %}", "{{ tong_so_moi }}", "{%p endif %}"), "tong_so_moi'"),
    (("{%p if doc.draft %}", "{{ n.TIEP_NHANN.ALL }}", "{%p endif %}"),
     "n.TIEP_NHANN' (có phải: n.TIEP_NHAN, n.TAP_HUAN, n.LOI_NHUAN?)"),
    (("{% if false %}{{ v.CUOI_KY.HVV }}{% endif %}",), "v.CUOI_KY.HVV' (có phải: v.CUOI_KY.HV?)"),
    (("{% for g in draft_reasons %}{{ unit.nam }}{% endfor %}",), "unit.nam' (có phải: unit.name?)"),
])
def test_unknown_name_in_a_branch_not_taken_is_refused(tmp_path, ctx, paragraphs, name):
    # the example context is final (no draft, no draft_reasons): these branches never run
    assert not ctx["doc"]["draft"] and not ctx["draft_reasons"]
    tpl = make_template(tmp_path / "t.docx", "{{ unit.name }}", *paragraphs)
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, "bc", ctx, out)
    assert str(err.value) == (f"Mẫu văn bản dùng biến không tồn tại: '{name}. "
                              "Xem danh sách biến: rehabstat templates vars")
    assert not out.exists()


def test_names_a_template_sets_or_that_exist_elsewhere_pass(tmp_path, ctx):
    tpl = make_template(tmp_path / "t.docx", "{% set tong = n.TIEP_NHAN.HV %}{{ tong }}",
                        "{% for g in draft_reasons %}{{ g.x }}{% endfor %}",
                        "{% if doc.draft %}{{ n.CUOI_KY.XDTTN }} {{ prov.investment_total }}{% endif %}",
                        "{% for code in ['BB'] %}{{ n.CUOI_KY[code] }}{{ loop.index }}{% endfor %}",
                        "{{ doc.recipients | join(', ') }} {{ range(2) | list | length }}")
    out = render_docx(tpl, "bc", ctx, tmp_path / "out.docx")
    assert texts(out)[0] == "1.658" and texts(out)[3] == "1.4071"


@pytest.mark.parametrize("kind", ["bc", "kh"])
def test_exported_templates_pass_the_name_check(tmp_path, kind):
    [bc, kh] = export_templates(tmp_path / "mau")
    out = render_docx(bc if kind == "bc" else kh, kind, example_context(kind), tmp_path / f"{kind}.docx")
    assert any("1.659" in t for t in texts(out))
