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


# ---------------------------------------------------------------- where a syntax error is, and what it is

_DOCXTPL_TAG = re.compile(r"(\{[%{#])(?:p|tr|tc|r)(?=\s)")  # {%p if ...}: docxtpl's paragraph, row, cell, run tags
_DOCXTPL_ONLY = re.compile(r"\{%-?\s*(?:colspan|cellbg)\s[^%]*%\}|\{%-?\s*(?:vm|hm)\s*-?%\}")  # docxtpl's own tags
_BLOCKS = {"if", "for", "macro", "call", "filter", "with", "autoescape", "block"}
_MIDDLES = {"elif": {"if"}, "else": {"if", "for"}}
_STATEMENTS = {"set", "include", "import", "from", "extends", "print"}
_TAGS_SHOWN = "if, elif, else, endif, for, endfor, set, with, endwith, filter, endfilter, macro, endmacro"


_IN_TAG = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})")  # the inside of a tag, as docxtpl finds it
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})  # Word's quotes, straightened by docxtpl in tags


def _source(part: list[Paragraph]) -> str:
    """The part's tags as jinja reads them once docxtpl has rewritten them, one paragraph a
    line: jinja's line numbers are then the paragraphs' (line 1 is the first paragraph)."""
    def jinja_text(text):
        text = _DOCXTPL_ONLY.sub("", _DOCXTPL_TAG.sub(r"\1", text))
        return _IN_TAG.sub(lambda m: m.group(0).translate(_STRAIGHT), text)
    return "\n".join(jinja_text(p.text) for p in part)


@dataclass
class _Problem:
    key: str
    line: int
    values: dict


def _blocks(tokens, env):
    """The first misplaced tag (an unknown one, an end or else that closes nothing or the
    wrong block) as a _Problem, and the blocks still open at the end [(name, line)]."""
    known = set(_STATEMENTS)
    for ext in env.extensions.values():
        known |= set(getattr(ext, "tags", ()) or ())
    stack: list[tuple[str, int]] = []
    tokens = [t for t in tokens if t[1] != "whitespace"]
    for i, (line, kind, value) in enumerate(tokens):
        if kind != "block_begin" or i + 1 >= len(tokens) or tokens[i + 1][1] != "name":
            continue
        name = tokens[i + 1][2]
        if name in _BLOCKS:
            stack.append((name, line))
        elif name == "set":
            rest = []
            for _, k, v in tokens[i + 2:]:
                if k == "block_end":
                    break
                rest.append((k, v))
            if not any(k in ("operator", "assign") and v == "=" for k, v in rest):
                stack.append((name, line))  # {% set x %}...{% endset %}
        elif name in _MIDDLES:
            if not stack or stack[-1][0] not in _MIDDLES[name]:
                return _Problem("tpl.block_stray", line, {"name": name}), stack
        elif name.startswith("end") and name[3:] in _BLOCKS | {"set"}:
            if not stack:
                return _Problem("tpl.block_stray", line, {"name": name}), stack
            if stack[-1][0] != name[3:]:
                return _Problem("tpl.block_mismatch", line, {"name": name, "open": stack[-1][0],
                                                             "open_line": stack[-1][1]}), stack
            stack.pop()
        elif name not in known and name[3:] not in known:
            return _Problem("tpl.unknown_tag", line, {"name": name, "tags": _TAGS_SHOWN}), stack
    return None, stack


_STRUCTURAL = re.compile(r"\{[%#]-?(?:p|tr|tc)\s")  # docxtpl's tags that open or close across paragraphs


def _local_problem(part: list[Paragraph], env, unclosed: bool):
    """The blocks of the paragraphs without docxtpl's paragraph, row and cell tags (inline
    {% if %}, {% for %}), matched among themselves: docxtpl's {%p %} tags open and close in
    their own paragraphs, and an inline block left open or closed twice is then found where it
    is, not where the count of every block breaks. What is left open (`unclosed`), or else the
    end that closes nothing or the wrong block; None when the inline blocks match."""
    from jinja2.exceptions import TemplateSyntaxError
    inline = [p if "{%" in p.text and not _STRUCTURAL.search(p.text) else Paragraph(p.place, "") for p in part]
    try:
        misplaced, still_open = _blocks(list(env.lex(_source(inline))), env)
    except TemplateSyntaxError:
        return None
    if unclosed:
        if misplaced is None and still_open:
            name, opened = still_open[-1]
            return _Problem("tpl.block_unclosed", opened, {"name": name})
        return None
    return misplaced


def _unknown_filter(tree, env):
    """The first filter ({{ x | upperr }}) or test ({% if x is oddd %}) the environment does
    not have, as a _Problem. jinja finds it only when the tag runs: in a branch this document
    does not take, it would pass unseen."""
    from jinja2 import nodes
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        names = env.filters if isinstance(node, nodes.Filter) else env.tests
        if node.name not in names:
            near = difflib.get_close_matches(node.name, list(names), n=3, cutoff=0.6)
            key = "tpl.unknown_filter" if isinstance(node, nodes.Filter) else "tpl.unknown_test"
            return _Problem(key, node.lineno, {"name": node.name,
                                               "near": phrase("tpl.near_names", names=", ".join(near)) if near else ""})
    return None


_FILTERS_CHECKED: dict = {}  # template bytes -> None (fine) or the TemplateError found


def check_filters(data: bytes, env) -> None:
    """Refuse a template that uses a filter or test jinja does not have, wherever it is
    (jinja itself finds it only in the branches a document takes)."""
    from jinja2.exceptions import TemplateSyntaxError
    if data not in _FILTERS_CHECKED:
        found = None
        for part in paragraphs(data):
            try:
                tree = env.parse(_source(part))
            except TemplateSyntaxError:  # told, with its place, when the template is rendered
                continue
            problem = _unknown_filter(tree, env)
            if problem is not None:
                para = part[min(max(problem.line, 1), len(part)) - 1]
                found = TemplateError.said(problem.key, place=para.place, text=_near(para.text), technical="",
                                           **problem.values)
                break
        if len(_FILTERS_CHECKED) >= 8:
            _FILTERS_CHECKED.clear()
        _FILTERS_CHECKED[data] = found
    if _FILTERS_CHECKED[data] is not None:
        raise _FILTERS_CHECKED[data]


def _diagnose_part(part: list[Paragraph], env):
    """The first problem of one part's tags as a _Problem (its line: the paragraph's number
    in `part`, from 1), or None when jinja finds nothing wrong in them."""
    from jinja2.exceptions import TemplateSyntaxError

    source = _source(part)
    try:
        tokens = list(env.lex(source))
    except TemplateSyntaxError as exc:
        return _Problem("tpl.syntax", exc.lineno or 0, {"exc": exc})
    misplaced, still_open = _blocks(tokens, env)
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        line = exc.lineno or 0
        if misplaced is not None and misplaced.key == "tpl.unknown_tag" and misplaced.line <= line:
            return misplaced
        unclosed = False
        if misplaced is None and still_open:  # the blocks left open, closed at the end, are all that is wrong
            closers = "".join("{%% end%s %%}" % name for name, _ in reversed(still_open))
            try:
                env.parse(source + closers)
                unclosed = True
            except TemplateSyntaxError:
                pass
        if unclosed or (misplaced is not None and misplaced.line <= line):
            # jinja (and the blocks counted from the start) see the nesting break where it is
            # found out, maybe pages after the typo: a paragraph that opens and closes its
            # own blocks ({% if %} without p) and does not balance them is the likelier place
            local = _local_problem(part, env, unclosed)
            if local is not None:
                local.values["exc"] = exc
                return local
            if misplaced is not None:
                misplaced.values["exc"] = exc
                return misplaced
            name, opened = still_open[-1]
            return _Problem("tpl.block_unclosed", opened, {"name": name, "exc": exc})
        return _Problem("tpl.syntax", line, {"exc": exc})
    if misplaced is not None:
        return misplaced
    unknown = _unknown_filter(tree, env)
    if unknown is not None:
        return unknown
    try:
        env.compile(source)
    except TemplateSyntaxError as exc:
        return _Problem("tpl.syntax", exc.lineno or 0, {"exc": exc})
    return None


def diagnose(data: bytes, env, exc) -> TemplateError | None:
    """The TemplateError telling where in the template (`data`) the syntax error jinja
    raised (`exc`) is and what it is, in the catalogue's words; None when it cannot be found
    in the paragraphs (the caller then says what it knows)."""
    for part in paragraphs(data):
        if not part:
            continue
        found = _diagnose_part(part, env)
        if found is None:
            continue
        technical = technical_detail(found.values.get("exc", exc))
        para = part[min(max(found.line, 1), len(part)) - 1]
        values = {k: v for k, v in found.values.items() if k != "exc"}
        if "open_line" in values:
            values["open_place"] = part[min(max(values.pop("open_line"), 1), len(part)) - 1].place
        return TemplateError.said(found.key, place=para.place, text=_near(para.text), technical=technical, **values)
    return None


def technical_detail(exc):
    """jinja's own (English) words, shown last and labelled as a technical detail."""
    detail = re.sub(r"\s+", " ", getattr(exc, "message", None) or str(exc)).strip().rstrip(".")
    return phrase("tpl.technical", detail=detail) if detail else ""
