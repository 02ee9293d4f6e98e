"""Every line the command line prints is Vietnamese by default and English with --lang en,
the framework's own words (usage, help labels, parsing errors) included."""
from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import SAMPLES, cli

# Words the command-line framework (Typer/Click) prints on its own, in English.
FRAMEWORK_EN = re.compile(
    r"Usage|Options|Commands|Arguments|Show this message|\bdefault\b|\brequired\b|Missing|No such|"
    r"\bError\b|\bTry\b|OPTIONS|COMMAND|ARGS|<bool>|<str>|<int>|<path>|list\[|Possible|Invalid value|"
    r"Did you mean|Aborted"
)


def vietnamese_letters(text: str) -> list[str]:
    """Letters only Vietnamese uses (ă â đ ê ô ơ ư and tone marks)."""
    found = []
    for ch in text:
        if ch in "đĐ" or (ch.isalpha() and unicodedata.decomposition(ch) and ord(ch) > 127):
            found.append(ch)
    return found


def run(*args):
    res = cli(*args)
    return res.exit_code, res.output


@pytest.mark.parametrize("args", [
    ("report", "--bogus"),
    ("plan", "--data", "samples", "--year", "2022"),
    ("--help",),
    ("report", "--help"),
    ("validate",),
    ("report", "--year", "abc", "--data", "samples"),
    ("nosuchcommand",),
])
def test_vietnamese_mode_has_no_framework_english(args):
    code, out = run(*args)
    assert code in (0, 2), out
    assert not FRAMEWORK_EN.search(out), (FRAMEWORK_EN.search(out), out)
    assert vietnamese_letters(out), out


@pytest.mark.parametrize("args", [
    ("report", "--bogus"),
    ("plan", "--data", "samples", "--year", "2022"),
    ("--help",),
    ("report", "--help"),
    ("batch", "--help"),
    ("validate",),
    ("report", "--data", "no-such-folder", "--year", "2021"),
    ("report", "--data", "samples/son-la", "--year", "2021", "--month", "13"),
])
def test_english_mode_has_no_vietnamese(args):
    code, out = run(*args, "--lang", "en")
    assert not vietnamese_letters(out), (vietnamese_letters(out), out)


def test_messages_say_what_happened():
    code, out = run("report", "--bogus")
    assert code == 2
    assert "Cách dùng: rehabstat report [TÙY CHỌN]" in out
    assert "Không có tùy chọn --bogus" in out
    code, out = run("plan", "--data", "samples", "--year", "2022")
    assert code == 2 and "Thiếu tùy chọn --targets" in out
    code, out = run("plan", "--data", "samples", "--year", "2022", "--lang", "en")
    assert code == 2 and "Missing option --targets" in out and "Usage: rehabstat plan [OPTIONS]" in out
    code, out = run("report", "--data", "no-such-folder", "--year", "2021", "--lang", "en")
    assert code == 2 and "Error: Data folder or file not found: no-such-folder" in out


def test_a_near_command_a_valueless_lang_and_a_short_year_are_said_as_they_are():
    code, en = run("template", "--lang", "en")
    code_vi, vi = run("template")
    assert code == code_vi == 2 and "Không có lệnh 'template'." in vi
    # the command line's framework suggests the near command (newer versions do): said in Vietnamese too
    if "Did you mean 'templates'?" in en:
        assert "Không có lệnh 'template'. Có phải là 'templates'?" in vi
    code, out = run("report", "--data", str(SAMPLES / "son-la"), "--year", "2021", "--lang")
    assert code == 2 and "Tùy chọn --lang cần một giá trị." in out and "Không có tùy chọn" not in out
    code, out = run("report", "--data", str(SAMPLES / "son-la"), "--year", "21")
    assert code == 2 and "--year 21 không hợp lệ: hãy ghi năm đủ bốn chữ số, ví dụ --year 2021." in out
    code, out = run("report", "--data", str(SAMPLES / "son-la"), "--year", "1800", "--lang", "en")
    assert code == 2 and "--year 1800 is not valid: write the year in four digits, e.g. --year 2021." in out


def test_flags_show_no_type_and_defaults_are_translated():
    _, out = run("report", "--help")
    line = next(x for x in out.splitlines() if "--force" in x)
    assert "bool" not in line and "<" not in line
    assert "[mặc định: out]" in out
    _, out = run("form", "--help")
    assert "[bắt buộc]" in out  # --data is no longer required in report (--store may replace it)
    _, out = run("plan", "--help", "--lang", "en")
    assert "[default: out]" in out and "[required]" in out


def test_global_options_anywhere(tmp_path):
    # --debug after the subcommand used to be "No such option"
    code, out = run("rules", "I001", "--debug")
    assert code == 0, out
    code, out = run("rules", "--lang", "en", "I001")
    assert code == 0 and "Closing = opening" in out
    code, out = run("--lang", "en", "rules", "I001")
    assert code == 0 and "Closing = opening" in out
    code, out = run("rules", "I001", "--lang=en")
    assert code == 0 and "Closing = opening" in out
    code, out = run("rules", "I001", "--lang", "fr")
    assert code == 2 and "--lang phải là vi hoặc en" in out


def test_rules_explained_in_the_chosen_language():
    from rehabstat.common.rules import RULES, explanation
    _, out = run("rules", "I001")
    assert "Cuối kỳ = đầu kỳ + tiếp nhận" in out and "Closing" not in out
    for code in RULES:
        assert vietnamese_letters(explanation(code, "vi")), code
        assert explanation(code, "en") == RULES[code].explanation_en != explanation(code, "vi")


def _tree():
    """(command, its name) of every command of the app, the app itself included."""
    import typer.main
    from rehabstat.cli import app
    found = []

    def walk(cmd):
        found.append(cmd)
        for sub in (getattr(cmd, "commands", None) or {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return found


# help texts that quote what a user types in Vietnamese ("Quý II/2020"), in English too
QUOTES_VIETNAMESE_INPUT = {"help.form.period"}


def test_every_help_text_is_a_catalogue_key_in_both_languages():
    from rehabstat.common.catalogue import WORDS
    keys = []
    for cmd in _tree():
        keys += [cmd.help] + [p.help for p in cmd.params if p.help]
    assert len(keys) > 90 and None not in keys
    missing = [k for k in keys if k not in WORDS]
    assert not missing, missing
    for key in keys:
        vi, en = WORDS[key]
        assert key.startswith("help.") and vi.strip() and en.strip(), key
        if vi != en:  # a text of option values only ("csv | json | xlsx") is the same in both
            assert vietnamese_letters(vi), key
        if key not in QUOTES_VIETNAMESE_INPUT:  # an example's quoted values ("Sơn La") are the user's words
            assert not vietnamese_letters(re.sub(r'"[^"]*"', "", en)), (key, en)
    assert WORDS["help.report.number"][0] != WORDS["help.plan.number"][0]


def test_every_metavar_is_a_catalogue_key_in_both_languages():
    from rehabstat import clilang
    from rehabstat.common.catalogue import WORDS
    names = [*clilang.METAVARS.values(), *clilang.COMMAND_METAVARS.values(), *clilang.ARG_METAVARS.values()]
    for name in names:
        vi, en = WORDS[f"metavar.{name}"]
        assert not vietnamese_letters(en), name
    assert WORDS["metavar.dir"] == ("THƯ_MỤC", "DIR")
    # every option and argument of the tree has its metavar in the catalogue (typer would show an
    # English word: a Python type, the parameter's name), shown in Vietnamese
    from rehabstat.common.language import LANG
    assert LANG["value"] == "vi"
    for cmd in _tree():
        for p in cmd.params:
            if clilang._is_flag(p):
                continue
            if p.param_type_name == "option":
                name = next(o for o in p.opts if o.startswith("--"))
                assert (cmd.name, name) in clilang.COMMAND_METAVARS or name in clilang.METAVARS, (cmd.name, name)
            else:
                assert p.name in clilang.ARG_METAVARS, (cmd.name, p.name)
            shown = clilang.metavar(cmd, p).replace("MM/YYYY", "")  # a date's form reads the same in both
            assert not re.search(r"PATH|FILE|DIR|TEXT|INTEGER|[A-Z]{4}|<|\[|\{", shown), (cmd.name, p.name, shown)


# tables of the runtime messages that still turn Vietnamese into English; none of the help side
RUNTIME_MESSAGE_TABLES = {"_DETAILS_EN", "_STORE_EN", "OS_REASONS_EN", "_OUTPUT_EN", "_SECTOR_EN", "MESSAGES_EN",
                          "WORDS_EN", "STORE_HEADERS_EN", "STORE_CELLS_EN", "_COMPILED"}


def test_no_help_text_is_translated_from_vietnamese():
    from rehabstat import clilang
    keyed_by_vietnamese = set()
    for name, value in vars(clilang).items():
        if isinstance(value, dict) and any(vietnamese_letters(str(k)) for k in value):
            keyed_by_vietnamese.add(name)
        elif isinstance(value, (list, tuple)) and any(
                isinstance(x, tuple) and x and vietnamese_letters(str(x[0])) for x in value):
            keyed_by_vietnamese.add(name)
    assert keyed_by_vietnamese <= RUNTIME_MESSAGE_TABLES, keyed_by_vietnamese - RUNTIME_MESSAGE_TABLES
    assert not hasattr(clilang, "HELP_EN") and not hasattr(clilang, "help_text")


def test_help_shows_vietnamese_metavars_and_english_ones_with_lang_en():
    _, out = run("receive", "--help")
    assert "rehabstat receive [TÙY CHỌN] {TỆP}..." in out and "FILE" not in out
    _, out = run("validate", "--help")
    assert "[ĐƯỜNG_DẪN]..." in out and "thay cho ĐƯỜNG_DẪN." in out and "PATH" not in out
    _, out = run("users", "add", "--help")
    assert "{TÊN}" in out and "{name}" not in out
    _, out = run("receive", "--help", "--lang", "en")
    assert "rehabstat receive [OPTIONS] {FILE}..." in out and "Monthly workbooks sent by facilities" in out
    code, out = run("receive", "--store", "kho")
    assert code == 2 and "Thiếu tham số TỆP (bắt buộc)." in out
    code, out = run("receive", "--store", "kho", "--lang", "en")
    assert code == 2 and "Missing argument FILE." in out


def test_plan_number_help_names_a_plan():
    _, out = run("plan", "--help")
    assert "20/KH-" in out and "20/BC-" not in out
    _, out = run("report", "--help")
    assert "20/BC-" in out


def test_our_messages_come_from_the_catalogue_in_either_language():
    from rehabstat.common.catalogue import text
    from rehabstat.common.errors import PeriodError, UsageError
    assert text("source.not_found", "en", path="x") == "Data folder or file not found: x"
    assert text("source.not_found", "vi", path="x") == "Không tìm thấy thư mục hoặc tệp dữ liệu: x"
    assert text("run.written", "en", path="out/BC-SL01-2021.docx") == "Written: out/BC-SL01-2021.docx"
    exc = PeriodError.said("period.none")  # an error keeps its key: shown in whichever language reads it
    assert exc.text("en") == ("Choose a reporting period: --year 2021 (optionally with --month, --quarter, --half) "
                              "or --from/--to.")
    assert exc.text("vi") == "Cần chọn kỳ báo cáo: --year 2021 (có thể kèm --month, --quarter, --half) hoặc --from/--to."
    assert str(UsageError.said("run.jobs")) == "--jobs phải là số nguyên từ 1 trở lên."  # the chosen language: vi


def _command_paths():
    import typer.main
    from rehabstat.cli import app
    paths = [[]]

    def walk(cmd, prefix):
        for name, sub in (getattr(cmd, "commands", None) or {}).items():
            paths.append(prefix + [name])
            walk(sub, prefix + [name])

    walk(typer.main.get_command(app), [])
    return paths


# English words typer or a table of ours would put in a help screen: a metavar, a type, a label
ENGLISH_IN_HELP = re.compile(r"(?<!-)\b(PATH|FILE|DIR|TEXT|INTEGER|NAME|name|PERIOD|COMPARE|LIMIT|HOST|PORT|CERT|KEY|ROLE|"
                             r"CODE|YEAR|MONTH|Usage|Options|Arguments|Commands|default|required)\b")


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "rehabstat")
def test_every_help_screen_is_in_one_language(path):
    code, vi = run(*path, "--help")
    assert code == 0 and vi.count("╭─") >= 1, vi
    assert not ENGLISH_IN_HELP.search(vi), (ENGLISH_IN_HELP.search(vi), vi)
    code, en = run(*path, "--help", "--lang", "en")
    assert code == 0 and ("Usage: rehabstat" in en) and "Cách dùng" not in en, en
    quoted = re.sub(r'"[^"]*"', "", en)  # an example's values ("Sơn La") are the user's words
    if path != ["form"]:  # --period's help quotes the forms' own words: Quý II/2020, 6 tháng đầu năm 2020
        assert not vietnamese_letters(quoted), (vietnamese_letters(quoted), en)


def test_figures_only_some_facilities_reported_are_said_in_the_summarys_language():
    import pandas as pd
    from rehabstat.checking.gate import Facility
    from rehabstat.commands.batch import partial_figures, said_partial
    from rehabstat.documents.annex import partial_counts
    table = pd.DataFrame([("A", "CUOI_KY", "ALL", 10), ("A", "KHAM_BENH", "ALL", 40), ("A", "CO_MAT", "HV", 9),
                          ("B", "CUOI_KY", "ALL", 5), ("B", "DOANH_THU", "ALL", 7)],
                         columns=["unit", "indicator", "category", "value"])
    facs = [Facility("A", "Cơ sở A", "P"), Facility("B", "Cơ sở B", "P"), Facility("C", "Cơ sở C", "P")]
    counts = partial_counts(facs, table)
    assert (sorted(counts[0]), counts[1]) == ([("CO_MAT", 1), ("DOANH_THU", 1), ("KHAM_BENH", 1)], 2)
    [en] = said_partial(*counts, "en")
    assert en.startswith("Some figures cover only part of the facilities: ")
    assert "DOANH_THU (1/2 facilities)" in en and "KHAM_BENH (1/2 facilities)" in en
    assert "present (1/2 facilities)" in en and not vietnamese_letters(en)
    # the console's Vietnamese line is the BC's sentence, word for word
    assert said_partial(*counts, "vi") == partial_figures(facs, table)
    assert "có mặt (1/2 cơ sở)" in partial_figures(facs, table)[0]
    full = table[table["unit"] == "A"]
    assert said_partial(*partial_counts(facs, full), "en") == [] == partial_figures(facs, full)


def _table_columns(output: str) -> tuple[list[str], list[list[str]]]:
    """A rich table printed by the CLI: its header cells and, per printed line, its cells."""
    header = next(line for line in output.splitlines() if "┃" in line and line.strip("┃ "))
    rows = [line.split("│")[1:-1] for line in output.splitlines() if "│" in line]
    return [c.strip() for c in header.split("┃")[1:-1]], rows


def test_template_variables_are_explained_in_the_chosen_language():
    from rehabstat.documents.render import _VARIABLES, template_variables  # noqa: PLC2701 - the documented names
    assert all(vi and en and vi != en for _name, vi, en in _VARIABLES)
    assert not [name for name, _vi, en in _VARIABLES if vietnamese_letters(en)]
    english, vietnamese = template_variables("en"), template_variables("vi")
    assert [r[0] for r in english] == [r[0] for r in vietnamese] and len(english) > 150
    assert not [r for r in english if not r[1] or vietnamese_letters(r[1])]  # indicators' rows too
    by_name = {name: (meaning, example) for name, meaning, example in english}
    assert by_name["doc.subject"] == ("Subject line (under the kind of document)",
                                      "Kết quả công tác cai nghiện ma túy năm 2021")
    assert by_name["n.DAU_KY.HV"] == ("Carried over from the previous period (opening)", "1.659")
    assert by_name["table.rows"][1].startswith("12 rows; row 1: {label: Lũy kế năm 2020 chuyển sang, bold: true, ")
    vi = {name: (meaning, example) for name, meaning, example in vietnamese}
    assert vi["doc.subject"][0] == "Trích yếu nội dung (dưới tên loại văn bản)"
    assert vi["n.DAU_KY.HV"][0] == "Lũy kế kỳ trước chuyển sang (đầu kỳ)"
    assert vi["table.rows"][1].startswith("12 dòng; dòng 1: {label: Lũy kế năm 2020 chuyển sang, bold: true, ")

    code, out = run("--lang", "en", "templates", "vars")
    assert code == 0
    header, rows = _table_columns(out)
    assert header == ["Variable", "Meaning", "Example (document text)"]
    assert len(rows) > 150 and all(len(r) == 3 for r in rows)
    assert not [r for r in rows if vietnamese_letters(r[0] + r[1])]
    assert any(vietnamese_letters(r[2]) for r in rows)  # the examples are the document's Vietnamese text
    code, out = run("templates", "vars")
    header, rows = _table_columns(out)
    assert code == 0 and header == ["Biến", "Ý nghĩa", "Ví dụ"]
    assert any("Trích yếu nội dung" in r[1] for r in rows)


def test_batch_summary_says_partial_figures_in_the_chosen_language(tmp_path):
    import shutil
    import openpyxl
    data = tmp_path / "ha-noi"
    shutil.copytree(SAMPLES / "ha-noi", data)
    for month in ("04", "05", "06"):  # one facility leaves a SoLieu figure blank all quarter
        path = data / "HN01" / f"2021-{month}.xlsx"
        wb = openpyxl.load_workbook(path)
        ws = wb["SoLieu"]
        row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "GIAO_DUC_BUOI")
        row[3].value = None
        wb.save(path)
    code, out = run("--lang", "en", "batch", "--data", data, "--year", "2021", "--quarter", "2",
                    "--out", tmp_path / "en")
    line = next(x for x in out.splitlines() if "only part of the facilities" in x)
    assert "Hà Nội: Some figures cover only part of the facilities: GIAO_DUC_BUOI (6/7 facilities)" in line
    assert not vietnamese_letters(line.replace("Hà Nội", ""))
    code, out = run("batch", "--data", data, "--year", "2021", "--quarter", "2", "--out", tmp_path / "vi")
    assert "Hà Nội: Một số số liệu chỉ gồm báo cáo của một phần các cơ sở: buổi giáo dục, tuyên truyền (6/7 cơ sở)." \
        in out


def test_a_province_workbook_straddling_the_range_names_the_range_in_the_readers_language(tmp_path):
    args = ("report", "--data", str(SAMPLES), "--province", "Cao Bằng", "--year", "2019", "--half", "1", "--force")
    code, out = run(*args, "--out", str(tmp_path / "vi"))
    assert "Sổ cấp tỉnh Cao Bằng kỳ 2019 chỉ nằm một phần trong kỳ báo cáo (6 tháng đầu năm 2019)" in out
    code, out = run(*args, "--out", str(tmp_path / "en"), "--lang", "en")
    assert "The province workbook of Cao Bằng for 2019 lies only partly inside the report's range (2019-H1)" in out
    assert "tháng" not in out
