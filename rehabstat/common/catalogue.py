"""The tool's own words, in one place: key -> (Vietnamese, English).

The command line's help texts are kept beside it, in catalogue_help.py, and merged into WORDS.

`text(key, **values)` gives the words in the chosen language (the CLI's --lang; a caller
that writes for someone else passes `lang`), with the values filled in. A key that is not
here is our bug, never shown as a guess: KeyError.
"""
from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- severities
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    "severity.ignored": ("bỏ qua", "ignored"),
    # ---------------------------------------------------------------- inside issue messages
    "mask.learner_id": ("[mã học viên]", "[learner id]"),
    "note.gap_month": (" Tháng {months} của cơ sở không được tính (thiếu sổ, sổ trùng hoặc có lỗi): biến động đó có "
                       "thể nằm ở tháng này; cảnh báo có thể hết khi sửa xong.",
                       " Month {months} of this facility does not count (missing, sent twice or with errors): the "
                       "event may be there; the warning may go once it is fixed."),
    "note.gap_months": (" Các tháng {months} của cơ sở không được tính (thiếu sổ, sổ trùng hoặc có lỗi): biến động đó "
                        "có thể nằm ở các tháng này; cảnh báo có thể hết khi sửa xong.",
                        " Months {months} of this facility do not count (missing, sent twice or with errors): the "
                        "event may be there; the warning may go once they are fixed."),
    "note.no_census_row": (" Trang SiSo không có dòng diện {category} nên đầu kỳ, cuối kỳ được tính là 0; "
                           "hãy thêm dòng này.", " SiSo has no row for {category}: its opening and closing count as 0."),
    "detail.not_spreadsheet": ("nội dung không phải sổ tính", "the content is not a spreadsheet"),
    "detail.empty": ("tệp rỗng", "empty file"),
    "detail.archive_no_sheet": ("tệp nén không chứa sổ tính", "the archive holds no spreadsheet"),
    "detail.archive_broken": ("tệp nén bị hỏng hoặc bị cắt cụt", "the archive is damaged or truncated"),
    "detail.cannot_unpack": ("không giải nén được nội dung tệp", "the content cannot be unpacked"),
    "detail.memory": ("cần quá nhiều bộ nhớ", "needs too much memory"),
    "detail.too_big": ("tệp {size} MB, vượt giới hạn {limit} MB", "file of {size} MB, over the limit of {limit} MB"),
    "detail.no_suffix": ("(không có)", "(none)"),
    "hint.month": ("Hãy ghi tháng báo cáo dạng 01/2021.", "Write the reporting month as 01/2021."),
    "hint.province_period": ("Sổ cấp tỉnh ghi kỳ dạng 06/2020, Quý II/2020, 6 tháng đầu năm 2020 hoặc 2019.",
                             "A province workbook writes its period as 06/2020, Quý II/2020, 6 tháng đầu năm 2020 "
                             "or 2019."),
    "detail.parts": ("{count} phần trong tệp nén", "{count} parts in the archive"),
    "detail.part_expands": ("phần '{name}' giãn nở {ratio} lần (zip bomb)", "part '{name}' expands {ratio} times (zip bomb)"),
    "detail.unpacks_to": ("giải nén ra {size} MB, vượt giới hạn (zip bomb)", "unpacks to {size} MB, over the limit (zip bomb)"),
    "detail.entity": ("phần '{name}' khai báo DOCTYPE/ENTITY (XML entity bomb)",
                      "part '{name}' declares DOCTYPE/ENTITY (XML entity bomb)"),
    "detail.reader_memory": ("trình đọc sổ tính cần quá nhiều bộ nhớ", "the spreadsheet reader needs too much memory"),
    "detail.reader_stopped": ("trình đọc sổ tính bị dừng đột ngột ({signal})", "the spreadsheet reader stopped abruptly ({signal})"),
    "detail.time": ("đọc quá {seconds} giây", "reading took over {seconds} seconds"),
    "detail.rows": ("trang '{sheet}' có hơn {rows} dòng", "sheet '{sheet}' has over {rows} rows"),
    "detail.sheet_size": ("trang '{sheet}' có {rows} dòng × {columns} cột", "sheet '{sheet}' has {rows} rows × {columns} columns"),
    "detail.part_too_big": ("phần '{name}' quá lớn", "part '{name}' is too big"),
    "detail.xml_unreadable": ("phần XML không đọc được", "an XML part cannot be read"),
    "detail.gap": ("{rows} dòng hoặc {columns} cột", "{rows} rows or {columns} columns"),
    "detail.damaged": ("nội dung không đúng cấu trúc sổ tính", "its content does not follow the workbook format"),
    "detail.damaged_debug": ("nội dung không đúng cấu trúc sổ tính; {errors}",
                             "its content does not follow the workbook format; {errors}"),
    "sheet.macro": ("trang macro Excel 4.0", "an Excel 4.0 macro sheet"),
    "sheet.dialog": ("trang hộp thoại", "a dialog sheet"),
    "detail.cells": ("sổ có hơn {cells} ô có giá trị", "the workbook has over {cells} cells with a value"),
    # ---------------------------------------------------------------- our own bug (exit 3)
    "internal.error": ("Lỗi nội bộ của rehabstat ({what}): đây là lỗi của chương trình, không phải của tệp hay số "
                       "liệu. Hãy chạy lại đúng lệnh này với --debug và gửi toàn bộ nội dung hiện ra cho người "
                       "phát triển rehabstat.",
                       "Internal error of rehabstat ({what}): this is the program's fault, not the files' or the "
                       "data's. Run the same command again with --debug and send everything it prints to "
                       "rehabstat's developers."),
    "internal.error_reading": ("Lỗi nội bộ của rehabstat khi đọc {file} ({what}): đây là lỗi của chương trình, "
                               "không phải của tệp. Hãy chạy lại đúng lệnh này với --debug và gửi toàn bộ nội dung "
                               "hiện ra cho người phát triển rehabstat.",
                               "Internal error of rehabstat while reading {file} ({what}): this is the program's "
                               "fault, not the file's. Run the same command again with --debug and send everything "
                               "it prints to rehabstat's developers."),
    "internal.worker_trace": ("Trong tiến trình đọc sổ:", "In the reading worker process:"),
    # ---------------------------------------------------------------- rehabstat rules
    "rules.head.code": ("Mã", "Code"),
    "rules.head.name": ("Tên", "Name"),
    "rules.head.severity": ("Mức", "Severity"),
    "rules.head.message": ("Thông báo", "Message"),
    "rules.configured": ("theo {path}", "set by {path}"),
    "rules.default": ("mặc định: {severity}", "default: {severity}"),
    "rules.drops_row": ("Sau lỗi này dòng bị loại khỏi số liệu; không thể bỏ qua hay hạ mức trong rehabstat.toml.",
                        "After this error the row is left out of the figures; rehabstat.toml cannot ignore it or "
                        "make it a warning."),
    "rules.drops_file": ("Sau lỗi này sổ không được đọc; không thể bỏ qua hay hạ mức trong rehabstat.toml.",
                         "After this error the workbook is not read; rehabstat.toml cannot ignore it or make it a "
                         "warning."),
    "rules.adjust": ("Có thể bỏ qua hoặc đổi mức trong rehabstat.toml: [checks] ignore = [\"{code}\"] hoặc "
                     "severity = {{{code} = \"{other}\"}}.",
                     "rehabstat.toml may ignore it or change its severity: [checks] ignore = [\"{code}\"] or "
                     "severity = {{{code} = \"{other}\"}}."),
    "rules.unknown": ("Không có quy tắc {code}. Xem danh sách: rehabstat rules",
                      "There is no rule {code}. See the list: rehabstat rules"),
    # ---------------------------------------------------------------- rehabstat.toml [checks]
    "config.checks.keys": ("{path}: mục [checks] chỉ có các khóa ignore (danh sách mã quy tắc) và severity "
                           "(mã = \"error\" hoặc \"warning\").",
                           "{path}: [checks] has only the keys ignore (a list of rule codes) and severity "
                           "(code = \"error\" or \"warning\")."),
    "config.checks.ignore": ("{path}: khóa 'checks.ignore' phải là danh sách mã quy tắc, ví dụ [\"O001\"].",
                             "{path}: key 'checks.ignore' must be a list of rule codes, e.g. [\"O001\"]."),
    "config.checks.severity": ("{path}: khóa 'checks.severity' phải là bảng mã = \"error\" hoặc \"warning\", "
                               "ví dụ {{X002 = \"error\"}}.",
                               "{path}: key 'checks.severity' must be a table of code = \"error\" or \"warning\", "
                               "e.g. {{X002 = \"error\"}}."),
    "config.checks.level": ("{path}: khóa 'checks.{key}' phải là \"error\" hoặc \"warning\".",
                            "{path}: key 'checks.{key}' must be \"error\" or \"warning\"."),
    "config.checks.unknown": ("{path}: [checks] không có quy tắc '{code}'. Xem danh sách: rehabstat rules",
                              "{path}: [checks] names no rule '{code}'. See the list: rehabstat rules"),
    "config.checks.fixed": ("{path}: [checks] không thể bỏ qua hay hạ mức quy tắc {code}: sau lỗi này dòng hoặc sổ "
                            "bị loại khỏi số liệu, bỏ qua nó sẽ làm mất số liệu mà không báo.",
                            "{path}: [checks] cannot ignore rule {code} or make it a warning: after this error the "
                            "row or the workbook is left out of the figures, and ignoring it would lose them "
                            "without a word."),
    "config.checks.both": ("{path}: [checks] quy tắc {code} vừa ở ignore vừa ở severity.",
                           "{path}: [checks] rule {code} is both in ignore and in severity."),
    # ---------------------------------------------------------------- history --province (i21b)
    "province_history.not_a_province": ("'{name}' không phải tên tỉnh/thành phố nào; có phải: {near}?",
                                        "'{name}' is not the name of any province or city; did you mean: {near}?"),
    "province_history.not_a_province_none": ("'{name}' không phải tên tỉnh/thành phố nào.",
                                             "'{name}' is not the name of any province or city."),
    "province_history.none": ("Kho không có sổ cấp tỉnh nào của {name}. Các tỉnh có sổ cấp tỉnh trong kho: {held}.",
                              "The store holds no province workbook of {name}. Provinces with province workbooks in "
                              "the store: {held}."),
    "province_history.held_none": ("(chưa có)", "(none yet)"),
    "province_history.title": ("Tỉnh {province}: {count} sổ cấp tỉnh đã nộp",
                               "Province {province}: {count} province workbooks sent"),
    "province_history.head": ("Kỳ|Bản|Trạng thái|Nhận lúc|Người nhận|Tệp gốc|Lỗi|Cảnh báo|sha256",
                              "Period|Version|Status|Received|Received by|Original file|Errors|Warnings|sha256"),
    "province_history.accepted": ("đã nhận", "accepted"),
    "province_history.locked": ("đã nhận, đã duyệt", "accepted, approved"),
    "province_history.rejected": ("bị từ chối", "rejected"),
    "province_history.refused": ("  Biên nhận số {receipt} (kỳ {period}, {name}) bị từ chối: {reason}",
                                 "  Receipt {receipt} (period {period}, {name}) was rejected: {reason}"),
    "province_history.approve": ("  Kỳ {period}: duyệt phiên bản {version}, khóa ({at}, {who})",
                                 "  Period {period}: approved version {version}, locked ({at}, {who})"),
    "province_history.unlock": ("  Kỳ {period}: mở khóa – lý do: {reason} ({at}, {who})",
                                "  Period {period}: unlocked – reason: {reason} ({at}, {who})"),
    "province_history.version": ("phiên bản {version}", "version {version}"),
    "province_history.refused_copy": ("bản bị từ chối (biên nhận số {receipt})",
                                      "the rejected copy (receipt {receipt})"),
    "province_history.same": ("Kỳ {period}: {before} → {after}: không có số liệu nào thay đổi.",
                              "Period {period}: {before} → {after}: no figure changed."),
    "province_history.changed": ("Kỳ {period}: {before} → {after}: {count} số liệu thay đổi",
                                 "Period {period}: {before} → {after}: figures changed: {count}"),
    "province_history.changes_head": ("Mã|Diện, nguồn|Trước|Sau", "Code|Category, source|Before|After"),
    "history.one_of": ("Chọn một: --facility MÃ hoặc --province TÊN.", "Choose one: --facility CODE or --province NAME."),
    "history.month_facility": ("--month chỉ dùng với --facility (sổ cấp tỉnh theo kỳ, không theo tháng).",
                               "--month goes with --facility only (province workbooks are by period, not month)."),
    "help.history.province": ("Các phiên bản sổ cấp tỉnh của tỉnh/thành phố này (mỗi kỳ), thay cho --facility.",
                              "The versions of this province's province workbooks (by period), instead of "
                              "--facility."),
    # ---------------------------------------------------------------- end of history --province (i21b)
    # ---------------------------------------------------------------- a stopped report, plan, indicators (i21b)
    "stop.nothing": ("Đã dừng theo yêu cầu ({how}) trước khi ghi tệp nào: chưa ghi {planned}. Không còn tệp ghi dở "
                     "hay tiến trình con. Chạy lại lệnh để lập.",
                     "Stopped at your request ({how}) before any file was written: {planned} not written. No "
                     "half-written file or worker process is left. Run the command again to make it."),
    "stop.some": ("Đã dừng theo yêu cầu ({how}): đã ghi xong {written}; chưa ghi {missing}. Không còn tệp ghi dở hay "
                  "tiến trình con. Chạy lại lệnh để lập đủ.",
                  "Stopped at your request ({how}): {written} written whole; {missing} not written. No half-written "
                  "file or worker process is left. Run the command again to make them all."),
    "stop.all": ("Đã dừng theo yêu cầu ({how}) sau khi ghi xong {written}; lệnh chưa báo xong kết quả.",
                 "Stopped at your request ({how}) after {written} had been written whole; the command had not "
                 "finished reporting."),
    "stop.planned.report": ("văn bản BC (.docx và .xlsx) trong {out}", "the report (BC, .docx and .xlsx) in {out}"),
    "stop.planned.plan": ("kế hoạch KH (.docx và .xlsx) trong {out}", "the plan (KH, .docx and .xlsx) in {out}"),
    "stop.planned.indicators": ("bảng chỉ số {out}", "the indicator table {out}"),
    "stop.planned.stdout": ("bảng chỉ số (chưa in ra)", "the indicator table (nothing printed)"),
    # ---------------------------------------------------------------- end of a stopped command (i21b)
    # ---------------------------------------------------------------- serve --config (i21b)
    "help.serve.config": ("Tệp rehabstat.toml cho giao diện web ([deadline]: tháng trễ hạn; thông tin văn bản). Mặc "
                          "định: tệp của kho (tệp nhận vào kho sau cùng, nếu không có thì rehabstat.toml trong thư mục "
                          "kho).",
                          "The rehabstat.toml the web pages follow ([deadline]: late months; the documents' "
                          "settings). Default: the store's (the one received last, else rehabstat.toml in the store "
                          "folder)."),
}


# ---------------------------------------------------------------- help texts of the command line
# (catalogue_help.py: help texts, metavars, the help screen's and usage errors' words)
def _help_words() -> None:
    from .catalogue_help import HELP
    twice = WORDS.keys() & HELP.keys()
    if twice:  # one key, one meaning: a key in both tables is a merge mistake
        raise KeyError(f"catalogue keys defined twice: {sorted(twice)}")
    WORDS.update(HELP)


_help_words()


def _domain_words() -> None:
    """The labels of event types and figures: Vietnamese as the forms write them, their
    codes in English (TIEP_NHAN, DAY_NGHE: what the English documentation names)."""
    from .codes import EVENT_TYPES, FIGURES
    for code, e in EVENT_TYPES.items():
        WORDS[f"event.{code}"] = (e.label, code)
    for code, f in FIGURES.items():
        WORDS[f"figure.{code}"] = (f.label, code)


_domain_words()

# a period inside a message: its Vietnamese name, or its code in English (2021-Q2)
WORDS["period.year"] = ("năm {year}", "year {year}")
WORDS["period.named"] = ("{label}", "{code}")


def text(key: str, /, lang: str | None = None, **values) -> str:
    """The words of `key` in `lang` (default: the chosen language), `values` filled in."""
    if lang is None:
        from .language import LANG
        lang = LANG["value"]
    vi, en = WORDS[key]
    words = en if lang == "en" else vi
    return words.format(**values) if values else words
