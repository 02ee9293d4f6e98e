"""What is wrong in a Word template's tags, and where, as the user sees the document.

docxtpl rewrites the document's XML before jinja reads it (it joins the runs of a tag, and
replaces a whole paragraph, row or cell holding a ``{%p``/``{%tr``/``{%tc`` tag by the bare
tag), so jinja's line numbers and docxtpl's context say little about where a mistake is,
and an unbalanced tag can even be swallowed by that rewriting: ``{{ doc.subject }`` reaches
the next ``}}``, and the paragraph holding it disappears without any error. Here the
template is read as Word shows it, paragraph by paragraph:

* :func:`check_braces` refuses every tag that is not opened and closed in one paragraph
  (``{{ }}``, ``{% %}``, ``{# #}``), and every ``}}``, ``%}``, ``#}`` that closes nothing,
  before docxtpl sees the template;
* :func:`diagnose` finds, for a syntax error jinja raised, the paragraph it is in and what
  it is (an unknown filter or test, an unknown tag, a block not closed or closed by the
  wrong end tag), from jinja's tokens and syntax tree, never from its English message.

Places are counted as docs/template-vars.md says: the body's paragraphs outside tables from
1 (python-docx's ``Document.paragraphs``, empty paragraphs included), a table cell by its
table (from 1, the body's tables in order), row and cell; the page headers and footers by
their own paragraphs.
"""
from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass

from rehabstat.common.errors import TemplateError
from rehabstat.common.issues import phrase

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")
_OPEN = {"{{": "}}", "{%": "%}", "{#": "#}"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_QUOTES = {"'": "'", '"': '"', "‘": "’", "’": "’", "“": "”", "”": "”"}  # Word's curly quotes: docxtpl reads them as ' "
_NEAR_CHARS = 160


@dataclass(frozen=True)
class Paragraph:
    place: object  # a Phrase: where the paragraph is, as the user finds it in Word
    text: str  # its text, the runs joined


def _part_kind(name: str) -> str:
    return re.sub(r"\d+$", "", name.rsplit("/", 1)[-1][:-4])  # document, header, footer, footnotes


def _own_text(p) -> str:
    """The text of paragraph `p` without that of paragraphs inside it (a text box)."""
    out = []
    for t in p.iter(_W + "t"):
        owner = t.getparent()
        while owner is not None and owner.tag != _W + "p":
            owner = owner.getparent()
        if owner is p:
            out.append(t.text or "")
    return "".join(out).replace("\n", " ")


def _outermost(el, tag):
    found = None
    cur = el.getparent()
    while cur is not None:
        if cur.tag == tag:
            found = cur
        cur = cur.getparent()
    return found


def _paragraphs_of(kind: str, xml: bytes) -> list[Paragraph]:
    from lxml import etree
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    out: list[Paragraph] = []
    places: dict = {}  # a paragraph -> its place (a text box's paragraphs: the place of the one holding it)
    tables: dict = {}  # a body table -> its number
    count = 0
    for p in root.iter(_W + "p"):
        host = _outermost(p, _W + "p")
        tbl = _outermost(p, _W + "tbl")
        if host is not None:
            place = places.get(host)
        elif kind == "document" and tbl is not None:
            number = tables.setdefault(tbl, len(tables) + 1)
            rows = [r for r in tbl if r.tag == _W + "tr"]
            row = next((i for i, r in enumerate(rows, 1) if _contains(r, p)), 1)
            cells = [c for c in rows[row - 1] if c.tag == _W + "tc"] if rows else []
            cell = next((i for i, c in enumerate(cells, 1) if _contains(c, p)), 1)
            place = phrase("tpl.place_cell", table=number, row=row, cell=cell)
        else:
            count += 1
            place = phrase(f"tpl.place_{kind}", n=count)
        places[p] = place
        out.append(Paragraph(place, _own_text(p)))
    return out


def _contains(el, p) -> bool:
    cur = p
    while cur is not None:
        if cur is el:
            return True
        cur = cur.getparent()
    return False


def paragraphs(data: bytes) -> list[list[Paragraph]]:
    """The paragraphs of each part docxtpl renders (the body first, then the headers,
    footers and footnotes), in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [n for n in z.namelist() if _PARTS.match(n)]
        names.sort(key=lambda n: (n != "word/document.xml", n))
        return [_paragraphs_of(_part_kind(n), z.read(n)) for n in names]


def _near(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= _NEAR_CHARS else text[:_NEAR_CHARS - 3] + "..."


# ---------------------------------------------------------------- tags opened and closed in one paragraph

def _unbalanced(text: str):
    """None when every tag of `text` is opened and closed in it; else (what, tag): 'unclosed'
    with the tag as written from its opening, 'wrong' (closed by another kind's end), or
    'stray' with the end that closes nothing."""
    i, n = 0, len(text)
    while i < n:
        two = text[i:i + 2]
        if two in _CLOSE:
            return "stray", two
        if two not in _OPEN:
            i += 1
            continue
        start, close = i, _OPEN[two]
        i += 2
        depth = 0
        while True:
            if i >= n:
                return "unclosed", text[start:]
            two, ch = text[i:i + 2], text[i]
            if close == "#}":  # a comment: anything until its end
                if two == "#}":
                    i += 2
                    break
                i += 1
                continue
            if ch in _QUOTES:
                end = text.find(_QUOTES[ch], i + 1)
                if end < 0:
                    return "unclosed", text[start:]
                i = end + 1
                continue
            if depth == 0 and two == close:
                i += 2
                break
            if depth == 0 and (two in _OPEN or two in _CLOSE):
                return ("wrong" if two in _CLOSE else "unclosed"), text[start:i + 2] if two in _CLOSE else text[start:i]
            if ch in "{([":
                depth += 1
            elif ch in "})]" and depth:
                depth -= 1
            i += 1
    return None


_CHECKED: dict = {}  # template bytes -> None (fine) or the TemplateError found


def check_braces(data: bytes) -> None:
    """Refuse a template with a tag not opened and closed in one paragraph: a TemplateError
    naming the paragraph, the tag and the end it needs."""
    if data in _CHECKED:
        found = _CHECKED[data]
    else:
        found = None
        for part in paragraphs(data):
            for para in part:
                bad = _unbalanced(para.text)
                if bad is not None:
                    found = _brace_error(para, *bad)
                    break
            if found is not None:
                break
        if len(_CHECKED) >= 8:
            _CHECKED.clear()
        _CHECKED[data] = found
    if found is not None:
        raise found


def _brace_error(para: Paragraph, what: str, tag: str) -> TemplateError:
    tag = _near(tag)
    if what == "stray":
        return TemplateError.said("tpl.brace_stray", place=para.place, close=tag, open=_CLOSE[tag],
                                  text=_near(para.text))
    opening = tag[:2]
    if what == "wrong":
        return TemplateError.said("tpl.brace_wrong", place=para.place, tag=tag, open=opening,
                                  close=_OPEN[opening], text=_near(para.text))
    return TemplateError.said("tpl.brace_unclosed", place=para.place, tag=tag, open=opening,
                              close=_OPEN[opening], text=_near(para.text))
