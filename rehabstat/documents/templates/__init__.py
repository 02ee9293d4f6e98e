"""The shipped Word templates (bc.docx, kh.docx), the script that builds them, and the
example template context. See docs/template-vars.md for every variable a template may use."""
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent
KINDS = ("bc", "kh")


def template_path(kind: str) -> Path:
    """The shipped template of a document kind: 'bc' (báo cáo) or 'kh' (kế hoạch)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind: {kind!r} (expected one of {KINDS})")
    return TEMPLATE_DIR / f"{kind}.docx"


# The numbered parts of "I. KẾT QUẢ THỰC HIỆN", in order, and the ``has`` flags that make
# each of them appear.
SECTION_ORDER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("communication", ("communication",)),
    ("admissions", ("admissions", "medical", "methadone")),
    ("management", ("management",)),
    ("education", ("education",)),
    ("labour", ("labour", "vocational")),
    ("reintegration", ("reintegration",)),
    ("community", ("community",)),
    ("aftercare", ("aftercare",)),
    ("investment", ("investment",)),
    ("table", ("table",)),
    ("facilities", ("facilities",)),
    ("targets", ("targets",)),
)


def section_numbers(has: dict) -> dict[str, str]:
    """``sec``: the number of each present part ("1", "2", ...) or "" when it is dropped,
    so the numbering has no gaps. ``render_docx`` adds it when the context has none."""
    sec, i = {}, 0
    for key, flags in SECTION_ORDER:
        if any(has.get(f) for f in flags):
            i += 1
            sec[key] = str(i)
        else:
            sec[key] = ""
    return sec
