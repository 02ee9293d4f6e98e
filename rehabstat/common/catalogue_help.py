"""The command line's own words: help texts of commands and options, metavars, and the words
the help screen and usage errors are made of; key -> (Vietnamese, English), merged into the
catalogue's WORDS (catalogue.py). A help text is declared in cli.py by its key
(`help="help.report"`) and rendered by clilang in the chosen language."""
from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- help texts of the command line
    "help.rehabstat": ("Sổ theo dõi hằng tháng của cơ sở cai nghiện → chỉ số đã kiểm tra → báo cáo (BC), kế "
                       "hoạch (KH).\n\n"
                       "Ví dụ: rehabstat report --data samples/son-la --year 2021",
                       "Monthly workbooks of rehabilitation facilities → checked indicators → reports (BC), "
                       "plans (KH).\n\n"
                       "Example: rehabstat report --data samples/son-la --year 2021"),
    "help.opt.lang": ("Ngôn ngữ thông báo: vi hoặc en.",
                      "Language of messages: vi or en."),
    "help.opt.debug": ("Hiện chi tiết lỗi (traceback).",
                       "Show error details (traceback)."),
    "help.indicators": ("Bảng chỉ số (unit, level, period, indicator, category, value) cho một kỳ.\n\n"
                        "Chỉ xuất khi số liệu của kỳ đầy đủ và không có lỗi (mã thoát 0). Thiếu tháng, sổ "
                        "trùng, sổ có lỗi hoặc không có sổ nào: mã thoát 1, không xuất gì (trừ khi --force).\n\n"
                        "Ví dụ: rehabstat indicators --data samples/ha-noi --year 2021 --quarter 2 --level "
                        "province --format json",
                        "The indicator table (unit, level, period, indicator, category, value) of a period.\n\n"
                        "Written only when the period's data are complete and without errors (exit code 0). "
                        "A missing month, a duplicate workbook, a workbook with errors or no workbook at "
                        "all: exit code 1 and nothing written (unless --force).\n\n"
                        "Example: rehabstat indicators --data samples/ha-noi --year 2021 --quarter 2 --level "
                        "province --format json"),
    "help.opt.data": ("Thư mục (hoặc tệp) chứa các sổ hằng tháng; tìm đệ quy.",
                      "Folder (or file) holding the monthly workbooks; searched recursively."),
    "help.opt.store_source": ("Đọc từ kho (rehabstat receive) thay cho --data: bản được nhận mới nhất của "
                              "mỗi tháng.",
                              "Read from the store (rehabstat receive) instead of --data: the latest "
                              "accepted version of each month."),
    "help.opt.year": ("Năm báo cáo, ví dụ 2021.",
                      "Reporting year, e.g. 2021."),
    "help.opt.month": ("Tháng (1-12) của năm.",
                       "Month (1-12) of the year."),
    "help.opt.quarter": ("Quý (1-4) của năm.",
                         "Quarter (1-4) of the year."),
    "help.opt.half": ("Nửa năm (1-2).",
                      "Half year (1-2)."),
    "help.opt.from": ("Từ tháng MM/YYYY, ví dụ 01/2017.",
                      "From month MM/YYYY, e.g. 01/2017."),
    "help.opt.to": ("Đến tháng MM/YYYY, ví dụ 06/2020.",
                    "To month MM/YYYY, e.g. 06/2020."),
    "help.opt.months": ("Số tháng đầu năm (lũy kế), ví dụ --months 9: 9 tháng đầu năm.",
                        "Number of months from the start of the year (cumulative), e.g. --months 9: the "
                        "first 9 months."),
    "help.indicators.level": ("facility | province | national",) * 2,
    "help.indicators.fmt": ("csv | json | xlsx (mặc định: theo đuôi tệp của --out, không có thì csv)",
                            "csv | json | xlsx (default: the extension of --out, else csv)"),
    "help.indicators.out": ("Tệp kết quả .csv, .json hoặc .xlsx (mặc định: in ra màn hình; xlsx cần --out).",
                            "Output file .csv, .json or .xlsx (default: print to the screen; xlsx needs --out)."),
    "help.indicators.facility": ("Chỉ cơ sở có mã này.",
                                 "Only the facility with this code."),
    "help.indicators.province": ("Chỉ tỉnh/thành phố này.",
                                 "Only this province."),
    "help.opt.config": ("Tệp rehabstat.toml (mặc định: tìm trong thư mục dữ liệu).",
                        "The rehabstat.toml file (default: looked up in the data folder)."),
    "help.opt.jobs": ("Số tiến trình đọc song song.",
                      "Number of parallel reading processes."),
    "help.indicators.force": ("Vẫn xuất khi số liệu thiếu tháng hoặc có lỗi: thêm cột coverage (số tháng có "
                              "sổ) và draft, và cột status \"DỰ THẢO\" khi là bản dự thảo; mã thoát vẫn là 1.",
                              "Write the table even when months are missing or have errors: with the columns "
                              "coverage (months with a workbook) and draft, and status \"DỰ THẢO\" in a draft; "
                              "the exit code is still 1."),
    "help.opt.as_of": ("Tổng hợp theo địa giới tỉnh tại ngày DD/MM/YYYY (mặc định: ngày cuối kỳ; từ "
                       "01/07/2025 là 34 tỉnh, thành phố mới).",
                       "Sum up by the provinces as they were on DD/MM/YYYY (default: the last day of the "
                       "period; from 01/07/2025 the 34 new provinces)."),
    "help.indicators.compare": ("previous (kỳ liền trước cùng độ dài) | year (cùng kỳ năm trước): thêm cột "
                                "earlier_period, earlier_value, change, change_pct.",
                                "previous (the period of the same length just before) | year (the same "
                                "period a year earlier): adds the columns earlier_period, earlier_value, "
                                "change, change_pct."),
    "help.opt.overwrite": ("Ghi đè tệp kết quả đã có dù tệp đã được sửa sau lần rehabstat ghi (mặc định: "
                           "không ghi đè, mã thoát 2).",
                           "Replace an existing output file even if it was changed since rehabstat wrote it "
                           "(by default: not replaced, exit code 2)."),
    "help.report": ("Báo cáo (BC) dạng Word và bảng số liệu Excel cho một cơ sở hoặc một tỉnh.\n\n"
                    "Chỉ lập khi mọi tháng của kỳ đều có đúng một sổ không lỗi (mã thoát 0); nếu không: mã "
                    "thoát 1, liệt kê điều cần sửa, không ghi tệp nào (trừ khi --force: bản DỰ THẢO).\n\n"
                    "Ví dụ: rehabstat report --data samples/son-la --year 2021",
                    "The report (BC) in Word and its figures in Excel, for a facility or a province.\n\n"
                    "Written only when every month of the period has exactly one workbook without errors "
                    "(exit code 0); otherwise exit code 1, what to fix is listed and no file is written "
                    "(unless --force: a DRAFT).\n\n"
                    "Example: rehabstat report --data samples/son-la --year 2021"),
    "help.report.facility": ("Mã cơ sở (mặc định: cơ sở duy nhất trong dữ liệu).",
                             "Facility code (default: the only facility in the data)."),
    "help.report.province": ("Báo cáo tổng hợp của một tỉnh/thành phố.",
                             "The summary report of a province."),
    "help.report.out": ("Thư mục ghi báo cáo (.docx và .xlsx).",
                        "Folder to write the report to (.docx and .xlsx)."),
    "help.report.force": ("Vẫn lập báo cáo khi số liệu thiếu tháng hoặc có lỗi (đánh dấu DỰ THẢO, mã thoát "
                          "1). Sổ trùng không bao giờ được cộng.",
                          "Write the report even when months are missing or have errors (marked as a DRAFT, "
                          "exit code 1). Duplicate workbooks are never added up."),
    "help.report.template": ("Mẫu .docx đã chỉnh sửa (xem: rehabstat templates export).",
                             "An edited .docx template (see: rehabstat templates export)."),
    "help.report.targets": ("Sổ chỉ tiêu (ChiTieu) để so sánh kết quả với kế hoạch.",
                            "Targets workbook (ChiTieu) to compare results with the plan."),
    "help.report.number": ("Số văn bản (Số: 20/BC-...); không ghi thì để trống cho văn thư.",
                           "Document number (20 prints as 20/BC-...); without it the number is left blank "
                           "for the clerk."),
    "help.opt.date": ("Ngày ban hành DD/MM/YYYY (mặc định: hôm nay nếu có --number, không thì để trống ngày, "
                      "tháng để ghi khi ký).",
                      "Date of issue DD/MM/YYYY (default: today with --number, else day and month are left "
                      "blank to be written when signing)."),
    "help.validate": ("Kiểm tra sổ hằng tháng: mọi lỗi, cảnh báo với trang, dòng, cột. Mã thoát 1 khi có lỗi.\n\n"
                      "Kỳ (--year/--month/--quarter/--half hoặc --from/--to) chỉ dùng để tìm tháng thiếu sổ.\n\n"
                      "Ví dụ: rehabstat validate data/son-la --annotate kiem-tra",
                      "Check monthly workbooks: every error and warning with its sheet, row and column. Exit "
                      "code 1 on errors.\n\n"
                      "The period (--year/--month/--quarter/--half or --from/--to) is used only to find "
                      "missing months.\n\n"
                      "Example: rehabstat validate data/son-la --annotate kiem-tra"),
    "help.validate.paths": ("Sổ (.xlsx, .xlsm, .xls, .ods) hoặc thư mục (tìm đệ quy).",
                            "Workbooks (.xlsx, .xlsm, .xls, .ods) or folders (searched recursively)."),
    "help.validate.store": ("Kiểm tra bản được nhận mới nhất của mỗi tháng trong kho, thay cho ĐƯỜNG_DẪN.",
                            "Check the latest accepted version of each month in the store, instead of PATH."),
    "help.validate.fmt": ("text | json",) * 2,
    "help.validate.annotate_dir": ("Ghi bản sao có đánh dấu ô lỗi vào thư mục này.",
                                   "Write copies with the faulty cells marked to this folder."),
    "help.form": ("Sổ trắng của một tháng để cơ sở điền: bốn trang, danh sách chọn, định dạng ngày và số.\n\n"
                  "Ví dụ: rehabstat form --facility SL01 --name \"Cơ sở Điều trị nghiện ma túy tỉnh Sơn La\" "
                  "--province \"Sơn La\" --month 02/2021 --data data/son-la\n\n"
                  "Sổ cấp tỉnh: rehabstat form --level province --province \"Cao Bằng\" --period 2019",
                  "A blank workbook of one month for a facility to fill in: four sheets, drop-down lists, "
                  "date and number formats.\n\n"
                  "Example: rehabstat form --facility SL01 --name \"Cơ sở Điều trị nghiện ma túy tỉnh Sơn La\" "
                  "--province \"Sơn La\" --month 02/2021 --data data/son-la\n\n"
                  "Province workbook: rehabstat form --level province --province \"Cao Bằng\" --period 2019"),
    "help.form.facility": ("Mã cơ sở, ví dụ SL01.",
                           "Facility code, e.g. SL01."),
    "help.form.name": ("Tên cơ sở.",
                       "Facility name."),
    "help.form.province": ("Tỉnh/Thành phố.",
                           "Province."),
    "help.form.month": ("Tháng báo cáo MM/YYYY, ví dụ 02/2021.",
                        "Reporting month MM/YYYY, e.g. 02/2021."),
    "help.form.out": ("Tệp sẽ ghi, hoặc thư mục để ghi MÃ-YYYY-MM.xlsx vào (mặc định: MÃ-YYYY-MM.xlsx ở thư "
                      "mục hiện tại).",
                      "File to write, or a folder to write CODE-YYYY-MM.xlsx into (default: "
                      "CODE-YYYY-MM.xlsx in the current folder)."),
    "help.form.data": ("Thư mục sổ các tháng trước: lấy Cuối kỳ tháng trước làm Đầu kỳ.",
                       "Folder of the earlier months' workbooks: last month's closing becomes the opening."),
    "help.form.force": ("Ghi đè tệp đã có.",
                        "Overwrite an existing file."),
    "help.form.level": ("facility (sổ hằng tháng của cơ sở) | province (sổ cấp tỉnh).",
                        "facility (a facility's monthly workbook) | province (the province workbook)."),
    "help.form.period": ("Sổ cấp tỉnh: kỳ báo cáo (06/2020, Quý II/2020, 6 tháng đầu năm 2020, 2019).",
                         "Province workbook: its period (06/2020, Quý II/2020, 6 tháng đầu năm 2020, 2019)."),
    "help.batch": ("Báo cáo tổng hợp (BC) của mọi tỉnh, kèm phụ lục từng cơ sở, và bảng tổng hợp toàn quốc "
                   "(TongHop-<kỳ>.xlsx: số liệu theo tỉnh, tình hình gửi sổ từng tháng, biểu đồ sĩ số).\n\n"
                   "Mỗi tỉnh chỉ có báo cáo khi mọi cơ sở gửi đủ mọi tháng, mỗi tháng một sổ không lỗi; bảng "
                   "tổng hợp toàn quốc chỉ ghi khi cả nước đầy đủ. Sổ trùng tháng không bao giờ được cộng. "
                   "Mã thoát 0 khi mọi thứ đầy đủ, 1 khi thiếu sổ, trùng sổ hoặc có lỗi (--force: vẫn lập "
                   "mọi văn bản, đánh dấu DỰ THẢO), 2 khi dùng sai lệnh.\n\n"
                   "Ví dụ: rehabstat batch --data du-lieu --year 2021 --quarter 2 --out bao-cao",
                   "The summary report (BC) of every province, with a table per facility, and the national "
                   "workbook (TongHop-<period>.xlsx: figures per province, workbooks received per month, "
                   "census chart).\n\n"
                   "A province gets its report only when every facility sent every month, one workbook "
                   "without errors per month; the national workbook is written only when the whole country "
                   "is complete. Duplicate months are never added up. Exit code 0 when everything is "
                   "complete, 1 when a workbook is missing, duplicated or has errors (--force: every "
                   "document is written anyway, marked as a DRAFT), 2 on wrong usage.\n\n"
                   "Example: rehabstat batch --data du-lieu --year 2021 --quarter 2 --out bao-cao"),
    "help.batch.out": ("Thư mục ghi các báo cáo tỉnh và bảng tổng hợp toàn quốc.",
                       "Folder to write the province reports and the national workbook to."),
    "help.batch.jobs": ("Số tiến trình đọc song song (mặc định: số CPU).",
                        "Number of parallel reading processes (default: the number of CPUs)."),
    "help.batch.force": ("Vẫn lập báo cáo mọi tỉnh và bảng tổng hợp khi số liệu thiếu hoặc có lỗi (tính cả "
                         "sổ có lỗi; đánh dấu DỰ THẢO; mã thoát 1); sổ trùng tháng luôn bị loại.",
                         "Write every province's report and the national workbook even when data are missing "
                         "or have errors (workbooks with errors counted; marked as DRAFTS; exit code 1); "
                         "duplicate months are always left out."),
    "help.batch.template": ("Mẫu BC .docx đã chỉnh sửa.",
                            "An edited BC .docx template."),
    "help.plan": ("Kế hoạch (KH) năm Y: phần I kết quả năm Y-1 từ dữ liệu, phần II chỉ tiêu năm Y.\n\n"
                  "Ví dụ: rehabstat plan --data samples/son-la --year 2022 --targets "
                  "samples/targets/son-la-2022.xlsx",
                  "The plan (KH) of year Y: part I the results of year Y-1 from the data, part II the "
                  "targets of year Y.\n\n"
                  "Example: rehabstat plan --data samples/son-la --year 2022 --targets "
                  "samples/targets/son-la-2022.xlsx"),
    "help.plan.year": ("Năm kế hoạch, ví dụ 2022 (phần I là kết quả năm trước).",
                       "Plan year, e.g. 2022 (part I is the year before)."),
    "help.plan.targets": ("Sổ chỉ tiêu (trang ChiTieu) của năm kế hoạch.",
                          "Targets workbook (sheet ChiTieu) of the plan year."),
    "help.opt.facility": ("Mã cơ sở.",
                          "Facility code."),
    "help.plan.province": ("Kế hoạch của một tỉnh/thành phố.",
                           "The plan of a province."),
    "help.plan.out": ("Thư mục ghi kế hoạch.",
                      "Folder to write the plan to."),
    "help.plan.force": ("Vẫn lập khi số liệu năm trước thiếu tháng hoặc có lỗi (đánh dấu DỰ THẢO, mã thoát 1).",
                        "Write it even when last year's data miss months or have errors (marked as a DRAFT, "
                        "exit code 1)."),
    "help.plan.template": ("Mẫu KH .docx đã chỉnh sửa.",
                           "An edited KH .docx template."),
    "help.plan.number": ("Số văn bản (Số: 20/KH-...); không ghi thì để trống cho văn thư.",
                         "Document number (20 prints as 20/KH-...); without it the number is left blank for "
                         "the clerk."),
    "help.rules": ("Danh sách quy tắc kiểm tra, hoặc giải thích một quy tắc; mức theo rehabstat.toml "
                   "([checks]).\n\n"
                   "Ví dụ: rehabstat rules I001",
                   "The checking rules, or the explanation of one rule; severities as rehabstat.toml sets "
                   "them ([checks]).\n\n"
                   "Example: rehabstat rules I001"),
    "help.rules.code": ("Mã quy tắc, ví dụ I001.",
                        "Rule code, e.g. I001."),
    "help.rules.data": ("Thư mục dữ liệu: dùng rehabstat.toml ở đó (mục [checks]).",
                        "Data folder: use the rehabstat.toml there ([checks])."),
    "help.receive": ("Nhận sổ vào kho: giữ nguyên tệp gốc, ghi biên nhận; sổ gửi lại của một tháng là phiên "
                     "bản mới.\n\n"
                     "Mỗi tệp: đã nhận / phiên bản mới / đã có / bị từ chối (có lỗi, hoặc tháng đã duyệt và "
                     "khóa) kèm lý do. Sổ có lỗi vẫn được lưu (bị từ chối) và có bản đánh dấu lỗi để gửi lại "
                     "cơ sở. Mã thoát 1 khi có tệp bị từ chối.\n\n"
                     "Ví dụ: rehabstat receive nop/2021-03.xlsx --store kho",
                     "Receive workbooks into the store: the original kept byte for byte, a receipt written; "
                     "a month sent again becomes a new version.\n\n"
                     "Each file: received / new version / already there / rejected (errors, or the month is "
                     "approved and locked) with the reason. A workbook with errors is still kept (rejected) "
                     "with an annotated copy to send back to the facility. Exit code 1 when a file is rejected.\n\n"
                     "Example: rehabstat receive nop/2021-03.xlsx --store kho"),
    "help.receive.files": ("Sổ hằng tháng cơ sở gửi (tệp hoặc thư mục).",
                           "Monthly workbooks sent by facilities (files or folders)."),
    "help.opt.store_folder": ("Thư mục kho dữ liệu (tạo mới khi nhận sổ lần đầu).",
                              "The store folder (created on the first receive)."),
    "help.receive.out": ("Thư mục ghi bản đánh dấu lỗi của sổ bị từ chối (mặc định: kiem-tra/ trong kho).",
                         "Folder for the annotated copies of rejected workbooks (default: kiem-tra/ in the store)."),
    "help.history": ("Các phiên bản sổ của một cơ sở (mỗi tháng) và, giữa hai phiên bản, những số liệu đã "
                     "thay đổi.\n\n"
                     "Ví dụ: rehabstat history --store kho --facility SL01 --month 03/2021",
                     "The versions of a facility's workbooks (per month) and, between two versions, the "
                     "figures that changed.\n\n"
                     "Example: rehabstat history --store kho --facility SL01 --month 03/2021"),
    "help.history.month": ("Chỉ tháng MM/YYYY, ví dụ 03/2021.",
                           "Only the month MM/YYYY, e.g. 03/2021."),
    "help.approve": ("Duyệt và khóa các tháng của kỳ: bản mới khác bản đã duyệt sẽ bị từ chối cho đến khi mở "
                     "khóa.\n\n"
                     "Mã thoát 1 khi có tháng chưa có sổ được nhận (tháng đó không được duyệt).\n\n"
                     "Ví dụ: rehabstat approve --store kho --facility SL01 --year 2021 --quarter 1",
                     "Approve and lock the months of a period: a new version that differs from the approved "
                     "one is rejected until unlocked.\n\n"
                     "Exit code 1 when a month has no accepted workbook (that month is not approved).\n\n"
                     "Example: rehabstat approve --store kho --facility SL01 --year 2021 --quarter 1"),
    "help.opt.province": ("Mọi cơ sở của một tỉnh/thành phố.",
                          "Every facility of a province."),
    "help.unlock": ("Mở khóa các tháng đã duyệt để nhận bản sửa; lý do được ghi vào nhật ký.\n\n"
                    "Ví dụ: rehabstat unlock --store kho --facility SL01 --year 2021 --month 2 --reason \"Cơ "
                    "sở sửa số tiếp nhận\"",
                    "Unlock approved months to accept a corrected version; the reason goes into the log.\n\n"
                    "Example: rehabstat unlock --store kho --facility SL01 --year 2021 --month 2 --reason "
                    "\"Cơ sở sửa số tiếp nhận\""),
    "help.unlock.reason": ("Lý do mở khóa (ghi vào nhật ký).",
                           "Why the months are unlocked (written to the log)."),
    "help.log": ("Nhật ký của kho: mỗi lần nhận, từ chối, duyệt, mở khóa (ai, lúc nào, việc gì, vì sao).\n\n"
                 "Ví dụ: rehabstat log --store kho --facility SL01",
                 "The store's log: every receipt, rejection, approval and unlock (who, when, what, why).\n\n"
                 "Example: rehabstat log --store kho --facility SL01"),
    "help.log.facility": ("Chỉ cơ sở này.",
                          "Only this facility."),
    "help.log.limit": ("Chỉ N dòng cuối.",
                       "Only the last N lines."),
    "help.log.province": ("Chỉ các cơ sở và sổ cấp tỉnh của tỉnh này.",
                          "Only this province's facilities and province workbooks."),
    "help.check-store": ("Kiểm tra kho: tính toàn vẹn của cơ sở dữ liệu và sha256 của mọi tệp gốc so với "
                         "biên nhận. Mã thoát 1 khi có sai lệch.\n\n"
                         "Ví dụ: rehabstat check-store --store kho",
                         "Check the store: the database's integrity and every original's sha256 against its "
                         "receipt. Exit code 1 on any mismatch.\n\n"
                         "Example: rehabstat check-store --store kho"),
    "help.check-store.clean": ("Xóa các tệp tạm do lần nhận bị ngắt để lại.",
                               "Delete the temporary files an interrupted receive left."),
    "help.serve": ("Chạy hộp thư web của kho: cơ sở gửi sổ qua trình duyệt, tỉnh và cục theo dõi, duyệt, tải "
                   "tài liệu.\n\n"
                   "Ví dụ: rehabstat serve --store kho --port 8000",
                   "Run the store's web inbox: facilities send workbooks in a browser; provinces and the "
                   "department follow, approve and download documents.\n\n"
                   "Example: rehabstat serve --store kho --port 8000"),
    "help.serve.host": ("Địa chỉ lắng nghe (mặc định chỉ máy này; 0.0.0.0: mọi máy trong mạng).",
                        "Address to listen on (default: this machine only; 0.0.0.0: every machine of the network)."),
    "help.serve.port": ("Cổng.",
                        "Port."),
    "help.serve.cert": ("Chứng chỉ TLS (HTTPS), cùng --key.",
                        "TLS certificate (HTTPS), with --key."),
    "help.serve.key": ("Khóa riêng của chứng chỉ TLS.",
                       "The TLS certificate's private key."),
    "help.templates": ("Mẫu văn bản .docx (BC, KH) để chỉnh sửa trong Word.",
                       "The .docx document templates (BC, KH), to edit in Word."),
    "help.templates.export": ("Ghi các mẫu BC, KH ra thư mục để chỉnh sửa trong Word; dùng lại với --template.\n\n"
                              "Ví dụ: rehabstat templates export mau/",
                              "Write the BC and KH templates to a folder to edit in Word; use them again "
                              "with --template.\n\n"
                              "Example: rehabstat templates export mau/"),
    "help.templates.export.directory": ("Thư mục ghi bc.docx và kh.docx.",
                                        "Folder to write bc.docx and kh.docx to."),
    "help.templates.export.force": ("Ghi đè các mẫu đã có trong thư mục.",
                                    "Overwrite the templates already in the folder."),
    "help.templates.vars": ("Các biến dùng được trong mẫu văn bản (jinja2), với ví dụ.\n\n"
                            "Ví dụ: rehabstat templates vars",
                            "The variables a template can use (jinja2), with examples.\n\n"
                            "Example: rehabstat templates vars"),
    "help.users": ("Tài khoản của giao diện web (lưu trong kho).",
                   "Accounts of the web inbox (kept in the store)."),
    "help.users.add": ("Thêm tài khoản web. Ví dụ: echo 'mat-khau-dai' | rehabstat users add sl01 --store "
                       "kho --role facility --facility SL01 --password-stdin",
                       "Add a web account. Example: echo 'a-long-password' | rehabstat users add sl01 "
                       "--store kho --role facility --facility SL01 --password-stdin"),
    "help.opt.user": ("Tên đăng nhập.",
                      "User name."),
    "help.users.add.role": ("facility (cơ sở), province (tỉnh) hoặc department (cục).",
                            "facility, province or department."),
    "help.users.add.facility": ("Mã cơ sở (vai trò facility).",
                                "Facility code (role facility)."),
    "help.users.add.province": ("Tên tỉnh (vai trò province).",
                                "Province name (role province)."),
    "help.users.add.password_stdin": ("Đọc mật khẩu từ đầu vào chuẩn.",
                                      "Read the password from standard input."),
    "help.users.list": ("Các tài khoản web của kho.",
                        "The store's web accounts."),
    "help.users.disable": ("Khóa tài khoản web (các phiên đang mở kết thúc ngay).",
                           "Disable a web account (its open sessions end at once)."),
    "help.users.passwd": ("Đổi mật khẩu tài khoản web (các phiên đang mở kết thúc).",
                          "Change a web account's password (its open sessions end)."),
    "help.users.passwd.password_stdin": ("Đọc mật khẩu mới từ đầu vào chuẩn.",
                                         "Read the new password from standard input."),
    # ---------------------------------------------------------------- metavars (what an option's value is)
    "metavar.dir": ("THƯ_MỤC", "DIR"),
    "metavar.year": ("NĂM", "YEAR"),
    "metavar.month": ("THÁNG", "MONTH"),
    "metavar.quarter": ("QUÝ", "QUARTER"),
    "metavar.half": ("1|2",) * 2,
    "metavar.mm_yyyy": ("MM/YYYY",) * 2,
    "metavar.file": ("TỆP", "FILE"),
    "metavar.number": ("SỐ", "NUMBER"),
    "metavar.date": ("DD/MM/YYYY",) * 2,
    "metavar.levels": ("facility|province|national",) * 2,
    "metavar.form_levels": ("facility|province",) * 2,
    "metavar.format": ("ĐỊNH_DẠNG", "FORMAT"),
    "metavar.path": ("ĐƯỜNG_DẪN", "PATH"),
    "metavar.code": ("MÃ", "CODE"),
    "metavar.province": ("TỈNH", "PROVINCE"),
    "metavar.months": ("SỐ_THÁNG", "MONTHS"),
    "metavar.jobs": ("SỐ", "N"),
    "metavar.docx": ("TỆP.docx", "FILE.docx"),
    "metavar.xlsx": ("TỆP.xlsx", "FILE.xlsx"),
    "metavar.name": ("TÊN", "NAME"),
    "metavar.lang": ("vi|en",) * 2,
    "metavar.reason": ("LÝ_DO", "REASON"),
    "metavar.compare": ("KỲ_SO_SÁNH", "COMPARE"),
    "metavar.period": ("KỲ", "PERIOD"),
    "metavar.limit": ("SỐ_DÒNG", "LIMIT"),
    "metavar.host": ("ĐỊA_CHỈ", "HOST"),
    "metavar.port": ("CỔNG", "PORT"),
    "metavar.cert": ("CHỨNG_CHỈ", "CERT"),
    "metavar.key": ("KHÓA", "KEY"),
    "metavar.role": ("VAI_TRÒ", "ROLE"),
    # ---------------------------------------------------------------- the help screen and usage errors
    "cli.usage": ("Cách dùng: ", "Usage: "),
    "cli.options": ("Tùy chọn", "Options"),
    "cli.arguments": ("Tham số", "Arguments"),
    "cli.commands": ("Lệnh", "Commands"),
    "cli.default": ("[mặc định: {value}]", "[default: {value}]"),
    "cli.required": ("[bắt buộc]", "[required]"),
    "cli.error": ("Lỗi", "Error"),
    "cli.aborted": ("Đã dừng.", "Aborted."),
    "cli.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "cli.options_metavar": ("[TÙY CHỌN]", "[OPTIONS]"),
    "cli.subcommand_metavar": ("LỆNH [THAM SỐ]...", "COMMAND [ARGS]..."),
    "cli.try": ("Xem hướng dẫn: {command} --help", "Try '{command} --help' for help."),
    "cli.no_such_option": ("Không có tùy chọn {option}.", "No such option: {option}"),
    "cli.no_such_option_close": ("Không có tùy chọn {option} (gần giống: {close}).",
                                 "No such option: {option} (did you mean: {close}?)"),
    "cli.missing_option": ("Thiếu tùy chọn {name} (bắt buộc).", "Missing option {name}."),
    "cli.missing_parameter": ("Thiếu tham số {name} (bắt buộc).", "Missing {kind} {name}."),
    "cli.invalid_value": ("Giá trị của {name} {detail}.", "Invalid value for {name}: {detail}."),
    "cli.not_whole_number": ("phải là số nguyên", "must be a whole number"),
    "cli.not_number": ("phải là một số", "must be a number"),
    # the framework's own English message stands in English; in Vietnamese, what it means
    "cli.not_valid": ("không hợp lệ", "{message}"),
    "cli.option_needs_value": ("Tùy chọn {option} cần một giá trị.", "{message}"),
    "cli.option_takes_no_value": ("Tùy chọn {option} không nhận giá trị.", "{message}"),
    "cli.no_such_command": ("Không có lệnh '{name}'.", "{message}"),
    "cli.no_such_command_close": ("Không có lệnh '{name}'. Có phải là '{close}'?", "{message}"),
    "cli.missing_command": ("Thiếu lệnh.", "{message}"),
    "cli.extra_arguments": ("Thừa tham số: {arguments}.", "{message}"),
    "cli.invalid_command": ("Lệnh không hợp lệ ({message}).", "{message}"),
}
