"""Build the shipped Word templates ``bc.docx`` (báo cáo) and ``kh.docx`` (kế hoạch).

    python -m rehabstat.documents.templates.build            # writes rehabstat/documents/templates/{bc,kh}.docx
    python -m rehabstat.documents.templates.build OUT_DIR    # elsewhere
    python -m rehabstat.documents.templates.build --docs docs/template-vars.md   # also the variable list

The layout is the one of Nghị định 30/2020/NĐ-CP, Phụ lục I (see the project's
spec/document-format.md):

* A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
* Times New Roman in the ascii, hAnsi, cs and eastAsia slots of the document defaults, of
  Normal and of every style (no theme fonts left), black; body 14 pt.
* Header: a borderless table 3829 | 5670 twips, two rows (agency / national title, then
  number / place and date on one line); the rules are paragraph borders with indents.
* Body justified, first-line indent 1.27 cm, 6 pt after, line spacing 1.2.
* Page number (PAGE field) centred in the page header, 13 pt, not on page 1; a draft adds
  "DỰ THẢO" under it (page 1 says it above the title).
* Signature: a borderless table, "Nơi nhận:" on the left, the signer on the right.

Every jinja tag is written inside a single run, so Word never splits it, and every
paragraph- or row-level tag (``{%p ...%}``, ``{%tr ...%}``) sits alone in its paragraph or
row. The output is byte-for-byte reproducible (fixed zip timestamps and core properties).
"""
from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

TEMPLATE_DIR = Path(__file__).resolve().parent

# ---------------------------------------------------------------- layout constants

FONT = "Times New Roman"
PAGE_W_MM, PAGE_H_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_DISTANCE_MM = 10
TEXT_WIDTH = round((PAGE_W_MM - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 1440)  # 9354 twips
HEADER_COLS = (3829, 5670)  # twips, the Nghị định 30 sample (9499: 145 twips wider than the text)
SIGNATURE_COLS = (4536, TEXT_WIDTH - 4536)
BODY_PT = 14
FIRST_LINE = Cm(1.27)
LINE_SPACING = 1.2
AFTER_PT = 6
# Text widths measured in Times New Roman / Liberation Serif (same metrics), twips.
NATIONAL_PT, MOTTO_PT = 12, 13  # Nghị định 30: 12-13 and 13-14; the smaller sizes leave room in the column
MOTTO_TWIPS = 3424 * MOTTO_PT // 14  # "Độc lập - Tự do - Hạnh phúc", bold (3424 twips at 14 pt)
AGENCY_RULE_TWIPS = 1400  # short rule under the issuing agency (1/3-1/2 of the name)
SUBJECT_RULE_TWIPS = 2600  # short rule under the subject
CATEGORY_COLS = (2100, 850, 800, 850, 1150, 850, 900, 850, 1004)  # sums to TEXT_WIDTH
CELL_PADDING = 100  # twips left and right inside every cell of a table of figures (1,8 mm)
DRAFT_TEXT = "DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CHƯA ĐƯỢC KIỂM TRA"
PLACEHOLDER = "(Đơn vị bổ sung nội dung đánh giá.)"
FIXED_TIME = datetime(2022, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (2022, 1, 1, 0, 0, 0)

assert sum(CATEGORY_COLS) == TEXT_WIDTH, sum(CATEGORY_COLS)

# ---------------------------------------------------------------- low-level XML helpers

_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)
_STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)
_TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)
_TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
    "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden",
)
_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)


def _el(tag: str, **attrs) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), str(v))
    return e


def _put(parent, child, order):
    """Insert ``child`` into ``parent`` at its schema position, replacing a same-named one."""
    name = child.tag.split("}")[1]
    old = parent.find(qn(f"w:{name}"))
    if old is not None:
        parent.replace(old, child)
        return child
    later = order[order.index(name) + 1:]
    for sibling in parent:
        if sibling.tag.split("}")[-1] in later:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def _first(parent, name: str):
    """The child w:<name> that comes first in `parent` (a paragraph's pPr, a cell's tcPr, a
    row's trPr, an rPr's rFonts: no rStyle or tblPrEx in these templates), made when missing."""
    child = parent.find(qn(f"w:{name}"))
    if child is None:
        child = _el(f"w:{name}")
        parent.insert(0, child)
    return child


def _own(parent, name: str, order):
    """The child w:<name> of `parent`, made at its schema position (`order`) when missing."""
    child = parent.find(qn(f"w:{name}"))
    return child if child is not None else _put(parent, _el(f"w:{name}"), order)


# A python-docx paragraph, run, cell, row or table gives its XML element only through private
# attributes; its formatting objects are public proxies of that same element
# (ElementProxy.element: ParagraphFormat of the w:p, Font of the w:r), and the cell, row and
# table are the paragraph's ancestors (a cell holds at least one paragraph; no merged cells here).
def _p_xml(paragraph):
    return paragraph.paragraph_format.element


def _r_xml(run):
    return run.font.element


def _tc_xml(cell):
    return _p_xml(cell.paragraphs[0]).getparent()


def _tr_xml(row):
    return _tc_xml(row.cells[0]).getparent()


def _tbl_xml(table):
    return _tr_xml(table.rows[0]).getparent()


def _set_rfonts(rpr) -> None:
    """Times New Roman in all four slots; theme fonts removed (they would win)."""
    rfonts = _first(rpr, "rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)


def _border(side: str = "bottom", sz: int = 6, space: int = 1) -> OxmlElement:
    return _el(f"w:{side}", **{"w:val": "single", "w:sz": sz, "w:space": space, "w:color": "000000"})


def _para_border(paragraph, side: str = "bottom") -> None:
    ppr = _first(_p_xml(paragraph), "pPr")
    pbdr = _el("w:pBdr")
    pbdr.append(_border(side))
    _put(ppr, pbdr, _PPR_ORDER)


def _outline(style, level: int) -> None:
    ppr = _own(style.element, "pPr", _STYLE_ORDER)
    _put(ppr, _el("w:outlineLvl", **{"w:val": level}), _PPR_ORDER)


# ---------------------------------------------------------------- styles

def _style(doc, name, base="Normal", *, size=None, bold=None, italic=None, align=None,
           first=None, left=None, right=None, before=None, after=None, line=None,
           keep_next=None, outline=None, color=None):
    styles = doc.styles
    st = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        st.base_style = styles[base]
        st.quick_style = True
        st.next_paragraph_style = st
    f = st.font
    f.name = FONT
    if size is not None:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    f.color.rgb = color or RGBColor(0, 0, 0)
    pf = st.paragraph_format
    if align is not None:
        pf.alignment = align
    if first is not None:
        pf.first_line_indent = first
    if left is not None:
        pf.left_indent = left
    if right is not None:
        pf.right_indent = right
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing = line
    if keep_next is not None:
        pf.keep_with_next = keep_next
    if outline is not None:
        _outline(st, outline)
    _set_rfonts(_own(st.element, "rPr", _STYLE_ORDER))
    return st


J = WD_ALIGN_PARAGRAPH


def _setup_styles(doc) -> None:
    styles = doc.styles
    # document defaults: no theme fonts, 14 pt, Vietnamese
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(rpr)
    for tag, val in (("w:sz", 28), ("w:szCs", 28)):
        rpr.find(qn(tag)).set(qn("w:val"), str(val))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    sp = ppr_default.find(qn("w:spacing"))
    sp.set(qn("w:after"), "0")
    sp.set(qn("w:line"), "240")
    sp.set(qn("w:lineRule"), "auto")

    _style(doc, "Normal", size=BODY_PT, before=0, after=0, line=1.0)
    # body text and its variants
    _style(doc, "VB Body", size=BODY_PT, align=J.JUSTIFY, first=FIRST_LINE, before=0,
           after=AFTER_PT, line=LINE_SPACING)
    _style(doc, "VB Basis", "VB Body", italic=True)  # legal bases ("Căn cứ ...")
    _style(doc, "VB Placeholder", "VB Body", italic=True)  # "(Đơn vị bổ sung ...)"
    _style(doc, "VB Heading Part", "VB Body", bold=True, align=J.CENTER, first=Cm(0),
           before=12, after=0, keep_next=True, outline=0)  # "Phần I"
    _style(doc, "VB Heading Part Title", "VB Heading Part", before=0, after=AFTER_PT, outline=0)
    _style(doc, "VB Heading 1", "VB Body", bold=True, before=6, keep_next=True, outline=1)  # "I. ..."
    _style(doc, "VB Heading 2", "VB Body", bold=True, keep_next=True, outline=2)  # "1. ..."
    # title block
    _style(doc, "VB Title", size=BODY_PT, bold=True, align=J.CENTER, before=18, after=0,
           keep_next=True)  # "BÁO CÁO"
    _style(doc, "VB Subject", "VB Title", before=0)
    _style(doc, "VB Recipient To", size=BODY_PT, align=J.CENTER, before=12, after=0, keep_next=True)
    _style(doc, "VB Rule", size=2, line=Pt(2), before=2, after=0, keep_next=True)
    _style(doc, "VB Draft", size=BODY_PT, bold=True, align=J.CENTER, before=6, after=0,
           color=RGBColor(0xC0, 0, 0))
    # header table
    _style(doc, "VB Header Parent", size=13, align=J.CENTER)
    _style(doc, "VB Header Agency", size=13, bold=True, align=J.CENTER)
    # 1 pt more space than the 14 pt date beside it: the two baselines line up
    _style(doc, "VB Header Number", size=13, align=J.CENTER, before=7)
    _style(doc, "VB National", size=NATIONAL_PT, bold=True, align=J.CENTER)
    _style(doc, "VB Motto", size=MOTTO_PT, bold=True, align=J.CENTER)
    _style(doc, "VB Place Date", size=14, italic=True, align=J.CENTER, before=6)
    # tables of figures
    _style(doc, "VB Table Text", size=12, align=J.LEFT, before=2, after=2)
    _style(doc, "VB Table Num", size=12, align=J.RIGHT, before=2, after=2)
    _style(doc, "VB Table Head", size=12, bold=True, align=J.CENTER, before=2, after=2)
    _style(doc, "VB Table Legend", size=12, italic=True, align=J.JUSTIFY, before=3, after=AFTER_PT)
    _style(doc, "VB Table Note", size=12, italic=True, align=J.RIGHT, before=0, after=3,
           keep_next=True)  # "Đơn vị tính: người"
    # signature block
    _style(doc, "VB Recipients Head", size=12, bold=True, italic=True, align=J.LEFT, before=6)
    _style(doc, "VB Recipients", size=11, align=J.LEFT)
    _style(doc, "VB Signer", size=14, bold=True, align=J.CENTER)
    _style(doc, "VB Signer Authority", "VB Signer", before=6)
    _style(doc, "VB Signer Name", "VB Signer")
    # page header
    _style(doc, "Header", size=13, align=J.CENTER)
    _style(doc, "VB Header Draft", "Header", size=11, bold=True, before=0, after=0)

    # every other style: no theme fonts, black
    for st in styles.element.findall(qn("w:style")):
        if st.get(qn("w:type")) == "numbering":
            continue
        rpr = st.find(qn("w:rPr"))
        if rpr is None:
            rpr = _put(st, _el("w:rPr"), _STYLE_ORDER)
        _set_rfonts(rpr)
        color = rpr.find(qn("w:color"))
        if color is not None:
            for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                color.attrib.pop(qn(attr), None)
            if st.get(qn("w:styleId")) != "VBDraft":
                color.set(qn("w:val"), "000000")
    # and inside table-style conditional formats (tblStylePr): no theme font left anywhere
    for rfonts in styles.element.iter(qn("w:rFonts")):
        _set_rfonts(rfonts.getparent())


# ---------------------------------------------------------------- paragraphs and runs

def _p(container, text: str = "", style: str = "VB Body", *, bold=None, italic=None, size=None):
    """A paragraph whose text (jinja tags included) is one single run."""
    p = container.add_paragraph(style=style)
    if text:
        r = p.add_run(text)
        if bold is not None:
            r.bold = bold
        if italic is not None:
            r.italic = italic
        if size is not None:
            r.font.size = Pt(size)
    return p


def _tag(container, tag: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); removed on render."""
    return _p(container, tag, "VB Body")


def _rule(container, width_twips: int, avail_twips: int):
    """A short centred rule: an empty tiny paragraph with a bottom border and indents."""
    p = container.add_paragraph(style="VB Rule")
    side = max(0, (avail_twips - width_twips) // 2)
    ind = _el("w:ind", **{"w:left": side, "w:right": side})
    _put(_first(_p_xml(p), "pPr"), ind, _PPR_ORDER)
    _para_border(p, "bottom")
    return p


def _first_p(cell, text: str, style: str):
    """The first paragraph of a table cell (a new cell already has an empty one)."""
    p = cell.paragraphs[0]
    p.style = style
    if text:
        p.add_run(text)
    return p


# ---------------------------------------------------------------- tables

def _table(doc, widths, *, rows=1, borders=False, cell_mar=None, align="center"):
    t = doc.add_table(rows=rows, cols=len(widths))
    t.style = doc.styles["Table Grid" if borders else "Normal Table"]
    t.autofit = False
    tblpr = _tbl_xml(t).find(qn("w:tblPr"))
    _put(tblpr, _el("w:tblW", **{"w:w": sum(widths), "w:type": "dxa"}), _TBLPR_ORDER)
    _put(tblpr, _el("w:jc", **{"w:val": align}), _TBLPR_ORDER)
    if not borders:
        b = _el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            b.append(_el(f"w:{side}", **{"w:val": "nil"}))
        _put(tblpr, b, _TBLPR_ORDER)
    _put(tblpr, _el("w:tblLayout", **{"w:type": "fixed"}), _TBLPR_ORDER)
    if cell_mar is not None:
        m = _el("w:tblCellMar")
        for side in ("left", "right"):
            m.append(_el(f"w:{side}", **{"w:w": cell_mar, "w:type": "dxa"}))
        _put(tblpr, m, _TBLPR_ORDER)
    grid = _tbl_xml(t).find(qn("w:tblGrid"))
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(w))
    for row in t.rows:
        _size_row(row, widths)
    return t


def _size_row(row, widths):
    for cell, w in zip(row.cells, widths):
        tcpr = _first(_tc_xml(cell), "tcPr")
        _put(tcpr, _el("w:tcW", **{"w:w": w, "w:type": "dxa"}), _TCPR_ORDER)


def _add_row(table, widths):
    row = table.add_row()
    _size_row(row, widths)
    return row


def _row_flags(row, *, header=False, cant_split=True):
    trpr = _first(_tr_xml(row), "trPr")
    if cant_split:
        _put(trpr, _el("w:cantSplit"), _TRPR_ORDER)
    if header:
        _put(trpr, _el("w:tblHeader"), _TRPR_ORDER)


def _fill_row(row, texts, styles, *, bold=None):
    for cell, text, style in zip(row.cells, texts, styles):
        p = cell.paragraphs[0]
        p.style = style
        if text:
            r = p.add_run(text)
            if bold is not None:
                r.bold = bold


def _tag_row(table, widths, tag):
    """A table row holding only a docxtpl row tag ({%tr ... %}); removed on render."""
    row = _add_row(table, widths)
    row.cells[0].paragraphs[0].style = "VB Table Text"
    row.cells[0].paragraphs[0].add_run(tag)
    for cell in row.cells[1:]:
        cell.paragraphs[0].style = "VB Table Text"
    return row


def _looped_rows(table, widths, loop, cells, styles, *, bold_if=None):
    """Rows repeated for each item of ``loop``; with ``bold_if`` a bold and a regular
    variant of the row, chosen per item."""
    _tag_row(table, widths, f"{{%tr for {loop} %}}")
    if bold_if:
        _tag_row(table, widths, f"{{%tr if {bold_if} %}}")
        r = _add_row(table, widths)
        _row_flags(r)
        _fill_row(r, cells, styles, bold=True)
        _tag_row(table, widths, "{%tr else %}")
    r = _add_row(table, widths)
    _row_flags(r)
    _fill_row(r, cells, styles)
    if bold_if:
        _tag_row(table, widths, "{%tr endif %}")
    _tag_row(table, widths, "{%tr endfor %}")


def _figures_table(doc, widths, heads, loop, cells, *, bold_if=None, text_cols=(0,)):
    """A bordered table of figures: bold centred header row repeated on each page, numbers
    right-aligned."""
    t = _table(doc, widths, rows=1, borders=True, cell_mar=CELL_PADDING)
    head = t.rows[0]
    _row_flags(head, header=True)
    _fill_row(head, heads, ["VB Table Head"] * len(heads))
    for cell in head.cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    styles = ["VB Table Text" if i in text_cols else "VB Table Num" for i in range(len(widths))]
    _looped_rows(t, widths, loop, cells, styles, bold_if=bold_if)
    return t


# ---------------------------------------------------------------- page set-up

def _page_setup(doc) -> None:
    s = doc.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
    s.top_margin, s.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    s.left_margin, s.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    s.header_distance = s.footer_distance = Mm(HEADER_DISTANCE_MM)
    s.gutter = Mm(0)
    # page number centred in the header, not on page 1
    s.different_first_page_header_footer = True
    s.first_page_header.is_linked_to_previous = False
    s.first_page_header.paragraphs[0].style = "Header"
    hp = s.header.paragraphs[0]
    hp.style = "Header"
    _page_field(hp)
    # a draft is marked on every printed page: page 1 by its title block, the others here
    # (a page printed or copied alone still says what it is); a final document's header
    # holds the page number only
    _p(s.header, "{%p if doc.draft %}", "Header")
    _p(s.header, "DỰ THẢO", "VB Header Draft")
    _p(s.header, "{%p endif %}", "Header")


def _page_field(paragraph) -> None:
    def run(*children):
        r = paragraph.add_run()
        for c in children:
            _r_xml(r).append(c)
        return r

    run(_el("w:fldChar", **{"w:fldCharType": "begin"}))
    instr = _el("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run(instr)
    run(_el("w:fldChar", **{"w:fldCharType": "separate"}))
    paragraph.add_run("2")
    run(_el("w:fldChar", **{"w:fldCharType": "end"}))


def _clean_package(doc) -> None:
    """Fixed core properties; no python-docx thumbnail or stylesWithEffects part."""
    cp = doc.core_properties
    cp.author = "rehabstat"
    cp.last_modified_by = "rehabstat"
    cp.comments = ""
    cp.title = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = cp.modified = FIXED_TIME.replace(tzinfo=None)
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(rid)
    # Word 2013+ layout rules; Vietnamese proofing
    settings = doc.settings.element
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")
    tfl = settings.find(qn("w:themeFontLang"))
    if tfl is not None:
        tfl.set(qn("w:val"), "vi-VN")
        tfl.attrib.pop(qn("w:eastAsia"), None)
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)


# ---------------------------------------------------------------- document parts

def _header_block(doc, kind: str) -> None:
    """Agency | national title; number | place and date (one table, two rows)."""
    left_w, right_w = HEADER_COLS
    t = _table(doc, HEADER_COLS, rows=2, borders=False, cell_mar=0)
    top, bottom = t.rows
    lc, rc = top.cells
    _first_p(lc, "{%p if doc.parent_agency %}", "VB Header Parent")  # no parent: agency on top
    _p(lc, "{{ doc.parent_agency }}", "VB Header Parent")
    _tag(lc, "{%p endif %}")
    _p(lc, "{{ doc.agency }}", "VB Header Agency")
    _rule(lc, AGENCY_RULE_TWIPS, left_w)
    _first_p(rc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "VB National")
    # The motto has the whole column (5670 twips for 3424 in Times New Roman: room for any
    # common serif, or for glyphs a font lacks taken from a wider one); its rule, as long
    # as the text in Times New Roman, is a paragraph of its own, as under the agency.
    _p(rc, "Độc lập - Tự do - Hạnh phúc", "VB Motto")
    _rule(rc, MOTTO_TWIPS, right_w)
    _first_p(bottom.cells[0], "{{ doc.number_line }}", "VB Header Number")
    _first_p(bottom.cells[1], "{{ doc.place_date }}", "VB Place Date")
    for cell in (*top.cells, *bottom.cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    for row in t.rows:
        _row_flags(row)


def _title_block(doc, kind: str) -> None:
    _tag(doc, "{%p if doc.draft %}")
    _p(doc, DRAFT_TEXT, "VB Draft")
    _tag(doc, "{%p for g in draft_reasons %}")
    _p(doc, "{{ g }}", "VB Table Legend")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _p(doc, "BÁO CÁO" if kind == "bc" else "KẾ HOẠCH", "VB Title")
    _p(doc, "{{ doc.subject }}", "VB Subject")
    _rule(doc, SUBJECT_RULE_TWIPS, TEXT_WIDTH).paragraph_format.space_after = Pt(12)
    if kind == "bc":
        _tag(doc, "{%p if doc.recipient_to %}")
        _p(doc, "Kính gửi: {{ doc.recipient_to }}.", "VB Recipient To").paragraph_format.space_after = Pt(12)
        _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for b in doc.legal_bases %}")
    _p(doc, "{{ b }}{% if loop.last %}.{% else %};{% endif %}", "VB Basis")
    _tag(doc, "{%p endfor %}")


def _keep(paragraph):
    """Keep with the next paragraph or table (a short list with its table, the closing
    sentence with the signature)."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _h1(doc, text):
    return _p(doc, text, "VB Heading 1")


def _h2(doc, text):
    return _p(doc, text, "VB Heading 2")


def _section(doc, key: str, title: str, body) -> None:
    """A numbered part "{{ sec.key }}. title", dropped with its body when sec.key is ''."""
    _tag(doc, f"{{%p if sec.{key} %}}")
    _h2(doc, f"{{{{ sec.{key} }}}}. {title}")
    body()
    _tag(doc, "{%p endif %}")


def _cond(doc, condition: str, text: str, style: str = "VB Body") -> None:
    _tag(doc, f"{{%p if {condition} %}}")
    _p(doc, text, style)
    _tag(doc, "{%p endif %}")


def _admissions(doc) -> None:
    # a merged province compared with a period before the merger says first what the
    # earlier figures are made of
    _cond(doc, "compare.merged", "{{ compare.merged }}")
    _tag(doc, "{%p if has.admissions %}")
    # a province's summary opens as seed 004 does: everyone managed (Methadone included),
    # compared with the end of the previous period, then present by category and absent
    _cond(doc, "unit.level == 'province'",
          "{% if period.label_compact %}Trong {{ period.label_compact }}{% else %}Đến ngày {{ period.stock_end }}"
          "{% endif %}, {{ unit.short }} đang quản lý: {{ n.CUOI_KY.ALL }} học viên"
          "{% if cmp.CUOI_KY.ALL %}, {{ cmp.CUOI_KY.ALL }}{% endif %}."
          "{% if told.CO_MAT %} Trong đó, có mặt tại cơ sở{% if told.CO_MAT_of %} (số liệu của "
          "{{ told.CO_MAT_of }}){% endif %}: {{ n.CO_MAT.ALL }} người{% if parts_all.CO_MAT %} ({{ parts_all.CO_MAT }}"
          "{% if told.VANG_MAT %}; vắng mặt{% if told.VANG_MAT_of %} (số liệu của {{ told.VANG_MAT_of }}){% endif %}: "
          "{{ n.VANG_MAT.ALL }} người{% endif %}){% elif told.VANG_MAT %}; vắng mặt{% if told.VANG_MAT_of %} (số liệu "
          "của {{ told.VANG_MAT_of }}){% endif %}: {{ n.VANG_MAT.ALL }} người{% endif %}."
          "{% elif told.VANG_MAT %} Vắng mặt{% if told.VANG_MAT_of %} (số liệu của {{ told.VANG_MAT_of }}){% endif %}: "
          "{{ n.VANG_MAT.ALL }} người.{% endif %}")
    # a province's opening counts everyone (seed 004); the learners' sentences after it say
    # that they leave the Methadone patients out (one base per sentence, said)
    _p(doc, "Lũy kế {{ period.prev_label }} chuyển sang{% if period.basis.opening_late %} (theo sổ tháng "
            "{{ period.basis.opening }}){% endif %} là {{ n.DAU_KY.HV }} học viên"
            "{% if unit.level == 'province' and has.methadone %} (không kể bệnh nhân điều trị Methadone){% endif %}"
            "{% if parts.DAU_KY %}, trong đó: {{ parts.DAU_KY }}{% endif %}.")
    # flows summed over fewer months than the period has say so where the period's dates are
    _p(doc, "{% if period.label_compact %}Trong {{ period.label }} ({% if period.basis.flows %}"
            "{{ period.basis.flows }}{% else %}từ {{ period.start }} đến {{ period.end }}{% endif %})"
            "{% else %}Từ ngày {{ period.start }} đến ngày {{ period.end }}{% if period.basis.flows %} ({{ period.basis.flows }}){% endif %}{% endif %} {{ unit.short }} "
            "tiếp nhận {{ n.TIEP_NHAN.HV }} học viên vào"
            "{% if unit.level == 'province' and v.TIEP_NHAN.MET %} (không kể bệnh nhân điều trị Methadone){% endif %}"
            "{% if cmp.TIEP_NHAN.HV %}, {{ cmp.TIEP_NHAN.HV }}{% endif %}"
            "{% if parts.TIEP_NHAN %}{% if cmp.TIEP_NHAN.HV %};{% else %},{% endif %} trong đó: {{ parts.TIEP_NHAN }}{% endif %}.")
    # with an after-care part (a province's report), discharges are said there, once
    _cond(doc, "v.HOAN_THANH.HV and not sec.aftercare",
          "Tổng số học viên hoàn thành thời gian cai nghiện về địa phương ({% if period.basis.flows %}"
          "{{ period.basis.flows }}{% else %}từ {{ period.start }} đến {{ period.end }}{% endif %}) là "
          "{{ n.HOAN_THANH.HV }} học viên"
          "{% if cmp.HOAN_THANH.HV %}, {{ cmp.HOAN_THANH.HV }}{% endif %}"
          "{% if parts.HOAN_THANH %}{% if cmp.HOAN_THANH.HV %};{% else %},{% endif %} trong đó: {{ parts.HOAN_THANH }}{% endif %}.")
    _cond(doc, "v.TRON.HV or v.BAT_LAI.HV",
          "Tổng số trốn trong {{ period.label_short }}{% if period.basis.flows %} ({{ period.basis.flows }}){% endif %} là {{ n.TRON.HV }} lượt học viên"
          "{% if cmp.TRON.HV %} ({{ cmp.TRON.HV }}){% endif %}"
          "{% if v.BAT_LAI.HV %}, đã bắt quay trở lại {{ n.BAT_LAI.HV }} học viên{% endif %}.")
    _cond(doc, "v.TAM_DINH_CHI.HV",
          "Tạm đình chỉ, bàn giao cho cơ quan Công an {{ n.TAM_DINH_CHI.HV }} học viên.")
    # a learner moved to Methadone leaves the learners' stock: said, so that their sentences close
    _cond(doc, "v.CHUYEN_DEN.HV or v.CHUYEN_DI.HV or v.TU_VONG.HV or v.RA_KHAC.HV or v.CHUYEN_DIEN_DEN.MET",
          "{% if v.CHUYEN_DEN.HV %}Chuyển đến {{ n.CHUYEN_DEN.HV }} học viên. {% endif %}"
          "{% if v.CHUYEN_DIEN_DEN.MET %}Chuyển sang điều trị Methadone {{ n.CHUYEN_DIEN_DEN.MET }} học viên. "
          "{% endif %}"
          "{% if v.CHUYEN_DI.HV %}Chuyển đi {{ n.CHUYEN_DI.HV }} học viên. {% endif %}"
          "{% if v.TU_VONG.HV %}Tử vong {{ n.TU_VONG.HV }} học viên. {% endif %}"
          "{% if v.RA_KHAC.HV %}Ra khỏi {{ unit.short }} vì lý do khác {{ n.RA_KHAC.HV }} học viên."
          "{% endif %}")
    _cond(doc, "unit.level != 'province'",
          "Số học viên đang quản lý đến ngày {{ period.stock_end }}{% if not period.basis.closes %} (theo sổ tháng {{ period.basis.closing }}){% endif %} là {{ n.CUOI_KY.HV }} học viên"
          "{% if cmp.CUOI_KY.HV %}, {{ cmp.CUOI_KY.HV }}{% endif %}"
          "{% if told.CO_MAT and told.VANG_MAT and (v.CO_MAT.HV or v.VANG_MAT.HV) %} (có mặt {{ n.CO_MAT.HV }}, "
          "vắng mặt {{ n.VANG_MAT.HV }}){% elif told.CO_MAT and v.CO_MAT.HV %} (có mặt {{ n.CO_MAT.HV }})"
          "{% elif told.VANG_MAT and v.VANG_MAT.HV %} (vắng mặt {{ n.VANG_MAT.HV }}){% endif %}"
          "{% if parts.CUOI_KY %}, trong đó: {{ parts.CUOI_KY }}{% endif %}.")
    _tag(doc, "{%p endif %}")
    _cond(doc, "has.medical",
          "{% if v.KHAM_BENH.ALL %}Số lượng học viên được thăm khám trong {{ period.label_short }} "
          "là {{ n.KHAM_BENH.ALL }} lượt{% if v.DIEU_TRI_BENH.ALL %}, tổng số các ca bệnh đã được "
          "điều trị là {{ n.DIEU_TRI_BENH.ALL }} ca{% endif %}. {% endif %}"
          "{% if v.SANG_LOC_LAO.ALL %}Phối hợp các cơ sở y tế tổ chức khám sàng lọc lao cho "
          "{{ n.SANG_LOC_LAO.ALL }} lượt học viên{% if v.MAU_DOM_LAO.ALL %}, lấy mẫu đờm nghi lao "
          "{{ n.MAU_DOM_LAO.ALL }} ca{% endif %}{% if v.XN_HIV.ALL %}; xét nghiệm sàng lọc HIV "
          "{{ n.XN_HIV.ALL }} mẫu{% endif %}. {% elif v.XN_HIV.ALL %}Xét nghiệm sàng lọc HIV "
          "{{ n.XN_HIV.ALL }} mẫu. {% endif %}"
          "{% if v.HIV_QUAN_LY.ALL %}Học viên nhiễm HIV hiện đang quản lý tại {{ unit.short }} là: "
          "{{ n.HIV_QUAN_LY.ALL }} học viên; số được điều trị ARV là {{ n.DIEU_TRI_ARV.ALL }} "
          "học viên{% if rates.ARV %} (đạt {{ rates.ARV }}){% endif %}.{% endif %}")
    _cond(doc, "has.methadone",
          "Công tác điều trị thay thế nghiện các chất dạng thuốc phiện bằng thuốc Methadone: "
          "kết quả lũy kế {{ period.prev_label }} chuyển sang{% if period.basis.opening_late %} (theo sổ tháng "
          "{{ period.basis.opening }}){% endif %} {{ n.DAU_KY.MET }} bệnh nhân, trong "
          "{{ period.label_short }}{% if period.basis.flows %} ({{ period.basis.flows }}){% endif %} vào {{ n.VAO_MET.MET }} bệnh nhân{% if parts.VAO_MET %} ({{ parts.VAO_MET }})"
          "{% endif %}, ra {{ n.RA_MET.MET }} "
          "bệnh nhân{% if parts.RA_MET %} ({{ parts.RA_MET }}){% endif %}. Đến ngày "
          "{{ period.stock_end }}{% if not period.basis.closes %} (theo sổ tháng {{ period.basis.closing }}){% endif %} đang điều trị cho {{ n.CUOI_KY.MET }} bệnh nhân"
          "{% if cmp.CUOI_KY.MET %}, {{ cmp.CUOI_KY.MET }}{% endif %}.")


def _management(doc) -> None:
    # escapes are said in full in part 1 (seed 000 says them twice): here they are referred to
    _cond(doc, "v.TRON.HV",
          "Công tác quản lý học viên được duy trì; các trường hợp học viên trốn"
          "{% if v.BAT_LAI.HV %}, bắt trở lại{% endif %} trong {{ period.label_short }} đã nêu tại mục "
          "{{ sec.admissions }}.")
    _cond(doc, "v.VI_PHAM.ALL",
          "Học viên vi phạm nội quy bị lập biên bản và xử lý kỷ luật: {{ n.VI_PHAM.ALL }} lượt học viên.")
    _cond(doc, "v.THAM_LAU.ALL",
          "Thực hiện công tác kiểm tra, tuần tra khu vực vòng ngoài, địa phận giáp ranh; kết quả "
          "{{ period.label }} đã phát hiện, ngăn chặn, xử lý {{ n.THAM_LAU.ALL }} vụ thẩm lậu đồ "
          "vào {{ unit.short }}.")
    _cond(doc, "v.THAM_GAP.ALL",
          "Tổ chức tiếp đón thân nhân học viên theo quy định được {{ n.THAM_GAP.ALL }} lượt.")


def _education(doc) -> None:
    _tag(doc, "{%p if has.education_groups %}")
    _p(doc, "Trong {{ period.label_short }}, {{ unit.short }} "
            "{% for x in education_groups %}{{ x }}{% if not loop.last %}; {% endif %}{% endfor %}.")
    _tag(doc, "{%p else %}")
    _education_plain(doc)
    _tag(doc, "{%p endif %}")


def _education_plain(doc) -> None:
    _p(doc, "Trong {{ period.label }}, {{ unit.short }} đã tổ chức:")
    _cond(doc, "v.REN_LUYEN_BUOI.ALL or v.REN_LUYEN_LUOT.ALL",
          "+ Rèn luyện thể chất phục hồi sức khỏe cho học viên mới vào và học viên có sức khỏe "
          "yếu: {{ n.REN_LUYEN_BUOI.ALL }} buổi với {{ n.REN_LUYEN_LUOT.ALL }} lượt học viên.")
    _cond(doc, "v.GIAO_DUC_BUOI.ALL or v.GIAO_DUC_LUOT.ALL",
          "+ Tuyên truyền, giáo dục về pháp luật, nội quy, quy định của {{ unit.short }}, đạo đức, "
          "lối sống, phòng chống HIV/AIDS và các bệnh truyền nhiễm cho học viên: "
          "{{ n.GIAO_DUC_BUOI.ALL }} buổi/{{ n.GIAO_DUC_LUOT.ALL }} lượt học viên.")


def _labour(doc) -> None:
    _tag(doc, "{%p if has.labour %}")
    _tag(doc, "{%p if labour.whole %}")
    _p(doc, "Kết quả: Tổng doanh thu qua lao động trong {{ period.label }} là {{ money.DOANH_THU }} "
            "(đã chi phí là {{ money.CHI_PHI }}; ước lợi nhuận là {{ money.LOI_NHUAN }}). Trong "
            "đó: trích {{ pct.CCTL }} cải cách tiền lương là {{ money.TRICH_CCTL }}; trích bổ "
            "sung các quỹ: quỹ khen thưởng {{ money.QUY_KHEN_THUONG }}, quỹ phúc lợi "
            "{{ money.QUY_PHUC_LOI }}, quỹ phát triển hoạt động sự nghiệp "
            "{{ money.QUY_PHAT_TRIEN }}, quỹ dự phòng ổn định thu nhập {{ money.QUY_DU_PHONG }}.")
    # some facilities at a loss: each sets funds aside from its own surplus (revenue.py),
    # so the funds rest on the surpluses of the others, not on the net figure
    _tag(doc, "{%p elif labour.split %}")
    _p(doc, "Kết quả: Tổng doanh thu qua lao động trong {{ period.label }} là {{ money.DOANH_THU }} "
            "(đã chi phí là {{ money.CHI_PHI }}; {% if labour.loss %}chi phí vượt doanh thu "
            "{{ money.LOI_NHUAN_ABS }}{% else %}chênh lệch thu chi là {{ money.LOI_NHUAN }}{% endif %}). Các "
            "quỹ được trích từ chênh lệch của từng cơ sở có doanh thu vượt chi phí (cộng "
            "{{ money.QUY_CO_SO }}); cơ sở có doanh thu không vượt chi phí không trích lập. Trong đó: trích "
            "{{ pct.CCTL }} cải cách tiền lương là {{ money.TRICH_CCTL }}; trích bổ sung các quỹ: quỹ khen "
            "thưởng {{ money.QUY_KHEN_THUONG }}, quỹ phúc lợi {{ money.QUY_PHUC_LOI }}, quỹ phát triển hoạt "
            "động sự nghiệp {{ money.QUY_PHAT_TRIEN }}, quỹ dự phòng ổn định thu nhập {{ money.QUY_DU_PHONG }}.")
    _tag(doc, "{%p else %}")
    _p(doc, "Kết quả: Tổng doanh thu qua lao động trong {{ period.label }} là {{ money.DOANH_THU }} "
            "(đã chi phí là {{ money.CHI_PHI }}); doanh thu không vượt chi phí nên không có "
            "chênh lệch để trích lập các quỹ.")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")
    _cond(doc, "has.vocational",
          "Trong {{ period.label }} đã tổ chức dạy nghề cho {{ n.DAY_NGHE.ALL }} học viên"
          "{% if v.DAY_NGHE_LOP.ALL %}/{{ n.DAY_NGHE_LOP.ALL }} lớp{% endif %}."
          "{% if v.CHUNG_CHI.ALL %} {{ rates.CHUNG_CHI }} học viên được cấp chứng chỉ nghề "
          "({{ n.CHUNG_CHI.ALL }} học viên).{% endif %}")


def _reintegration(doc) -> None:
    _tag(doc, "{%p if has.reintegration_groups %}")
    _p(doc, "Trong {{ period.label_short }}, {% for x in reintegration_groups %}{{ x }}"
            "{% if not loop.last %}; {% endif %}{% endfor %}.")
    _tag(doc, "{%p else %}")
    _reintegration_plain(doc)
    _tag(doc, "{%p endif %}")


def _reintegration_plain(doc) -> None:
    _cond(doc, "v.TU_VAN_BUOI.ALL or v.TU_VAN_LUOT.ALL",
          "Tổ chức đánh giá nhận xét kết quả học tập, rèn luyện của học viên chuẩn bị hết hạn về "
          "địa phương và tư vấn xây dựng kế hoạch tái hòa nhập cộng đồng {{ n.TU_VAN_BUOI.ALL }} "
          "buổi/{{ n.TU_VAN_LUOT.ALL }} lượt học viên.")
    _cond(doc, "v.TU_VAN_VIEC_LAM.ALL",
          "Phối hợp tư vấn nghề nghiệp, giới thiệu việc làm cho {{ n.TU_VAN_VIEC_LAM.ALL }} "
          "lượt học viên.")


def _communication(doc) -> None:
    _cond(doc, "v.TAP_HUAN.ALL or v.CAN_BO_TAP_HUAN.ALL",
          "- Công tác tập huấn: Đã tổ chức tập huấn nâng cao năng lực công tác cai nghiện ma túy và quản "
          "lý sau cai nghiện cho {% if v.TAP_HUAN.ALL %}{{ n.TAP_HUAN.ALL }} lượt cán bộ các cấp"
          "{% if v.CAN_BO_TAP_HUAN.ALL %} ({{ n.CAN_BO_TAP_HUAN.ALL }} cán bộ{% if rates.TAP_HUAN %}, "
          "đạt {{ rates.TAP_HUAN }} đội ngũ làm công tác dự phòng, điều trị nghiện{% endif %}){% endif %}"
          "{% else %}{{ n.CAN_BO_TAP_HUAN.ALL }} cán bộ{% if rates.TAP_HUAN %} ({{ rates.TAP_HUAN }} đội ngũ "
          "làm công tác dự phòng, điều trị nghiện){% endif %}{% endif %}.")
    _cond(doc, "v.TUYEN_TRUYEN_HUYEN.ALL or v.TUYEN_TRUYEN_XA.ALL or v.TUYEN_TRUYEN_LUOT.ALL",
          "- Công tác tuyên truyền: Đã tổ chức thực hiện tuyên truyền"
          "{% if v.TUYEN_TRUYEN_HUYEN.ALL %} tại {{ n.TUYEN_TRUYEN_HUYEN.ALL }}{% if v.HUYEN.ALL %}/"
          "{{ n.HUYEN.ALL }}{% endif %} huyện, thành phố{% endif %}"
          "{% if v.TUYEN_TRUYEN_XA.ALL %}{% if v.TUYEN_TRUYEN_HUYEN.ALL %} và{% else %} tại{% endif %} "
          "{{ n.TUYEN_TRUYEN_XA.ALL }}{% if v.XA.ALL %}/{{ n.XA.ALL }}{% endif %} xã, phường, thị trấn{% endif %}"
          "{% if v.TUYEN_TRUYEN_LUOT.ALL %} với {{ n.TUYEN_TRUYEN_LUOT.ALL }} lượt người tham dự{% endif %}.")
    _tag(doc, "{%p if v.TO_ROI.ALL or v.AP_PHICH.ALL or v.SO_TAY.ALL %}")
    _p(doc, "Cấp phát tài liệu tuyên truyền miễn phí cho cơ sở (huyện, xã):")
    _cond(doc, "v.TO_ROI.ALL", "+ {{ n.TO_ROI.ALL }} tờ rơi tuyên truyền về nghiện và điều trị nghiện ma túy"
                               "{% if v.AP_PHICH.ALL or v.SO_TAY.ALL %};{% else %}.{% endif %}")
    _cond(doc, "v.AP_PHICH.ALL", "+ {{ n.AP_PHICH.ALL }} tờ áp phích tuyên truyền{% if v.SO_TAY.ALL %};"
                                 "{% else %}.{% endif %}")
    _cond(doc, "v.SO_TAY.ALL", "+ {{ n.SO_TAY.ALL }} quyển sổ tay về phòng, chống ma túy.")
    _tag(doc, "{%p endif %}")


def _community(doc) -> None:
    _cond(doc, "v.CAI_NGHIEN_GIA_DINH.ALL or v.CAI_NGHIEN_CONG_DONG.ALL",
          "Tổ chức cai nghiện ma túy{% if v.CAI_NGHIEN_GIA_DINH.ALL %} tại gia đình cho "
          "{{ n.CAI_NGHIEN_GIA_DINH.ALL }} người{% if v.CAI_NGHIEN_CONG_DONG.ALL %},{% endif %}{% endif %}"
          "{% if v.CAI_NGHIEN_CONG_DONG.ALL %} tại cộng đồng cho {{ n.CAI_NGHIEN_CONG_DONG.ALL }} người"
          "{% endif %} nghiện ma túy{% if cmp.CAI_NGHIEN_GD_CD.ALL %} ({{ cmp.CAI_NGHIEN_GD_CD.ALL }}){% endif %}.")
    _cond(doc, "v.MET_CONG_DONG.ALL",
          "Điều trị nghiện các chất dạng thuốc phiện bằng thuốc Methadone tại các cơ sở điều trị ngoài "
          "cơ sở cai nghiện: {{ n.MET_CONG_DONG.ALL }} bệnh nhân đến ngày {{ period.end }}.")
    _cond(doc, "v.NGHIEN_CO_HO_SO.ALL",
          "Số người nghiện ma túy có hồ sơ quản lý trên địa bàn đến ngày {{ period.end }} là "
          "{{ n.NGHIEN_CO_HO_SO.ALL }} người{% if cmp.NGHIEN_CO_HO_SO.ALL %}, {{ cmp.NGHIEN_CO_HO_SO.ALL }}"
          "{% endif %}.")


def _aftercare(doc) -> None:
    _cond(doc, "v.HOAN_THANH.HV",
          "Từ ngày {{ period.start }} đến ngày {{ period.end }} {{ unit.short }} đã giải quyết cho "
          "{{ n.HOAN_THANH.HV }} học viên hoàn thành cai nghiện về tái hòa nhập cộng đồng, để địa phương, "
          "gia đình tiếp tục theo dõi, quản lý, giúp đỡ sau cai nghiện"
          "{% if cmp.HOAN_THANH.HV %}, {{ cmp.HOAN_THANH.HV }}{% endif %}"
          "{% if parts.HOAN_THANH %} (trong đó: {{ parts.HOAN_THANH }}){% endif %}.")
    _cond(doc, "v.SAU_CAI_CU_TRU.ALL",
          "Số người đang được quản lý sau cai nghiện tại nơi cư trú đến ngày {{ period.end }} là "
          "{{ n.SAU_CAI_CU_TRU.ALL }} người.")


def _investment(doc) -> None:
    _p(doc, "Tổng số vốn đầu tư nâng cấp cơ sở vật chất, trang thiết bị {{ prov.investment_years }} là "
            "{{ prov.investment_total }}{% if prov.investment|length > 1 %}, trong đó:{% else %}.{% endif %}")
    _tag(doc, "{%p if prov.investment|length > 1 %}")
    _tag(doc, "{%p for x in prov.investment %}")
    _p(doc, "- Năm {{ x.year }}: {{ x.amount }}{% if x.source %} ({{ x.source }}){% endif %}"
            "{% if loop.last %}.{% else %};{% endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")


CATEGORY_HEADS = ("Chỉ tiêu", "BB", "TN", "HTCC", "XĐTTN", "LTTT", "Cộng HV", "MET", "Tổng cộng")


def _category_table(doc) -> None:
    _p(doc, "Đơn vị tính: người", "VB Table Note")
    # a draft's flows over fewer months than its stocks: the table says its bases above it
    _tag(doc, "{%p if period.basis.table %}")
    _keep(_p(doc, "({{ period.basis.table }})", "VB Table Legend"))
    _tag(doc, "{%p endif %}")
    cells = ["{{ r.label }}"] + [f"{{{{ r.cells[{i}] }}}}" for i in range(8)]
    t = _figures_table(doc, CATEGORY_COLS, CATEGORY_HEADS, "r in table.rows", cells,
                       bold_if="r.bold")
    for row in t.rows:  # the wide table: 11 pt
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(11)
    _p(doc, "(BB: bắt buộc; TN: tự nguyện; HTCC: hỗ trợ cắt cơn; XĐTTN: xác định tình trạng "
            "nghiện; LTTT: lưu trú tạm thời; HV: học viên; MET: điều trị Methadone.)",
       "VB Table Legend")


TARGET_COLS = (750, 2904, 1200, 1800, 1800, 900)  # money ("5.000.000.000") fits with its padding
FACILITY_COLS = (750, 2204, 800, 800, 800, 800, 800, 800, 800, 800)  # sums to TEXT_WIDTH
FACILITY_HEADS = ("STT", "Cơ sở", "Sổ tháng", "Đầu kỳ", "Tiếp nhận", "Hoàn thành", "Trốn", "Cuối kỳ",
                  "Có mặt", "Vắng mặt")


def _facilities(doc) -> None:
    """A province's report: which facilities' months are missing or left out, then one row
    per facility (learners and Methadone together, ALL) and the total row."""
    # what is said of the table stays on its page: a heading and a sentence alone at the
    # foot of a page, their table overleaf, read as a section with no table
    _tag(doc, "{%p if gaps %}")
    _p(doc, "Số liệu dưới đây chưa đầy đủ:").paragraph_format.keep_with_next = True
    _tag(doc, "{%p for g in gaps %}")
    _p(doc, "- {{ g }}").paragraph_format.keep_with_next = True
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if timeliness.sentence %}")
    _p(doc, "{{ timeliness.sentence }}").paragraph_format.keep_with_next = True
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for g in timeliness.late %}")
    _p(doc, "- {{ g }}").paragraph_format.keep_with_next = True
    _tag(doc, "{%p endfor %}")
    _p(doc, "Đơn vị tính: người (học viên các diện, kể cả bệnh nhân điều trị Methadone)", "VB Table Note")
    cells = ["{% if not r.total %}{{ loop.index }}{% endif %}", "{{ r.name }}", "{{ r.months }}"] + [
        f"{{{{ r.n.{ind}.ALL }}}}" for ind in ("DAU_KY", "TIEP_NHAN", "HOAN_THANH", "TRON", "CUOI_KY",
                                               "CO_MAT", "VANG_MAT")]
    t = _figures_table(doc, FACILITY_COLS, FACILITY_HEADS, "r in annex", cells, bold_if="r.bold",
                       text_cols=(0, 1, 2))
    for row in t.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(11)
    _tweak_stt(doc)


def _targets(doc) -> None:
    _tag(doc, "{%p for t in targets %}")
    _keep(_p(doc, "- {{ t.label }}: kế hoạch {{ t.plan }}{% if t.unit != '%' %} {% endif %}{{ t.unit }}, thực hiện "
            "{{ t.actual }}{% if t.unit != '%' %} {% endif %}{{ t.unit }}{% if t.rate %}, đạt {{ t.rate }}{% if t.met %} kế hoạch{% else %}, "
            "chưa đạt kế hoạch{% endif %}{% endif %}{% if loop.last %}.{% else %};{% endif %}"))
    _tag(doc, "{%p endfor %}")
    _figures_table(doc, TARGET_COLS,
                   ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt"),
                   "t in targets",
                   ["{{ loop.index }}", "{{ t.label }}", "{{ t.unit }}", "{{ t.plan }}",
                    "{{ t.actual }}", "{{ t.rate }}"], text_cols=(1, 2))
    _tweak_stt(doc)


def _tweak_stt(doc) -> None:
    """Centre the STT and unit columns of the last table."""
    t = doc.tables[-1]
    for row in t.rows[1:]:
        for i in (0, 2):
            for p in row.cells[i].paragraphs:
                if p.style.name != "VB Table Head":
                    p.alignment = J.CENTER


def _results(doc, kind: str) -> None:
    """Part I of both documents: the results of the period, figure by figure."""
    _h1(doc, "I. KẾT QUẢ THỰC HIỆN")
    _section(doc, "communication", "Công tác tập huấn, tuyên truyền", lambda: _communication(doc))
    _section(doc, "admissions", "Công tác tiếp nhận và khám chữa bệnh cho học viên",
             lambda: _admissions(doc))
    _section(doc, "management", "Công tác quản lý học viên", lambda: _management(doc))
    _section(doc, "education", "Công tác tuyên truyền, tư vấn, giáo dục", lambda: _education(doc))
    _section(doc, "labour", "Công tác lao động trị liệu, dạy nghề", lambda: _labour(doc))
    _section(doc, "reintegration",
             "Công tác phòng chống tái nghiện, chuẩn bị tái hòa nhập cộng đồng",
             lambda: _reintegration(doc))
    _section(doc, "community", "Công tác cai nghiện ma túy tại gia đình, cộng đồng", lambda: _community(doc))
    _section(doc, "aftercare", "Công tác quản lý sau cai nghiện ma túy", lambda: _aftercare(doc))
    _section(doc, "investment", "Đầu tư cơ sở vật chất, trang thiết bị", lambda: _investment(doc))
    _section(doc, "table", "Số liệu tổng hợp theo diện", lambda: _category_table(doc))
    _section(doc, "facilities", "Số liệu theo cơ sở", lambda: _facilities(doc))
    _section(doc, "targets", "Kết quả thực hiện các chỉ tiêu kế hoạch", lambda: _targets(doc))
    _h1(doc, "II. ĐÁNH GIÁ CHUNG")
    _h2(doc, "1. Kết quả đạt được")
    _p(doc, PLACEHOLDER, "VB Placeholder")
    _h2(doc, "2. Tồn tại, hạn chế")
    _p(doc, PLACEHOLDER, "VB Placeholder")
    if kind == "bc":
        _h1(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ")
        _p(doc, "(Đơn vị bổ sung nội dung đề xuất, kiến nghị.)", "VB Placeholder")


PLAN_COLS = (750, 3304, 1300, 2000, 2000)


def _plan(doc) -> None:
    """Part II of the KH: the plan for the next period."""
    _p(doc, "Phần II", "VB Heading Part")
    _p(doc, "KẾ HOẠCH CÔNG TÁC {{ plan.label|upper }}", "VB Heading Part Title")
    _h1(doc, "I. MỤC TIÊU")
    _p(doc, "(Đơn vị bổ sung mục tiêu tổng quát.)", "VB Placeholder")
    _h1(doc, "II. CHỈ TIÊU CHỦ YẾU")
    _tag(doc, "{%p if plan.targets %}")
    _keep(_p(doc, "{{ unit.short_cap }} phấn đấu thực hiện các chỉ tiêu chủ yếu {{ plan.label }} như sau "
                  "(kèm kết quả thực hiện {{ period.label }}):"))
    _figures_table(doc, PLAN_COLS,
                   ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch {{ plan.year }}",
                    "Thực hiện {{ period.year }}"),
                   "t in plan.targets",
                   ["{{ loop.index }}", "{{ t.label }}", "{{ t.unit }}", "{{ t.plan }}",
                    "{{ t.actual }}"], text_cols=(1, 2))
    _tweak_stt(doc)
    _tag(doc, "{%p else %}")
    _p(doc, "(Đơn vị bổ sung các chỉ tiêu chủ yếu.)", "VB Placeholder")
    _tag(doc, "{%p endif %}")
    _h1(doc, "III. NHIỆM VỤ VÀ GIẢI PHÁP")
    _p(doc, "(Đơn vị bổ sung nhiệm vụ và giải pháp.)", "VB Placeholder")
    _h1(doc, "IV. TỔ CHỨC THỰC HIỆN")
    _p(doc, "(Đơn vị bổ sung phân công tổ chức thực hiện.)", "VB Placeholder")


def _signature(doc) -> None:
    t = _table(doc, SIGNATURE_COLS, rows=1, borders=False, cell_mar=0)
    _row_flags(t.rows[0])
    left, right = t.rows[0].cells
    _first_p(left, "Nơi nhận:", "VB Recipients Head")
    _tag(left, "{%p for r in doc.recipients %}")
    _p(left, "- {{ r }}{% if loop.last %}.{% else %};{% endif %}", "VB Recipients")
    _tag(left, "{%p endfor %}")
    _first_p(right, "{%p if doc.signer_authority %}", "VB Signer")
    _p(right, "{{ doc.signer_authority }}", "VB Signer Authority")
    _p(right, "{{ doc.signer_title }}", "VB Signer")
    _tag(right, "{%p else %}")
    _p(right, "{{ doc.signer_title }}", "VB Signer Authority")
    _tag(right, "{%p endif %}")
    for _ in range(5):  # room for the signature and the seal
        _p(right, "", "VB Signer")
    _p(right, "{{ doc.signer_name }}", "VB Signer Name")
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    # the signature table must not be the last thing in the body
    end = doc.add_paragraph(style="VB Rule")
    end.paragraph_format.keep_with_next = False


def _approval(doc) -> None:
    """Data from the department's store: which months are approved (one sentence)."""
    _tag(doc, "{%p if approval %}")
    _p(doc, "{{ approval }}")
    _tag(doc, "{%p endif %}")


def build_document(kind: str):
    """The template of ``kind`` ('bc' or 'kh') as a python-docx Document."""
    if kind not in ("bc", "kh"):
        raise ValueError(kind)
    doc = Document()
    _setup_styles(doc)
    _page_setup(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the default template's empty paragraph
        body.remove(p)
    _header_block(doc, kind)
    _title_block(doc, kind)
    if kind == "bc":
        _p(doc, "{% if unit.level == 'province' %}{% if doc.issuer %}{{ doc.issuer }} báo cáo kết quả công "
                "tác cai nghiện ma túy trên địa bàn {{ unit.full or unit.name }} {{ period.label }}, cụ thể như sau:{% else %}"
                "Kết quả công tác cai nghiện ma túy trên địa bàn {{ unit.full or unit.name }} {{ period.label }} như sau:"
                "{% endif %}{% else %}{{ doc.issuer or unit.name }} báo cáo kết quả công tác cai nghiện ma túy "
                "{{ period.label }}, cụ thể như sau:{% endif %}")
        _results(doc, kind)
        _approval(doc)
        _keep(_p(doc, "Trên đây là báo cáo kết quả công tác cai nghiện ma túy "
                      "{% if unit.level == 'province' %}trên địa bàn {{ unit.full or unit.name }} {{ period.label }}"
                      "{% if doc.issuer %} của {{ doc.issuer }}{% endif %}{% else %}{{ period.label }} của "
                      "{{ doc.issuer or unit.name }}{% endif %}./."))
    else:
        _p(doc, "{{ unit.name }} xây dựng Kế hoạch công tác {{ plan.label }}, cụ thể như sau:")
        _p(doc, "Phần I", "VB Heading Part")
        _p(doc, "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH CÔNG TÁC {{ period.label|upper }}",
           "VB Heading Part Title")
        _results(doc, kind)
        _approval(doc)
        _plan(doc)
        _keep(_p(doc, "Trên đây là Kế hoạch công tác {{ plan.label }} của {{ unit.name }}./."))
    _signature(doc)
    _clean_package(doc)
    _prune_styles(doc)
    return doc


def _prune_styles(doc) -> None:
    """Only the styles the template uses (and what they are based on, linked to, followed by,
    and each type's default): python-docx's default styles.xml holds some 270 styles and
    the latent-style table, 370 KB that every render parsed, wrote and compressed again
    (two thirds of a document's open-and-save time). Word adds a built-in style from its own
    defaults when a user applies one in an edited template."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    styles = doc.styles.element
    used = set()
    for part in doc.part.package.iter_parts():
        element = part.element if isinstance(part, XmlPart) else None  # an image or font part has none
        if element is None or element is styles:
            continue
        for tag in ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink"):
            used.update(e.get(w + "val") for e in element.iter(w + tag))
    by_id = {s.get(w + "styleId"): s for s in styles.findall(w + "style")}
    todo = sorted(used - {None}) + [i for i, s in by_id.items() if s.get(w + "default") in ("1", "true")]
    keep: set = set()
    while todo:
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        for tag in ("basedOn", "link", "next"):
            ref = by_id[sid].find(w + tag)
            if ref is not None:
                todo.append(ref.get(w + "val"))
    for sid, style in by_id.items():
        if sid not in keep:
            styles.remove(style)
    latent = styles.find(w + "latentStyles")
    if latent is not None:
        styles.remove(latent)


def _reproducible_bytes(doc) -> bytes:
    """The .docx bytes with fixed zip timestamps, so two builds are identical."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


def build(out_dir: Path | str | None = None) -> list[Path]:
    """Write bc.docx and kh.docx into ``out_dir`` (default: this package folder)."""
    out_dir = Path(out_dir) if out_dir is not None else TEMPLATE_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in ("bc", "kh"):
        path = out_dir / f"{kind}.docx"
        data = _reproducible_bytes(build_document(kind))
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rehabstat.documents.templates.build", description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", nargs="?", help="folder for bc.docx and kh.docx (default: the package)")
    ap.add_argument("--docs", metavar="FILE", help="also write the template variable list (Markdown)")
    args = ap.parse_args(argv)
    for path in build(args.out_dir):
        print(path)
    if args.docs:
        from rehabstat.documents.render import variables_markdown

        Path(args.docs).write_text(variables_markdown(), encoding="utf-8")
        print(args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
