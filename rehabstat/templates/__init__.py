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
