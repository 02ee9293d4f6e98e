"""Messy equals clean; custom figures; targets samples; templates through the CLI."""
import json
import zipfile

import docx
import pytest

from conftest import SAMPLES, cli


def _figures(folder, period_args=("--year", "2021")):
    res = cli("indicators", "--data", folder, *period_args, "--format", "json")
    assert res.exit_code == 0, res.output
    return {(r["unit"], r["indicator"], r["category"]): r["value"] for r in json.loads(res.stdout)}


@pytest.mark.parametrize("scenario,index", [("son_la_2021", 4), ("son_la_2021", 11), ("ha_noi_2021_h1", 8)])
def test_messy_workbook_gives_same_figures_as_clean(tmp_path, scenario, index):
    from rehabstat.synth import scenarios
    from rehabstat.synth.writer import write_month
    book = getattr(scenarios, scenario)()[index]
    write_month(tmp_path / "clean" / "m.xlsx", book, style="clean")
    write_month(tmp_path / "messy" / "m.xlsx", book, style="messy")
    assert (tmp_path / "clean" / "m.xlsx").read_bytes() != (tmp_path / "messy" / "m.xlsx").read_bytes()
    period = ("--year", str(book.year), "--month", str(book.month))
    clean, messy = _figures(tmp_path / "clean", period), _figures(tmp_path / "messy", period)
    assert clean == messy
    assert clean[(book.unit, "CUOI_KY", "ALL")] == sum(r.closing for r in book.census.values())


def test_custom_solieu_code_is_kept_as_a_flow(tmp_path):
    import openpyxl
    src = SAMPLES / "son-la" / "2021-01.xlsx"
    for month, extra in (("01", 3), ("02", 4)):
        wb = openpyxl.load_workbook(SAMPLES / "son-la" / f"2021-{month}.xlsx")
        ws = next(s for s in wb.worksheets if "solieu" in s.title.lower().replace("_", "").replace(" ", ""))
        ws.append(["PHAT_THANH", "Buổi phát thanh", "buổi", extra])
        wb.save(tmp_path / f"2021-{month}.xlsx")
    assert src.exists()
    d = _figures(tmp_path, ("--from", "01/2021", "--to", "02/2021"))
    assert d[("SL01", "PHAT_THANH", "ALL")] == 7


def test_nam_dinh_targets_sample_has_seed_002_targets():
    from rehabstat.computing.targets import read_targets
    rows, issues = read_targets(SAMPLES / "targets" / "nam-dinh-2019.xlsx")
    assert issues == []
    got = {(r["unit"], r["code"]): r["plan"] for r in rows}
    assert got[("Nam Định", "TIEP_NHAN_BB")] == 90 and got[("Nam Định", "TIEP_NHAN_TN")] == 200
    assert got[("NDCS", "TIEP_NHAN_TN")] == 150 and got[("NDGT", "TIEP_NHAN_TN")] == 50
    assert got[("Nam Định", "DAY_NGHE")] == 60
    assert got[("NDGT", "DIEU_TRI_MET")] == 250 and got[("NDNT", "DIEU_TRI_MET")] == 50
    assert got[("Nam Định", "CAI_NGHIEN_GD_CD")] == 300  # 3.3, on the province workbook's figures
    assert got[("Nam Định", "TY_LE_XA_TUYEN_TRUYEN")] == 90 and got[("Nam Định", "TY_LE_TAP_HUAN")] == 100


def test_templates_export_edit_and_use(tmp_path):
    res = cli("templates", "export", tmp_path / "mau")
    assert res.exit_code == 0, res.output
    bc = tmp_path / "mau" / "bc.docx"
    d = docx.Document(bc)
    d.add_paragraph("Ghi chú của đơn vị: tổng tiếp nhận {{ n.TIEP_NHAN.HV }} học viên.")
    d.save(bc)
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--template", bc, "--out", tmp_path / "o")
    assert res.exit_code == 0, res.output
    text = "\n".join(p.text for p in docx.Document(tmp_path / "o" / "BC-SL01-2021.docx").paragraphs)
    assert "Ghi chú của đơn vị: tổng tiếp nhận 1.658 học viên." in text


@pytest.mark.parametrize("tag,expect", [
    ("{{ ''.__class__.__mro__ }}", "không được phép"),
    ("{{ n.KHONG_CO.HV }}", "KHONG_CO"),
    ("{{ so_lieu_la }}", "so_lieu_la"),
    ("{% if %}", "Mẫu"),
])
def test_hostile_or_broken_template_refused_with_exit_2(tmp_path, tag, expect):
    d = docx.Document()
    d.add_paragraph("Báo cáo " + tag)
    bad = tmp_path / "bad.docx"
    d.save(bad)
    out = tmp_path / "o"
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--template", bad, "--out", out)
    assert res.exit_code == 2, res.output
    assert expect in res.output and "Traceback" not in res.output
    assert not out.exists() or not list(out.glob("*.docx"))


def _exported_with(tmp_path, old, new, name="typo.docx"):
    """The shipped BC template, exported, with `old` made `new` in the one run that holds it
    (as a user edits it in Word), and the number of its paragraph (Document.paragraphs, from 1)."""
    if not (tmp_path / "tpl" / "bc.docx").exists():
        res = cli("templates", "export", tmp_path / "tpl")
        assert res.exit_code == 0, res.output
    d = docx.Document(tmp_path / "tpl" / "bc.docx")
    runs = [(i, r) for i, p in enumerate(d.paragraphs, 1) for r in p.runs if old in r.text]
    assert len(runs) == 1
    number, run = runs[0]
    run.text = run.text.replace(old, new)
    d.save(tmp_path / "tpl" / name)
    return tmp_path / "tpl" / name, number


def test_template_brace_typo_is_refused_not_a_lost_line(tmp_path):
    # docxtpl carried «{{ doc.subject }» to the next «}}» and dropped the paragraph: exit 0, no subject
    typo, number = _exported_with(tmp_path, "{{ doc.subject }}", "{{ doc.subject }")
    assert number == 8
    out = tmp_path / "o"
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--template", typo, "--out", out)
    assert res.exit_code == 2, res.output
    assert ("Mẫu văn bản có thẻ không đóng ở đoạn văn thứ 8: «{{ doc.subject }» mở bằng «{{» nhưng thiếu «}}»"
            in res.output)
    assert not out.exists() or not list(out.glob("*.docx"))
    res = cli("--lang", "en", "report", "--data", SAMPLES / "son-la", "--year", "2021", "--template", typo,
              "--out", out)
    assert res.exit_code == 2
    assert "The template has a tag that is not closed in paragraph 8: «{{ doc.subject }»" in res.output
    # the template as exported still writes the subject
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--template", tmp_path / "tpl" / "bc.docx",
              "--out", out)
    assert res.exit_code == 0, res.output
    body = [p.text for p in docx.Document(out / "BC-SL01-2021.docx").paragraphs]
    assert "Kết quả công tác cai nghiện ma túy năm 2021" in body


@pytest.mark.parametrize("old, new, said", [
    ("{{ n.KHAM_BENH.ALL }}", "{{ n.KHAM_BENH.ALL }",
     "Mẫu văn bản có thẻ không đóng ở đoạn văn thứ {n}: «{{{{ n.KHAM_BENH.ALL }} lượt» mở bằng «{{{{» nhưng thiếu «}}}}»"),
    ("{{ n.KHAM_BENH.ALL }}", "{{ n.KHAM_BENH.ALL ) }}",
     "Mẫu văn bản có lỗi cú pháp trong thẻ {{{{ }}}} hoặc {{% %}} ở đoạn văn thứ {n}: hãy xem lại các thẻ"),
    ("{{ n.KHAM_BENH.ALL }}", "{{ n.KHAM_BENH.ALL | upperr }}",
     "Mẫu văn bản dùng bộ lọc không có: «| upperr» ở đoạn văn thứ {n} (có phải: upper?)"),
    ("{% if v.KHAM_BENH.ALL %}", "{% iff v.KHAM_BENH.ALL %}",
     "Mẫu văn bản dùng thẻ lệnh không có: «{{% iff %}}» ở đoạn văn thứ {n}."),
    ("{% if v.KHAM_BENH.ALL %}", "{% if v.KHAM_BENH.ALL %}{% if has.medical %}",
     "Mẫu văn bản có khối «{{% if … %}}» mở ở đoạn văn thứ {n} nhưng không đóng: thiếu «{{% endif %}}» ở sau"),
    ("{% if v.KHAM_BENH.ALL %}", "",
     "Mẫu văn bản có «{{% endif %}}» ở đoạn văn thứ {n} nhưng không có khối nào mở trước đó mà nó đóng"),
])
def test_template_error_names_the_paragraph_of_the_typo(tmp_path, old, new, said):
    # the paragraph "Số lượng học viên được thăm khám…", 64th of the body: an error once named
    # paragraph 34 and quoted paragraph 54, and gave jinja's English words
    typo, number = _exported_with(tmp_path, old, new)
    text = next(p.text for p in docx.Document(typo).paragraphs if "được thăm khám" in p.text)
    assert docx.Document(typo).paragraphs[number - 1].text == text
    out = tmp_path / "o"
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--template", typo, "--out", out)
    assert res.exit_code == 2, res.output
    message = " ".join(res.output.split())
    assert said.format(n=number) in message
    assert f"Đoạn văn: «{text[:60]}" in message
    assert "unexpected" not in message.split("Chi tiết kỹ thuật")[0]
    assert "Tạm đình chỉ" not in message
    assert not out.exists() or not list(out.glob("*.docx"))


def test_template_that_is_not_a_docx_is_refused(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document", encoding="utf-8")
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--template", bad, "--out", tmp_path / "o")
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_templates_vars_lists_documented_variables():
    res = cli("templates", "vars")
    assert res.exit_code == 0
    for name in ("doc.number_line", "n.DAU_KY.HV", "parts.DAU_KY", "money.DOANH_THU", "period.label"):
        assert name in res.output, name


def test_report_outputs_contain_no_learner_ids(tmp_path):
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path)
    assert res.exit_code == 0
    for path in tmp_path.iterdir():
        with zipfile.ZipFile(path) as zf:
            blob = b"".join(zf.read(n) for n in zf.namelist())
        assert b"SL-2019-" not in blob and b"SL-2021-" not in blob and "Học viên 0".encode() not in blob


def test_number_and_date_in_the_header(tmp_path):
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path, "--number", "5",
              "--date", "10/01/2022")
    assert res.exit_code == 0, res.output
    header = [c.text for r in docx.Document(tmp_path / "BC-SL01-2021.docx").tables[0].rows for c in r.cells]
    assert "Số: 05/BC-CSĐTNTMT" in header and "Sơn La, ngày 10 tháng 01 năm 2022" in header
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path)
    header = [c.text for r in docx.Document(tmp_path / "BC-SL01-2021.docx").tables[0].rows for c in r.cells]
    import re
    assert "Số:      /BC-CSĐTNTMT" in header  # unnumbered: the clerk's office numbers it
    assert any(re.fullmatch(r"Sơn La, ngày {5}tháng {5}năm \d{4}", h) for h in header)  # dated at signing
    res = cli("report", "--data", SAMPLES / "son-la", "--year", "2021", "--out", tmp_path, "--date", "31/02/2022")
    assert res.exit_code == 2 and "--date" in res.output
