"""The rendered BC and KH follow the layout of Nghị định 30/2020 (spec/document-format.md).

Every check reads the rendered .docx back with python-docx; the context is the Sơn La 2021
example (rehabstat/documents/templates/example_context.py).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from rehabstat.documents.render import render_docx, variables_markdown
from rehabstat.documents.templates import TEMPLATE_DIR, build
from rehabstat.documents.templates.example_context import example_context

ROOT = Path(__file__).resolve().parents[1]
TNR = "Times New Roman"
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
PLACE_DATE = re.compile(r"^[^,]+, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$")


# ---------------------------------------------------------------- helpers

def _render(tmp_path_factory, kind, context=None, name=None):
    out = tmp_path_factory.mktemp("docs") / (name or f"{kind}.docx")
    render_docx(None, kind, context if context is not None else example_context(kind), out)
    return Document(str(out))


@pytest.fixture(scope="module")
def bc(tmp_path_factory):
    return _render(tmp_path_factory, "bc")


@pytest.fixture(scope="module")
def kh(tmp_path_factory):
    return _render(tmp_path_factory, "kh")


@pytest.fixture(params=["bc", "kh"])
def any_doc(request, bc, kh):
    return {"bc": bc, "kh": kh}[request.param]


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def eff(paragraph, attr):
    """Effective paragraph-format attribute: direct formatting, then the style chain."""
    value = getattr(paragraph.paragraph_format, attr)
    if value is not None:
        return value
    for st in _style_chain(paragraph.style):
        value = getattr(st.paragraph_format, attr)
        if value is not None:
            return value
    return None


def font_attr(paragraph, run, attr):
    """Effective font attribute of a run: run, then the paragraph style chain."""
    value = getattr(run.font, attr) if run is not None else None
    if value is not None:
        return value
    for st in _style_chain(paragraph.style):
        value = getattr(st.font, attr)
        if value is not None:
            return value
    return None


def all_paragraphs(doc):
    """Body paragraphs and those of every table cell, in document order."""
    body = doc.element.body
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, doc._body) for p in body.iter(qn("w:p"))]


def text_paragraphs(doc):
    return [p for p in all_paragraphs(doc) if p.text.strip()]


def find(doc, pattern):
    rx = re.compile(pattern)
    hits = [p for p in all_paragraphs(doc) if rx.search(p.text)]
    assert hits, f"no paragraph matches {pattern!r}"
    return hits[0]


def runs_bold(paragraph):
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(font_attr(paragraph, r, "bold") for r in runs)


def runs_italic(paragraph):
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(font_attr(paragraph, r, "italic") for r in runs)


def size_pt(paragraph):
    runs = [r for r in paragraph.runs if r.text.strip()]
    sizes = {font_attr(paragraph, r, "size") for r in runs}
    assert len(sizes) == 1, (paragraph.text, sizes)
    return sizes.pop().pt


def border(paragraph, side="bottom"):
    ppr = paragraph._p.pPr
    if ppr is None or ppr.find(qn("w:pBdr")) is None:
        return None
    return ppr.find(qn("w:pBdr")).find(qn(f"w:{side}"))


def indents_twips(paragraph):
    ind = paragraph._p.pPr.find(qn("w:ind"))
    return int(ind.get(qn("w:left"), 0)), int(ind.get(qn("w:right"), 0))


def grid(table):
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def borderless(table):
    b = table._tbl.tblPr.find(qn("w:tblBorders"))
    return b is not None and all(e.get(qn("w:val")) in ("nil", "none") for e in b)


def body_text(doc):
    return "\n".join(p.text for p in all_paragraphs(doc))


# ---------------------------------------------------------------- page

def test_page_is_a4_portrait_with_the_margins(any_doc):
    for s in any_doc.sections:
        assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297
        assert s.page_width < s.page_height
        assert round(s.top_margin.mm) == 20 and round(s.bottom_margin.mm) == 20
        assert round(s.left_margin.mm) == 30 and round(s.right_margin.mm) == 15
        # and within the ranges of the spec (Word stores twips: 15 mm is 14.99 mm)
        tol = 0.05
        assert 20 - tol <= s.top_margin.mm <= 25 + tol and 20 - tol <= s.bottom_margin.mm <= 25 + tol
        assert 30 - tol <= s.left_margin.mm <= 35 + tol and 15 - tol <= s.right_margin.mm <= 20 + tol


# ---------------------------------------------------------------- fonts

def _rfonts_ok(rpr):
    rf = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if rf is None:
        return False
    return all(rf.get(qn(a)) == TNR for a in FONT_SLOTS) and not any(
        rf.get(qn(a)) for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"))


def test_times_new_roman_in_defaults_normal_and_every_style(any_doc):
    styles = any_doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert _rfonts_ok(defaults)
    normal = any_doc.styles["Normal"]
    assert _rfonts_ok(normal.element.rPr)
    assert normal.font.size == Pt(14)
    assert str(normal.font.color.rgb) == "000000"
    # no theme font anywhere in styles.xml
    xml = styles.xml
    assert "asciiTheme" not in xml and "hAnsiTheme" not in xml and "cstheme" not in xml
    used = {p.style.style_id for p in all_paragraphs(any_doc)}
    for s in any_doc.sections:
        used |= {p.style.style_id for p in s.header.paragraphs}
    for st in any_doc.styles:
        if st.style_id in used:
            assert _rfonts_ok(st.element.rPr), st.name
            assert st.font.color.rgb is None or str(st.font.color.rgb) == "000000" or st.name == "VB Draft"


def test_every_explicit_run_font_is_times_new_roman(any_doc):
    for p in all_paragraphs(any_doc):
        for r in p.runs:
            rf = r._r.rPr.find(qn("w:rFonts")) if r._r.rPr is not None else None
            if rf is not None:
                assert all(rf.get(qn(a)) in (None, TNR) for a in FONT_SLOTS), p.text
            assert r.font.name in (None, TNR)


def test_body_is_14pt(any_doc):
    p = find(any_doc, r"^Lũy kế năm 2020 chuyển sang")
    assert size_pt(p) == 14


# ---------------------------------------------------------------- header

def test_header_table_two_borderless_columns(any_doc):
    t = any_doc.tables[0]
    assert len(t.columns) == 2
    assert grid(t) == [3829, 5670]
    for row in t.rows:
        widths = [int(c._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for c in row.cells]
        assert widths == [3829, 5670]
    assert borderless(t)


def test_header_left_column(bc):
    t = bc.tables[0]
    left = [p for p in t.rows[0].cells[0].paragraphs]
    parent, agency, rule = left[0], left[1], left[2]
    assert parent.text == "SỞ LĐTBXH TỈNH SƠN LA" and parent.text == parent.text.upper()
    assert not runs_bold(parent) and 12 <= size_pt(parent) <= 13
    assert agency.text == agency.text.upper() and runs_bold(agency) and 12 <= size_pt(agency) <= 13
    assert eff(parent, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    # a short centred rule under the agency: a paragraph border with indents
    assert rule.text == "" and border(rule) is not None and border(rule).get(qn("w:val")) == "single"
    left_i, right_i = indents_twips(rule)
    width = 3829 - left_i - right_i
    assert abs(left_i - right_i) <= 1 and 900 <= width <= 3829 // 2
    number = t.rows[1].cells[0].paragraphs[0]
    assert re.fullmatch(r"Số: 20/BC-\S+", number.text)
    assert size_pt(number) == 13 and not runs_bold(number)


def test_header_without_parent_agency(tmp_path_factory):
    ctx = example_context("bc")
    ctx["doc"]["parent_agency"] = ""
    ctx["doc"]["agency"] = "UBND TỈNH SƠN LA"
    doc = _render(tmp_path_factory, "bc", ctx)
    first = doc.tables[0].rows[0].cells[0].paragraphs[0]
    assert first.text == "UBND TỈNH SƠN LA" and runs_bold(first)


def test_header_right_column(any_doc):
    t = any_doc.tables[0]
    national, motto, rule = t.rows[0].cells[1].paragraphs[:3]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert runs_bold(national) and 12 <= size_pt(national) <= 13
    # one line with room to spare: bold 13 pt is 5418 twips in Times New Roman, so 12 pt
    # leaves 8 % of the column (FreeSerif, Noto Serif, TeX Gyre Termes/Pagella fit too)
    assert 5418 * size_pt(national) / 13 <= 5670 * 0.93
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert runs_bold(motto) and 13 <= size_pt(motto) <= 14
    # the motto has the whole column (no indents): it never wraps; its rule is a paragraph
    # of its own, as long as the text (3424 twips in bold 14 pt)
    assert motto._p.pPr.find(qn("w:ind")) is None and border(motto) is None
    assert rule.text == "" and border(rule) is not None
    left_i, right_i = indents_twips(rule)
    width = 5670 - left_i - right_i
    text_w = 3424 * size_pt(motto) / 14
    assert text_w - 10 <= width <= text_w + 120 and abs(left_i - right_i) <= 1
    place = t.rows[1].cells[1].paragraphs[0]
    assert PLACE_DATE.match(place.text), place.text
    assert place.text == "Sơn La, ngày 10 tháng 01 năm 2022"
    assert runs_italic(place) and 13 <= size_pt(place) <= 14


def test_number_and_date_share_a_row(any_doc):
    t = any_doc.tables[0]
    assert t.rows[1].cells[0].paragraphs[0].text.startswith("Số: ")
    assert PLACE_DATE.match(t.rows[1].cells[1].paragraphs[0].text)


def test_kh_number(kh):
    assert re.fullmatch(r"Số: 20/KH-\S+", kh.tables[0].rows[1].cells[0].paragraphs[0].text)


# ---------------------------------------------------------------- title

@pytest.mark.parametrize("kind, title", [("bc", "BÁO CÁO"), ("kh", "KẾ HOẠCH")])
def test_title_and_subject(kind, title, bc, kh):
    doc = {"bc": bc, "kh": kh}[kind]
    paras = doc.paragraphs
    i = next(i for i, p in enumerate(paras) if p.text == title)
    t, subject, rule = paras[i], paras[i + 1], paras[i + 2]
    for p in (t, subject):
        assert runs_bold(p) and eff(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
        assert 13 <= size_pt(p) <= 14
    assert subject.text == example_context(kind)["doc"]["subject"]
    assert rule.text == "" and border(rule) is not None
    left_i, right_i = indents_twips(rule)
    assert abs(left_i - right_i) <= 1 and left_i > 2000  # short and centred


def test_bc_recipient_line(bc):
    p = find(bc, r"^Kính gửi: ")
    assert p.text == "Kính gửi: Sở Lao động - Thương binh và Xã hội tỉnh Sơn La."


def test_kh_has_no_kinh_gui(kh):
    assert "Kính gửi" not in body_text(kh)


def test_bc_without_recipient_drops_the_line(tmp_path_factory):
    ctx = example_context("bc")
    ctx["doc"]["recipient_to"] = ""
    doc = _render(tmp_path_factory, "bc", ctx)
    assert "Kính gửi" not in body_text(doc)


def test_legal_bases_italic_one_per_paragraph(any_doc):
    bases = [p for p in any_doc.paragraphs if p.text.startswith("Căn cứ ")]
    assert bases
    for p in bases:
        assert runs_italic(p)
    assert all(p.text.endswith(";") for p in bases[:-1]) and bases[-1].text.endswith(".")


# ---------------------------------------------------------------- body

def test_body_paragraphs_justified_with_first_line_indent(any_doc):
    body = [p for p in any_doc.paragraphs if p.style.name in ("VB Body", "VB Basis", "VB Placeholder")
            and p.text.strip()]
    assert len(body) > 15
    for p in body:
        assert eff(p, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY, p.text
        assert abs(eff(p, "first_line_indent") - Cm(1.27)) < Cm(0.01), p.text
        assert eff(p, "space_after") >= Pt(6)
        spacing = eff(p, "line_spacing")
        assert isinstance(spacing, float) and 1.0 <= spacing <= 1.5


def test_headings_bold(bc):
    for pattern in (r"^I\. KẾT QUẢ THỰC HIỆN$", r"^II\. ĐÁNH GIÁ CHUNG$", r"^III\. ĐỀ XUẤT",
                    r"^1\. Công tác tiếp nhận", r"^2\. Công tác quản lý học viên$"):
        assert runs_bold(find(bc, pattern)), pattern


def test_section_numbers_have_no_gaps(any_doc):
    first = [p.text for p in any_doc.paragraphs if p.style.name == "VB Heading 2"]
    numbers = [int(t.split(".")[0]) for t in first]
    part1 = numbers[:numbers.index(1, 1)]  # up to "1. Kết quả đạt được"
    assert part1 == list(range(1, len(part1) + 1)) and len(part1) == 7


def test_placeholders_are_italic_not_coloured(any_doc):
    ph = [p for p in any_doc.paragraphs if p.text.startswith("(Đơn vị bổ sung")]
    assert len(ph) >= 3
    assert "(Đơn vị bổ sung nội dung đánh giá.)" in [p.text for p in ph]
    for p in ph:
        assert runs_italic(p)
        for r in p.runs:
            assert r.font.color.rgb is None


def test_page_number_in_header_not_on_page_one(any_doc):
    s = any_doc.sections[0]
    assert s.different_first_page_header_footer
    assert s._sectPr.find(qn("w:titlePg")) is not None
    header = s.header
    assert not header.is_linked_to_previous
    instr = "".join(e.text for e in header._element.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    p = header.paragraphs[0]
    assert eff(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert 13 <= font_attr(p, None, "size").pt <= 14
    assert not list(s.first_page_header._element.iter(qn("w:instrText")))


def test_body_ends_with_the_closing_mark(any_doc):
    paras = [p for p in any_doc.paragraphs if p.text.strip()]
    assert paras[-1].text.endswith("./.")
    assert [p.text for p in text_paragraphs(any_doc) if "./." in p.text] == [paras[-1].text]
    # the signature table comes right after it
    body = list(any_doc.element.body)
    closing = paras[-1]._p
    nxt = closing.getnext()
    assert nxt.tag == qn("w:tbl") and nxt is any_doc.tables[-1]._tbl
    assert body.index(nxt) > body.index(closing)


# ---------------------------------------------------------------- signature

def test_signature_table(any_doc):
    t = any_doc.tables[-1]
    assert len(t.columns) == 2 and borderless(t)
    left, right = t.rows[0].cells
    head = left.paragraphs[0]
    assert head.text == "Nơi nhận:"
    assert runs_bold(head) and runs_italic(head) and size_pt(head) == 12
    lines = [p for p in left.paragraphs[1:] if p.text.strip()]
    assert len(lines) >= 2
    for p in lines:
        assert p.text.startswith("- ") and size_pt(p) == 11
    assert all(p.text.endswith(";") for p in lines[:-1])
    assert re.fullmatch(r"- Lưu: VT, .+\.", lines[-1].text)
    signer = [p for p in right.paragraphs if p.text.strip()]
    assert [p.text for p in signer] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]
    for p in signer:
        assert runs_bold(p) and 13 <= size_pt(p) <= 14
    for p in signer[:2]:
        assert p.text == p.text.upper()
    # blank lines for the signature between the title and the name
    texts = [p.text for p in right.paragraphs]
    assert texts.index("Nguyễn Văn A") - texts.index("PHÓ GIÁM ĐỐC") >= 4


def test_signature_without_authority(tmp_path_factory):
    ctx = example_context("bc")
    ctx["doc"] |= {"signer_authority": "", "signer_title": "GIÁM ĐỐC"}
    doc = _render(tmp_path_factory, "bc", ctx)
    right = doc.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs if p.text.strip()] == ["GIÁM ĐỐC", "Nguyễn Văn A"]


# ---------------------------------------------------------------- draft

def test_draft_line_red_and_bold(tmp_path_factory, bc):
    assert "DỰ THẢO" not in body_text(bc)
    doc = _render(tmp_path_factory, "bc", example_context("bc", draft=True))
    p = find(doc, r"^DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CHƯA ĐƯỢC KIỂM TRA$")
    assert runs_bold(p)
    colour = p.runs[0].font.color.rgb or p.style.font.color.rgb
    assert colour is not None and str(colour) != "000000"
    # at the top: before the title
    texts = [q.text for q in doc.paragraphs]
    assert texts.index(p.text) < texts.index("BÁO CÁO")


# ---------------------------------------------------------------- figures

def _category_table(doc):
    for t in doc.tables:
        if len(t.columns) == 9 and t.rows[0].cells[0].text == "Chỉ tiêu":
            return t
    raise AssertionError("no category table")


def test_category_table(any_doc):
    t = _category_table(any_doc)
    heads = [c.text for c in t.rows[0].cells]
    assert heads == ["Chỉ tiêu", "BB", "TN", "HTCC", "XĐTTN", "LTTT", "Cộng HV", "MET", "Tổng cộng"]
    assert sum(grid(t)) <= 9355  # within the margins (165 mm)
    assert not borderless(t)
    assert t.style.name == "Table Grid"
    head = t.rows[0]
    assert head._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    for c in head.cells:
        p = c.paragraphs[0]
        assert runs_bold(p) and eff(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    rows = {r.cells[0].text: r for r in t.rows[1:]}
    first = rows["Lũy kế năm 2020 chuyển sang"]
    assert [c.text for c in first.cells[1:]] == ["1.586", "21", "37", "15", "-", "1.659", "90", "1.749"]
    assert runs_bold(first.cells[1].paragraphs[0])
    admissions = rows["Tiếp nhận"]
    assert [c.text for c in admissions.cells[1:]] == ["692", "12", "485", "469", "-", "1.658", "52", "1.710"]
    assert not runs_bold(admissions.cells[1].paragraphs[0])
    assert rows["Đang quản lý đến 31/12/2021"].cells[6].text == "1.477"
    for row in t.rows[1:]:
        for cell in row.cells[1:]:
            p = cell.paragraphs[0]
            assert eff(p, "alignment") == WD_ALIGN_PARAGRAPH.RIGHT
            assert 11 <= size_pt(p) <= 12
        assert eff(row.cells[0].paragraphs[0], "alignment") == WD_ALIGN_PARAGRAPH.LEFT


def test_tables_fit_within_the_margins(any_doc):
    for t in any_doc.tables[1:]:
        assert sum(grid(t)) <= 9355


def test_published_figures_in_the_text(bc):
    text = body_text(bc)
    for figure in ("1.659 học viên", "1.658 học viên", "1.816 học viên", "5.122.732.200 đồng",
                   "3.122.732.200 đồng", "2.000.000.000 đồng", "trích 40% cải cách tiền lương là 800.000.000 đồng",
                   "40.980 lượt", "12.699 ca", "1.180 mẫu", "94 học viên", "(đạt 98,9%)",
                   "26 lượt học viên", "06 học viên", "04 học viên", "2.799 lượt",
                   "263 buổi với 16.180 lượt", "269 buổi/16.259 lượt", "17 buổi/775 lượt",
                   "105 học viên/03 lớp", "100% học viên được cấp chứng chỉ nghề",
                   "ra 74 bệnh nhân (bỏ điều trị 50; chuyển 15; ra khỏi chương trình 09)",
                   "đang điều trị cho 68 bệnh nhân", "bắt buộc 692 học viên; tự nguyện 12 học viên"):
        assert figure in text, figure


def test_zero_categories_and_tags_absent(any_doc):
    text = body_text(any_doc)
    assert "lưu trú tạm thời" not in text.replace("LTTT: lưu trú tạm thời", "")
    assert not re.search(r"\b0 học viên", text)
    for tag in ("{{", "}}", "{%", "%}", "{#"):
        assert tag not in text


def test_targets_sentences_and_table(bc):
    p = find(bc, r"^- Tiếp nhận học viên cai nghiện bắt buộc: ")
    assert p.text.endswith("đạt 98,9%, chưa đạt kế hoạch;")
    assert find(bc, r"^- Dạy nghề cho học viên: ").text.endswith("đạt 105% kế hoạch;")
    t = next(t for t in bc.tables if t.rows[0].cells[-1].text == "Tỷ lệ đạt")
    assert [c.text for c in t.rows[1].cells] == ["1", "Tiếp nhận học viên cai nghiện bắt buộc",
                                                 "học viên", "700", "692", "98,9%"]
    for row in t.rows[1:]:
        for cell in row.cells[3:]:
            assert eff(cell.paragraphs[0], "alignment") == WD_ALIGN_PARAGRAPH.RIGHT


def test_absent_sections_are_dropped_and_renumbered(tmp_path_factory):
    ctx = example_context("bc")
    for key in ("management", "methadone", "labour", "targets"):
        ctx["has"][key] = False
    del ctx["sec"]  # render_docx numbers the sections from `has`
    ctx["v"]["TRON"]["HV"] = ctx["v"]["BAT_LAI"]["HV"] = 0
    doc = _render(tmp_path_factory, "bc", ctx)
    text = "\n".join(p.text for p in doc.paragraphs)  # outside the tables
    assert "Methadone" not in text.replace("MET: điều trị Methadone", "")
    assert "Công tác quản lý học viên" not in text
    assert "doanh thu" not in text and "trốn" not in text
    assert "Kết quả thực hiện các chỉ tiêu kế hoạch" not in text
    assert "Dạy nghề cho" not in text  # the targets table went with its section
    heads = [p.text for p in doc.paragraphs if p.style.name == "VB Heading 2"]
    assert heads[:5] == ["1. Công tác tiếp nhận và khám chữa bệnh cho học viên",
                         "2. Công tác tuyên truyền, tư vấn, giáo dục",
                         "3. Công tác lao động trị liệu, dạy nghề",
                         "4. Công tác phòng chống tái nghiện, chuẩn bị tái hòa nhập cộng đồng",
                         "5. Số liệu tổng hợp theo diện"]
    assert "dạy nghề cho 105 học viên/03 lớp" in text  # vocational kept under labour


def test_no_surplus_sentence(tmp_path_factory):
    ctx = example_context("bc")
    ctx["v"]["LOI_NHUAN"]["ALL"] = 0
    # no facility had a surplus: nothing to split (report.py sets these flags from the figures)
    ctx["labour"].update(split=False, whole=False)
    doc = _render(tmp_path_factory, "bc", ctx)
    text = body_text(doc)
    assert "không có chênh lệch để trích lập các quỹ" in text
    assert "cải cách tiền lương" not in text


# ---------------------------------------------------------------- KH

def test_kh_parts(kh):
    texts = [p.text for p in kh.paragraphs]
    i1, i2 = texts.index("Phần I"), texts.index("Phần II")
    assert i1 < i2
    assert texts[i1 + 1] == "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH CÔNG TÁC NĂM 2021"
    assert texts[i2 + 1] == "KẾ HOẠCH CÔNG TÁC NĂM 2022"
    for i in (i1, i1 + 1, i2, i2 + 1):
        p = kh.paragraphs[i]
        assert runs_bold(p) and eff(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    for h in ("I. MỤC TIÊU", "II. CHỈ TIÊU CHỦ YẾU", "III. NHIỆM VỤ VÀ GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN"):
        assert texts.index(h) > i2
    assert texts.index("I. KẾT QUẢ THỰC HIỆN") > i1


def test_kh_targets_as_one_table_not_a_list_repeated(kh):
    texts = [p.text for p in kh.paragraphs]
    # part II does not list the targets and then repeat them as an identical table
    assert "- Tiếp nhận 700 học viên cai nghiện bắt buộc;" not in texts
    assert "- Tư vấn, giới thiệu việc làm cho 300 lượt học viên." not in texts
    assert "Cơ sở phấn đấu thực hiện các chỉ tiêu chủ yếu năm 2022 như sau (kèm kết quả thực hiện năm 2021):" in texts
    t = next(t for t in kh.tables if t.rows[0].cells[-1].text == "Thực hiện 2021")
    assert [c.text for c in t.rows[0].cells] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2022", "Thực hiện 2021"]
    assert [c.text for c in t.rows[1].cells] == ["1", "Tiếp nhận học viên cai nghiện bắt buộc", "học viên", "700", "692"]
    assert len(t.rows) == 6


def test_kh_without_plan_targets(tmp_path_factory):
    ctx = example_context("kh")
    ctx["plan"]["targets"] = []
    doc = _render(tmp_path_factory, "kh", ctx)
    assert "(Đơn vị bổ sung các chỉ tiêu chủ yếu.)" in body_text(doc)
    assert not any(t.rows[0].cells[-1].text.startswith("Thực hiện") for t in doc.tables)


# ---------------------------------------------------------------- the shipped templates

def test_templates_are_reproducible_and_up_to_date(tmp_path):
    # Built in a process of their own, as `python -m rehabstat.documents.templates.build` does: in
    # this one the renders above imported docxtpl, and docxcompose (which docxtpl up to 0.20.1
    # imports) rebinds python-docx's prefix "cp" for the whole process (documents/render.py).
    import subprocess
    import sys
    for name in ("a", "b"):
        subprocess.run([sys.executable, "-m", "rehabstat.documents.templates.build", str(tmp_path / name)],
                       check=True, capture_output=True, timeout=300)
    a = sorted((tmp_path / "a").glob("*.docx"))
    b = sorted((tmp_path / "b").glob("*.docx"))
    assert [p.name for p in a] == [p.name for p in b] == ["bc.docx", "kh.docx"]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes()
        shipped = TEMPLATE_DIR / pa.name
        assert shipped.read_bytes() == pa.read_bytes(), (
            f"{shipped} is stale: run python -m rehabstat.documents.templates.build")


@pytest.mark.parametrize("kind", ["bc", "kh"])
def test_every_jinja_tag_is_in_one_run(kind):
    doc = Document(str(TEMPLATE_DIR / f"{kind}.docx"))
    paragraphs = list(all_paragraphs(doc))
    assert paragraphs
    for p in paragraphs:
        for r in p.runs:
            t = r.text
            assert t.count("{{") == t.count("}}") and t.count("{%") == t.count("%}"), t
        if re.search(r"\{%[pr] ", p.text) or "{%tr " in p.text:
            assert re.fullmatch(r"\{%(p|tr) [^%]*%\}", p.text.strip()), p.text


def test_template_variable_doc_is_in_sync():
    doc = ROOT / "docs" / "template-vars.md"
    assert doc.read_text(encoding="utf-8") == variables_markdown(), (
        "run: python -m rehabstat.documents.templates.build --docs docs/template-vars.md")


def test_every_context_key_is_documented():
    documented = variables_markdown()
    for kind in ("bc", "kh"):
        ctx = example_context(kind)
        for top in ("doc", "unit", "period", "has", "plan"):
            for key in ctx.get(top, {}):
                assert f"`{top}.{key}`" in documented, f"{top}.{key}"
        for key in ctx["sec"]:
            assert key in documented
        for top in ctx:
            assert f"`{top}" in documented, top
