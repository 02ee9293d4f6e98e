"""An output folder that cannot be written or made: every command that writes files says so
(exit 2, the folder named, in Vietnamese, or English with --lang en) before any work, and a
late refusal of the OS while writing is told the same way: never "Lỗi không mong đợi", never
a traceback, nothing half written (newuser2, item 3)."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import SAMPLES, cli

SON_LA = SAMPLES / "son-la"


def commands(out, store):
    """Every command that writes files, writing into (or under) `out`."""
    return {
        "report": ["report", "--data", SON_LA, "--year", "2021", "--out", out],
        "plan": ["plan", "--data", SON_LA, "--year", "2022", "--targets", SAMPLES / "targets" / "son-la-2022.xlsx",
                 "--out", out],
        "batch": ["batch", "--data", SON_LA, "--year", "2021", "--out", out],
        "indicators-csv": ["indicators", "--data", SON_LA, "--year", "2021", "--out", out / "i.csv"],
        "indicators-xlsx": ["indicators", "--data", SON_LA, "--year", "2021", "--format", "xlsx",
                            "--out", out / "i.xlsx"],
        "validate": ["validate", SON_LA / "2021-01.xlsx", SON_LA / "2021-02.xlsx", "--annotate", out],
        "form": ["form", "--facility", "SL01", "--name", "Cơ sở X", "--province", "Sơn La", "--month", "01/2022",
                 "--out", out / "f.xlsx"],
        "form-province": ["form", "--level", "province", "--province", "Sơn La", "--period", "2019",
                          "--out", out / "p.xlsx"],
        "templates": ["templates", "export", out],
        "receive": ["receive", SON_LA / "2021-01.xlsx", "--store", store, "--out", out],
    }



def files_under(path):
    return sorted(str(p.relative_to(path)) for p in path.rglob("*"))


@pytest.mark.parametrize("where", ["under-a-file", "cannot-be-made"])
@pytest.mark.parametrize("name", list(commands(Path("o"), Path("k"))))
def test_an_output_folder_that_cannot_be_written_is_refused_first(tmp_path, name, where):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    out = blocker / "sub" if where == "under-a-file" else Path("/proc/x")
    if where == "cannot-be-made" and not os.path.isdir("/proc"):
        pytest.skip("no /proc")
    res = cli(*commands(out, tmp_path / "kho")[name])
    assert res.exit_code == 2, res.output
    assert f"Lỗi: Không ghi được vào thư mục kết quả {out}" in res.output, res.output
    if where == "under-a-file":
        assert f"{blocker} là một tệp, không phải thư mục" in res.output
    else:
        assert "thư mục không có và không tạo được ở đó (trong /proc)" in res.output
    assert "Hãy chọn" in res.output
    assert "không mong đợi" not in res.output and "Traceback" not in res.output and "Errno" not in res.output
    assert "mẫu văn bản" not in res.output
    if name == "validate":  # refused before the results: nothing printed but the message
        assert "2021-01.xlsx" not in res.output
    assert files_under(tmp_path) == ["file.txt"]  # nothing written, not even the store
    assert blocker.read_text() == "x"
    assert not os.path.exists("/proc/x")


@pytest.mark.parametrize("name", ["report", "validate", "templates"])
def test_the_refusal_in_english(tmp_path, name):
    res = cli(*commands(Path("/proc/x"), tmp_path / "kho")[name], "--lang", "en")
    assert res.exit_code == 2, res.output
    assert ("Error: Cannot write into the output folder /proc/x: the folder does not exist and cannot be made there "
            "(in /proc). Choose another output folder and run again.") in res.output, res.output
    assert "Không" not in res.output and "Lỗi" not in res.output and "Template" not in res.output


def test_a_late_refusal_while_annotating_names_the_folder(tmp_path, monkeypatch):
    import rehabstat.api as api

    def refused(result, out_dir):
        raise PermissionError(errno.EPERM, "Operation not permitted", str(out_dir / ".~rehabstat-1.xlsx"))
    monkeypatch.setattr(api, "annotate", refused, raising=False)
    out = tmp_path / "kiem-tra"
    res = cli("validate", SON_LA / "2021-01.xlsx", "--annotate", out)
    assert res.exit_code == 2, res.output
    assert (f"Lỗi: Không ghi được vào thư mục kết quả {out}: không được phép ghi. Hãy chọn thư mục kết quả khác "
            "(hoặc đóng tệp đang mở) rồi chạy lại.") in res.output
    assert "không mong đợi" not in res.output and "Operation not permitted" not in res.output
    res = cli("validate", SON_LA / "2021-01.xlsx", "--annotate", out, "--lang", "en")
    assert ("Error: Cannot write into the output folder " f"{out}: writing is not permitted. Choose another output "
            "folder (or close the open file) and run again.") in res.output, res.output


def test_a_full_disk_while_writing_a_report_is_an_output_error_not_a_template_error(tmp_path, monkeypatch):
    import rehabstat.documents.render as render

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(render, "render_docx", full)
    out = tmp_path / "bc"
    res = cli("report", "--data", SON_LA, "--year", "2021", "--out", out)
    assert res.exit_code == 2, res.output
    assert f"Lỗi: Không ghi được vào thư mục kết quả {out}: ổ đĩa đã đầy." in res.output, res.output
    assert "mẫu văn bản" not in res.output and "No space" not in res.output
    assert files_under(tmp_path) in ([], ["bc"])  # neither file, no temporary left
    res = cli("report", "--data", SON_LA, "--year", "2021", "--out", out, "--lang", "en")
    assert f"Error: Cannot write into the output folder {out}: the disk is full." in res.output, res.output


def test_any_other_os_refusal_is_said_not_crashed(capsys):
    """The last net: an OSError naming a file that no command translated (a writer deep in batch)."""
    import typer
    from rehabstat.cli import command
    from rehabstat.clilang import set_lang
    set_lang("vi")  # an earlier --lang en run leaves its choice behind

    @command
    def writes():
        raise IsADirectoryError(errno.EISDIR, "Is a directory", "/tmp/o/TongHop-2021.xlsx")
    with pytest.raises(typer.Exit) as stop:
        writes()
    assert stop.value.exit_code == 2
    said = " ".join(capsys.readouterr().err.split())
    assert ("Lỗi: Không đọc hoặc ghi được /tmp/o/TongHop-2021.xlsx: đã có một thư mục cùng tên. "
            "Hãy kiểm tra đường dẫn và quyền ghi rồi chạy lại.") in said, said
    assert "không mong đợi" not in said


def test_anything_else_is_our_bug_exit_3_not_wrong_usage(capsys, monkeypatch):
    """The last net, past the OS's refusals: an exception no command expected is rehabstat's own
    bug, exit 3 (exit 2 would say the user typed something wrong), said as the tool's error."""
    import typer
    from rehabstat import cli as cli_module
    from rehabstat.cli import command
    from rehabstat.clilang import set_lang
    set_lang("vi")
    monkeypatch.setitem(cli_module.STATE, "debug", False)

    @command
    def breaks():
        return 1 + None
    with pytest.raises(typer.Exit) as stop:
        breaks()
    assert stop.value.exit_code == 3
    said = " ".join(capsys.readouterr().err.split())
    assert ("Lỗi nội bộ của rehabstat (TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'): đây là "
            "lỗi của chương trình, không phải của tệp hay số liệu. Hãy chạy lại đúng lệnh này với --debug") in said, said
    assert "Traceback" not in said


def test_a_store_folder_that_cannot_be_made(tmp_path):
    res = cli("receive", SON_LA / "2021-01.xlsx", "--store", "/proc/x/kho")
    assert res.exit_code == 2, res.output
    assert "Không tạo được thư mục kho /proc/x/kho: thư mục không có và không tạo được ở đó." in res.output
    assert "No such file" not in res.output and "không mong đợi" not in res.output
    res = cli("receive", SON_LA / "2021-01.xlsx", "--store", "/proc/x/kho", "--lang", "en")
    assert ("Cannot create the store folder /proc/x/kho: the folder does not exist and cannot be made there."
            in res.output), res.output


@pytest.mark.parametrize("lang, said", [("vi", "Hãy chọn THƯ_MỤC khác."), ("en", "Choose another DIR.")])
def test_templates_export_names_its_folder_argument_not_an_option(tmp_path, lang, said):
    """`templates export DIR` takes its folder as an argument: a refusal names it as the usage
    line does, never as an --out option the command does not have."""
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    res = cli("templates", "export", blocker / "mau", "--lang", lang)
    assert res.exit_code == 2, res.output
    assert said in res.output and "--out" not in res.output, res.output
    assert blocker.read_text() == "x" and sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]
