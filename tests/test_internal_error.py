"""Our own bug is never told as the clerk's fault: an exception of rehabstat's code (or of a
library called wrongly) while reading is an internal error, exit 3, with a line that says it
is the tool's error and how to report it; only what a parser says about a file's bytes is
F002. The same whether the reading workers are forked (Linux) or spawned (Windows, macOS)."""
from __future__ import annotations

import shutil
import zipfile

import pytest

from conftest import SAMPLES, cli

MONTH = SAMPLES / "son-la" / "2021-03.xlsx"
BUG = "'CalamineWorkbook' object has no attribute 'close'"  # what python-calamine 0.2 said of our call


def _bug(*args, **kwargs):
    raise AttributeError(BUG)


def _read_with_bug(path, window=None):
    """read_workbook with a bug in reading ThongTin, in whatever process runs it (a spawned
    worker imports this module afresh: a monkeypatch of the parent would not reach it)."""
    from rehabstat.reading import reader
    reader._read_info = _bug
    return reader.read_workbook(path, window=window)


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(MONTH, data / "2021-03.xlsx")
    return data


@pytest.fixture(autouse=True)
def _debug_env(monkeypatch):
    monkeypatch.setenv("REHABSTAT_DEBUG", "")  # --debug sets it in this process: undone after each test


def test_a_bug_while_reading_is_an_internal_error_not_f002(monkeypatch, folder):
    from rehabstat.reading import reader
    monkeypatch.setenv("REHABSTAT_WORKERS", "fork")
    monkeypatch.setattr(reader, "_read_info", _bug)
    res = cli("validate", folder)
    assert res.exit_code == 3, res.output
    said = " ".join(res.output.split())
    assert (f"Lỗi nội bộ của rehabstat khi đọc {folder / '2021-03.xlsx'} (AttributeError: {BUG}): đây là lỗi của "
            "chương trình, không phải của tệp. Hãy chạy lại đúng lệnh này với --debug và gửi toàn bộ nội dung hiện "
            "ra cho người phát triển rehabstat.") in said, said
    assert "F002" not in said and "gửi lại" not in said and "Traceback" not in said

    res = cli("validate", folder, "--lang", "en")
    assert res.exit_code == 3, res.output
    said = " ".join(res.output.split())
    assert (f"Internal error of rehabstat while reading {folder / '2021-03.xlsx'} (AttributeError: {BUG}): this is "
            "the program's fault, not the file's. Run the same command again with --debug") in said, said
    assert "F002" not in said and "Lỗi" not in said


def test_debug_prints_the_workers_traceback(monkeypatch, folder):
    from rehabstat.reading import reader
    monkeypatch.setenv("REHABSTAT_WORKERS", "fork")
    monkeypatch.setattr(reader, "_read_info", _bug)
    res = cli("--debug", "validate", folder)
    assert res.exit_code == 3, res.output
    worker = res.output.split("Trong tiến trình đọc sổ:", 1)[1]
    assert "Traceback (most recent call last)" in worker and "in read_workbook" in worker, res.output
    assert "in _bug" in worker and f"AttributeError: {BUG}" in worker, res.output
    assert "Lỗi nội bộ của rehabstat khi đọc" in res.output


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_bug_in_a_worker_is_exit_3_forked_or_spawned(monkeypatch, folder, method):
    from rehabstat.reading import dataset
    monkeypatch.setenv("REHABSTAT_WORKERS", method)
    monkeypatch.setattr(dataset, "read_workbook", _read_with_bug)
    (folder / "cut.xlsx").write_bytes(MONTH.read_bytes()[:5000])  # a damaged file beside it changes nothing
    res = cli("validate", folder, "--format", "json")
    assert res.exit_code == 3, res.output
    assert f"(AttributeError: {BUG}): đây là lỗi của chương trình" in " ".join(res.output.split()), res.output
    assert "F002" not in res.output


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_damaged_file_is_still_the_files_problem(monkeypatch, folder, method):
    monkeypatch.setenv("REHABSTAT_WORKERS", method)
    data = MONTH.read_bytes()
    (folder / "cut.xlsx").write_bytes(data[: len(data) // 3])  # truncated: the zip's directory is gone
    with zipfile.ZipFile(MONTH) as src, zipfile.ZipFile(folder / "bad-xml.xlsx", "w") as dst:
        for info in src.infolist():  # the census sheet's XML cut in the middle of a tag
            body = src.read(info)
            dst.writestr(info, body[: len(body) // 2] if info.filename == "xl/worksheets/sheet2.xml" else body)
    res = cli("validate", folder, "--format", "json")
    assert res.exit_code == 1, res.output
    import json
    doc = json.loads(res.stdout)
    damaged = sorted((i["file"].rsplit("/", 1)[-1], i["code"]) for i in doc["issues"] if i["code"].startswith("F"))
    assert damaged == [("bad-xml.xlsx", "F002"), ("cut.xlsx", "F002")], damaged
    assert "Lỗi nội bộ" not in res.output


def test_a_bug_outside_the_workers_is_exit_3(monkeypatch, folder):
    from rehabstat import api
    monkeypatch.setattr(api, "validate_paths", lambda *a, **k: {}["files"])
    res = cli("validate", folder)
    assert res.exit_code == 3, res.output
    assert ("Lỗi nội bộ của rehabstat (KeyError: 'files'): đây là lỗi của chương trình, không phải của tệp hay số "
            "liệu.") in " ".join(res.output.split()), res.output
    res = cli("validate", folder, "--debug")
    assert res.exit_code == 3 and "Traceback (most recent call last)" in res.output, res.output


def _raise(kind):
    import xml.etree.ElementTree as ET
    if kind == "attribute":
        object().close()
    if kind == "keyword":
        zipfile.ZipFile(MONTH, nonsense=1)
    if kind == "our-key":
        return {}["census"]
    if kind == "zip-member":
        with zipfile.ZipFile(MONTH) as zf:
            zf.read("xl/nothing.xml")
    if kind == "xml":
        ET.fromstring(b"<a><b></a>")
    if kind == "calamine":
        from python_calamine import CalamineWorkbook
        CalamineWorkbook.from_path(str(SAMPLES.parent / "README.md"))
    if kind == "not-zip":
        zipfile.ZipFile(SAMPLES.parent / "README.md")
    if kind == "import":
        import rehabstat.no_such_module  # noqa: F401
    if kind == "os":
        open(SAMPLES / "no-such.xlsx", "rb")


@pytest.mark.parametrize("kind, internal", [
    ("attribute", True),  # a method this version lacks: raised at our call
    ("keyword", True),  # an argument the library does not take
    ("our-key", True),  # our own lookup
    ("import", True),  # a broken installation
    ("zip-member", False),  # zipfile's KeyError: the archive lacks the part
    ("xml", False),  # ParseError (a SyntaxError): XML that does not parse
    ("calamine", False),  # calamine: not a workbook
    ("not-zip", False),  # BadZipFile
    ("os", False),  # the system's word on the file
])
def test_whose_fault(kind, internal):
    from rehabstat.reading.blame import is_internal
    with pytest.raises(BaseException) as caught:
        _raise(kind)
    assert is_internal(caught.value) is internal, caught.value


def _attribute_bug(item):
    raise AttributeError(f"no attribute for {item}")


def _damaged(item):
    raise zipfile.BadZipFile("File is not a zip file")


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_the_sandbox_raises_our_bug_and_reports_a_parsers(monkeypatch, method):
    from rehabstat.common.errors import InternalError
    from rehabstat.reading.sandbox import map_isolated
    monkeypatch.setenv("REHABSTAT_WORKERS", method)
    with pytest.raises(InternalError) as caught:
        map_isolated(_attribute_bug, ["a.xlsx"])
    assert caught.value.what == "AttributeError: no attribute for a.xlsx" and caught.value.where == "a.xlsx"
    assert "in _attribute_bug" in caught.value.trace
    assert map_isolated(_damaged, ["b.xlsx"], failed=lambda item, death: (item, death.kind, death.detail)) == \
        [("b.xlsx", "crash", "BadZipFile")]
