"""The shipped templates keep only the styles they use (python-docx's default
styles.xml, 370 KB, was two thirds of every render's open-and-save time), and every style a
paragraph, run, table or list refers to is still there."""
from __future__ import annotations

import re
import zipfile

import pytest

from rehabstat.documents.templates import template_path


@pytest.mark.parametrize("kind", ["bc", "kh"])
def test_template_styles_are_the_ones_used(kind):
    with zipfile.ZipFile(template_path(kind)) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        others = {n: z.read(n).decode("utf-8") for n in z.namelist()
                  if n.startswith("word/") and n.endswith(".xml") and n != "word/styles.xml"}
    assert len(styles) < 40_000 and "latentStyles" not in styles
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    referred = {v for text in others.values()
                for v in re.findall(r'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"', text)}
    referred |= set(re.findall(r'<w:(?:basedOn|link|next) w:val="([^"]+)"', styles))
    assert referred and referred <= defined, sorted(referred - defined)
    assert {"Normal", "VBBody", "VBTitle", "TableGrid"} <= defined
