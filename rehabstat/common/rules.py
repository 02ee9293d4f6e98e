"""The rule registry: every check has a stable code, a severity, a Vietnamese message
(with the values involved), an English message, and an explanation — like ruff's rules.

Issues are always created with `issue(code, ...)`, so the message comes from here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .issues import ERROR, WARNING, Issue

LANG = {"value": "vi"}  # set by the CLI's --lang


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    message_vi: str
    message_en: str
    explanation: str


def _r(code, name, severity, vi, en, explanation):
    return Rule(code, name, severity, vi, en, " ".join(explanation.split()))


RULES: dict[str, Rule] = {r.code: r for r in (
    # ---------------------------------------------------------------- files and structure
    _r("F001", "not-a-workbook", ERROR,
       "Tệp không phải sổ tính Excel/LibreOffice ({detail}). Hãy lưu lại tệp dưới dạng .xlsx.",
       "The file is not an Excel/LibreOffice workbook ({detail}). Save it again as .xlsx.",
       """Checks that the file really is a workbook (.xlsx, .xlsm, .xls, .ods), whatever its
       name says. A text or PDF file renamed to .xlsx cannot be read. Fix: open the file in
       Excel or LibreOffice and save it as .xlsx."""),
    _r("F002", "unreadable-file", ERROR,
       "Không đọc được tệp ({detail}). Tệp có thể bị hỏng hoặc chưa tải về đầy đủ; hãy gửi lại tệp.",
       "The file cannot be read ({detail}). It may be damaged or incompletely downloaded; send it again.",
       """A workbook that is truncated or damaged cannot be read. Nothing of it is counted, so
       its facility's month is missing from every summary. Fix: ask the facility to send
       the file again."""),
    _r("F003", "encrypted-file", ERROR,
       "Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại.",
       "The workbook is password-protected and cannot be read. Remove the password and send it again.",
       """Password-protected workbooks are encrypted; the tool cannot and should not guess the
       password. Fix: remove the password in Excel (File > Info > Protect Workbook) and
       send the file again."""),
    _r("F004", "hostile-file", ERROR,
       "Tệp bị từ chối vì không an toàn ({detail}).",
       "The file was refused as unsafe ({detail}).",
       """Protects the reader from files built to exhaust memory or time: a compressed
       workbook that expands past the size limit (a zip bomb), XML with entity
       declarations (an entity bomb), or a sheet with far more cells than a monthly form
       can hold. Such a file is refused before it is opened, or by the parser's own process
       (every workbook is read in a separate process with a memory cap and a time limit:
       a file that exceeds them, or makes the parser abort, is refused alone); the other
       files are still checked. Fix: send a normal workbook made from the form
       (`rehabstat form`)."""),
    _r("F013", "renamed-workbook", WARNING,
       "Tệp có đuôi {suffix} nhưng nội dung là sổ {real}; đã đọc theo nội dung. Nên đổi tên tệp thành đuôi {real}.",
       "The file is named {suffix} but holds a {real} workbook; it was read as what it holds. Rename it to {real}.",
       """A workbook saved in one format under another format's name (an .xls named .xlsx,
       an .ods named .xlsx) is read by its content, never refused for its name. A warning,
       because other software may refuse the file. Fix: rename the file (or save it again
       as .xlsx)."""),
    _r("F014", "old-excel-format", ERROR,
       "Tệp là sổ Excel định dạng cũ ({version}, trước năm 1997) không đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.",
       "The file is in an Excel format older than 1997 ({version}) and cannot be read: open it and save as .xlsx.",
       """Excel 2.x, 3.0 and 4.0 saved worksheets in formats older than Excel 97. They are read
       when their content can be (a worksheet of those versions holds one sheet only, so it
       is never a whole monthly workbook). Fix: open the file in Excel or LibreOffice and
       save it as .xlsx."""),
    _r("F015", "unknown-codepage", ERROR,
       "Tệp .xls dùng bảng mã {encoding}, trình đọc không chuyển được chữ của bảng mã này. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.",
       "The .xls file uses the code page {encoding}, whose text cannot be converted. Open it and save it as .xlsx.",
       """Workbooks older than Excel 97 keep their text in the code page of the computer that
       wrote them. The common ones (Windows, Mac Roman, Mac Central Europe ...) are read;
       for the rest, saving the file again as .xlsx converts its text to Unicode."""),
    _r("F016", "stray-cell", WARNING,
       "Ô có giá trị '{value}' nằm xa bảng số liệu (cách hơn {gap}); ô này không được đọc vào bảng. Nếu gõ nhầm, hãy xoá nội dung ô.",
       "A cell holding '{value}' lies far from the table (more than {gap} away); it is not read as part of the table. Clear it if it was typed by mistake.",
       """A single value typed far below or right of a sheet's table (in the last row of the
       sheet, in column XFD) would make the sheet millions of cells big. It is read as
       what it is, a stray cell, and shown here at its place; the table is read as if the
       cell were empty."""),
    _r("F017", "sheet-ignored", WARNING,
       "Trang '{sheet_name}' là {kind}, không phải trang số liệu; đã bỏ qua.",
       "Sheet '{sheet_name}' is {kind}, not a worksheet; it was ignored.",
       """A workbook may hold sheets that are not worksheets: Excel 4.0 macro sheets, dialog
       sheets of old macros. They hold no figures and are left out of the reading."""),
    _r("F005", "missing-sheet", ERROR,
       "Thiếu trang tính '{sheet_name}'. Sổ cần có các trang: ThongTin, SiSo, BienDong, SoLieu.",
       "Sheet '{sheet_name}' is missing. The workbook needs: ThongTin, SiSo, BienDong, SoLieu.",
       """Each monthly workbook has the sheets ThongTin (who and when), SiSo (census),
       BienDong (events) and SoLieu (other figures). Names match without diacritics or
       case ("Biến động", "BIEN DONG", "Events" are all fine). ThongTin, SiSo and BienDong
       are required; a missing SoLieu only means there are no other figures."""),
    _r("F006", "missing-column", ERROR,
       "Trang '{sheet_name}' thiếu cột '{column_name}' (không tìm thấy dòng tiêu đề có cột này trong 10 dòng đầu).",
       "Sheet '{sheet_name}' has no column '{column_name}' (no header row with it in the first 10 rows).",
       """The header row is looked for in the first 10 rows of a sheet; it must name every
       required column. Columns may be in any order and extra columns are ignored. Fix:
       add the column with its header as in the form."""),
    _r("F007", "missing-info-field", ERROR,
       "Trang ThongTin thiếu mục '{field_name}'.",
       "Sheet ThongTin lacks the field '{field_name}'.",
       """ThongTin must give the facility code, its name, the province and the reporting
       month: without them the workbook's figures cannot be attributed to anyone."""),
    _r("F008", "bad-info-value", ERROR,
       "Mục '{field_name}' có giá trị '{value}' không đọc được. {hint}",
       "Field '{field_name}' has the value '{value}', which cannot be read. {hint}",
       """A ThongTin value that cannot be understood, typically a reporting period that is
       not a month ("01/2021", "2021-01" or any date in the month are fine)."""),
    _r("F009", "census-empty", ERROR,
       "Trang {sheet_name} chưa có số liệu sĩ số: sổ chưa điền xong (ghi Đầu kỳ, Cuối kỳ của từng diện, 0 nếu không có).",
       "Sheet {sheet_name} holds no census figures: the workbook is not filled in (write each category's opening and closing, 0 if none).",
       """A workbook whose census sheet has only the category labels (a blank form) says
       nothing about the month: it is not a month with nobody held. Blank cells are never
       read as 0; write 0 where there is nobody."""),
    _r("F010", "legacy-encoding", WARNING,
       "Tệp dùng bảng mã cũ {encoding}; đã đọc sau khi chuyển sang Unicode. Hãy chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) và dùng phông Times New Roman.",
       "The file uses the legacy encoding {encoding}; it was read after converting to Unicode. Convert the file to Unicode and use Times New Roman.",
       """Old government templates are often typed in TCVN3 (ABC, fonts .VnTime) or VNI
       (fonts VNI-Times): what the screen shows as "Sĩ số" is stored as "SÜ sè". The tool
       decodes a workbook only when decoding makes its sheet names and headers match, and
       says so here; a cell typed in Unicode is left as it is. Decoding cannot tell a
       capital letter of .VnTimeH from a small one, and names read from such a file may
       differ from other months' names: convert the file (Unikey's converter) and send it in
       Unicode."""),
    _r("F011", "sheet-twice", ERROR,
       "Sổ có hai trang '{role_name}': '{first}' và '{second}'. Không biết dùng trang nào: hãy xoá hoặc đổi tên trang thừa.",
       "The workbook has two '{role_name}' sheets: '{first}' and '{second}'. Delete or rename the extra one.",
       """Sheet names match without diacritics or case, so "BienDong" and "Biến động" (or a
       copy named "BienDong (2)") are the same sheet twice. Which one holds the month is not
       guessed: the workbook is left out until one of them is removed or renamed."""),
    _r("F012", "column-twice", ERROR,
       "Trang '{sheet_name}' có hai cột '{column_name}' ({first} và {second}). Không biết dùng cột nào: hãy xoá hoặc đổi tên cột thừa.",
       "Sheet '{sheet_name}' has two '{column_name}' columns ({first} and {second}). Delete or rename the extra one.",
       """Two header cells that name the same column ("Ngày" and "Ngày biến động", "Mã" and
       "Mã học viên") leave it unknown which one holds the data; the sheet is not read until
       one is removed or renamed. Columns the figures never use (STT, Họ và tên, Ghi chú)
       may repeat."""),
    # ---------------------------------------------------------------- cells
    _r("C001", "bad-number", ERROR,
       "Ô '{field_name}' có giá trị '{value}' không phải là số. Hãy nhập số (ví dụ 1.659 hoặc 1659).",
       "Cell '{field_name}' holds '{value}', which is not a number. Enter a number (1659).",
       """Counts and amounts must be numbers. Text written the Vietnamese way is accepted
       ("1.659" is 1659, "92,5" is 92.5, "5.122.732.200 đồng" is 5122732200); anything else
       is reported here instead of being counted as zero."""),
    _r("C002", "negative-count", ERROR,
       "Ô '{field_name}' có số âm ({value}). Số người, số lượt không thể âm.",
       "Cell '{field_name}' is negative ({value}). Counts cannot be negative.",
       """People and occurrences are never negative. A negative number usually is a
       formula gone wrong or a typing error."""),
    _r("C003", "excel-error", ERROR,
       "Ô chứa lỗi Excel {value}. Hãy sửa công thức hoặc nhập số trực tiếp.",
       "The cell holds the Excel error {value}. Fix the formula or type the number.",
       """A cell whose formula failed (#REF!, #DIV/0!, #VALUE!, #N/A ...) has no value. The
       reader would see it as empty, which would silently count as zero; this rule
       finds it in the file itself."""),
    _r("C004", "required-blank", ERROR,
       "Ô '{field_name}' bị bỏ trống nhưng là thông tin bắt buộc.",
       "Cell '{field_name}' is blank but required.",
       """Every event row needs its category, event type and date; a census row needs its
       category. A row with only some cells filled is reported, never skipped."""),
    _r("C009", "census-part-blank", WARNING,
       "Ô '{field_name}' bị bỏ trống trong khi Cuối kỳ của diện {category} là {closing}. Hãy ghi số (0 nếu không có ai): ô trống không được tính là 0.",
       "Cell '{field_name}' is blank while the closing of category {category} is {closing}. Enter a number (0 if nobody): a blank is not counted as 0.",
       """Present and absent split the closing census (Có mặt + Vắng mặt = Cuối kỳ). A blank
       beside a filled Cuối kỳ is not read as zero: the facility's month has no figure for
       it, and a province's total of present (absent) learners then covers only the
       facilities that wrote it, and says so ("số liệu của 6/7 cơ sở"). Fix: write the
       number, 0 when nobody is present (absent)."""),
    _r("C005", "bad-quantity", ERROR,
       "Số lượng '{value}' không hợp lệ: phải là số nguyên từ 1 trở lên.",
       "Quantity '{value}' is invalid: it must be a whole number of at least 1.",
       """`Số lượng` says how many events an aggregated row stands for: a whole number of at
       least 1 (empty means 1)."""),
    _r("C006", "quantity-with-id", ERROR,
       "Dòng có mã học viên thì không được ghi Số lượng ({value}); mỗi dòng có mã là một người.",
       "A row with a learner id must not carry a quantity ({value}); it is one person.",
       """A row with a learner id is about one person; a quantity on it would count that
       person several times. Write one row per person, or leave the id blank for an
       aggregated row."""),
    _r("C007", "bad-date", ERROR,
       "Ngày '{value}' không đọc được. Hãy ghi ngày/tháng/năm, ví dụ 05/03/2021.",
       "Date '{value}' cannot be read. Write day/month/year, e.g. 05/03/2021.",
       """Dates may be real dates, Excel serial dates or text in day-first form
       (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy) or yyyy-mm-dd. Month-first dates are never
       guessed."""),
    _r("C008", "formula-without-value", ERROR,
       "Ô có công thức nhưng chưa có giá trị đã tính: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (công thức ={value}).",
       "The cell has a formula but no computed value: open the file in Excel or LibreOffice and save it again (formula ={value}).",
       """Excel and LibreOffice save each formula with the value it gave. A workbook written
       by a program (openpyxl, XlsxWriter, a web export) may hold the formula alone. The
       tool computes such a formula itself when it is plain arithmetic (+ − × ÷, brackets)
       or a SUM of the same sheet's cells; anything else (another sheet, another function)
       is reported here instead of being read as 0. Opening and saving the file in Excel or
       LibreOffice stores the values."""),
    # ---------------------------------------------------------------- codes
    _r("K001", "unknown-category", ERROR,
       "Diện '{value}' không hợp lệ. Các diện: BB, TN, HTCC, XDTTN, LTTT, MET.",
       "Unknown category '{value}'. Categories: BB, TN, HTCC, XDTTN, LTTT, MET.",
       """The category is one of BB, TN, HTCC, XDTTN, LTTT, MET, written as the code, the
       label ("Bắt buộc") or without diacritics ("bat buoc")."""),
    _r("K002", "unknown-event", ERROR,
       "Loại biến động '{value}' không hợp lệ. Xem danh sách trong mẫu (TIEP_NHAN, HOAN_THANH, TRON, ...).",
       "Unknown event type '{value}'. See the list in the form (TIEP_NHAN, HOAN_THANH, TRON, ...).",
       """The event type is one of the codes of the input format, or its label."""),
    _r("K003", "event-not-allowed", ERROR,
       "Biến động {event} không áp dụng cho diện {category}.",
       "Event {event} does not apply to category {category}.",
       """Some events exist only for some categories: Methadone patients are not
       discharged on completion, do not escape and are not recaptured; only they drop
       out of treatment (BO_DIEU_TRI)."""),
    _r("K004", "change-without-new-category", ERROR,
       "Chuyển diện nhưng không ghi 'Diện mới'.",
       "Category change without 'Diện mới'.",
       """A CHUYEN_DIEN row moves a person from one category to another; without the new
       category the person would vanish from the stock."""),
    _r("K005", "change-same-category", ERROR,
       "Chuyển diện sang chính diện cũ ({category}).",
       "Category change to the same category ({category}).",
       """A change of category must change it: Diện mới must differ from Diện."""),
    # ---------------------------------------------------------------- dates
    _r("D001", "date-outside-month", ERROR,
       "Ngày {value} nằm ngoài tháng báo cáo {period}.",
       "Date {value} is outside the reporting month {period}.",
       """Each workbook reports one month; an event dated in another month belongs to that
       month's workbook (or the date is mistyped, e.g. month-first)."""),
    _r("D002", "date-in-future", ERROR,
       "Ngày {value} ở tương lai.",
       "Date {value} is in the future.",
       """An event cannot have happened after today."""),
    # ---------------------------------------------------------------- identities
    _r("I001", "stock-flow", ERROR,
       "Diện {category}: cuối kỳ ghi {found} nhưng đầu kỳ {opening} + tăng {inflow} − giảm {outflow} = {expected} (chênh {diff}).{note}",
       "Category {category}: closing is {found} but opening {opening} + in {inflow} − out {outflow} = {expected} (off by {diff}).{note}",
       """Closing = opening + admissions + recaptures + transfers in + category changes in
       − discharges − escapes − suspensions − transfers out − deaths − drop-outs − other
       exits − category changes out, per category and month. A difference means the
       census or the event list is incomplete: an event not entered, or a census
       miscounted. The issue sits on the row's Cuối kỳ cell."""),
    _r("I002", "continuity", ERROR,
       "Diện {category}: đầu kỳ tháng {period} ghi {found} nhưng cuối kỳ tháng trước là {expected}.",
       "Category {category}: the opening of {period} is {found} but the previous month closed at {expected}.",
       """The opening of a month equals the closing of the month before. A break means one
       of the two months was corrected without the other. The issue sits on the later
       month's Đầu kỳ cell."""),
    _r("I003", "census-split", ERROR,
       "Diện {category}: có mặt {present} + vắng mặt {absent} = {total}, khác cuối kỳ {closing}.",
       "Category {category}: present {present} + absent {absent} = {total}, not the closing {closing}.",
       """Everyone held at the end of the month is either present or absent (hospital,
       leave): Có mặt + Vắng mặt = Cuối kỳ."""),
    _r("I004", "totals-row", ERROR,
       "Dòng tổng cộng ghi '{field_name}' = {found}, nhưng cộng các dòng {where} được {expected}.",
       "The totals row says '{field_name}' = {found}, but the rows {where_en} add up to {expected}.",
       """A totals row ("Tổng cộng", "Cộng", "Total") is never added to the figures; it is
       checked against the sum of the rows above it (since the previous totals row). A
       totals row with no data row above it, as forms often put it right under the
       header, is checked against every data row below it."""),
    _r("I005", "part-exceeds-whole", ERROR,
       "{part_label} ({part}) lớn hơn {whole_label} ({whole}): phần không thể lớn hơn tổng, tỷ lệ không thể quá 100%.",
       "{part_label} ({part}) exceeds {whole_label} ({whole}): a part cannot exceed its whole (a rate above 100%).",
       """Some figures held at the same moment are parts of others: learners on ARV
       (DIEU_TRI_ARV) are among the HIV-positive learners managed (HIV_QUAN_LY). In one
       month's workbook a part above its whole is a typing error; the rate is never printed
       from it. (Achievement against a target may exceed 100%: that is not this rule.)"""),
    _r("I006", "part-exceeds-whole-over-period", WARNING,
       "Cơ sở {unit}, {period}: {part_label} ({part}) nhiều hơn {whole_label} ({whole}); tỷ lệ không được in.",
       "Facility {unit}, {period}: {part_label} ({part}) exceeds {whole_label} ({whole}); the rate is not printed.",
       """Learners certified (CHUNG_CHI) are among those trained (DAY_NGHE), but a class
       may start in one month and be certified in a later one, even in the next year: over
       a period, more certificates than trainees is possible and is a warning, on the last
       Chứng chỉ cell of the period. The BC never prints a rate above 100% from it."""),
    # ---------------------------------------------------------------- persons
    _r("P001", "recapture-without-escape", WARNING,
       "Học viên dòng này được ghi bắt lại nhưng không có lần trốn nào trước đó trong dữ liệu"
       " (lần trốn có thể xảy ra trước kỳ của dữ liệu: hãy kiểm tra).",
       "This learner is recorded as recaptured but has no earlier escape in the data"
       " (the escape may predate the data: check).",
       """Where learner ids exist, a recapture should follow an escape of the same person.
       A warning, because the escape may predate the data that were checked."""),
    _r("P002", "exit-not-held", WARNING,
       "Học viên dòng này ra khỏi cơ sở ({event}) nhưng không có trong số đang quản lý theo dữ liệu.",
       "This learner leaves ({event}) but is not held according to the data.",
       """Where learner ids exist, a person who leaves should have been admitted (or be
       carried over) before. A warning, because the admission may predate the data."""),
    _r("P003", "admission-already-held", WARNING,
       "Học viên dòng này được tiếp nhận nhưng đang được quản lý (tiếp nhận ở {previous}, chưa ra).",
       "This learner is admitted while already held (admitted in {previous}, not left).",
       """Where learner ids exist, a person admitted twice without leaving in between is
       usually a duplicate entry."""),
    _r("P004", "duplicate-row", WARNING,
       "Dòng này trùng với dòng {other} (cùng học viên, biến động và ngày).",
       "This row duplicates row {other} (same learner, event and date).",
       """Two rows with the same learner, event and date count the same event twice."""),
    # ---------------------------------------------------------------- across files
    _r("X001", "duplicate-month", ERROR,
       "Cơ sở {unit} tháng {period} có hai sổ: {other}. Chỉ giữ một sổ cho mỗi tháng.",
       "Facility {unit} has two workbooks for {period}: {other}. Keep one per month.",
       """Two workbooks for the same facility and month cannot both be right. Neither is
       guessed: remove the outdated one."""),
    _r("X002", "missing-month", WARNING,
       "Cơ sở {unit} thiếu sổ tháng {period}.",
       "Facility {unit} has no workbook for {period}.",
       """Within the checked period every facility should send every month. A missing
       month leaves its flows out of the period's totals."""),
    _r("X003", "transfers-unmatched", WARNING,
       "Tỉnh {province} tháng {period}: chuyển đi {out_count} nhưng các cơ sở trong tỉnh chỉ nhận chuyển đến {in_count}.",
       "Province {province}, {period}: {out_count} transferred out but {in_count} transferred in within the province.",
       """Within a province, transfers out of one facility should arrive as transfers in at
       another in the same month (unless they went to another province)."""),
    _r("X004", "unexpected-unit", WARNING,
       "Cơ sở {unit} không có trong danh sách cơ sở của tỉnh {province} (rehabstat.toml).",
       "Facility {unit} is not in the list of facilities of {province} (rehabstat.toml).",
       """When rehabstat.toml lists the facilities expected per province, a workbook from
       an unlisted facility is flagged: a new facility, or a mistyped code."""),
    _r("X005", "unit-two-codes", ERROR,
       "Cơ sở '{unit_name}' ({province}) ghi mã {unit} ở sổ này nhưng mã {other} ở {count} sổ khác. Một cơ sở chỉ có một mã: hãy sửa Mã cơ sở.",
       "Facility '{unit_name}' ({province}) is coded {unit} here but {other} in {count} other workbooks. Fix the facility code.",
       """Codes are compared without spaces, hyphens, invisible characters or case ("ND 01",
       "nd-01" and "ND01" are one facility). A facility name and province that appear under
       two different codes would otherwise count as two facilities and double the
       province's figures; the issue sits on the Mã cơ sở cell of the workbooks that
       differ from the code most of its workbooks use (on all of them when no code is used
       more often)."""),
    _r("X006", "province-workbook-straddles", WARNING,
       "Sổ cấp tỉnh {province} kỳ {period} chỉ nằm một phần trong kỳ báo cáo ({range}): không tính vào số liệu.",
       "The province workbook of {province} for {period} lies only partly inside the report's range ({range}): left out.",
       """A report over a range sums the province workbooks whose periods lie wholly inside it
       (the figures of a year cannot be cut into months). A workbook that straddles the
       range's edge is left out and named here. Fix: report over a range that contains
       whole workbook periods, or send the province figures per month or quarter."""),
    _r("X007", "province-workbooks-overlap", ERROR,
       "Sổ cấp tỉnh {province} kỳ {period} trùng kỳ với sổ {other}: không tính sổ nào vào số liệu.",
       "The province workbook of {province} for {period} overlaps {other}: neither is counted.",
       """Two province workbooks whose periods overlap (the same quarter sent twice, a year and
       one of its quarters) would count the same figures twice. Neither is guessed: both are
       left out of the report. Fix: keep one workbook per period, without overlaps."""),
    # ---------------------------------------------------------------- provinces and timeliness
    _r("G001", "unknown-province", WARNING,
       "Tỉnh/Thành phố '{value}' không có trong danh mục tỉnh, thành phố (63 trước, 34 từ ngày 01/07/2025). Có phải: {near}?",
       "Province '{value}' is not a province (63 before, 34 from 01/07/2025). Did you mean: {near}?",
       """The province is matched against the official list (rehabstat/data/provinces-2025.toml):
       prefixes, case, diacritics and spaces do not matter. A name that is neither an old nor
       a new province is kept as written, so its facilities form a province of their own in
       every summary. Fix: write the province's name as in the list."""),
    _r("G002", "old-province", WARNING,
       "Tỉnh '{value}' đã sáp nhập vào {new} từ ngày {date} (Nghị quyết 202/2025/QH15): sổ được tính vào {new}; hãy ghi tên tỉnh mới.",
       "Province '{value}' was merged into {new} on {date} (Resolution 202/2025/QH15): counted there; write the new name.",
       """Since 01/07/2025 Vietnam has 34 provinces. A workbook of a later month that names
       an old province is still read and counted in the province it became part of."""),
    _r("R001", "bad-sent-date", WARNING,
       "Ngày gửi '{value}' không đọc được: hãy ghi ngày/tháng/năm, ví dụ 12/02/2025.",
       "Sent date '{value}' is not a date: write day/month/year, e.g. 12/02/2025.",
       """The optional ThongTin field "Ngày gửi" says when the workbook was sent, for the
       on-time reporting rate. Unreadable, the month counts as received but not on time."""),
    # ---------------------------------------------------------------- outliers
    _r("O001", "outlier", WARNING,
       "{indicator} diện {category} tháng {period} là {value}, khác xa các tháng khác (thường {low}–{high}).",
       "{indicator} for {category} in {period} is {value}, far from the other months (usually {low}–{high}).",
       """A monthly flow (admissions, discharges, escapes per category) far from the
       facility's other months is often a typing error, an extra zero or a month entered
       twice. Far means a modified z-score 0.6745·(x − median)/MAD above 3.5 in absolute
       value, over at least 6 months; for counts the MAD is taken as at least
       0.6745·√median (the spread of chance alone), so that months of 24 to 29
       discharges are not called unusual just because most months had exactly 26. The
       typical range in the message is what the rule accepts. A warning: real surges
       happen."""),
    # ---------------------------------------------------------------- targets and documents
    _r("T001", "unknown-target", ERROR,
       "Chỉ tiêu '{value}' không ứng với chỉ số nào (ví dụ TIEP_NHAN_BB, DAY_NGHE).",
       "Target '{value}' refers to no indicator (e.g. TIEP_NHAN_BB, DAY_NGHE).",
       """A target's code is an indicator code, optionally with a category appended
       (TIEP_NHAN_BB); anything else could never be compared with a result."""),
    _r("T002", "bad-target", ERROR,
       "Chỉ tiêu '{value}': kế hoạch không phải là số dương.",
       "Target '{value}': the plan is not a positive number.",
       """A target's plan must be a positive number to compute an achievement rate."""),
)}


def rule(code: str) -> Rule:
    return RULES[code]


def explanation(code: str, lang: str | None = None) -> str:
    """The explanation of a rule in the given language (default: the current one)."""
    from .rules_vi import EXPLANATIONS_VI
    if (lang or LANG["value"]) == "vi":
        return " ".join(EXPLANATIONS_VI[code].split())
    return RULES[code].explanation


class _Missing(dict):
    def __missing__(self, key):
        return "" if key == "note" else "?"  # {note}: an optional remark appended to a message


def issue(code: str, *, file=None, sheet=None, row=None, column=None, field=None, severity=None, **values) -> Issue:
    r = RULES[code]
    template = r.message_en if LANG["value"] == "en" else r.message_vi
    message = template.format_map(_Missing(values))
    month = values.pop("month", None)
    return Issue(code=code, severity=severity or r.severity, message=message,
                 file=None if file is None else str(file), sheet=sheet, row=row, column=column, field=field,
                 unit=values.get("unit"), province=values.get("province"), month=month)


# ---------------------------------------------------------------- where an issue is, in words

def words():
    """The words of an issue listing (validate's text, the annotated copy, the store's receipts)
    in the CLI's language."""
    if LANG["value"] == "en":
        return dict(error="error", warning="warning", errors="errors", warnings="warnings", files="files",
                    file="file", whole="(whole file)", row="row", col="column", sheet="Sheet", data="All data",
                    ok="no problems", sep=", ")
    return dict(error="lỗi", warning="cảnh báo", errors="lỗi", warnings="cảnh báo", files="tệp", file="tệp",
                whole="(cả tệp)", row="dòng", col="cột", sheet="Trang", data="Toàn bộ dữ liệu",
                ok="không có vấn đề", sep=", ")


def location(i: Issue) -> str:
    """Sheet!C12, or as much of it as the issue has."""
    w = words()
    if i.sheet is None:
        return w["whole"] if i.file else ""
    sheet = i.sheet
    if i.row is not None and i.column:
        return f"{sheet}!{i.column}{i.row}"
    if i.row is not None:
        return f"{sheet}, {w['row']} {i.row}"
    if i.column:
        return f"{sheet}, {w['col']} {i.column}"
    return sheet
