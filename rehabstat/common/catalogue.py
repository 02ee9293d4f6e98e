"""The tool's own words, in one place: key -> (Vietnamese, English).

The command line's help texts are kept beside it, in catalogue_help.py, and merged into WORDS.

`text(key, **values)` gives the words in the chosen language (the CLI's --lang; a caller
that writes for someone else passes `lang`), with the values filled in. A key that is not
here is our bug, never shown as a guess: KeyError.
"""
from __future__ import annotations

import string

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


# ================================================================ the store: what it says of a file, an action
# (reasons and audit details are kept as these keys and their values: store/said.py)
WORDS.update({
    "store.who.unknown": ("(không rõ cơ sở, tháng)", "(facility and month unknown)"),
    "store.who.province": ("{province} (sổ cấp tỉnh, kỳ {period})", "{province} (province workbook, period {period})"),
    "store.line.config": ("{source}: tệp cấu hình – đã lưu vào kho (phiên bản {version}).",
                          "{source}: configuration file – kept in the store (version {version})."),
    "store.line.config_not_used": ("{source}: tệp cấu hình – không dùng: kho giữ tệp cấu hình đã nhận từ {kept} "
                                   "(muốn thay, nhận lại với --config {source}).",
                                   "{source}: configuration file – not used: the store keeps the one received from "
                                   "{kept} (to replace it, receive again with --config {source})."),
    "store.line.config_new": ("{source}: tệp cấu hình – phiên bản mới {version} (thay phiên bản {previous}).",
                              "{source}: configuration file – new version {version} (replaces version {previous})."),
    "store.line.warnings": (", {count} cảnh báo", ", {count:warning|warnings}"),
    "store.line.received": ("{source}: {who} – đã nhận (phiên bản {version}{warnings}).",
                            "{source}: {who} – received (version {version}{warnings})."),
    "store.line.new_version": ("{source}: {who} – phiên bản mới {version} (thay phiên bản {previous}{warnings}).",
                               "{source}: {who} – new version {version} (replaces version {previous}{warnings})."),
    "store.line.duplicate": ("{source}: {who} – {reason}", "{source}: {who} – {reason}"),
    "store.line.skipped": ("{source}: bỏ qua – {reason}", "{source}: skipped – {reason}"),
    "store.line.rejected": ("{source}: {who} – bị từ chối: {reason}", "{source}: {who} – rejected: {reason}"),
    "store.line.annotated": (" Bản đánh dấu lỗi gửi lại cơ sở: {path}", " Annotated copy to send back to the facility: {path}"),
    # why a file was refused or not taken
    "store.reason.errors": ("{count} lỗi – {first}{more}.", "{count:error|errors} – {first}{more}."),
    "store.reason.more_errors": (" … và {count} lỗi khác", " … and {count:more error|more errors}"),
    "store.reason.locked": ("tháng {month} của {unit} đã được duyệt và khóa ({at}, {who}); bản mới khác bản đã duyệt. "
                            "Muốn nhận, mở khóa trước: rehabstat unlock --store {store} --facility {unit} --month {m} "
                            "--year {year} --reason \"...\"",
                            "{month} of {unit} is approved and locked ({at}, {who}); the new copy differs from the "
                            "approved one. To receive it, unlock first: rehabstat unlock --store {store} --facility "
                            "{unit} --month {m} --year {year} --reason \"...\""),
    "store.reason.locked_province": ("sổ cấp tỉnh {province} kỳ {period} đã được duyệt và khóa ({at}, {who}); bản mới "
                                     "khác bản đã duyệt. Muốn nhận, mở khóa trước: rehabstat unlock --store {store} "
                                     "--province \"{province}\" --from {first} --to {last} --reason \"...\"",
                                     "the province workbook of {province} for {period} is approved and locked ({at}, "
                                     "{who}); the new copy differs from the approved one. To receive it, unlock first: "
                                     "rehabstat unlock --store {store} --province \"{province}\" --from {first} --to "
                                     "{last} --reason \"...\""),
    "store.reason.too_big": ("tệp {size} byte, quá lớn cho một sổ hằng tháng; không lưu vào kho.",
                             "a file of {size} bytes, too big for a monthly workbook; not stored."),
    "store.reason.unreadable": ("không đọc được tệp ({error}); không lưu vào kho.",
                                "the file cannot be read ({error}); not stored."),
    "store.reason.lock_file": ("tệp khóa của Excel/LibreOffice (tệp tạm có khi một sổ đang mở, không phải sổ); không "
                               "lưu vào kho.",
                               "the lock file of Excel/LibreOffice (left while a workbook is open; not a workbook); "
                               "not stored."),
    "store.reason.skipped": ("không phải sổ hằng tháng (sổ chỉ tiêu, bản đánh dấu lỗi hoặc tệp do rehabstat lập); "
                             "không lưu vào kho.",
                             "not a monthly workbook (a targets workbook, an annotated copy or a file rehabstat wrote); "
                             "not stored."),
    "store.reason.other_config": ("tệp cấu hình không dùng cho lần nhận này (chỉ tệp rehabstat.toml của thư mục được "
                                  "nhận, hoặc --config, được dùng, như với --data); không lưu vào kho.",
                                  "a configuration file this receive does not use (only the rehabstat.toml of the "
                                  "folder received, or --config, is used, as with --data); not stored."),
    "store.reason.no_suffix": ("có vẻ là một sổ nhưng tên tệp không có đuôi .xlsx, .xlsm, .xls hoặc .ods (--data cũng "
                               "bỏ qua tệp này); không lưu vào kho. Đổi tên thành {name} rồi nhận lại.",
                               "looks like a workbook, but its name has no .xlsx, .xlsm, .xls or .ods extension "
                               "(--data skips it too); not stored. Rename it {name} and receive again."),
    "store.reason.not_workbook": ("không phải sổ (chỉ nhận tệp .xlsx, .xlsm, .xls, .ods); không lưu vào kho.",
                                  "not a workbook (only .xlsx, .xlsm, .xls and .ods files are received); not stored."),
    "store.reason.duplicate": ("đã có trong kho (cùng nội dung với biên nhận số {receipt}, {what}, nhận lúc {at}); "
                               "không nhận lại.",
                               "already in the store (same content as receipt {receipt}, {what}, received {at}); not "
                               "received again."),
    "store.reason.duplicate_completed": ("đã có trong kho (cùng nội dung với biên nhận số {receipt}, {what}, nhận lúc "
                                         "{at}); không nhận lại. Đã bổ sung số liệu của sổ cấp tỉnh vào biên nhận đó.",
                                         "already in the store (same content as receipt {receipt}, {what}, received "
                                         "{at}); not received again. The province workbook's figures were added to "
                                         "that receipt."),
    # two different workbooks of one facility-month in one receive ({receipts}: kept, never shown)
    "store.reason.twins": ("X001 – cơ sở {unit} tháng {period} có hai sổ trong cùng lần nhận này (sổ kia: {other}); "
                           "không sổ nào được nhận làm số liệu của tháng{kept}. Chỉ giữ một sổ cho mỗi tháng rồi nhận "
                           "lại.",
                           "X001 – facility {unit} has two workbooks for {period} in this receive (the other: "
                           "{other}); neither is taken as the month's data{kept}. Keep one workbook per month and "
                           "receive again."),
    "store.reason.twins_kept": (" (phiên bản {version} nhận trước đó vẫn là số liệu của tháng)",
                                " (version {version}, received before, stays the month's data)"),
    "store.version": ("phiên bản {version}", "version {version}"),
    "store.rejected_copy": ("bản đã bị từ chối", "the rejected copy"),
    # the audit's details
    "audit.version": ("{file}: phiên bản {version}", "{file}: version {version}"),
    "audit.version_replaces": ("{file}: phiên bản {version} (thay phiên bản {previous})",
                               "{file}: version {version} (replaces version {previous})"),
    "audit.reason": ("{file}: {reason}", "{file}: {reason}"),
    "audit.accept": ("{file}: nhận lại sau khi mở khóa, phiên bản {version}", "{file}: accepted after the unlock, version {version}"),
    "audit.accept_replaces": ("{file}: nhận lại sau khi mở khóa, phiên bản {version} (thay phiên bản {previous})",
                              "{file}: accepted after the unlock, version {version} (replaces version {previous})"),
    "audit.duplicate": ("{file}: cùng nội dung với biên nhận số {receipt}", "{file}: same content as receipt {receipt}"),
    "audit.config": ("{path}: rehabstat.toml phiên bản {version}", "{path}: rehabstat.toml version {version}"),
    "audit.complete": ("số liệu sổ cấp tỉnh bổ sung: {rows} dòng", "province workbook's figures added: {rows} rows"),
    "audit.approve": ("duyệt phiên bản {version}", "approved version {version}"),
    "audit.unlock": ("{reason}", "{reason}"),  # the reason the user gave, in their words
    "audit.province": ("sổ cấp tỉnh, kỳ {period}", "province workbook, period {period}"),
    "audit.province_detail": ("sổ cấp tỉnh, kỳ {period}: {detail}", "province workbook, period {period}: {detail}"),
    "audit.download": ("{file}", "{file}"),
    "audit.download_receipt": ("{file} (biên nhận số {receipt})", "{file} (receipt {receipt})"),
    "audit.download_draft": ("{file} (DỰ THẢO)", "{file} (DRAFT)"),
    # approve, unlock: each month
    "approve.done": ("đã duyệt phiên bản {version}, khóa", "approved version {version}, locked"),
    "approve.before": ("đã duyệt từ trước ({at}, {who})", "already approved ({at}, {who})"),
    "approve.missing": ("chưa có sổ được nhận: không duyệt", "no accepted workbook: not approved"),
    "unlock.not_locked": ("chưa được duyệt (không khóa)", "not approved (not locked)"),
    "unlock.done": ("đã mở khóa", "unlocked"),
    # check-store
    "check.missing": ("Biên nhận số {receipt} ({name}): thiếu tệp gốc {path}.",
                      "Receipt {receipt} ({name}): the original {path} is missing."),
    "check.changed": ("Biên nhận số {receipt} ({name}): tệp gốc {path} đã bị thay đổi (sha256 khác).",
                      "Receipt {receipt} ({name}): the original {path} was changed (its sha256 differs)."),
    "check.config_missing": ("Tệp cấu hình phiên bản {version}: thiếu tệp {path}.",
                             "Configuration file version {version}: the file {path} is missing."),
    "check.config_changed": ("Tệp cấu hình phiên bản {version}: tệp {path} đã bị thay đổi (sha256 khác).",
                             "Configuration file version {version}: the file {path} was changed (its sha256 differs)."),
    "check.older_province": ("{count} sổ cấp tỉnh nhận trước khi kho giữ số liệu của sổ cấp tỉnh ({names}) chưa có số "
                             "liệu trong kho; nhận lại các tệp đó (rehabstat receive TỆP... --store {store}) để bổ sung.",
                             "{count:province workbook|province workbooks} received before the store kept their "
                             "figures ({names}) have no figures in the store; receive those files again (rehabstat "
                             "receive FILE... --store {store}) to add them."),
    "check.stray": ("Tệp {path} không có biên nhận (một lần nhận bị ngắt giữa chừng); nhận lại tệp đó để hoàn tất.",
                    "File {path} has no receipt (a receive was interrupted); receive that file again to finish."),
    "check.leftovers": ("{count} tệp tạm ({size} byte) trong {tmp} còn lại từ một lần nhận bị ngắt; xóa bằng: rehabstat "
                        "check-store --store {store} --clean (lần nhận sau cũng tự xóa).",
                        "{count:temporary file|temporary files} ({size:byte|bytes}) in {tmp} left by an interrupted "
                        "receive; delete {count:=it|them} with: rehabstat check-store --store {store} --clean (the next "
                        "receive does it too)."),
    # the store's errors
    "store.err.not_found": ("Không tìm thấy: {paths}", "Not found: {paths}"),
    "store.err.config_named": ("{path} là tệp cấu hình, không phải sổ. Để kho dùng tệp này, hãy nhận cả thư mục chứa "
                               "nó (tệp phải tên là rehabstat.toml) hoặc dùng --config {path}.",
                               "{path} is a configuration file, not a workbook. For the store to use it, receive the "
                               "folder that holds it (named rehabstat.toml) or use --config {path}."),
    "store.err.no_workbook": ("Không có sổ nào (.xlsx, .xlsm, .xls, .ods) trong {paths}.",
                              "No workbook (.xlsx, .xlsm, .xls, .ods) in {paths}."),
    "store.err.mkdir": ("Không tạo được thư mục kho {root}: {reason}.", "Cannot create the store folder {root}: {reason}."),
    "store.err.no_unit": ("Kho không có sổ nào của cơ sở {unit}. Các cơ sở có trong kho: {known}.",
                          "The store holds no workbook of facility {unit}. Facilities in the store: {known}."),
    "store.err.no_unit_month": ("Kho không có sổ nào của cơ sở {unit} tháng {month}. Các cơ sở có trong kho: {known}.",
                                "The store holds no workbook of facility {unit} for {month}. Facilities in the store: "
                                "{known}."),
    "store.err.none_yet": ("(chưa có)", "(none)"),
    "store.err.choose_one": ("Chọn một: --facility MÃ hoặc --province TÊN.", "Choose one: --facility CODE or --province NAME."),
    "store.err.no_accepted": ("Kho không có sổ nào đã nhận của cơ sở {unit}. Các cơ sở: {known}.",
                              "The store holds no accepted workbook of facility {unit}. Facilities: {known}."),
    "store.err.no_province": ("Kho không có cơ sở nào của tỉnh '{province}'. Các tỉnh: {known}.",
                              "The store holds no facility of province '{province}'. Provinces: {known}."),
    "store.err.reason": ("Cần ghi lý do mở khóa: --reason \"...\".", "Give the reason for the unlock: --reason \"...\"."),
    "store.err.newer": ("kho được tạo bởi phiên bản rehabstat mới hơn (lược đồ {found}, phiên bản này đọc được lược đồ "
                        "{known}); hãy cập nhật rehabstat",
                        "the store was made by a newer rehabstat (schema {found}, this version reads schema {known}); "
                        "update rehabstat"),
    "store.err.no_store": ("Không có kho dữ liệu ở {root} (thiếu {db}). Tạo kho bằng: rehabstat receive TỆP... --store "
                           "{root}", "There is no store at {root} ({db} is missing). Create one with: rehabstat receive "
                           "FILE... --store {root}"),
    "store.err.is_file": ("--store {root} là một tệp, không phải thư mục.", "--store {root} is a file, not a folder."),
    "store.err.open": ("Không mở được kho {root}: {reason}.", "Cannot open the store {root}: {reason}."),
    "store.err.open_check": ("Không mở được kho {root}: {reason}. Kiểm tra bằng: rehabstat check-store --store {root}",
                             "Cannot open the store {root}: {reason}. Check it with: rehabstat check-store --store {root}"),
    "source.both": ("Chọn --data hoặc --store, không chọn cả hai.", "Choose --data or --store, not both."),
    "source.none": ("Cần --data THƯ_MỤC (các sổ hằng tháng) hoặc --store KHO.",
                    "Give --data DIR (the monthly workbooks) or --store STORE."),
    "source.not_found": ("Không tìm thấy thư mục hoặc tệp dữ liệu: {path}", "Data folder or file not found: {path}"),
    "store.err.not_store": ("tệp cơ sở dữ liệu không phải kho của rehabstat", "the database file is not a rehabstat store"),
})


# ================================================================ the store's commands (receive, history, approve, unlock, log, check-store)
WORDS.update({
    "receive.swept": ("Đã xóa {count} tệp tạm do một lần nhận bị ngắt để lại.",
                      "Deleted {count:temporary file|temporary files} an interrupted receive left."),
    "receive.summary": ("{files} tệp: {received} đã nhận, {new} phiên bản mới, {duplicate} đã có, {rejected} bị từ "
                        "chối{skipped}.",
                        "{files:file|files}: {received} received, {new:new version|new versions}, {duplicate} already "
                        "there, {rejected} rejected{skipped}."),
    "receive.skipped": (", {count} bỏ qua", ", {count} skipped"),
    "receive.interrupted": ("Đã dừng theo yêu cầu (Ctrl-C): {count} tệp đã vào kho trước khi dừng, mỗi tệp trọn vẹn "
                            "(biên nhận và số liệu); các tệp còn lại chưa nhận, không còn tệp tạm. Chạy lại cùng lệnh để "
                            "nhận tiếp (tệp đã nhận sẽ được báo là đã có).",
                            "Stopped at your request (Ctrl-C): {count:file|files} went into the store before the stop, "
                            "each whole (receipt and figures); the others were not received, no temporary file is left. "
                            "Run the same command again to go on (the files received are reported as already there)."),
    "receive.interrupted_done": ("Đã dừng theo yêu cầu (Ctrl-C) khi lần nhận đã xong: {count} tệp đã vào kho, mỗi tệp "
                                 "trọn vẹn; danh sách từng tệp chưa in hết: xem rehabstat log --store {store}.",
                                 "Stopped at your request (Ctrl-C) after the receive was done: {count:file|files} went "
                                 "into the store, each whole; the list of files was not printed in full: see rehabstat "
                                 "log --store {store}."),
    "history.head": ("Cơ sở {unit}: {count} sổ đã nộp", "Facility {unit}: {count:workbook|workbooks} sent"),
    "history.accepted": ("đã nhận", "accepted"),
    "history.rejected": ("bị từ chối", "rejected"),
    "history.refused": ("  Biên nhận số {receipt} ({month}, {name}) bị từ chối: {reason}",
                        "  Receipt {receipt} ({month}, {name}) rejected: {reason}"),
    "history.approved": ("  {month}: duyệt phiên bản {version}, khóa ({at}, {who})",
                         "  {month}: approved version {version}, locked ({at}, {who})"),
    "history.unlocked": ("  {month}: mở khóa – lý do: {reason} ({at}, {who})",
                         "  {month}: unlocked – reason: {reason} ({at}, {who})"),
    "history.rejected_copy": ("bản bị từ chối (biên nhận số {receipt})", "the rejected copy (receipt {receipt})"),
    "history.compared": ("Tháng {month}: phiên bản {before} → {after}: ", "Month {month}: version {before} → {after}: "),
    "history.no_change": ("không có số liệu nào thay đổi.", "no figure changed."),
    "history.changes": ("{count} số liệu thay đổi", "{count:figure|figures} changed"),
    "store.h.month": ("Tháng", "Month"),
    "store.h.version": ("Bản", "Version"),
    "store.h.status": ("Trạng thái", "Status"),
    "store.h.received": ("Nhận lúc", "Received"),
    "store.h.received_by": ("Người nhận", "Received by"),
    "store.h.original": ("Tệp gốc", "Original file"),
    "store.h.errors": ("Lỗi", "Errors"),
    "store.h.warnings": ("Cảnh báo", "Warnings"),
    "store.h.indicator": ("Chỉ số", "Indicator"),
    "store.h.category": ("Diện", "Category"),
    "store.h.before": ("Trước", "Before"),
    "store.h.after": ("Sau", "After"),
    "store.h.no": ("STT", "No."),
    "store.h.at": ("Lúc", "At"),
    "store.h.by": ("Người", "By"),
    "store.h.action": ("Việc", "Action"),
    "store.h.facility": ("Cơ sở", "Facility"),
    "store.h.receipt": ("Biên nhận", "Receipt"),
    "store.h.details": ("Chi tiết", "Details"),
    "approve.summary": ("Đã duyệt {done}/{total} tháng ({period}){before}.",
                        "Approved {done}/{total:month|months} ({period}){before}."),
    "approve.summary_before": ("; {count} tháng đã duyệt từ trước", "; {count:month|months} approved before"),
    "unlock.summary": ("Đã mở khóa {done}/{total} tháng ({period}).", "Unlocked {done}/{total:month|months} ({period})."),
    "approve.workbooks": ("Sổ cấp tỉnh: đã duyệt {done}/{total}.", "Province workbooks: approved {done}/{total}."),
    "unlock.workbooks": ("Sổ cấp tỉnh: đã mở khóa {done}/{total}.", "Province workbooks: unlocked {done}/{total}."),
    "log.action.receive": ("nhận", "received"),
    "log.action.new-version": ("phiên bản mới", "new version"),
    "log.action.duplicate": ("đã có", "duplicate"),
    "log.action.reject": ("từ chối", "rejected"),
    "log.action.skip": ("bỏ qua", "skipped"),
    "log.action.config": ("cấu hình", "configuration"),
    "log.action.complete": ("bổ sung số liệu", "figures added"),
    "log.action.accept": ("nhận (sau mở khóa)", "accepted (after unlock)"),
    "log.action.approve": ("duyệt", "approved"),
    "log.action.unlock": ("mở khóa", "unlocked"),
    "check.error_line": ("LỖI: {problem}", "ERROR: {problem}"),
    "check.note_line": ("Lưu ý: {note}", "Note: {note}"),
    "check.summary": ("Cơ sở dữ liệu: {integrity}. Tệp gốc đúng: {ok}/{total}.",
                      "Database: {integrity}. Originals correct: {ok}/{total}."),
    "check.intact": ("toàn vẹn", "intact"),
    "check.contents": ("Trong kho: {province} sổ cấp tỉnh, {configs} phiên bản tệp cấu hình.",
                       "In the store: {province:province workbook|province workbooks}, {configs:version|versions} of "
                       "the configuration file."),
    "check.cleaned": ("Đã xóa {count} tệp tạm ({size} byte) do lần nhận bị ngắt để lại.",
                      "Deleted {count:temporary file|temporary files} ({size:byte|bytes}) an interrupted receive left."),
})


# ================================================================ the web inbox's pages (rehabstat serve)
WORDS.update({
    "web.app": ("Hộp thư số liệu cai nghiện", "Rehabilitation data inbox"),
    "web.login": ("Đăng nhập", "Log in"),
    "web.logout": ("Đăng xuất", "Log out"),
    "web.username": ("Tên tài khoản", "User name"),
    "web.password": ("Mật khẩu", "Password"),
    "web.bad_login": ("Sai tên tài khoản hoặc mật khẩu.", "Wrong user name or password."),
    "web.wait_login": ("Đăng nhập sai nhiều lần: hãy chờ {seconds} giây rồi thử lại.",
                   "Too many failed logins: wait {seconds} seconds and try again."),
    "web.expired": ("Phiên làm việc đã hết hạn: hãy đăng nhập lại.", "Your session has ended: log in again."),
    "web.home": ("Trang chính", "Home"),
    "web.send": ("Gửi sổ", "Send workbooks"),
    "web.send_help": ("Chọn một hoặc nhiều sổ hằng tháng (.xlsx, .xls, .ods) của cơ sở, tối đa 50 MB mỗi lần gửi.",
                  "Choose one or more monthly workbooks (.xlsx, .xls, .ods) of your facility, at most 50 MB per upload."),
    "web.files": ("Tệp", "Files"),
    "web.results": ("Kết quả nhận sổ", "What was received"),
    "web.received": ("Đã nhận", "Received"),
    "web.new-version": ("Đã nhận (phiên bản mới)", "Received (new version)"),
    "web.duplicate": ("Đã có trong kho (không nhận lại)", "Already in the store (not received again)"),
    "web.rejected": ("Bị từ chối", "Rejected"),
    "web.skipped": ("Bỏ qua (không phải sổ hằng tháng)", "Skipped (not a monthly workbook)"),
    "web.other-facility": ("Bị từ chối: sổ của cơ sở khác", "Refused: another facility's workbook"),
    "web.not_known": ("không rõ (không đọc được từ sổ)", "unknown (not readable from the workbook)"),
    "web.other_facility_msg": ("Sổ này ghi mã cơ sở {unit}, không phải cơ sở {mine} của tài khoản này; không lưu gì vào kho. "
                           "Hãy gửi sổ của cơ sở mình.",
                           "This workbook gives facility code {unit}, not {mine} (this account's facility); nothing was "
                           "stored. Send your own facility's workbook."),
    "web.version": ("phiên bản", "version"),
    "web.version_h": ("Phiên bản", "Version"),
    "web.replaces": ("thay phiên bản", "replaces version"),
    "web.facility": ("Cơ sở", "Facility"),
    "web.month": ("Tháng", "Month"),
    "web.state": ("Tình trạng", "State"),
    "web.issues": ("Lỗi và cảnh báo", "Errors and warnings"),
    "web.no_issues": ("Không có lỗi hay cảnh báo.", "No errors or warnings."),
    "web.code": ("Mã", "Code"),
    "web.place": ("Vị trí", "Place"),
    "web.message": ("Nội dung", "Message"),
    "web.severity": ("Mức", "Level"),
    "web.error": ("lỗi", "error"),
    "web.errors_warnings": ("{errors:lỗi|lỗi}, {warnings:cảnh báo|cảnh báo}", "{errors:error|errors}, {warnings:warning|warnings}"),
    "web.warning": ("cảnh báo", "warning"),
    "web.annotated": ("Tải bản đánh dấu lỗi", "Download the marked copy"),
    "web.reason": ("Lý do", "Reason"),
    "web.my_months": ("Các tháng đã gửi", "Months sent"),
    "web.none_yet": ("Chưa có sổ nào.", "Nothing yet."),
    "web.next_form": ("Tải sổ trống tháng {month} (Đầu kỳ lấy từ Cuối kỳ tháng trước)",
                  "Download the blank workbook of {month} (opening carried over)"),
    "web.st_received": ("đã nhận", "received"),
    "web.st_errors": ("có lỗi", "has errors"),
    "web.st_approved": ("đã duyệt, khóa", "approved, locked"),
    "web.st_late": ("trễ hạn {days} ngày", "late by {days} days"),
    "web.late_note": ("Trễ hạn: sổ được nhận (bản đầu tiên không bị từ chối) sau hạn nộp của [deadline] trong "
                      "rehabstat.toml của kho.", "Late: the month's first accepted workbook was received after the due "
                      "date of [deadline] in the store's rehabstat.toml."),
    "web.no_deadline": ("Chưa đặt hạn nộp ([deadline] trong rehabstat.toml của kho): không xét trễ hạn.",
                        "No due date set ([deadline] in the store's rehabstat.toml): lateness is not shown."),
    "web.st_missing": ("thiếu", "missing"),
    "web.st_not_due": ("chưa đến hạn", "not yet due"),
    "web.st_duplicate": ("trùng", "duplicate"),
    "web.grid": ("Tình hình nộp sổ", "Completeness"),
    "web.period": ("Kỳ", "Period"),
    "web.year": ("Năm", "Year"),
    "web.quarter": ("Quý", "Quarter"),
    "web.half": ("Nửa năm", "Half"),
    "web.from": ("Từ tháng", "From"),
    "web.to": ("Đến tháng", "To"),
    "web.show": ("Xem", "Show"),
    "web.coverage": ("Đủ", "Complete"),
    "web.legend": ("Chú giải", "Legend"),
    "web.versions": ("Các phiên bản và thay đổi", "Versions and changes"),
    "web.received_at": ("Nhận lúc", "Received at"),
    "web.by": ("Người gửi", "By"),
    "web.file": ("Tệp", "File"),
    "web.changes": ("Số liệu thay đổi so với phiên bản trước", "Figures changed from the previous version"),
    "web.indicator": ("Chỉ số", "Indicator"),
    "web.category": ("Diện", "Category"),
    "web.before": ("Trước", "Before"),
    "web.after": ("Sau", "After"),
    "web.approve": ("Duyệt và khóa", "Approve and lock"),
    "web.unlock": ("Mở khóa", "Unlock"),
    "web.unlock_reason": ("Lý do mở khóa", "Reason for unlocking"),
    "web.approvals": ("Duyệt và mở khóa", "Approvals and unlocks"),
    "web.documents": ("Tài liệu", "Documents"),
    "web.bc_docx": ("Báo cáo (BC) tỉnh {province}, .docx", "Province report (BC) {province}, .docx"),
    "web.bc_xlsx": ("Báo cáo (BC) tỉnh {province}, .xlsx", "Province report (BC) {province}, .xlsx"),
    "web.national": ("Sổ tổng hợp toàn quốc (.xlsx)", "National workbook (.xlsx)"),
    "web.draft_note": ("Số liệu chưa đủ hoặc còn lỗi: tài liệu tải về là DỰ THẢO và ghi rõ điều đó.",
                   "The data are incomplete or have errors: the documents are DRAFTS and say so."),
    "web.clean_note": ("Số liệu đủ và không có lỗi: tài liệu chính thức.", "Complete and clean: final documents."),
    "web.audit": ("Nhật ký", "Audit log"),
    "web.at": ("Lúc", "At"),
    "web.who": ("Ai", "Who"),
    "web.action": ("Việc", "Action"),
    "web.detail": ("Chi tiết", "Detail"),
    "web.census": ("Sĩ số cuối tháng", "Census at the end of each month"),
    "web.forbidden": ("Không có quyền xem trang này.", "You may not see this page."),
    "web.not_found": ("Không có trang này.", "No such page."),
    "web.csrf": ("Biểu mẫu đã cũ hoặc không hợp lệ: tải lại trang rồi gửi lại.",
             "The form is stale or invalid: reload the page and send it again."),
    "web.too_big": ("Tệp gửi quá lớn (tối đa 50 MB mỗi lần gửi).", "The upload is too big (at most 50 MB at a time)."),
    "web.no_files": ("Chưa chọn tệp nào.", "No file was chosen."),
    "web.bad_period": ("Kỳ không hợp lệ: {why}", "Invalid period: {why}"),
    "web.done": ("Đã làm", "Done"),
    "web.not_done": ("Không làm", "Not done"),
    "web.role_facility": ("cơ sở", "facility"),
    "web.role_province": ("tỉnh", "province"),
    "web.role_department": ("cục", "department"),
    "web.lang_other": ("English", "Tiếng Việt"),
    "web.print": ("In trang", "Print"),
    "web.back": ("Quay lại", "Back"),
    "web.error_page": ("Có lỗi", "Something went wrong"),
    "web.internal": ("Lỗi của chương trình (không phải lỗi của bạn); đã ghi lại. Hãy thử lại sau.",
                 "An error of the program (not yours); it was logged. Try again later."),
    # the audit's actions as the pages name them (the store's and the accounts')
    "web.action.receive": ("nhận", "received"),
    "web.action.new-version": ("phiên bản mới", "new version"),
    "web.action.duplicate": ("gửi trùng", "duplicate"),
    "web.action.reject": ("từ chối", "rejected"),
    "web.action.skip": ("bỏ qua", "skipped"),
    "web.action.accept": ("nhận sau mở khóa", "accepted after unlock"),
    "web.action.approve": ("duyệt, khóa", "approved, locked"),
    "web.action.unlock": ("mở khóa", "unlocked"),
    "web.action.login": ("đăng nhập", "logged in"),
    "web.action.login-failed": ("đăng nhập sai", "failed login"),
    "web.action.logout": ("đăng xuất", "logged out"),
    "web.action.user-add": ("thêm tài khoản", "account added"),
    "web.action.user-disable": ("khóa tài khoản", "account disabled"),
    "web.action.user-passwd": ("đổi mật khẩu", "password changed"),
    "web.action.download": ("tải về", "downloaded"),
})


# ================================================================ the command line's messages (errors, notes, summaries)
WORDS.update({
    "run.error": ("Lỗi:", "Error:"),
    "run.data_error": ("Lỗi số liệu:", "Data error:"),
    "run.todo": ("Cần làm:", "To do:"),
    "run.template_error": ("Lỗi mẫu văn bản:", "Template error:"),
    "run.os_error": ("Không đọc hoặc ghi được {path}: {reason}. Hãy kiểm tra đường dẫn và quyền ghi rồi chạy lại.",
                     "Cannot read or write {path}: {reason}. Check the path and the permissions, then run again."),
    "run.note": ("Lưu ý:", "Note:"),
    "run.draft": ("DỰ THẢO:", "DRAFT:"),
    "run.lang": ("--lang phải là vi hoặc en.", "--lang must be vi or en."),
    "run.date": ("--date '{text}' không hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 10/01/2022.",
                 "--date '{text}' is not valid: write day/month/year, e.g. 10/01/2022."),
    "run.and_more": (" và {count} tệp khác", " and {count} more"),
    "run.lock_files": ("bỏ qua tệp khóa của Excel/LibreOffice (tệp tạm có khi một sổ đang mở, không phải sổ): {files}.",
                       "skipped the lock files of Excel/LibreOffice (left while a workbook is open; not workbooks): "
                       "{files}."),
    "run.compare": ("--compare phải là previous hoặc year.", "--compare must be previous or year."),
    "run.level": ("--level phải là facility, province hoặc national.", "--level must be facility, province or national."),
    "run.format": ("--format phải là csv, json hoặc xlsx.", "--format must be csv, json or xlsx."),
    "run.xlsx_out": ("--format xlsx cần --out TỆP.xlsx.", "--format xlsx needs --out FILE.xlsx."),
    "run.out_folder": ("--out {path} là một thư mục: --out của lệnh indicators là tên tệp kết quả, ví dụ --out {example}.",
                       "--out {path} is a folder: the --out of indicators names the result file, e.g. --out {example}."),
    "run.format_suffix": ("--format {fmt} không hợp với --out {path} (tệp {suffix}). Bỏ --format (định dạng theo "
                          "đuôi tệp) hoặc đặt tên tệp đuôi .{fmt}.",
                          "--format {fmt} does not match --out {path} (a {suffix} file). Leave out --format (the "
                          "format follows the extension) or name the file .{fmt}."),
    "run.out_suffix": ("--out {path}: rehabstat chỉ ghi tệp .csv, .json hoặc .xlsx, không ghi tệp {suffix}. Hãy đặt "
                       "tên tệp đuôi .csv, .json hoặc .xlsx.",
                       "--out {path}: rehabstat writes .csv, .json or .xlsx files, not {suffix}. Name the file "
                       ".csv, .json or .xlsx."),
    "run.draft_to": ("số liệu là DỰ THẢO: ghi vào {path}.", "the figures are a DRAFT: written to {path}."),
    "run.draft_data": ("số liệu {period} chưa đầy đủ hoặc còn lỗi ({coverage} có sổ dùng được).",
                       "the data of {period} are incomplete or have errors (usable workbooks for {coverage})."),
    # inside a draft indicators file (column `status`, JSON's top level): DỰ THẢO in either language
    "indicators.draft": ("DỰ THẢO", "DỰ THẢO (DRAFT)"),
    "indicators.draft_notice": ("DỰ THẢO – SỐ LIỆU CHƯA ĐẦY ĐỦ HOẶC CÒN LỖI: không dùng làm số liệu chính thức.",
                                "DỰ THẢO (DRAFT) – THE DATA ARE INCOMPLETE OR HAVE ERRORS: not for official use."),
    "gate.no_usable": ("Không có sổ nào dùng được cho {period}.", "No usable workbook for {period}."),
    "gate.no_usable_of": ("Không có sổ nào dùng được cho {period} của {units}.", "No usable workbook for {period} of {units}."),
    "gate.holdings": ("Dữ liệu có: {holdings}.", "The data hold: {holdings}."),
    "gate.errors": ("Dữ liệu có {count} lỗi (chi tiết: rehabstat validate).",
                    "The data have {count:error|errors} (details: rehabstat validate)."),
    "gate.errors_in": ("Dữ liệu có {count} lỗi ở {files} sổ (chi tiết: rehabstat validate).",
                       "The data have {count:error|errors} in {files:workbook|workbooks} (details: rehabstat validate)."),
    "gate.issue_at": ("  {code} {where}: {issue}", "  {code} {where}: {issue}"),
    "gate.issue": ("  {code}: {issue}", "  {code}: {issue}"),
    "gate.more": ("  ... và {count} lỗi khác.", "  ... and {count:more error|more errors}."),
    "gate.dash": (" – {message}", " – {message}"),
    "gate.unattributed": ("Sổ không đọc được (không rõ cơ sở hoặc tháng): {file}{message}",
                          "Unreadable workbook (facility or month unknown): {file}{message}"),
    "gate.advice_empty": ("Chọn kỳ hoặc cơ sở có trong dữ liệu.", "Choose a period or a facility the data hold."),
    "gate.advice": ("Gửi bổ sung sổ còn thiếu, bỏ sổ trùng, sửa lỗi rồi chạy lại; hoặc dùng --force để lập bản DỰ THẢO "
                    "(mã thoát vẫn là 1).",
                    "Send the missing workbooks, remove the duplicates, fix the errors and run again; or use --force "
                    "to write a DRAFT (the exit code is still 1)."),
    # a facility's gaps in a period (checking/gate.py gap_lines): console and documents
    "gap.month": ("tháng {ranges}", "{ranges}"),
    "gap.months": ("các tháng {ranges}", "{ranges}"),
    "gap.sent_nothing": ("không gửi sổ nào trong kỳ (thiếu {months})", "sent no workbook in the period (missing {months})"),
    "gap.missing": ("thiếu sổ {months}", "missing the workbooks of {months}"),
    "gap.not_due": ("{months} chưa kết thúc, chưa có sổ", "{months} not over yet, no workbook"),
    "gap.duplicate": ("có hai sổ cho {months} (trùng: {names}), không tính vào số liệu",
                      "two workbooks for {months} (duplicates: {names}), not counted"),
    "gap.errors_counted": ("sổ {months} có lỗi, vẫn tính vào số liệu (chưa kiểm tra)",
                           "the workbooks of {months} have errors, counted anyway (unchecked)"),
    "gap.errors": ("sổ {months} có lỗi, không tính vào số liệu", "the workbooks of {months} have errors, not counted"),
    "gap.unreadable": ("sổ {months} không đọc được, không tính vào số liệu",
                       "the workbooks of {months} cannot be read, not counted"),
    "gap.opening_from": ("số đầu kỳ lấy theo sổ tháng {month}", "the opening taken from the workbook of {month}"),
    "gap.closing_from": ("số cuối kỳ lấy theo sổ tháng {month}", "the closing taken from the workbook of {month}"),
    "gap.nothing_usable": ("không có số liệu nào dùng được trong kỳ", "no usable data in the period"),
    "gate.more_facilities": ("... ({count} cơ sở)", "... ({count:facility|facilities})"),
    "gate.coverage": ("{used}/{expected} tháng", "{used}/{expected} months"),
    "run.written": ("Đã ghi: {path}", "Written: {path}"),
    "run.no_document": ("Không lập văn bản:", "No document written:"),
    "run.refused": ("dữ liệu có {count} lỗi. Sửa các lỗi trên (rehabstat validate) hoặc dùng --force để lập bản DỰ THẢO.",
                    "the data have {count:error|errors}. Fix the errors above (rehabstat validate) or use --force to "
                    "write a DRAFT."),
    "run.draft_doc": ("văn bản là DỰ THẢO vì số liệu chưa đầy đủ hoặc còn lỗi:",
                      "the document is a DRAFT because the data are incomplete or have errors:"),
    "run.draft_doc_coverage": ("văn bản là DỰ THẢO vì số liệu chưa đầy đủ hoặc còn lỗi ({coverage} có sổ dùng được):",
                               "the document is a DRAFT because the data are incomplete or have errors (usable "
                               "workbooks for {coverage}):"),
    "run.more_errors": ("  ... và {count} lỗi khác (xem đầy đủ: rehabstat validate).",
                        "  ... and {count:more error|more errors} (all of them: rehabstat validate)."),
    "run.format_text": ("--format phải là text hoặc json.", "--format must be text or json."),
    "run.paths": ("Cần PATH... (sổ hoặc thư mục) hoặc --store KHO.", "Give PATH... (workbooks or folders) or --store STORE."),
    "run.form_level": ("--level phải là facility hoặc province.", "--level must be facility or province."),
    "run.jobs": ("--jobs phải là số nguyên từ 1 trở lên.", "--jobs must be a whole number of at least 1."),
    "run.no_template": ("Không tìm thấy mẫu văn bản {path}.", "Template {path} not found."),
    # batch's summary
    "batch.title": ("Tổng hợp {period}", "Summary of {period}"),
    "batch.h.province": ("Tỉnh/Thành phố", "Province"),
    "batch.h.facilities": ("Cơ sở", "Facilities"),
    "batch.h.months": ("Sổ tháng nhận/cần", "Months received/due"),
    "batch.h.missing": ("Thiếu", "Missing"),
    "batch.h.excluded": ("Không tính", "Not counted"),
    "batch.h.errors": ("Lỗi", "Errors"),
    "batch.h.warnings": ("Cảnh báo", "Warnings"),
    "batch.h.report": ("Báo cáo", "Report"),
    "batch.draft": ("DỰ THẢO", "DRAFT"),
    "batch.national": ("Toàn quốc", "National"),
    "batch.skipped_targets": ("{count} sổ chỉ tiêu", "{count:targets workbook|targets workbooks}"),
    "batch.skipped_ours": ("{count} tệp kết quả do rehabstat lập", "{count:result file|result files} rehabstat wrote"),
    "batch.and": (" và ", " and "),
    "batch.skipped": (" (bỏ qua {what})", " (skipped {what})"),
    "batch.read": ("Đã đọc {count} sổ hằng tháng{skipped}.", "Read {count:monthly workbook|monthly workbooks}{skipped}."),
    "batch.no_workbook": ("Không có sổ nào của kỳ này.", "No workbook for this period."),
    "partial.line": ("Một số số liệu chỉ gồm báo cáo của một phần các cơ sở: {listed}.",
                     "Some figures cover only part of the facilities: {listed}."),
    "partial.item": ("{name} ({count}/{total} cơ sở)", "{name} ({count}/{total} facilities)"),
    "partial.CO_MAT": ("có mặt", "present"),
    "partial.VANG_MAT": ("vắng mặt", "absent"),
    "batch.attention": ("Cần xem lại:", "Needs a look:"),
    "batch.unattributed": ("Sổ không đọc được (không rõ cơ sở hoặc tháng): {file}",
                           "Unreadable workbook (facility or month unknown): {file}"),
    "batch.errors": ("Lỗi theo mã: {codes} (chi tiết: trang VanDe của bảng tổng hợp, hoặc rehabstat validate).",
                     "Errors by code: {codes} (details: sheet VanDe of the national workbook, or rehabstat validate)."),
    "batch.warnings": ("Cảnh báo theo mã: {codes} (xem: rehabstat rules MÃ).",
                       "Warnings by code: {codes} (see: rehabstat rules CODE)."),
    "batch.national_written": ("Bảng tổng hợp toàn quốc: {path}", "National workbook: {path}"),
    "batch.national_not_written": ("Chưa ghi bảng tổng hợp toàn quốc: số liệu chưa đầy đủ hoặc còn lỗi (--force: ghi bản "
                                   "DỰ THẢO kèm tình hình gửi sổ).",
                                   "The national workbook was not written: the data are incomplete or have errors "
                                   "(--force: a DRAFT with the workbooks received)."),
    "batch.not_written": ("Chưa lập được báo cáo tỉnh", "The province reports were not written"),
    "batch.not_written_why": ("(mẫu văn bản có lỗi); bảng tổng hợp đã được ghi.",
                              "(the template has errors); the national workbook was written."),
    "batch.incomplete": ("Số liệu chưa đầy đủ hoặc còn lỗi", "The data are incomplete or have errors"),
    "batch.drafts": ("(mã thoát 1): các văn bản là DỰ THẢO.", "(exit code 1): the documents are DRAFTS."),
    "batch.only": ("(mã thoát 1): chỉ lập báo cáo của tỉnh có số liệu đầy đủ.",
                   "(exit code 1): reports only for the provinces whose data are complete."),
    "batch.no_usable": ("không có sổ dùng được trong kỳ: không lập báo cáo", "no usable workbook in the period: no report"),
    "batch.not_complete": ("số liệu chưa đầy đủ hoặc còn lỗi: chưa lập báo cáo (--force: bản DỰ THẢO)",
                           "data incomplete or with errors: no report (--force: a DRAFT)"),
    "batch.template_failed": ("chưa lập được báo cáo (mẫu văn bản có lỗi)", "no report written (the template has errors)"),
    "batch.interrupted": ("Đã dừng theo yêu cầu (Ctrl-C): {count} tệp đã ghi xong trong {out} trước khi dừng; tổng hợp "
                          "chưa xong, không còn tệp ghi dở. Chạy lại lệnh để lập đủ.",
                          "Stopped at your request (Ctrl-C): {count:file|files} written in {out} before the stop; the "
                          "batch did not finish, no half-written file is left. Run the command again to make them all."),
    "batch.complete": ("Số liệu đầy đủ, không có lỗi.", "The data are complete, without errors."),
    "batch.time": ("Thời gian: {seconds} giây.", "Time: {seconds} s."),
    "run.reading": ("Đang đọc sổ...", "Reading workbooks..."),
    "run.stage.read": ("Đọc sổ", "Reading"),
    "run.stage.check": ("Kiểm tra, tính số liệu", "Checking, computing"),
    "run.stage.render": ("Lập báo cáo tỉnh", "Writing province reports"),
    "run.vars.name": ("Biến", "Variable"),
    "run.vars.meaning": ("Ý nghĩa", "Meaning"),
    "run.vars.example": ("Ví dụ", "Example (document text)"),
    "vars.rows": ("{count} dòng; dòng 1:", "{count:row|rows}; row 1:"),
    "run.stopped": ("Đã dừng theo yêu cầu (Ctrl-C): lệnh chưa xong; không còn tệp ghi dở.",
                    "Stopped at your request (Ctrl-C): the command did not finish; no half-written file is left."),
    # an output folder or file
    "os.ENOENT": ("thư mục không có và không tạo được ở đó", "the folder does not exist and cannot be made there"),
    "os.ENOTDIR": ("một phần của đường dẫn là tệp, không phải thư mục", "part of the path is a file, not a folder"),
    "os.EACCES": ("không có quyền ghi", "no permission to write"),
    "os.EPERM": ("không được phép ghi", "writing is not permitted"),
    "os.EROFS": ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
    "os.ENOSPC": ("ổ đĩa đã đầy", "the disk is full"),
    "os.EDQUOT": ("đã hết hạn mức dung lượng", "the disk quota is used up"),
    "os.EISDIR": ("đã có một thư mục cùng tên", "a folder of the same name exists"),
    "os.EEXIST": ("đã có một tệp cùng tên", "a file of the same name exists"),
    "os.ENAMETOOLONG": ("tên quá dài", "the name is too long"),
    "os.EBUSY": ("tệp đang được dùng", "the file is in use"),
    "os.sqlite_open": ("không mở hoặc tạo được tệp ở đó", "the file cannot be opened or made there"),
    "os.sqlite_readonly": ("tệp chỉ cho đọc", "the file is read-only"),
    "os.other": ("lỗi hệ thống: {error}", "system error: {error}"),
    "out.late": ("Không ghi được vào thư mục kết quả {folder}: {reason}. Hãy chọn thư mục kết quả khác (hoặc đóng tệp "
                 "đang mở) rồi chạy lại.",
                 "Cannot write into the output folder {folder}: {reason}. Choose another output folder (or close the "
                 "open file) and run again."),
    "out.cannot": ("Không ghi được vào thư mục kết quả {out}: {reason}. Hãy chọn thư mục kết quả khác rồi chạy lại.",
                   "Cannot write into the output folder {out}: {reason}. Choose another output folder and run again."),
    "out.cannot_in": ("Không ghi được vào thư mục kết quả {out}: {reason} (trong {parent}). Hãy chọn thư mục kết quả "
                      "khác rồi chạy lại.",
                      "Cannot write into the output folder {out}: {reason} (in {parent}). Choose another output folder "
                      "and run again."),
    "out.is_file": ("Không ghi được vào thư mục kết quả {out}: {parent} là một tệp, không phải thư mục. Hãy chọn {option} "
                    "khác.", "Cannot write into the output folder {out}: {parent} is a file, not a folder. Choose "
                    "another {option}."),
    "out.no_permission": ("Không ghi được vào thư mục kết quả {out}: không có quyền ghi vào {parent}. Hãy chọn {option} là "
                          "một thư mục có quyền ghi.",
                          "Cannot write into the output folder {out}: no permission to write in {parent}. Choose "
                          "another {option}: a folder you may write in."),
    "out.not_ours": ("Không ghi đè {out}: đó là một sổ tính không do rehabstat lập (có thể là sổ dữ liệu). Hãy chọn "
                     "--out là một tệp mới.",
                     "Not overwriting {out}: it is a workbook rehabstat did not write (perhaps a data workbook). Choose "
                     "a new --out file."),
    "out.edited": ("Không ghi đè {path}: tệp đã được sửa sau lần rehabstat ghi nó (hoặc không do rehabstat ghi). Muốn "
                   "thay tệp đó, chạy lại với {option}; hoặc chọn --out khác, hoặc đổi tên tệp.",
                   "Not overwriting {path}: the file was changed since rehabstat wrote it (or rehabstat did not write "
                   "it). To replace it, run again with {option}; or choose another --out, or rename the file."),
    "out.unknown": ("Không ghi đè {path}: rehabstat không biết tệp này có bị sửa sau lần nó ghi hay không, vì không "
                    "ghi được sổ các tệp nó đã ghi ({ledger}: {reason}). Nếu không ai sửa tệp, chạy lại với {option} "
                    "để thay nó; hoặc chọn --out khác. Để rehabstat tự nhận ra tệp của nó, hãy cho phép ghi vào "
                    "{folder} hoặc đặt biến môi trường REHABSTAT_STATE là một thư mục ghi được.",
                    "Not overwriting {path}: rehabstat cannot tell whether the file was changed since it wrote it, "
                    "because it cannot write its ledger of the files it wrote ({ledger}: {reason}). If nobody changed "
                    "the file, run again with {option} to replace it; or choose another --out. For rehabstat to know "
                    "its own files, allow writing in {folder} or set the environment variable REHABSTAT_STATE to a "
                    "folder you may write in."),
    "out.ledger_unwritable": ("không ghi được sổ các tệp rehabstat đã ghi ({ledger}: {reason}). Các tệp vừa ghi vẫn đầy "
                              "đủ, nhưng lần sau rehabstat không nhận ra chúng là của nó nên sẽ không ghi đè chúng nếu "
                              "không có {option}. Hãy cho phép ghi vào {folder} hoặc đặt biến môi trường "
                              "REHABSTAT_STATE là một thư mục ghi được.",
                              "cannot write the ledger of the files rehabstat wrote ({ledger}: {reason}). The files "
                              "just written are whole, but next time rehabstat cannot tell they are its own and will "
                              "not replace them without {option}. Allow writing in {folder} or set the environment "
                              "variable REHABSTAT_STATE to a folder you may write in."),
    "out.folder_named": ("Không ghi được {target}: đã có một thư mục cùng tên. Hãy đổi tên thư mục đó rồi chạy lại.",
                         "Cannot write {target}: a folder of the same name exists. Rename that folder and run again."),
    "out.open_both": ("Không ghi được {target}: tệp đang mở trong Word/Excel hoặc thư mục không cho phép ghi. Hãy đóng "
                      "tệp rồi chạy lại.",
                      "Cannot write {target}: the file is open in Word/Excel or the folder does not allow writing. "
                      "Close the file and run again."),
    "out.open_word": ("Không ghi được {target}: tệp đang mở trong Word hoặc thư mục không cho phép ghi. Hãy đóng tệp rồi "
                      "chạy lại.",
                      "Cannot write {target}: the file is open in Word or the folder does not allow writing. Close the "
                      "file and run again."),
    "out.templates_exist": ("Đã có tệp mẫu: {names}. Không ghi đè: dùng --force để ghi đè, hoặc chọn thư mục khác.",
                            "Templates exist: {names}. Not overwritten: use --force to overwrite them, or choose another "
                            "folder."),
    "out.control_chars": ("Dữ liệu có ký tự không ghi được vào tệp Word/Excel (ký tự điều khiển): đã bỏ khỏi tệp Word, "
                          "thay bằng '\ufffd' trong tệp Excel.",
                          "The data hold characters a Word/Excel file cannot hold (control characters): left out of "
                          "the Word file, written as '\ufffd' in the Excel file."),
    "out.early_report": ("--date {date}: báo cáo {period} không thể ghi ngày trước khi kỳ kết thúc ({end}); ngày sớm nhất "
                         "là {earliest}.",
                         "--date {date}: a document for {period} cannot be dated before its period ends ({end}); the "
                         "earliest date is {earliest}."),
    "out.early_plan": ("--date {date}: kế hoạch (phần I là kết quả {period}) không thể ghi ngày trước khi kỳ kết thúc "
                       "({end}); ngày sớm nhất là {earliest}.",
                       "--date {date}: a document for {period} cannot be dated before its period ends ({end}); the "
                       "earliest date is {earliest}."),
    # the web's accounts (rehabstat users) and the server (rehabstat serve)
    "users.short": ("Mật khẩu cần ít nhất {count} ký tự.", "A password needs at least {count} characters."),
    "users.bad_name": ("Tên tài khoản '{name}' không hợp lệ: dùng 2–64 chữ cái không dấu, chữ số, dấu . _ - @.",
                       "User name '{name}' is not valid: use 2–64 letters without accents, digits, . _ - @."),
    "users.bad_role": ("Vai trò '{role}' không có; chọn một: {roles}.", "There is no role '{role}'; choose one: {roles}."),
    "users.need_facility": ("Tài khoản cơ sở cần --facility MÃ (mã cơ sở như trong sổ).",
                            "A facility's account needs --facility CODE (the facility code as in its workbooks)."),
    "users.need_province": ("Tài khoản tỉnh cần --province TÊN.", "A province's account needs --province NAME."),
    "users.department": ("Tài khoản cấp cục (department) thấy mọi cơ sở: không ghi --facility hay --province.",
                         "A department account sees every facility: give neither --facility nor --province."),
    "users.exists": ("Tài khoản '{name}' đã có. Đổi mật khẩu: rehabstat users passwd {name} --password-stdin.",
                     "Account '{name}' exists. To change its password: rehabstat users passwd {name} --password-stdin."),
    "users.unknown": ("Không có tài khoản '{name}'. Các tài khoản: {known}.", "There is no account '{name}'. Accounts: {known}."),
    "users.stdin": ("Mật khẩu đọc từ đầu vào chuẩn: thêm --password-stdin (ví dụ: echo 'mật khẩu' | rehabstat users ...).",
                    "The password is read from standard input: add --password-stdin (e.g. echo 'a password' | rehabstat "
                    "users ...)."),
    "users.added": ("Đã thêm tài khoản {name} ({role}{scope}).", "Account {name} added ({role}{scope})."),
    "users.h.name": ("Tài khoản", "Account"),
    "users.h.role": ("Vai trò", "Role"),
    "users.h.scope": ("Phạm vi", "Scope"),
    "users.h.state": ("Trạng thái", "State"),
    "users.disabled": ("đã khóa", "disabled"),
    "users.active": ("hoạt động", "active"),
    "users.disabled_done": ("Đã khóa tài khoản {name}.", "Account {name} disabled."),
    "users.passwd_done": ("Đã đổi mật khẩu của {name}.", "The password of {name} was changed."),
    "province.unknown": ("'{name}' không phải tên tỉnh/thành phố nào.", "'{name}' is not the name of any province or city."),
    "province.unknown_near": ("'{name}' không phải tên tỉnh/thành phố nào; có phải: {near}?",
                              "'{name}' is not the name of any province or city; did you mean: {near}?"),
    "serve.cert_key": ("--cert và --key phải đi cùng nhau (chứng chỉ và khóa riêng của nó).",
                       "--cert and --key go together (the certificate and its private key)."),
    "serve.no_file": ("Không tìm thấy tệp {path}.", "File {path} not found."),
    "serve.address": ("rehabstat serve: {address} (kho {root}; Ctrl-C để dừng)",
                      "rehabstat serve: {address} (store {root}; Ctrl-C to stop)"),
    "serve.no_account": ("Chưa có tài khoản nào: rehabstat users add TÊN --store {root} --role department --password-stdin",
                         "No account yet: rehabstat users add NAME --store {root} --role department --password-stdin"),
    "serve.missing": ("Thiếu thư viện cho giao diện web ({modules}). Cài bằng: pip install \"rehabstat[web]\" (hoặc "
                      "trong thư mục mã nguồn: pip install -e \".[web]\").",
                      "The web inbox needs libraries that are not installed ({modules}). Install them with: pip install "
                      "\"rehabstat[web]\" (or in the source folder: pip install -e \".[web]\")."),
    "serve.stopped": ("rehabstat serve: đã dừng.", "rehabstat serve: stopped."),
    # a .docx template that cannot be used (documents/render.py)
    "tpl.not_dict": ("Dữ liệu điền vào mẫu phải là một bảng khóa - giá trị (dict).",
                     "The data filled into a template must be a table of keys and values (dict)."),
    "tpl.not_found": ("Không tìm thấy tệp mẫu văn bản: {path}", "Template file not found: {path}"),
    "tpl.not_file": ("Mẫu văn bản không phải là một tệp: {path}", "The template is not a file: {path}"),
    "tpl.not_docx": ("Tệp mẫu không phải là văn bản Word .docx: {name} (hãy lưu lại mẫu trong Word dưới dạng «Word "
                     "Document (*.docx)»).",
                     "The template is not a Word .docx document: {name} (save it again in Word as «Word Document "
                     "(*.docx)»)."),
    "tpl.too_big": ("Tệp mẫu quá lớn để xử lý an toàn: {name}", "The template is too large to process safely: {name}"),
    "tpl.encrypted": ("Tệp mẫu được mã hóa (có mật khẩu): {name}", "The template is encrypted (password-protected): {name}"),
    "tpl.is_plan": ("Mẫu {name} là mẫu kế hoạch (KH: có các biến plan.…), không dùng cho báo cáo. Hãy dùng mẫu BC "
                    "(rehabstat templates export) hoặc lập kế hoạch bằng rehabstat plan.",
                    "Template {name} is a plan template (KH: it uses the plan.… variables), not for a report. Use a BC "
                    "template (rehabstat templates export), or write a plan with rehabstat plan."),
    "tpl.not_plan": ("Mẫu {name} không có phần chỉ tiêu của kế hoạch (các biến plan.…): có lẽ là mẫu báo cáo (BC). Hãy "
                     "dùng mẫu KH (rehabstat templates export).",
                     "Template {name} has no targets part of a plan (the plan.… variables): probably a report (BC) "
                     "template. Use a KH template (rehabstat templates export)."),
    "tpl.near": (" Gần đoạn: «{text}».", " Near: «{text}»."),
    "tpl.security_what": (" «{attribute}» của kiểu «{type}»", " «{attribute}» of the type «{type}»"),
    "tpl.security": ("Mẫu văn bản bị từ chối: mẫu {name} truy cập thuộc tính không được phép{what}.",
                     "Template refused: {name} reaches an attribute it may not{what}."),
    "tpl.near_names": (" (có phải: {names}?)", " (did you mean: {names}?)"),
    "tpl.undefined": ("Mẫu văn bản dùng biến không tồn tại: '{where}'{near}. Xem danh sách biến: rehabstat templates "
                      "vars", "The template uses a variable that does not exist: '{where}'{near}. The variables: "
                      "rehabstat templates vars"),
    "tpl.technical": (" Chi tiết kỹ thuật (jinja2, tiếng Anh): {detail}.", " Technical detail (jinja2): {detail}."),
    "tpl.syntax": ("Mẫu văn bản có lỗi cú pháp trong thẻ {{{{ }}}} hoặc {{% %}} ở {place}: hãy xem lại các thẻ của "
                   "đoạn văn này. Đoạn văn: «{text}».{technical}",
                   "The template has a syntax error in a {{{{ }}}} or {{% %}} tag in {place}: check the tags of this "
                   "paragraph. The paragraph: «{text}».{technical}"),
    "tpl.syntax_nowhere": ("Mẫu văn bản có lỗi cú pháp trong thẻ {{{{ }}}} hoặc {{% %}}.{near}{technical}",
                           "The template has a syntax error in a {{{{ }}}} or {{% %}} tag.{near}{technical}"),
    "tpl.unknown_filter": ("Mẫu văn bản dùng bộ lọc không có: «| {name}» ở {place}{near}. Đoạn văn: «{text}».{technical}",
                           "The template uses a filter that does not exist: «| {name}» in {place}{near}. The "
                           "paragraph: «{text}».{technical}"),
    "tpl.unknown_test": ("Mẫu văn bản dùng phép thử không có: «is {name}» ở {place}{near}. Đoạn văn: «{text}».{technical}",
                         "The template uses a test that does not exist: «is {name}» in {place}{near}. The paragraph: "
                         "«{text}».{technical}"),
    "tpl.unknown_tag": ("Mẫu văn bản dùng thẻ lệnh không có: «{{% {name} %}}» ở {place}. Các thẻ dùng được: {tags}. "
                        "Đoạn văn: «{text}».{technical}",
                        "The template uses a tag that does not exist: «{{% {name} %}}» in {place}. The tags: {tags}. "
                        "The paragraph: «{text}».{technical}"),
    "tpl.block_unclosed": ("Mẫu văn bản có khối «{{% {name} … %}}» mở ở {place} nhưng không đóng: thiếu «{{% end{name} "
                           "%}}» ở sau. Đoạn văn: «{text}».{technical}",
                           "The template has a «{{% {name} … %}}» block opened in {place} and never closed: "
                           "«{{% end{name} %}}» is missing after it. The paragraph: «{text}».{technical}"),
    "tpl.block_stray": ("Mẫu văn bản có «{{% {name} %}}» ở {place} nhưng không có khối nào mở trước đó mà nó đóng. "
                        "Đoạn văn: «{text}».{technical}",
                        "The template has «{{% {name} %}}» in {place} but no block before it that it belongs to. The "
                        "paragraph: «{text}».{technical}"),
    "tpl.block_mismatch": ("Mẫu văn bản có «{{% {name} %}}» ở {place} trong khi khối đang mở là «{{% {open} … %}}» "
                           "(mở ở {open_place}): cần «{{% end{open} %}}» trước. Đoạn văn: «{text}».{technical}",
                           "The template has «{{% {name} %}}» in {place} while the open block is «{{% {open} … %}}» "
                           "(opened in {open_place}): «{{% end{open} %}}» is needed first. The paragraph: "
                           "«{text}».{technical}"),
    "tpl.fill": ("Mẫu văn bản bị lỗi khi điền dữ liệu.{near}{technical}",
                 "The template failed while the data were filled in.{near}{technical}"),
    "tpl.resources": ("Mẫu văn bản bị từ chối: mẫu {name} đòi hỏi quá nhiều tài nguyên.",
                      "Template refused: {name} needs too many resources."),
    "tpl.fill_other": ("Mẫu văn bản bị lỗi khi điền dữ liệu ({name}): {error}",
                       "The template failed while the data were filled in ({name}): {error}"),
    # where a tag is in a template, as Word shows it (documents/tplcheck.py)
    "tpl.place_document": ("đoạn văn thứ {n}", "paragraph {n}"),
    "tpl.place_cell": ("bảng thứ {table}, dòng {row}, ô {cell}", "table {table}, row {row}, cell {cell}"),
    "tpl.place_header": ("đầu trang, đoạn thứ {n}", "the page header, paragraph {n}"),
    "tpl.place_footer": ("chân trang, đoạn thứ {n}", "the page footer, paragraph {n}"),
    "tpl.place_footnotes": ("chú thích cuối trang, đoạn thứ {n}", "the footnotes, paragraph {n}"),
    "tpl.brace_unclosed": ("Mẫu văn bản có thẻ không đóng ở {place}: «{tag}» mở bằng «{open}» nhưng thiếu «{close}». "
                           "Mỗi thẻ phải mở và đóng trong cùng một đoạn văn. Đoạn văn: «{text}».",
                           "The template has a tag that is not closed in {place}: «{tag}» opens with «{open}» but "
                           "lacks «{close}». Each tag must open and close in the same paragraph. The paragraph: "
                           "«{text}»."),
    "tpl.brace_wrong": ("Mẫu văn bản có thẻ đóng sai ở {place}: «{tag}» mở bằng «{open}» thì phải đóng bằng «{close}». "
                        "Đoạn văn: «{text}».",
                        "The template has a tag closed the wrong way in {place}: «{tag}» opens with «{open}», so it "
                        "must close with «{close}». The paragraph: «{text}»."),
    "tpl.brace_stray": ("Mẫu văn bản có «{close}» thừa ở {place}: không có «{open}» nào mở trước nó trong đoạn văn. Hãy "
                        "thêm «{open}» hoặc xóa «{close}». Đoạn văn: «{text}».",
                        "The template has a stray «{close}» in {place}: no «{open}» opens before it in the paragraph. "
                        "Add «{open}» or delete «{close}». The paragraph: «{text}»."),
    "tpl.kind": ("Loại văn bản không hợp lệ: {kind} (chỉ có: {kinds}).", "Unknown document kind: {kind} (only: {kinds})."),
    # provinces as of a date (settings/geography.py)
    "geo.mapped": ("Sổ ghi tên tỉnh trước ngày {effective} ({olds}) được tính vào {new} theo địa giới ngày {as_of} "
                   "({source}).",
                   "Workbooks naming a province as before {effective} ({olds}) count in {new}, by the provinces of "
                   "{as_of}."),
    "geo.full": ("{kind} {name}", "{name}"),  # a province in prose: "tỉnh Ninh Bình"; in English its name
    "geo.near": (" Có phải: {names}?", " Did you mean: {names}?"),
    "geo.unknown": ("'{name}' không phải tên tỉnh/thành phố nào (trước hay sau ngày {effective}): lỗi G001 ở trang "
                    "ThongTin của sổ ghi tên này; sửa tên tỉnh rồi chạy lại.{hint}",
                    "'{name}' is not the name of any province or city (before or after {effective}): error G001 on "
                    "the ThongTin sheet of the workbook that names it; correct the name and run again.{hint}"),
    # the document's agency, signer and recipients (settings/sector.py, data/sectors.toml)
    "sector.lao-dong": ("ngành Lao động - Thương binh và Xã hội (kỳ kết thúc trước ngày 01/03/2025)",
                        "the Labour, Invalids and Social Affairs sector (periods ending before 01/03/2025)"),
    "sector.cong-an": ("ngành Công an (kỳ kết thúc từ ngày 01/03/2025)", "the Police sector (periods ending from 01/03/2025)"),
    "sector.defaults": ("Cơ quan, người ký và nơi nhận theo mặc định của {sector}; sửa trong [document] của "
                        "rehabstat.toml nếu khác.",
                        "The agency, signer and recipients are the defaults of {sector}; change them in [document] of "
                        "rehabstat.toml if they differ."),
    "sector.no_signer": ("Chưa có họ tên người ký (document.signer_name trong rehabstat.toml): văn bản ghi {placeholder} "
                         "để điền.",
                         "No signer's name (document.signer_name in rehabstat.toml): the document leaves a place for "
                         "it to fill in."),
    "sector.no_agency": ("Chưa có tên cơ quan ban hành (document.agency trong rehabstat.toml): văn bản ghi {placeholder} "
                         "để điền.",
                         "No issuing agency (document.agency in rehabstat.toml): the document leaves a place for it "
                         "to fill in."),
    "sector.no_province": ("Không xác định được tỉnh/thành phố '{province}' theo danh mục sau ngày 01/07/2025: văn bản "
                           "ghi {placeholder} để điền.",
                           "Province or city '{province}' is not in the list after 01/07/2025: the document leaves a "
                           "place for its name to fill in."),
    # periods (--year, --month, --quarter, --half, --months, --from/--to)
    "period.bad_month": ("{option} '{text}' không hợp lệ: hãy ghi tháng/năm, ví dụ 01/2021.",
                         "{option} '{text}' is not valid: write month/year, e.g. 01/2021."),
    "period.month_range": ("{option} '{text}': tháng phải từ 1 đến 12.", "{option} '{text}': the month must be 1 to 12."),
    "period.both": ("Dùng --from/--to hoặc --year (kèm --month/--quarter/--half), không dùng cả hai.",
                    "Use --from/--to or --year (with --month/--quarter/--half), not both."),
    "period.from_to": ("Cần cả --from và --to, ví dụ --from 01/2017 --to 06/2020.",
                       "Both --from and --to are needed, e.g. --from 01/2017 --to 06/2020."),
    "period.after": ("--from {start} ở sau --to {end}.", "--from {start} is after --to {end}."),
    "period.none": ("Cần chọn kỳ báo cáo: --year 2021 (có thể kèm --month, --quarter, --half) hoặc --from/--to.",
                    "Choose a reporting period: --year 2021 (optionally with --month, --quarter, --half) or --from/--to."),
    "period.bad_year": ("--year {year} không hợp lệ: hãy ghi năm đủ bốn chữ số, ví dụ --year 2021.",
                        "--year {year} is not valid: write the year in four digits, e.g. --year 2021."),
    "period.one": ("Chỉ chọn một trong --month, --quarter, --half, --months.",
                   "Choose only one of --month, --quarter, --half, --months."),
    "period.months": ("--months phải từ 1 đến 12 (số tháng đầu năm, ví dụ --months 9).",
                      "--months must be 1 to 12 (months from the start of the year, e.g. --months 9)."),
    "period.month": ("--month phải từ 1 đến 12.", "--month must be 1 to 12."),
    "period.quarter": ("--quarter phải từ 1 đến 4.", "--quarter must be 1 to 4."),
    "period.half": ("--half phải là 1 hoặc 2.", "--half must be 1 or 2."),
    "period.not_number": ("'{value}' không phải là số.", "'{value}' is not a number."),
    "period.as_of": ("--as-of '{text}' không hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 31/12/2025.",
                     "--as-of '{text}' is not valid: write day/month/year, e.g. 31/12/2025."),
    # the data of a command: which facilities, complete or not
    "data.incomplete": ("Số liệu {period} chưa đầy đủ hoặc còn lỗi: chưa xuất số liệu nào.",
                        "The data of {period} are incomplete or have errors: nothing was written."),
    "data.none": ("Không có số liệu cho {period}.", "No data for {period}."),
    "data.province_errors": ("Sổ cấp tỉnh có {count} lỗi ở {files} sổ (chi tiết: rehabstat validate).",
                             "The province workbooks have {count:error|errors} in {files:workbook|workbooks} (details: "
                             "rehabstat validate)."),
    "data.province_advice": ("Sửa các lỗi trên trong sổ cấp tỉnh (rehabstat validate) rồi chạy lại, hoặc dùng --force.",
                             "Fix the errors above in the province workbooks (rehabstat validate) and run again, or use "
                             "--force."),
    "data.not_counted": ("Tệp không tính vào số liệu – {file}: {message}", "A file not counted in the figures – {file}: {message}"),
    "select.both": ("Chọn --facility hoặc --province, không chọn cả hai.", "Choose --facility or --province, not both."),
    "select.none": ("(không có)", "(none)"),
    "select.no_province": ("Không có cơ sở nào của tỉnh '{province}' trong dữ liệu. Các tỉnh có: {known}.",
                           "The data hold no facility of province '{province}'. Provinces present: {known}."),
    "select.no_facility": ("Không có cơ sở '{facility}' trong dữ liệu. Các cơ sở có: {known}.",
                           "The data hold no facility '{facility}'. Facilities present: {known}."),
    "select.no_workbook": ("Không tìm thấy sổ hằng tháng nào (.xlsx, .xlsm, .xls, .ods) trong thư mục dữ liệu.",
                           "No monthly workbook (.xlsx, .xlsm, .xls, .ods) found in the data folder."),
    "select.no_workbook_in": ("Không tìm thấy sổ nào (.xlsx, .xlsm, .xls, .ods) trong {paths}.",
                              "No workbook (.xlsx, .xlsm, .xls, .ods) found in {paths}."),
    "select.no_monthly_in": ("Không tìm thấy sổ hằng tháng nào (.xlsx, .xlsm, .xls, .ods) trong {paths}.",
                             "No monthly workbook (.xlsx, .xlsm, .xls, .ods) found in {paths}."),
    "select.no_monthly_store": ("Không tìm thấy sổ hằng tháng nào (.xlsx, .xlsm, .xls, .ods) trong kho.",
                                "No monthly workbook (.xlsx, .xlsm, .xls, .ods) found in the store."),
    "targets.not_found": ("Không tìm thấy sổ chỉ tiêu {path}.", "Targets workbook {path} not found."),
    "targets.not_targets": ("Tệp {name} không phải sổ chỉ tiêu (cần trang ChiTieu với các cột Mã chỉ tiêu, Kế hoạch). "
                            "Mẫu: samples/targets/son-la-2022.xlsx.",
                            "File {name} is not a targets workbook (it needs a sheet ChiTieu with the columns Mã chỉ "
                            "tiêu, Kế hoạch). A sample: samples/targets/son-la-2022.xlsx."),
    "targets.unreadable": ("Không đọc được sổ chỉ tiêu {name} ({problem}): hãy lưu lại tệp dưới dạng .xlsx có trang "
                           "ChiTieu.",
                           "Targets workbook {name} cannot be read ({problem}): save it again as .xlsx with a sheet "
                           "ChiTieu."),
    "targets.none": ("Sổ chỉ tiêu {name} không có chỉ tiêu năm {year} cho {key} (sổ có: năm {years}; đơn vị {units}).",
                     "Targets workbook {name} has no targets of {year} for {key} (it has: year {years}; units {units})."),
    "targets.no_plan": ("Không lập kế hoạch: phần II (chỉ tiêu) sẽ trống.",
                        "No plan written: part II (the targets) would be empty."),
    "targets.no_plan_advice": ("Ghi chỉ tiêu của năm kế hoạch vào sổ chỉ tiêu (trang ChiTieu) rồi chạy lại.",
                               "Write the targets of the plan's year into the targets workbook (sheet ChiTieu) and run "
                               "again."),
    "form.bad_period": ("--period '{period}' không hợp lệ: hãy ghi 06/2020, Quý II/2020, 6 tháng đầu năm 2020 hoặc 2019.",
                        "--period '{period}' is not valid: write 06/2020, Quý II/2020, 6 tháng đầu năm 2020 or 2019."),
    "form.needs": ("Sổ hằng tháng cần --facility, --name, --province và --month.",
                   "A monthly workbook needs --facility, --name, --province and --month."),
    "form.empty": ("--facility, --name và --province không được để trống.", "--facility, --name and --province must not be empty."),
    "form.exists": ("Tệp {path} đã có; dùng --force để ghi đè hoặc chọn --out khác.",
                    "File {path} exists; use --force to overwrite it or choose another --out."),
    "form.warning": ("Cảnh báo", "Warning"),
    "form.note": ("Lưu ý", "Note"),
    "form.merged": ("tỉnh '{province}' đã sáp nhập vào {into} từ ngày {date}; nên ghi tên tỉnh mới.",
                    "province '{province}' was merged into {into} on {date}; better write the new province's name."),
    "form.no_opening": ("{why}; Đầu kỳ để trống.", "{why}; the opening is left blank."),
    "form.province_needs": ("Sổ cấp tỉnh cần --province và --period, ví dụ --period 2019.",
                            "A province workbook needs --province and --period, e.g. --period 2019."),
    # new-user follow-ups (fixb): form's province, validate's output option
    "form.facility_province": ("{what} Sổ của cơ sở cần tên tỉnh đúng: hãy sửa --province.",
                               "{what} A facility workbook needs the right province name: correct --province."),
    "select.no_province_near": ("Không có cơ sở nào của tỉnh '{province}' trong dữ liệu. Các tỉnh có: {known}.{hint}",
                                "The data hold no facility of province '{province}'. Provinces present: {known}.{hint}"),
    "form.province_name": ("{what} Sổ cấp tỉnh cần tên tỉnh đúng: hãy sửa --province.",
                           "{what} A province workbook needs the right name: correct --province."),
    "select.unreadable": ("Không đọc được sổ nào có thông tin cơ sở trong thư mục dữ liệu.",
                          "No workbook with facility information could be read in the data folder."),
    "select.file": ("{file}: {message}", "{file}: {message}"),
    "select.cannot_read": ("không đọc được", "cannot be read"),
    "select.unreadable_advice": ("Xem chi tiết: rehabstat validate THƯ-MỤC; sửa hoặc gửi lại các sổ.",
                                 "See the details: rehabstat validate DIR; fix the workbooks or send them again."),
    "select.twins": ("Một cơ sở được ghi dưới nhiều mã khác nhau, nên dữ liệu như có nhiều cơ sở.",
                     "One facility is written under several codes, so the data look like several facilities."),
    "select.twin": ("'{name}': mã {codes}", "'{name}': codes {codes}"),
    "select.twins_advice": ("Sửa Mã cơ sở ở trang ThongTin của các sổ ghi sai mã (rehabstat validate báo lỗi X005 ở "
                            "từng sổ) rồi chạy lại.",
                            "Correct the facility code on the ThongTin sheet of the workbooks with the wrong code "
                            "(rehabstat validate reports X005 in each) and run again."),
    "select.many": ("Dữ liệu có {count} cơ sở ({listed}). Chọn --facility MÃ hoặc --province TÊN.",
                    "The data hold {count} facilities ({listed}). Choose --facility CODE or --province NAME."),
    # rehabstat.toml
    "config.not_found": ("Không tìm thấy tệp cấu hình {path}.", "Configuration file {path} not found."),
    "config.toml": ("Tệp cấu hình {path} không đúng cú pháp TOML: {error}", "Configuration file {path} is not valid TOML: {error}"),
    "config.section": ("{path}: mục không hợp lệ [{sections}]; các mục: [document], [revenue], [registry], [facility.MÃ], "
                       "[deadline], [checks].",
                       "{path}: unknown section [{sections}]; the sections: [document], [revenue], [registry], "
                       "[facility.CODE], [deadline], [checks]."),
    "config.key": ("{path}: khóa '{key}' không hợp lệ; các khóa: {keys}.", "{path}: unknown key '{key}'; the keys: {keys}."),
    "config.string": ("{path}: khóa '{key}' phải là một chuỗi.", "{path}: key '{key}' must be a string."),
    "config.strings": ("{path}: khóa '{key}' phải là một danh sách chuỗi.", "{path}: key '{key}' must be a list of strings."),
    "config.integer": ("{path}: khóa '{key}' phải là một số nguyên.", "{path}: key '{key}' must be an integer."),
    "config.preset": ("{path}: 'document.preset' phải là một trong: {presets} (mặc định: theo kỳ báo cáo).",
                      "{path}: 'document.preset' must be one of: {presets} (default: by the reporting period)."),
    "config.no_preset": ("document.preset '{name}' không có; các preset: {presets}.",
                         "document.preset '{name}' does not exist; the presets: {presets}."),
    "config.percent": ("{path}: khóa '{key}' phải là một tỷ lệ phần trăm từ 0 đến 100.",
                       "{path}: key '{key}' must be a percentage from 0 to 100."),
    "config.funds": ("{path}: các quỹ revenue.reward + welfare + development + reserve phải cộng lại 100 (đang là {funds}).",
                     "{path}: the funds revenue.reward + welfare + development + reserve must add up to 100 (they are "
                     "{funds})."),
    "config.day": ("{path}: khóa '{key}' phải là một ngày trong tháng, từ 1 đến 31.",
                   "{path}: key '{key}' must be a day of the month, 1 to 31."),
    "config.deadline_day": ("{path}: [deadline] cần khóa 'day' (sổ tháng phải gửi trước ngày này của tháng sau).",
                            "{path}: [deadline] needs the key 'day' (a month's workbook is due before this day of the "
                            "next month)."),
    "config.registry": ("{path}: khóa '{key}' phải là danh sách mã cơ sở.", "{path}: key '{key}' must be a list of facility codes."),
    "config.registry_province": ("{path}: khóa '{key}': không có tỉnh/thành phố nào tên này (trước hay sau ngày "
                                 "{effective}).{hint} Hãy sửa tên tỉnh trong mục [registry].",
                                 "{path}: key '{key}': no province or city has this name (before or after "
                                 "{effective}).{hint} Correct the province's name in [registry]."),
    "config.facility": ("{path}: mục [facility.{unit}] chỉ có các khóa opened, closed (tháng MM/YYYY).",
                        "{path}: section [facility.{unit}] has only the keys opened, closed (months MM/YYYY)."),
    "config.facility_unknown": (
        "{path}: mục [facility.{unit}]: không có cơ sở nào mã này trong dữ liệu ({where}) hay trong mục "
        "[registry].{hint} Các cơ sở có: {known}. Hãy sửa mã cơ sở; một cơ sở chưa gửi sổ nào thì ghi nó vào "
        "[registry] của tỉnh.",
        "{path}: section [facility.{unit}]: no facility has this code in the data ({where}) or in "
        "[registry].{hint} Facilities known: {known}. Correct the facility's code; list a facility that has "
        "sent nothing yet in its province's [registry]."),
    "config.month": ("{path}: khóa '{key}' phải là một tháng dạng MM/YYYY, ví dụ \"07/2021\".",
                     "{path}: key '{key}' must be a month MM/YYYY, e.g. \"07/2021\"."),
})

# ================================================================ the store upgraded on opening; a rejected copy sent again
WORDS.update({
    "store.upgraded": ("Kho dữ liệu {root} đã được nâng cấp từ phiên bản {previous} lên {version}; phiên bản rehabstat "
                       "cũ hơn không mở được kho này nữa.",
                       "The store {root} was upgraded from version {previous} to version {version}; older versions "
                       "of rehabstat can no longer open it."),
    "audit.upgrade": ("nâng cấp kho từ phiên bản {previous} lên {version}",
                      "store upgraded from version {previous} to version {version}"),
    "log.action.upgrade": ("nâng cấp", "upgraded"),
    "web.action.upgrade": ("nâng cấp kho", "store upgraded"),
    "receive.again_rejected": ("Trong số tệp đã có, {count} tệp trùng với bản đã bị từ chối và vẫn bị từ chối: hãy "
                               "gửi bản đã sửa lỗi.",
                               "Of the files already there, {count:file is|files are} the same as a rejected copy "
                               "and still rejected: send a corrected copy."),
})


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
for _key, _words in (("period.year", ("năm {year}", "year {year}")), ("period.named", ("{label}", "{code}"))):
    if _key in WORDS:  # one key, one meaning (as _help_words checks for the tables above)
        raise KeyError(f"catalogue key defined twice: {_key}")
    WORDS[_key] = _words


class _Words(string.Formatter):
    """str.format, with a number and its noun in one field: "{count:file|files}" gives
    "1 file", "3 files" (English needs the plural; Vietnamese writes "{count} tệp");
    "{count:=it|them}" gives the word alone. Numbers (Count) and phrases are shown in `lang`."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec):
        if "|" in spec:
            alone = spec.startswith("=")
            one, many = spec.lstrip("=").split("|", 1)
            n = int(value)
            word = one if n == 1 else many
            if alone:
                return word
            if self.lang == "en":
                return f"{n:,} {word}"
            from .vnformat import number
            return f"{number(n)} {word}"
        if callable(getattr(value, "shown", None)):  # a Count, a Phrase, an Issue, a Period: in this language
            value = value.shown(self.lang)
        return format(value, spec)


def text(key: str, /, lang: str | None = None, **values) -> str:
    """The words of `key` in `lang` (default: the chosen language), `values` filled in
    (a Count or a Phrase among them shown in that language)."""
    if lang is None:
        from .language import LANG
        lang = LANG["value"]
    vi, en = WORDS[key]
    words = en if lang == "en" else vi
    return _Words(lang).format(words, **values) if values else words
