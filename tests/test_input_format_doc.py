"""The workbook format is described in the project itself (docs/input-format.md), with the codes
the reader knows; the README points there, never outside the repository."""
import re

from conftest import ROOT


def test_the_input_format_is_in_the_project_and_names_every_code():
    from rehabstat.common.codes import CATEGORIES, EVENT_TYPES, FIGURES, PROVINCE_FIGURES
    doc = (ROOT / "docs" / "input-format.md").read_text(encoding="utf-8")
    for code in [*CATEGORIES, *EVENT_TYPES, *FIGURES, *PROVINCE_FIGURES]:
        assert f"`{code}`" in doc, code
    for heading in ("## The monthly workbook", "## The province workbook", "## The targets workbook"):
        assert heading in doc
    pictures = re.findall(r"\]\(([^)]+\.png)\)", doc)
    assert len(pictures) == 4
    for picture in pictures:
        assert (ROOT / "docs" / picture).is_file(), picture
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/input-format.md" in readme
    assert "../shared" not in readme and "../shared" not in doc
