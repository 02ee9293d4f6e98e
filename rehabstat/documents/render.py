"""Fill a Word template (.docx with jinja tags) with a template context, safely.

* The template runs in a jinja2 ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``
  and autoescape: a template cannot reach Python internals, cannot change the context,
  cannot use a variable that does not exist, and a value such as ``<b>&"`` or
  ``=HYPERLINK("x")`` is written as literal text.
* The output is written atomically: a temporary file in the same folder, then
  ``os.replace`` — a refused or failed rendering never leaves a (half-written) file.
* Every failure is a :class:`TemplateError` whose message is Vietnamese, for the user.

The context is the one described in docs/template-vars.md (see
rehabstat/documents/templates/example_context.py for a complete example).
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path

from rehabstat.common.errors import OutputError, TemplateError
from rehabstat.common.issues import phrase
from rehabstat.documents.templates import KINDS, SECTION_ORDER, section_numbers, template_path

__all__ = [
    "TemplateError",
    "OutputError",
    "render_docx",
    "warm",
    "export_templates",
    "template_variables",
    "variables_markdown",
    "section_numbers",
    "SECTION_ORDER",
]

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024  # uncompressed, all parts together
MAX_TEMPLATE_PARTS = 2000


# ---------------------------------------------------------------- context preparation

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_TRAILING = re.compile(r"[\s;,.]+$")
_KINH_GUI = re.compile(r"^\s*kính\s+gửi\s*:?\s*", re.IGNORECASE)


def _clean(obj):
    """A copy of the context with characters XML cannot hold (and lone surrogates, from file
    names that are not UTF-8) removed from every string (docxtpl also reads \\a
    and \\f as paragraph and page breaks: they go too). Counted in xlsxout.REPLACED."""
    if isinstance(obj, str):
        if _ILLEGAL_XML.search(obj) is None:
            return obj
        from ..workbooks.xlsxout import REPLACED
        REPLACED[0] += 1
        return _ILLEGAL_XML.sub("", obj)
    if isinstance(obj, dict):
        items = {k: _clean(v) for k, v in obj.items()}
        if type(obj) is dict:
            return items
        import copy  # keep dict subclasses (defaultdict, report._Formatted): v.X.ALL of a figure without data is 0
        out = copy.copy(obj)
        out.clear()
        out.update(items)
        return out
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_clean(v) for v in obj)
    return obj


def _prepare(context: dict) -> dict:
    if not isinstance(context, dict):
        raise TemplateError.said("tpl.not_dict")
    ctx = _clean(context)
    doc = ctx.get("doc")
    if isinstance(doc, dict):
        doc = dict(doc)
        # the template adds the punctuation: ";" after each item, "." after the last
        for key in ("legal_bases", "recipients"):
            items = doc.get(key)
            if isinstance(items, (list, tuple)):
                cleaned = [_TRAILING.sub("", str(x)).lstrip("-–+ ").strip() for x in items]
                doc[key] = [x for x in cleaned if x]
        to = doc.get("recipient_to")
        if isinstance(to, str):
            doc["recipient_to"] = _TRAILING.sub("", _KINH_GUI.sub("", to))
        ctx["doc"] = doc
    if "sec" not in ctx and isinstance(ctx.get("has"), dict):
        ctx["sec"] = section_numbers(ctx["has"])
    return ctx


# ---------------------------------------------------------------- template checks

def _check_docx(path: Path, kind: str | None = None) -> None:
    """Refuse what is not a usable .docx template; with `kind` (a user's template), also one of
    the other kind (_check_kind)."""
    if not path.exists():
        raise TemplateError.said("tpl.not_found", path=path)
    if not path.is_file():
        raise TemplateError.said("tpl.not_file", path=path)
    not_docx = TemplateError.said("tpl.not_docx", name=path.name)
    if not zipfile.is_zipfile(path):
        raise not_docx
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise not_docx
            if len(infos) > MAX_TEMPLATE_PARTS or sum(i.file_size for i in infos) > MAX_TEMPLATE_BYTES:
                raise TemplateError.said("tpl.too_big", name=path.name)
            if any(i.flag_bits & 0x1 for i in infos):
                raise TemplateError.said("tpl.encrypted", name=path.name)
            if kind is not None:
                _check_kind(path, kind, z.read("word/document.xml").decode("utf-8", "replace"))
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise not_docx from None


def _check_kind(path: Path, kind: str, xml: str) -> None:
    """A KH template given to a report, or a BC template to a plan, would write a document
    headed with the wrong type: the plan's variables (plan.label, plan.targets ...) in its
    document.xml `xml` tell them apart (a BC template has none, a KH template its part II)."""
    plan = re.search(r"\bplan\.[a-z_]", xml) is not None
    if kind == "bc" and plan:
        raise TemplateError.said("tpl.is_plan", name=path.name)
    if kind == "kh" and not plan:
        raise TemplateError.said("tpl.not_plan", name=path.name)


def _check_tags(path: Path) -> None:
    """Refuse a user's template with a tag not opened and closed in one paragraph (docxtpl's
    rewriting would otherwise carry it to the next closing brace, and drop what is between),
    or with a filter or test that does not exist, even in a branch this document skips."""
    from lxml import etree

    from .tplcheck import check_braces, check_filters
    try:
        check_braces(_template_bytes(path))
        check_filters(_template_bytes(path), _environment())
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError, KeyError):
        raise TemplateError.said("tpl.not_docx", name=path.name) from None


# ---------------------------------------------------------------- errors in Vietnamese

def _near(exc) -> str:
    ctx = getattr(exc, "docx_context", None)
    if not ctx:
        return ""
    text = " ".join(s.strip() for s in ctx if s and s.strip())
    text = re.sub(r"\s+", " ", text)
    if len(text) > 160:
        text = text[:157] + "..."
    return phrase("tpl.near", text=text) if text else ""


def _undefined_name(message: str) -> str:
    for pat in (r"'([^']+)' is undefined", r"has no attribute '([^']+)'",
                r"has no element '?([^']+?)'?$", r"no element (\S+)"):
        m = re.search(pat, message)
        if m:
            return m.group(1)
    return message


def _undefined_class():
    """jinja2's StrictUndefined (any use of an undefined name or attribute, at any depth, is
    an error) that also tells what it was looked up in, so that the message names the whole
    variable (n.CUOI_KY.HVV) and the closest names that exist."""
    from jinja2 import StrictUndefined
    from jinja2.exceptions import UndefinedError
    from jinja2.utils import missing

    class _Undefined(UndefinedError):
        pass

    class _NamedUndefined(StrictUndefined):
        __slots__ = ()

        def __init__(self, hint=None, obj=missing, name=None, exc=UndefinedError):
            super().__init__(hint, obj, name, exc)
            if exc is not UndefinedError:  # the sandbox's SecurityError for what is unsafe: as it is
                return
            lookup = (None if obj is missing else obj, name)

            def error(message):  # what every use of the undefined raises (StrictUndefined)
                exc = _Undefined(message)
                exc.lookup = lookup
                return exc
            self._undefined_exception = error

    return _NamedUndefined


def _undefined_where(exc, ctx) -> tuple[str, list[str]]:
    """('n.CUOI_KY.HVV', ['n.CUOI_KY.HV', ...]): the undefined variable with the path of what
    it was looked up in (found in the context by identity), and the closest names there."""
    obj, name = getattr(exc, "lookup", (None, None))
    if name is None:
        return _undefined_name(str(exc)), []
    return _lookup_where(obj, name, ctx)


def _lookup_where(obj, name, ctx) -> tuple[str, list[str]]:
    """`name` looked up in `obj` (None: the context itself) as the template writes it, and the
    closest names there."""
    import difflib
    name = str(name)
    path = _path_of(obj, ctx or {}) if isinstance(obj, (dict, list)) else ""
    if obj is None:
        keys = list(ctx or {})
    elif isinstance(obj, dict):
        keys = [str(k) for k in obj]
        if hasattr(type(obj), "__missing__"):  # a figure's categories: those without data too
            from ..documents.report import CATEGORY_KEYS
            keys = sorted(set(keys) | CATEGORY_KEYS)
    else:
        keys = [k for k in dir(obj) if not k.startswith("_")]
    near = difflib.get_close_matches(name, keys, n=3, cutoff=0.6)
    if not near:
        near = difflib.get_close_matches(name.upper(), keys, n=3, cutoff=0.6)
    prefix = f"{path}." if path else ("" if obj is None else "….")
    return prefix + name, [prefix + k for k in near]


def _path_of(obj, ctx, depth: int = 4) -> str:
    """Where `obj` is in the context, as a template writes it (doc.legal_bases), or ''."""
    todo = [("", ctx)]
    for _ in range(depth):
        following = []
        for path, value in todo:
            items = value.items() if isinstance(value, dict) else ()
            for k, v in items:
                here = f"{path}.{k}" if path else str(k)
                if v is obj:
                    return here
                if isinstance(v, dict):
                    following.append((here, v))
        todo = following
    return ""


def _translate(exc: BaseException, path: Path, ctx: dict | None = None) -> TemplateError:
    import jinja2
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    if isinstance(exc, SecurityError):
        m = re.search(r"attribute '([^']+)' of '([^']+)'", str(exc))
        what = phrase("tpl.security_what", attribute=m.group(1), type=m.group(2)) if m else ""
        return TemplateError.said("tpl.security", name=path.name, what=what)
    if isinstance(exc, UndefinedError):
        where, near = _undefined_where(exc, ctx)
        return TemplateError.said("tpl.undefined", where=where,
                                  near=phrase("tpl.near_names", names=", ".join(near)) if near else "")
    if isinstance(exc, TemplateSyntaxError):
        from .tplcheck import technical_detail
        return _located(path, exc) or TemplateError.said("tpl.syntax_nowhere", near=_near(exc),
                                                         technical=technical_detail(exc))
    if isinstance(exc, jinja2.TemplateError):
        from .tplcheck import technical_detail
        # an unknown filter or test is found when its tag runs
        found = _located(path, exc) if isinstance(exc, jinja2.TemplateRuntimeError) else None
        return found or TemplateError.said("tpl.fill", near=_near(exc), technical=technical_detail(exc))
    if isinstance(exc, (OverflowError, RecursionError, MemoryError)):
        return TemplateError.said("tpl.resources", name=path.name)
    return TemplateError.said("tpl.fill_other", name=path.name, error=f"{type(exc).__name__}: {exc}")


def _located(path: Path, exc):
    """The TemplateError naming the paragraph of `exc` as Word shows the template (jinja's
    line numbers are those of docxtpl's rewritten XML), or None where it cannot be found."""
    from .tplcheck import diagnose
    try:
        return diagnose(_template_bytes(path), _environment(), exc)
    except Exception:  # noqa: BLE001 - the place is a help; the error is told without it
        return None


# ---------------------------------------------------------------- rendering

_COMPILED_MAX = 64  # compiled templates kept per process (a template has ~3 parts)
_PATCHED_MAX = 64


def _environment():
    """The sandboxed jinja environment, one per process, which parses and compiles each
    template part once per process (from_string, jinja's public API, remembers what it
    compiled; building the environment and compiling the XML again for every document was
    most of a render's cost). A cached compiled
    template is as safe as a fresh one: the sandbox checks every attribute access at run
    time, autoescape and StrictUndefined are compiled in from the same environment, and
    the source string alone determines the compiled code."""
    global _ENV
    if _ENV is None:
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        class _CachingSandbox(ImmutableSandboxedEnvironment):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._compiled: dict = {}

            def from_string(self, source, globals=None, template_class=None):
                if globals is not None or template_class is not None or not isinstance(source, str):
                    return super().from_string(source, globals, template_class)
                key = (self.autoescape, source)
                tpl = self._compiled.get(key)
                if tpl is None:
                    tpl = super().from_string(source)  # a syntax error raises, and is not cached
                    if len(self._compiled) >= _COMPILED_MAX:
                        self._compiled.pop(next(iter(self._compiled)))
                    self._compiled[key] = tpl
                return tpl

        _ENV = _CachingSandbox(autoescape=True, undefined=_undefined_class())
    return _ENV


_ENV = None
_LISTING_CHARS = re.compile("[\t\a\n\f]")  # what docxtpl's resolve_listing turns into Word's breaks
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # a paragraph, as resolve_listing finds it
_TEMPLATE_BYTES: dict = {}  # (path, mtime_ns, size) -> the template file's bytes
_PATCHED: dict = {}  # raw part XML -> docxtpl's patched XML (a pure function of it)
_DOCX_CLASS = None


def _docx_class():
    """DocxTemplate whose patch_xml (a pure function of the XML, a dozen regex passes
    over the whole body) is computed once per distinct part and process, and whose
    resolve_listing and map_tree skip work that leaves the document as it is (the rendered
    parts are docxtpl's own, byte for byte: tests/test_templates_once.py). Only public
    methods of DocxTemplate are overridden, each calling docxtpl's own."""
    global _DOCX_CLASS
    if _DOCX_CLASS is None:
        from docxtpl import DocxTemplate

        class _CachedDocxTemplate(DocxTemplate):
            def patch_xml(self, src_xml):
                out = _PATCHED.get(src_xml)
                if out is None:
                    out = super().patch_xml(src_xml)
                    if len(_PATCHED) >= _PATCHED_MAX:
                        _PATCHED.pop(next(iter(_PATCHED)))
                    _PATCHED[src_xml] = out
                return out

            def resolve_listing(self, xml):
                # docxtpl turns \t \a \n \f inside text into tabs, paragraphs, line and page
                # breaks with three nested regex passes over every paragraph; a paragraph
                # without any of them comes back as it was given, so only the few that hold
                # one (an agency's name on two lines) go through those passes, each alone
                # (docxtpl's own paragraph pattern finds the same paragraph in it again)
                if _LISTING_CHARS.search(xml) is None:
                    return xml
                resolve = super().resolve_listing
                return _PARAGRAPH.sub(
                    lambda m: resolve(m.group(0)) if _LISTING_CHARS.search(m.group(0)) else m.group(0), xml)

            def map_tree(self, tree):
                # the template's body, replaced by the rendered one, is emptied first: its
                # elements are then freed at once, where lxml would otherwise carry the
                # detached body, still referenced, into a document of its own, element by
                # element, namespace by namespace (the costliest step of a render)
                body = self.docx.element.body
                if body is not None:
                    body.clear()
                super().map_tree(tree)

        _DOCX_CLASS = _CachedDocxTemplate
    return _DOCX_CLASS


def _template_bytes(path: Path) -> bytes:
    """The template file, read from disk once per process while it is unchanged."""
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    data = _TEMPLATE_BYTES.get(key)
    if data is None:
        data = path.read_bytes()
        if len(_TEMPLATE_BYTES) >= 8:
            _TEMPLATE_BYTES.clear()
        _TEMPLATE_BYTES[key] = data
    return data


def render_docx(template: Path | str | None, kind: str, context: dict, out: Path | str) -> Path:
    """Render ``template`` (the shipped template of ``kind`` when None) with ``context``
    into ``out``, atomically. Returns ``out``. Raises :class:`TemplateError`."""
    import io

    if template is None:
        if kind not in KINDS:
            raise TemplateError.said("tpl.kind", kind=repr(kind), kinds=", ".join(KINDS))
        path = template_path(kind)
    else:
        path = Path(template)
    out = Path(out)
    _check_docx(path, kind if template is not None else None)
    if template is not None:
        _check_tags(path)
    ctx = _prepare(context)
    try:
        tpl = _docx_class()(io.BytesIO(_template_bytes(path)))
        tpl.render(ctx, jinja_env=_environment(), autoescape=True)
        if template is not None:
            _check_names(tpl, path, kind, ctx)
    except TemplateError:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message for the user
        raise _translate(exc, path, ctx) from exc
    if (context.get("doc") or {}).get("draft"):
        _mark_draft_properties(tpl)
    _save_atomic(tpl, out)
    return out


def warm(template: Path | str | None = None, kind: str = "bc") -> None:
    """Compile `template` (the shipped one of `kind` when None) into this process's caches while
    there is time (the workbooks being parsed): the first document then only renders, and a
    batch's render workers, forked after, inherit it compiled (each compiled it, ~0,15 s).
    The documented example context is rendered, nothing is written; whatever fails is left
    for the real rendering to report."""
    import io
    try:
        path = template_path(kind) if template is None else Path(template)
        st = path.stat()
        key = (str(path.resolve()), st.st_mtime_ns, st.st_size, kind, id(_environment()))
        if key in _WARMED:
            return
        _check_docx(path, kind if template is not None else None)
        tpl = _docx_class()(io.BytesIO(_template_bytes(path)))
        tpl.render(_prepare(_example(kind)), jinja_env=_environment(), autoescape=True)
    except Exception:  # noqa: BLE001 - a template that fails is refused when a document is rendered
        return
    _WARMED.add(key)


_WARMED: set = set()  # the templates warm() compiled in this process: (path, mtime, size, kind, environment)


# ---------------------------------------------------------------- names in branches not taken

_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")
_NAMES: dict = {}  # template bytes -> the context paths its tags name


def _named_paths(tpl, data: bytes) -> set:
    """Every context path a template names, as tuples ('n', 'TIEP_NHAN', 'ALL'): each chain of
    constant attributes or items that starts at a name the template does not set itself
    (a loop variable, {% set %}), in every tag, executed or not."""
    paths = _NAMES.get(data)
    if paths is not None:
        return paths
    import io
    from jinja2 import nodes
    env = _environment()
    paths = set()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if _PARTS.match(n)]
    for xml in parts:
        tree = env.parse(tpl.patch_xml(xml))
        own = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
        own |= {"loop", "caller", "varargs", "kwargs", "self", "super"} | set(env.globals)
        inner = set()  # the parts of a chain, not chains of their own
        for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
            inner.add(id(node.node))
        for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
            if id(node) in inner:
                continue
            chain = []
            while isinstance(node, (nodes.Getattr, nodes.Getitem)):
                if isinstance(node, nodes.Getattr):
                    chain.append(node.attr)
                elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                    chain.append(node.arg.value)
                else:  # a computed key: only what is before it is checked
                    chain.clear()
                node = node.node
            if isinstance(node, nodes.Name) and node.ctx == "load" and node.name not in own:
                paths.add((node.name,) + tuple(reversed(chain)))
    if len(_NAMES) >= 8:
        _NAMES.clear()
    _NAMES[data] = paths
    return paths


def _missing_in(ref: dict, path: tuple):
    """None when `path` exists in `ref` (as far as it can be followed), else (where it was
    looked up, the name not found there)."""
    cur = ref
    for i, name in enumerate(path):
        if isinstance(cur, dict):
            try:
                cur = cur[name]  # a figure's category without data is there too (__missing__)
                continue
            except KeyError:
                if hasattr(cur, name):  # items, get ...: what jinja would call
                    return None
                return (cur if i else None), name
        return None  # a list, a string, a number: jinja's own rules, checked when it runs
    return None


_EXAMPLES: dict = {}


def _example(kind: str) -> dict:
    """The documented example context of `kind`, built once per process (never changed)."""
    if kind not in _EXAMPLES:
        from rehabstat.documents.templates.example_context import example_context
        _EXAMPLES[kind] = example_context(kind)
    return _EXAMPLES[kind]


def _check_names(tpl, path: Path, kind: str, ctx: dict) -> None:
    """A name in a branch this document does not take ({% if doc.draft %}, a section without
    figures) passes the rendering unseen, and refuses the next document that takes it: refuse
    it now, when it is in neither this context nor the documented example of any kind."""
    for named in sorted(_named_paths(tpl, _template_bytes(path))):
        missing = _missing_in(ctx, named)
        if missing is None:
            continue
        if any(_missing_in(_example(k), named) is None for k in KINDS):
            continue
        where, near = _lookup_where(*missing, ctx)
        raise TemplateError.said("tpl.undefined", where=where,
                                 near=phrase("tpl.near_names", names=", ".join(near)) if near else "")


CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"


def _mark_draft_properties(tpl) -> None:
    """A draft says so in its document properties too (the banner is the template's).
    Written on docProps/core.xml with its namespaces spelt out, not through python-docx's
    core_properties: docxcompose (imported by docxtpl up to 0.20.1, and by 0.20.2 when it is
    installed) rebinds python-docx's prefix "cp" to the custom-properties namespace for the
    whole process, and the category and keywords then went into that namespace, where Word
    and every reader of core properties look in vain."""
    from lxml import etree

    from ..workbooks.xlsxout import DRAFT, DRAFT_LINE
    tpl.docx.core_properties  # noqa: B018 - python-docx adds the part when a template has none
    root = next(p.element for p in tpl.docx.part.package.iter_parts() if p.content_type == CORE_PROPERTIES)

    def put(tag, text):
        el = root.find(tag)
        if el is None:
            el = etree.SubElement(root, tag)
        el.text = text
    title = root.findtext(_DC + "title") or ""
    put(_DC + "title", f"{DRAFT} – {title}" if title else DRAFT_LINE)
    put(_DC + "subject", DRAFT_LINE)
    put(_CP + "category", DRAFT)
    put(_CP + "keywords", ", ".join(k for k in (root.findtext(_CP + "keywords") or "", DRAFT) if k))


def _save_atomic(tpl, out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        from rehabstat.common.errors import output_error
        raise output_error(out.parent, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    from ..workbooks.xlsxout import track_temp, untrack_temp
    track_temp(tmp)
    try:
        tpl.save(str(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except PermissionError as exc:
        raise OutputError.said("out.open_word", target=out) from exc
    except OSError as exc:
        from rehabstat.common.errors import output_error
        raise output_error(out.parent, exc) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
        untrack_temp(tmp)


def export_templates(directory: Path | str, overwrite: bool = False) -> list[Path]:
    """Copy the shipped templates (bc.docx, kh.docx) into ``directory`` for the user to
    edit in Word. An existing file is kept unless ``overwrite``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    targets = [(template_path(k), directory / f"{k}.docx") for k in KINDS]
    existing = [dst for _, dst in targets if dst.exists()]
    if existing and not overwrite:
        names = ", ".join(str(p) for p in existing)
        raise OutputError.said("out.templates_exist", names=names)
    written = []
    for src, dst in targets:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dst.stem}-", suffix=".tmp", dir=directory)
        os.close(fd)
        try:
            shutil.copyfile(src, tmp_name)
            os.chmod(tmp_name, 0o644)
            os.replace(tmp_name, dst)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
        written.append(dst)
    return written


# ---------------------------------------------------------------- variable documentation

_VARIABLES: tuple[tuple[str, str, str], ...] = (  # (name, meaning in Vietnamese, in English)
    ("doc.parent_agency", "Cơ quan chủ quản, chữ in hoa (góc trái, dòng 1)",
     "Parent agency, in capitals (top left, line 1)"),
    ("doc.agency", "Cơ quan ban hành, chữ in hoa đậm (góc trái, dòng 2)",
     "Issuing agency, in bold capitals (top left, line 2)"),
    ("doc.number_line", "Số, ký hiệu văn bản (chưa có số: «Số:      /BC-...»)",
     "Number and symbol of the document (without a number, the number left blank before /BC-...)"),
    ("doc.place_date", "Địa danh, ngày tháng năm (ngày dưới 10, tháng 1, 2 có số 0 đứng trước)",
     "Place and date (days below 10 and months 1, 2 with a leading 0)"),
    ("doc.doc_type", "Tên loại văn bản",
     "Kind of document"),
    ("doc.subject", "Trích yếu nội dung (dưới tên loại văn bản)",
     "Subject line (under the kind of document)"),
    ("doc.recipient_to", "Nơi gửi sau «Kính gửi:» (chỉ báo cáo; rỗng thì bỏ dòng này)",
     "Addressee after the 'To:' words (report only; empty: the line is left out)"),
    ("doc.legal_bases", "Danh sách căn cứ, mỗi căn cứ một đoạn (mẫu tự thêm «;», căn cứ cuối «.»)",
     "Legal bases, one paragraph each (the template adds «;», «.» after the last)"),
    ("doc.draft", "Đúng khi số liệu chưa đầy đủ hoặc còn lỗi (--force): mẫu in dòng «DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CHƯA ĐƯỢC KIỂM TRA»",
     "True when the figures are incomplete or still have errors (--force): the template prints the DRAFT "
     "line (incomplete or unchecked figures)"),
    ("draft_reasons", "Bản dự thảo: các câu nêu vì sao (tháng thiếu, sổ trùng, số lỗi chưa sửa), in dưới dòng DỰ THẢO",
     "A draft: the sentences saying why (missing months, duplicate workbooks, errors not fixed), printed "
     "under the DRAFT line"),
    ("doc.signer_authority", "Quyền hạn ký (KT., TM., Q., TL., TUQ.); rỗng khi người đứng đầu ký",
     "Signing authority (KT., TM., Q., TL., TUQ.); empty when the head signs"),
    ("doc.signer_title", "Chức vụ người ký",
     "Title of the signer"),
    ("doc.signer_name", "Họ tên người ký",
     "Full name of the signer"),
    ("doc.recipients", "Nơi nhận, mỗi nơi một dòng «- ...;», dòng cuối «- Lưu: VT, ...»",
     "Recipients, one line '- ...;' each, the last the archive copy ('- [archive]: VT, ...')"),
    ("unit.code", "Mã đơn vị",
     "Code of the unit"),
    ("unit.name", "Tên đơn vị trong câu văn",
     "Name of the unit in sentences"),
    ("unit.short", "Cách gọi đơn vị trong câu («Cơ sở»; cấp tỉnh: «các cơ sở»)",
     "How sentences name the unit (the facility; a province: its facilities)"),
    ("unit.province", "Tỉnh",
     "Province"),
    ("unit.level", "Cấp tổng hợp: facility (cơ sở), province (tỉnh), national",
     "Level of the totals: facility, province, national"),
    ("period.code", "Mã kỳ báo cáo",
     "Code of the reporting period"),
    ("period.label", "Tên kỳ trong câu văn",
     "Name of the period in sentences"),
    ("period.label_short", "Kỳ nói gọn, sau «trong» («năm», «quý», «tháng», «kỳ»)",
     "The period in short, after 'in' (year, quarter, month, period)"),
    ("period.start", "Ngày đầu kỳ",
     "First day of the period"),
    ("period.end", "Ngày cuối kỳ",
     "Last day of the period"),
    ("period.stock_end", "Ngày của số đang quản lý: ngày cuối kỳ, hoặc ngày cuối của tháng cuối cùng có sổ "
     "được tính khi số liệu chưa đủ (bản dự thảo)",
     "Date of the number held: the period's last day, or the last day of the latest month whose workbook counts "
     "when the data are incomplete (a draft)"),
    ("period.basis", "Cơ sở của số liệu khi chưa đủ tháng: flows, table, closes, closing, opening, opening_late "
     "(các dòng dưới)",
     "What the figures rest on when months are missing: flows, table, closes, closing, opening, opening_late "
     "(below)"),
    ("period.basis.flows", "Khi số liệu chưa đủ tháng (bản dự thảo): số phát sinh cộng bao nhiêu tháng, thiếu "
     "tháng nào («số liệu 11/12 tháng, thiếu tháng 08/2021»); rỗng khi đủ",
     "With months missing (a draft): how many months the flows sum and which are missing; empty when complete"),
    ("period.basis.table", "Ghi chú của bảng theo diện khi số liệu chưa đủ tháng: đầu kỳ, cuối kỳ theo sổ tháng "
     "nào, số phát sinh cộng bao nhiêu tháng; rỗng khi đủ",
     "The category table's note with months missing: which months its opening and closing are of, how many "
     "months its flows sum; empty when complete"),
    ("period.basis.closes", "Sai khi thiếu sổ một tháng ở giữa các tháng được tính: đầu kỳ cộng, trừ phát sinh "
     "không bằng cuối kỳ (số cuối kỳ lấy theo sổ tháng period.basis.closing)",
     "False when a month between the counted ones is missing: opening plus flows does not give the closing "
     "(which is of month period.basis.closing)"),
    ("period.basis.opening_late", "Đúng khi sổ đầu tiên được tính sau tháng đầu kỳ (số chuyển sang lấy theo sổ "
     "tháng period.basis.opening)",
     "True when the first counted workbook is after the period's first month (the carryover is of month "
     "period.basis.opening)"),
    ("period.prev_label", "Kỳ trước (sau «Lũy kế ... chuyển sang»)",
     "The previous period (after 'carried over from ...')"),
    ("period.year", "Năm của kỳ báo cáo",
     "Year of the reporting period"),
    ("n.DAU_KY.HV", "Số liệu đã định dạng: n.<CHỈ TIÊU>.<DIỆN> (xem bảng chỉ tiêu và diện bên dưới); 1..9 viết 01..09",
     "A formatted figure: n.<INDICATOR>.<CATEGORY> (see the indicators and categories below); 1..9 written"
     " 01..09"),
    ("v.DAU_KY.HV", "Giá trị số nguyên của cùng chỉ tiêu, để viết điều kiện {% if v.TRON.HV %}; 0 khi không có",
     "The integer value of the same indicator, for conditions {% if v.TRON.HV %}; 0 when none"),
    ("parts.DAU_KY", "Chia theo diện, chỉ các diện khác 0 («bắt buộc 1.586 học viên; ...»); rỗng khi không có",
     "Split by category, only the categories other than 0 (compulsory 1.586 learners; ...); empty when "
     "none"),
    ("parts.RA_MET", "Bệnh nhân Methadone ra, chia theo lý do",
     "Methadone patients leaving, split by reason"),
    ("parts.VAO_MET", "Bệnh nhân Methadone vào (n.VAO_MET.MET), chia theo nguồn; rỗng khi chỉ có tiếp nhận mới",
     "Methadone patients entering (n.VAO_MET.MET), split by source; empty when only new admissions"),
    ("money.QUY_CO_SO", "Tổng chênh lệch của các cơ sở có doanh thu vượt chi phí: phần được trích lập quỹ",
     "Sum of the surpluses of the facilities whose revenue exceeds their costs: the part funds are set "
     "aside from"),
    ("labour.split", "Có quỹ được trích (ít nhất một cơ sở có doanh thu vượt chi phí)",
     "Funds are set aside (at least one facility has revenue over its costs)"),
    ("labour.whole", "Các quỹ được trích từ toàn bộ chênh lệch thu chi (không cơ sở nào chi vượt thu)",
     "The funds are set aside from the whole surplus (no facility spent more than it earned)"),
    ("labour.loss", "Chênh lệch thu chi chung âm (money.LOI_NHUAN_ABS: phần chi vượt thu)",
     "The overall balance is negative (money.LOI_NHUAN_ABS: the costs over revenue)"),
    ("told.CO_MAT", "Có số liệu có mặt (ô trống không phải là 0); told.VANG_MAT tương tự",
     "Present counts were given (a blank cell is not 0); told.VANG_MAT likewise"),
    ("told.CO_MAT_of", "«6/7 cơ sở» khi chỉ một phần các cơ sở ghi có mặt; rỗng khi tất cả đều ghi",
     "The share of facilities (6/7) when only some facilities gave present counts; empty when all did"),
    ("money.DOANH_THU", "Số tiền, có «đồng»: money.<MÃ> với DOANH_THU, CHI_PHI, LOI_NHUAN, TRICH_CCTL, QUY_*",
     "An amount with its currency word (dong): money.<CODE> for DOANH_THU, CHI_PHI, LOI_NHUAN, TRICH_CCTL,"
     " QUY_*"),
    ("words.DOANH_THU", "Số tiền bằng chữ (cho «Bằng chữ: ...»), cùng các mã như money",
     "An amount in words (for the 'In words: ...' line), the same codes as money"),
    ("pct.CCTL", "Tỷ lệ trích cải cách tiền lương trên chênh lệch thu chi",
     "Share of the surplus set aside for the salary reform"),
    ("pct.QUY_PHUC_LOI", "Tỷ lệ trích quỹ trên phần còn lại (QUY_KHEN_THUONG, QUY_PHUC_LOI, QUY_PHAT_TRIEN, QUY_DU_PHONG)",
     "Share of the rest set aside for a fund (QUY_KHEN_THUONG, QUY_PHUC_LOI, QUY_PHAT_TRIEN, QUY_DU_PHONG)"),
    ("rates.ARV", "Tỷ lệ học viên nhiễm HIV được điều trị ARV; rỗng khi không tính được",
     "Share of learners with HIV treated with ARV; empty when it cannot be computed"),
    ("rates.CHUNG_CHI", "Tỷ lệ học viên học nghề được cấp chứng chỉ; rỗng khi không tính được",
     "Share of learners in vocational training who got a certificate; empty when it cannot be computed"),
    ("has.admissions", "Có số liệu tiếp nhận, sĩ số (đầu kỳ, cuối kỳ)",
     "There are admissions and census figures (opening, closing)"),
    ("has.methadone", "Có số liệu điều trị Methadone",
     "There are Methadone treatment figures"),
    ("has.medical", "Có số liệu khám chữa bệnh, lao, HIV",
     "There are medical figures (examinations, tuberculosis, HIV)"),
    ("has.management", "Có số liệu quản lý học viên (trốn, vi phạm, thẩm lậu, thăm gặp)",
     "There are learner management figures (escapes, violations, smuggling, visits)"),
    ("has.education", "Có số liệu tuyên truyền, giáo dục, rèn luyện",
     "There are outreach, education and training figures"),
    ("has.labour", "Có số liệu doanh thu lao động trị liệu",
     "There are labour therapy revenue figures"),
    ("has.vocational", "Có số liệu dạy nghề",
     "There are vocational training figures"),
    ("has.reintegration", "Có số liệu tư vấn tái hòa nhập, việc làm",
     "There are reintegration and employment counselling figures"),
    ("has.table", "Có bảng số liệu theo diện",
     "There is a table of figures by category"),
    ("has.targets", "Có chỉ tiêu kế hoạch để so sánh",
     "There are plan targets to compare with"),
    ("sec.admissions", "Số thứ tự của mục (\"1\", \"2\"...), rỗng khi mục bị bỏ: sec.admissions, management, education, labour, reintegration, table, targets",
     "Number of the section (\"1\", \"2\"...), empty when the section is left out: sec.admissions, management,"
     " education, labour, reintegration, table, targets"),
    ("table.columns", "Các cột của bảng theo diện: BB, TN, HTCC, XDTTN, LTTT, HV (cộng học viên), MET, ALL (tổng cộng)",
     "The columns of the table by category: BB, TN, HTCC, XDTTN, LTTT, HV (all learners), MET, ALL (total)"),
    ("table.rows", "Các dòng của bảng: r.label, r.cells[0]..r.cells[7] (theo table.columns; 0 viết «-»), r.bold",
     "The rows of the table: r.label, r.cells[0]..r.cells[7] (as table.columns; 0 written «-»), r.bold"),
    ("targets", "Chỉ tiêu kế hoạch kỳ báo cáo: t.code, t.label, t.unit, t.plan, t.actual, t.rate, t.met",
     "Plan targets of the reporting period: t.code, t.label, t.unit, t.plan, t.actual, t.rate, t.met"),
    ("plan.label", "Kỳ kế hoạch (chỉ kế hoạch - KH)",
     "The plan's period (plan - KH only)"),
    ("plan.year", "Năm kế hoạch",
     "Year of the plan"),
    ("plan.code", "Mã kỳ kế hoạch",
     "Code of the plan's period"),
    ("has.facilities", "Đúng khi báo cáo tỉnh có bảng số liệu theo cơ sở (lệnh batch)",
     "True when a province report has a table of figures by facility (the batch command)"),
    ("gaps", "Báo cáo tỉnh: danh sách câu nêu cơ sở thiếu sổ, sổ trùng hoặc có lỗi (không tính vào số liệu)",
     "Province report: the sentences naming facilities with missing, duplicate or faulty workbooks (not "
     "counted)"),
    ("timeliness.sentence", "Báo cáo tỉnh: câu về tỷ lệ gửi sổ và gửi đúng hạn (rỗng khi không có)",
     "Province report: the sentence on the rates of workbooks sent and sent on time (empty when none)"),
    ("timeliness.late", "Báo cáo tỉnh: danh sách câu nêu cơ sở gửi sổ muộn, muộn bao nhiêu ngày",
     "Province report: the sentences naming facilities that sent late, and how many days late"),
    ("unit.full", "Báo cáo tỉnh: tên tỉnh/thành phố như văn bản viết «tỉnh Cao Bằng», «thành phố Hà Nội»; rỗng với cơ sở",
     "Province report: the province or city as documents write it (the province, the city of ...); empty "
     "for a facility"),
    ("unit.scope", "Báo cáo tỉnh đã sáp nhập, kỳ có tháng trước 01/07/2025: «tỉnh Ninh Bình (gồm các tỉnh Hà Nam, Nam Định, Ninh Bình trước ngày 01/07/2025)»; rỗng khi không cần",
     "Report of a merged province, a period with months before 01/07/2025: the province, then the "
     "provinces it holds as they were before 01/07/2025; empty when not needed"),
    ("approval", "Số liệu đọc từ kho (--store): câu nêu các tháng đã được duyệt và khóa; rỗng khi đọc từ --data",
     "Figures read from the store (--store): the sentence naming the months approved and locked; empty "
     "when read from --data"),
    ("annex", "Báo cáo tỉnh: một dòng mỗi cơ sở rồi dòng Tổng cộng: r.code, r.name, r.months (\"6/6\"), r.note, r.bold, r.n.CHỈ_SỐ.HV/ALL",
     "Province report: one row per facility, then the total row: r.code, r.name, r.months (\"6/6\"), r.note,"
     " r.bold, r.n.<INDICATOR>.HV/ALL"),
    ("plan.targets", "Chỉ tiêu kỳ kế hoạch: t.code, t.label, t.unit, t.plan, t.actual (kỳ này), t.text (câu hoàn chỉnh)",
     "Targets of the plan's period: t.code, t.label, t.unit, t.plan, t.actual (this period), t.text (the "
     "whole sentence)"),
    ("doc.issuer", "Cơ quan ban hành viết trong câu («Sở Lao động - Thương binh và Xã hội báo cáo...»); "
                   "cấu hình [document] issuer; rỗng khi báo cáo tỉnh chưa cấu hình",
     "The issuing agency as sentences name it (the department that reports...); setting [document] issuer;"
     " empty when a province report has none set"),
    ("unit.short_cap", "Như unit.short, viết hoa chữ đầu (đầu câu)",
     "As unit.short, with a capital first letter (start of a sentence)"),
    ("period.label_compact", "Kỳ viết gọn sau «Trong» («quý II/2021», «năm 2021»; kỳ dài: như period.label)",
     "The period in short after 'In' (quarter II/2021, year 2021; a long period: as period.label)"),
    ("cmp.CUOI_KY.HV", "So sánh với kỳ trước cùng độ dài và cùng kỳ năm trước, chỉ khi kỳ đó có đủ trong dữ liệu: "
                       "cmp.<CHỈ TIÊU>.<DIỆN>; số tồn: «so với cuối quý I/2021 giảm 126 học viên», số phát sinh: "
                       "«tăng 12,5% so với cùng kỳ năm 2020»; rỗng khi không so sánh được",
     "Comparison with the previous period of the same length and with the same period a year before, only "
     "when that period is whole in the data: cmp.<INDICATOR>.<CATEGORY>; a stock: 126 learners fewer than "
     "at the end of quarter I/2021, a flow: 12,5% more than the same period of 2020; empty when no "
     "comparison can be made"),
    ("compare.previous.available", "Kỳ liền trước cùng độ dài có đủ trong dữ liệu (compare.previous.label: «quý I/2021»)",
     "The previous period of the same length is whole in the data (compare.previous.label: quarter I/2021)"),
    ("compare.year.available", "Cùng kỳ năm trước có đủ trong dữ liệu (compare.year.label: «cùng kỳ năm 2020»)",
     "The same period a year before is whole in the data (compare.year.label: the same period of 2020)"),
    ("compare.merged", "Câu nói số liệu kỳ so sánh trước ngày hợp nhất tỉnh gồm những tỉnh cũ nào («Số liệu so sánh "
     "quý II/2025 gồm số liệu của các tỉnh Hà Nam, Nam Định, Ninh Bình (trước khi hợp nhất).»); rỗng nếu không",
     "The sentence saying which old provinces the earlier figures of a merged province gather; empty otherwise"),
    ("parts_all.CO_MAT", "Chia theo diện kể cả Methadone (CUOI_KY, CO_MAT, VANG_MAT), như seed 004",
     "Split by category, Methadone included (CUOI_KY, CO_MAT, VANG_MAT), as in seed 004"),
    ("education_groups", "Các vế câu giáo dục kiểu seed 004 («tổ chức giáo dục chuyên đề 1.155 học viên», ...); "
                         "rỗng khi không có số liệu GIAO_DUC_CHUYEN_DE, GIAO_DUC_CHUNG_NHAN, TU_VAN_CA_BIET",
     "The clauses of the education sentence as in seed 004 (thematic education of 1.155 learners, ...); "
     "empty without GIAO_DUC_CHUYEN_DE, GIAO_DUC_CHUNG_NHAN, TU_VAN_CA_BIET figures"),
    ("reintegration_groups", "Các vế câu hòa nhập cộng đồng kiểu seed 004 (HOA_NHAP_LUOT, HUONG_NGHIEP, TU_VAN_HOC_NGHE, "
                             "TU_VAN_VIEC_LAM)",
     "The clauses of the community reintegration sentence as in seed 004 (HOA_NHAP_LUOT, HUONG_NGHIEP, "
     "TU_VAN_HOC_NGHE, TU_VAN_VIEC_LAM)"),
    ("has.education_groups", "Có education_groups (câu giáo dục kiểu seed 004 thay cho các dòng «+ ...»)",
     "There are education_groups (the education sentence of seed 004 instead of the «+ ...» lines)"),
    ("has.reintegration_groups", "Có reintegration_groups",
     "There are reintegration_groups"),
    ("has.communication", "Báo cáo tỉnh: có số liệu tập huấn, tuyên truyền (sổ cấp tỉnh)",
     "Province report: there are training and outreach figures (province workbook)"),
    ("has.community", "Báo cáo tỉnh: có số liệu cai nghiện tại gia đình, cộng đồng, Methadone ngoài cơ sở, hồ sơ quản lý",
     "Province report: there are figures on rehabilitation at home and in the community, Methadone outside"
     " facilities, management files"),
    ("has.aftercare", "Báo cáo tỉnh có sổ cấp tỉnh: mục quản lý sau cai (học viên hoàn thành về địa phương)",
     "Province report with a province workbook: the aftercare section (learners who finished and went "
     "home)"),
    ("has.investment", "Báo cáo tỉnh: có số liệu vốn đầu tư (DAU_TU)",
     "Province report: there are investment figures (DAU_TU)"),
    ("rates.TAP_HUAN", "Tỷ lệ cán bộ được tập huấn (CAN_BO_TAP_HUAN / CAN_BO); rỗng khi không tính được",
     "Share of staff trained (CAN_BO_TAP_HUAN / CAN_BO); empty when it cannot be computed"),
    ("rates.XA", "Tỷ lệ xã được tuyên truyền (TUYEN_TRUYEN_XA / XA); rỗng khi không tính được",
     "Share of communes reached by outreach (TUYEN_TRUYEN_XA / XA); empty when it cannot be computed"),
    ("prov.investment", "Vốn đầu tư theo năm và nguồn: x.year, x.amount («04 tỷ đồng», «300 triệu đồng»), x.source",
     "Investment by year and source: x.year, x.amount (04 billion, 300 million dong, in words), x.source"),
    ("prov.investment_total", "Tổng vốn đầu tư viết gọn («8 tỷ đồng»; số không gọn được thì viết đủ)",
     "Total investment in short (8 billion dong, in words; written in full when it has no short form)"),
    ("prov.investment_years", "Các năm có vốn đầu tư («từ năm 2018 - 2020»)",
     "The years with investment (from 2018 to 2020, in words)"),
)


def _lookup(ctx, dotted: str):
    cur = ctx
    for part in dotted.split("."):
        cur = cur[part]
    return cur


def _example_text(value, lang: str = "vi") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            from ..common.catalogue import text
            first = value[0]
            inner = ", ".join(f"{k}: {_example_text(v, lang)}" for k, v in first.items() if k != "cells")
            if "cells" in first:
                inner += f", cells: [{', '.join(first['cells'])}]"
            return text("vars.rows", lang, count=len(value)) + f" {{{inner}}}"
        return " | ".join(str(x) for x in value)
    return str(value)


def template_variables(lang: str = "vi") -> list[tuple[str, str, str]]:
    """Every variable a template may use: (name, meaning in `lang`, example from the Sơn La
    2021 context: the document's own Vietnamese text), followed by one row per indicator
    code ``n.<CODE>.<DIỆN>``."""
    from rehabstat.documents.templates.example_context import (INDICATOR_LABELS, INDICATOR_LABELS_EN, INDICATORS,
                                                               example_context)

    bc, kh = example_context("bc"), example_context("kh")
    rows = []
    for name, meaning_vi, meaning_en in _VARIABLES:
        try:
            value = _lookup(bc, name)
        except KeyError:
            value = _lookup(kh, name)
        rows.append((name, meaning_en if lang == "en" else meaning_vi, _example_text(value, lang)))
    labels = INDICATOR_LABELS_EN if lang == "en" else INDICATOR_LABELS
    for code in INDICATORS:
        cats = bc["v"][code]
        cat = next((c for c in ("HV", "MET", "ALL") if cats[c]), "ALL" if code not in ("DAU_KY",) else "HV")
        rows.append((f"n.{code}.{cat}", labels.get(code, code), bc["n"][code][cat]))
    return rows


def variables_markdown() -> str:
    """docs/template-vars.md, generated from :func:`template_variables`."""
    from rehabstat.common.codes import CATEGORIES

    def esc(s: str) -> str:
        return str(s).replace("|", "\\|").replace("\n", " ")

    rows = template_variables()
    n_main = len(_VARIABLES)
    out = [
        "# Template variables (biến dùng trong mẫu văn bản)",
        "",
        "Generated by `python -m rehabstat.documents.templates.build --docs docs/template-vars.md` from",
        "`rehabstat/documents/render.py` (`template_variables()`, also shown by `rehabstat templates vars`);",
        "the examples come from `rehabstat/documents/templates/example_context.py` (Sơn La, năm 2021).",
        "This is the contract between the context builder and the templates: the builder must",
        "produce every key below, in this form, and a template may use nothing else (a missing",
        "variable is refused: «Mẫu văn bản dùng biến không tồn tại»).",
        "",
        "Rules the builder follows:",
        "",
        "* `n` and `v` hold **every** indicator × category below (`\"0\"` / `0` when absent), so",
        "  `{% if v.TRON.HV %}` never fails. `n` uses `vnformat.count` (\"1.659\", \"06\");",
        "  SoLieu figures (KHAM_BENH, ...) and money are under category `ALL`.",
        "* `parts[IND]` lists learner categories with a non-zero value, in the order BB, TN, HTCC,",
        "  XDTTN, LTTT: \"bắt buộc 692 học viên; tự nguyện 12 học viên\"; \"\" when none.",
        "* `doc.legal_bases` and `doc.recipients` come without final punctuation (`render_docx`",
        "  strips any): the template writes \";\" after each item and \".\" after the last.",
        "  `doc.recipient_to` comes without \"Kính gửi:\" (stripped too).",
        "* `sec` (numbers of the parts of \"I. KẾT QUẢ THỰC HIỆN\") is derived from `has` by",
        "  `render.section_numbers()`; `render_docx` adds it when the context has none.",
        "* `rates.*` and `targets[].rate` are \"\" when they cannot be computed (plan 0).",
        "* Strings are escaped by the renderer: never pre-escape `&`, `<`, `>`.",
        "",
        "Keys added to the contract of docs/architecture.md (\"Template context\"): `unit.short`,",
        "`period.label_short`, the indicator `RA_MET` (all Methadone exits) with `parts.RA_MET`,",
        "`CHUYEN_DIEN_DEN`/`CHUYEN_DIEN_DI` in the grid, `pct`, `rates`, `has.reintegration`,",
        "`has.table`, `sec`, `table.columns`, `plan` (KH only). `table` is `{columns, rows}`.",
        "",
        "## Mistakes in a template, and where they are (lỗi trong mẫu và vị trí)",
        "",
        "A template the tool cannot use is refused before anything is written, with the place",
        "of the mistake counted as Word shows the document (`documents/tplcheck.py`):",
        "",
        "* **đoạn văn thứ N** (paragraph N): the body's paragraphs outside tables, from 1, empty",
        "  paragraphs included (python-docx's `Document.paragraphs[N - 1]`); the tables are not",
        "  counted in it;",
        "* **bảng thứ T, dòng R, ô C** (table T, row R, cell C): a paragraph inside a table, the",
        "  body's tables counted from 1 in order, rows and cells from 1 (a table inside a cell:",
        "  the cell of the outer table);",
        "* **đầu trang / chân trang, đoạn thứ N**: the paragraphs of a page header or footer.",
        "",
        "Each tag must open and close in one paragraph: `{{ … }}`, `{% … %}`, `{# … #}`; a tag",
        "left open, closed by another kind's end (`{{ x %}`), or a `}}` / `%}` / `#}` that closes",
        "nothing is refused (Word's text between would otherwise be lost). An unknown filter",
        "(`| upperr`) or test (`is oddd`) is refused even in a branch the document skips. A block",
        "(`{% if %}`, `{% for %}`) left open, or an end that closes nothing or the wrong block, is",
        "named where it is: the blocks written inside paragraphs' text are matched among themselves,",
        "docxtpl's `{%p %}`, `{%tr %}`, `{%tc %}` blocks (a paragraph, row or cell of their own)",
        "among all. jinja2's own English words follow, labelled «Chi tiết kỹ thuật (jinja2)».",
        "",
        "## Variables",
        "",
        "| variable | ý nghĩa | ví dụ |",
        "|---|---|---|",
    ]
    out += [f"| `{esc(a)}` | {esc(b)} | {esc(c)} |" for a, b, c in rows[:n_main]]
    out += [
        "",
        "## Indicators (chỉ tiêu): `n.<CODE>.<DIỆN>`, `v.<CODE>.<DIỆN>`, `parts.<CODE>`",
        "",
        "| variable | ý nghĩa | ví dụ |",
        "|---|---|---|",
    ]
    out += [f"| `{esc(a)}` | {esc(b)} | {esc(c)} |" for a, b, c in rows[n_main:]]
    out += [
        "",
        "## Categories (diện)",
        "",
        "| code | diện |",
        "|---|---|",
    ]
    out += [f"| `{c.code}` | {c.label} |" for c in CATEGORIES.values()]
    out += [
        "| `HV` | cộng học viên (mọi diện trừ MET) |",
        "| `ALL` | tổng cộng (mọi diện); số liệu SoLieu và tiền |",
        "",
    ]
    return "\n".join(out)
