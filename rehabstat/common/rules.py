"""The rule registry: each rule in one place, like ruff's rules. A rule has a stable code, a
severity, a name (an English slug, and a title in Vietnamese), its message in Vietnamese and
in English (templates filled with the values involved), its explanation in both languages
(what it checks, why it matters, how to fix it), and its flags: `drops_row` (the reader
leaves the row out of the figures) and `drops_file` (nothing of the workbook is read).

Issues are always created with `issues.issue(code, ...)`, so the message comes from here.
rehabstat.toml's [checks] may ignore a rule or change its severity (`adjust`), except for a
rule that drops a row or a file: its data would be lost without a word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .language import LANG

ERROR = "error"
WARNING = "warning"



@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    name: str  # stable English slug: "stock-flow"
    title_vi: str  # the name in Vietnamese: "cân đối sĩ số"
    message_vi: str
    message_en: str
    explanation_vi: str  # what it checks, why it matters, how to fix it
    explanation_en: str
    drops_row: bool = False  # the reader leaves the row out of the figures
    drops_file: bool = False  # the workbook is not read at all

    def __post_init__(self):
        for f in ("explanation_vi", "explanation_en"):
            object.__setattr__(self, f, " ".join(getattr(self, f).split()))

    @property
    def adjustable(self) -> bool:
        """Whether rehabstat.toml may ignore the rule or make it a warning: never for a rule
        after which rows or files are left out (the loss would go unsaid)."""
        return not (self.drops_row or self.drops_file)

    def title(self, lang: str | None = None) -> str:
        return self.title_vi if (lang or LANG["value"]) == "vi" else self.name

    def template(self, lang: str | None = None) -> str:
        return self.message_vi if (lang or LANG["value"]) == "vi" else self.message_en

    def explanation(self, lang: str | None = None) -> str:
        return self.explanation_vi if (lang or LANG["value"]) == "vi" else self.explanation_en


RULES: dict[str, Rule] = {r.code: r for r in (
    # ---------------------------------------------------------------- files and structure
    Rule("F001", ERROR, "not-a-workbook", 'tệp không phải sổ tính', drops_file=True,
         message_vi='Tệp không phải sổ tính Excel/LibreOffice ({detail}). Hãy lưu lại tệp dưới dạng .xlsx.',
         message_en='The file is not an Excel/LibreOffice workbook ({detail}). Save it again as .xlsx.',
         explanation_vi="""Kiểm tra tệp có thật là sổ tính (.xlsx, .xlsm, .xls, .ods) hay không, bất kể tên
                tệp. Tệp văn bản hoặc PDF đổi đuôi thành .xlsx thì không đọc được. Cách sửa: mở
                tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.""",
         explanation_en="""Checks that the file really is a workbook (.xlsx, .xlsm, .xls, .ods), whatever
                its name says. A text or PDF file renamed to .xlsx cannot be read. Fix: open the
                file in Excel or LibreOffice and save it as .xlsx."""),
    Rule("F002", ERROR, "unreadable-file", 'tệp không đọc được', drops_file=True,
         message_vi='Không đọc được tệp ({detail}). Tệp có thể bị hỏng hoặc chưa tải về đầy đủ; hãy gửi lại tệp.',
         message_en='The file cannot be read ({detail}). It may be damaged or incompletely downloaded; send it again.',
         explanation_vi="""Sổ bị cắt cụt hoặc hỏng thì không đọc được. Không số liệu nào của sổ được tính,
                nên tháng đó của cơ sở bị thiếu trong mọi bảng tổng hợp. Cách sửa: đề nghị cơ sở
                gửi lại tệp.""",
         explanation_en="""A workbook that is truncated or damaged cannot be read. Nothing of it is
                counted, so its facility's month is missing from every summary. Fix: ask the
                facility to send the file again."""),
    Rule("F003", ERROR, "encrypted-file", 'tệp có mật khẩu', drops_file=True,
         message_vi='Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại.',
         message_en='The workbook is password-protected and cannot be read. Remove the password and send it again.',
         explanation_vi="""Sổ có mật khẩu được mã hóa; công cụ không thể và không nên đoán mật khẩu. Cách
                sửa: gỡ mật khẩu trong Excel (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại
                tệp.""",
         explanation_en="""Password-protected workbooks are encrypted; the tool cannot and should not guess
                the password. Fix: remove the password in Excel (File > Info > Protect Workbook)
                and send the file again."""),
    Rule("F004", ERROR, "hostile-file", 'tệp không an toàn', drops_file=True,
         message_vi='Tệp bị từ chối vì không an toàn ({detail}).',
         message_en='The file was refused as unsafe ({detail}).',
         explanation_vi="""Bảo vệ chương trình khỏi các tệp cố ý làm cạn bộ nhớ hoặc thời gian: sổ nén giải
                ra lớn quá giới hạn (bom zip), XML có khai báo thực thể (bom thực thể), hoặc
                trang tính có nhiều ô hơn hẳn một sổ hằng tháng. Tệp như vậy bị từ chối trước
                khi mở; các tệp khác vẫn được kiểm tra. Cách sửa: gửi sổ bình thường lập từ mẫu
                (`rehabstat form`).""",
         explanation_en="""Protects the reader from files built to exhaust memory or time: a compressed
                workbook that expands past the size limit (a zip bomb), XML with entity
                declarations (an entity bomb), or a sheet with far more cells than a monthly
                form can hold. Such a file is refused before it is opened, or by the parser's
                own process (every workbook is read in a separate process with a memory cap and
                a time limit: a file that exceeds them, or makes the parser abort, is refused
                alone); the other files are still checked. Fix: send a normal workbook made from
                the form (`rehabstat form`)."""),
    Rule("F013", WARNING, "renamed-workbook", 'đuôi tệp không đúng nội dung',
         message_vi='Tệp có đuôi {suffix} nhưng nội dung là sổ {real}; đã đọc theo nội dung. Nên đổi tên tệp thành đuôi {real}.',
         message_en='The file is named {suffix} but holds a {real} workbook; it was read as what it holds. Rename it to {real}.',
         explanation_vi="""Sổ lưu theo định dạng này nhưng mang đuôi của định dạng khác (tệp .xls đặt tên
                .xlsx, tệp .ods đặt tên .xlsx) được đọc theo nội dung, không bị từ chối vì tên.
                Chỉ là cảnh báo, vì phần mềm khác có thể không mở được tệp. Cách sửa: đổi đuôi
                tệp cho đúng (hoặc lưu lại dưới dạng .xlsx).""",
         explanation_en="""A workbook saved in one format under another format's name (an .xls named .xlsx,
                an .ods named .xlsx) is read by its content, never refused for its name. A
                warning, because other software may refuse the file. Fix: rename the file (or
                save it again as .xlsx)."""),
    Rule("F014", ERROR, "old-excel-format", 'định dạng Excel quá cũ', drops_file=True,
         message_vi='Tệp là sổ Excel định dạng cũ ({version}, trước năm 1997) không đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.',
         message_en='The file is in an Excel format older than 1997 ({version}) and cannot be read: open it and save as .xlsx.',
         explanation_vi="""Excel 2.x, 3.0 và 4.0 lưu trang tính theo định dạng cũ hơn Excel 97. Tệp được
                đọc khi nội dung đọc được (một trang tính của các phiên bản này chỉ có một
                trang, nên không bao giờ là cả sổ tháng). Cách sửa: mở tệp bằng Excel hoặc
                LibreOffice rồi lưu lại dưới dạng .xlsx.""",
         explanation_en="""Excel 2.x, 3.0 and 4.0 saved worksheets in formats older than Excel 97. They are
                read when their content can be (a worksheet of those versions holds one sheet
                only, so it is never a whole monthly workbook). Fix: open the file in Excel or
                LibreOffice and save it as .xlsx."""),
    Rule("F015", ERROR, "unknown-codepage", 'bảng mã không đọc được', drops_file=True,
         message_vi='Tệp .xls dùng bảng mã {encoding}, trình đọc không chuyển được chữ của bảng mã này. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx.',
         message_en='The .xls file uses the code page {encoding}, whose text cannot be converted. Open it and save it as .xlsx.',
         explanation_vi="""Sổ cũ hơn Excel 97 lưu chữ theo bảng mã của máy đã tạo ra nó. Các bảng mã thường
                gặp (Windows, Mac Roman, Mac Trung Âu ...) được đọc; với bảng mã khác, lưu lại
                tệp dưới dạng .xlsx sẽ chuyển chữ sang Unicode.""",
         explanation_en="""Workbooks older than Excel 97 keep their text in the code page of the computer
                that wrote them. The common ones (Windows, Mac Roman, Mac Central Europe ...)
                are read; for the rest, saving the file again as .xlsx converts its text to
                Unicode."""),
    Rule("F016", WARNING, "stray-cell", 'ô lạc xa bảng',
         message_vi="Ô có giá trị '{value}' nằm xa bảng số liệu (cách hơn {gap}); ô này không được đọc vào bảng. Nếu gõ nhầm, hãy xoá nội dung ô.",
         message_en="A cell holding '{value}' lies far from the table (more than {gap} away); it is not read as part of the table. Clear it if it was typed by mistake.",
         explanation_vi="""Một giá trị gõ ở rất xa bảng (ở dòng cuối cùng của trang, ở cột XFD) làm trang
                rộng hàng triệu ô. Ô đó được đọc đúng như nó là, một ô lạc, và được chỉ ra ở
                đúng chỗ của nó; bảng được đọc như thể ô đó trống.""",
         explanation_en="""A single value typed far below or right of a sheet's table (in the last row of
                the sheet, in column XFD) would make the sheet millions of cells big. It is read
                as what it is, a stray cell, and shown here at its place; the table is read as
                if the cell were empty."""),
    Rule("F017", WARNING, "sheet-ignored", 'trang không phải trang tính',
         message_vi="Trang '{sheet_name}' là {kind}, không phải trang số liệu; đã bỏ qua.",
         message_en="Sheet '{sheet_name}' is {kind}, not a worksheet; it was ignored.",
         explanation_vi="""Sổ có thể chứa những trang không phải trang tính: trang macro Excel 4.0, trang
                hộp thoại của macro cũ. Các trang này không có số liệu và không được đọc.""",
         explanation_en="""A workbook may hold sheets that are not worksheets: Excel 4.0 macro sheets,
                dialog sheets of old macros. They hold no figures and are left out of the
                reading."""),
    Rule("F005", ERROR, "missing-sheet", 'thiếu trang tính', drops_file=True,
         message_vi="Thiếu trang tính '{sheet_name}'. Sổ cần có các trang: ThongTin, SiSo, BienDong, SoLieu.",
         message_en="Sheet '{sheet_name}' is missing. The workbook needs: ThongTin, SiSo, BienDong, SoLieu.",
         explanation_vi="""Mỗi sổ hằng tháng có các trang ThongTin (đơn vị, tháng), SiSo (sĩ số), BienDong
                (biến động) và SoLieu (số liệu khác). Tên trang được so không dấu, không phân
                biệt chữ hoa ("Biến động", "BIEN DONG", "Events" đều được). Bắt buộc có
                ThongTin, SiSo và BienDong; thiếu SoLieu chỉ có nghĩa là không có số liệu khác.""",
         explanation_en="""Each monthly workbook has the sheets ThongTin (who and when), SiSo (census),
                BienDong (events) and SoLieu (other figures). Names match without diacritics or
                case ("Biến động", "BIEN DONG", "Events" are all fine). ThongTin, SiSo and
                BienDong are required; a missing SoLieu only means there are no other figures."""),
    Rule("F006", ERROR, "missing-column", 'thiếu cột', drops_file=True,
         message_vi="Trang '{sheet_name}' thiếu cột '{column_name}' (không tìm thấy dòng tiêu đề có cột này trong 10 dòng đầu).",
         message_en="Sheet '{sheet_name}' has no column '{column_name}' (no header row with it in the first 10 rows).",
         explanation_vi="""Dòng tiêu đề được tìm trong 10 dòng đầu của trang và phải có đủ các cột bắt
                buộc. Các cột có thể theo thứ tự bất kỳ, cột thừa được bỏ qua. Cách sửa: thêm
                cột với tiêu đề như trong mẫu.""",
         explanation_en="""The header row is looked for in the first 10 rows of a sheet; it must name every
                required column. Columns may be in any order and extra columns are ignored. Fix:
                add the column with its header as in the form."""),
    Rule("F007", ERROR, "missing-info-field", 'thiếu mục ThongTin', drops_file=True,
         message_vi="Trang ThongTin thiếu mục '{field_name}'.",
         message_en="Sheet ThongTin lacks the field '{field_name}'.",
         explanation_vi="""Trang ThongTin phải ghi mã cơ sở, tên cơ sở, tỉnh/thành phố và tháng báo cáo:
                thiếu chúng thì không biết số liệu của sổ là của ai.""",
         explanation_en="""ThongTin must give the facility code, its name, the province and the reporting
                month: without them the workbook's figures cannot be attributed to anyone."""),
    Rule("F008", ERROR, "bad-info-value", 'mục ThongTin không đọc được', drops_file=True,
         message_vi="Mục '{field_name}' có giá trị '{value}' không đọc được. {hint}",
         message_en="Field '{field_name}' has the value '{value}', which cannot be read. {hint}",
         explanation_vi="""Một giá trị ở trang ThongTin không hiểu được, thường là kỳ báo cáo không phải
                một tháng ("01/2021", "2021-01" hoặc một ngày bất kỳ trong tháng đều được).""",
         explanation_en="""A ThongTin value that cannot be understood, typically a reporting period that is
                not a month ("01/2021", "2021-01" or any date in the month are fine)."""),
    Rule("F009", ERROR, "census-empty", 'sĩ số để trống', drops_file=True,
         message_vi='Trang {sheet_name} chưa có số liệu sĩ số: sổ chưa điền xong (ghi Đầu kỳ, Cuối kỳ của từng diện, 0 nếu không có).',
         message_en="Sheet {sheet_name} holds no census figures: the workbook is not filled in (write each category's opening and closing, 0 if none).",
         explanation_vi="""Sổ có trang sĩ số chỉ ghi tên các diện (mẫu còn trống) không cho biết gì về
                tháng đó: đó không phải là một tháng không có ai. Ô trống không bao giờ được đọc
                là 0; nơi không có ai hãy ghi 0.""",
         explanation_en="""A workbook whose census sheet has only the category labels (a blank form) says
                nothing about the month: it is not a month with nobody held. Blank cells are
                never read as 0; write 0 where there is nobody."""),
    Rule("F010", WARNING, "legacy-encoding", 'bảng mã cũ',
         message_vi='Tệp dùng bảng mã cũ {encoding}; đã đọc sau khi chuyển sang Unicode. Hãy chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) và dùng phông Times New Roman.',
         message_en='The file uses the legacy encoding {encoding}; it was read after converting to Unicode. Convert the file to Unicode and use Times New Roman.',
         explanation_vi="""Các mẫu biểu cũ của cơ quan nhà nước thường gõ bằng bảng mã TCVN3 (ABC, phông
                .VnTime) hoặc VNI (phông VNI-Times): chữ màn hình hiện là "Sĩ số" được lưu là
                "SÜ sè". Công cụ chỉ chuyển mã một sổ khi việc chuyển mã làm tên trang và tiêu
                đề cột khớp, và báo điều đó ở đây; ô gõ bằng Unicode được giữ nguyên. Chuyển mã
                không phân biệt được chữ hoa của phông .VnTimeH với chữ thường, và tên đọc từ
                tệp như vậy có thể khác tên ở các tháng khác: hãy chuyển tệp sang Unicode (công
                cụ chuyển mã của Unikey) rồi gửi lại.""",
         explanation_en="""Old government templates are often typed in TCVN3 (ABC, fonts .VnTime) or VNI
                (fonts VNI-Times): what the screen shows as "Sĩ số" is stored as "SÜ sè". The
                tool decodes a workbook only when decoding makes its sheet names and headers
                match, and says so here; a cell typed in Unicode is left as it is. Decoding
                cannot tell a capital letter of .VnTimeH from a small one, and names read from
                such a file may differ from other months' names: convert the file (Unikey's
                converter) and send it in Unicode."""),
    Rule("F011", ERROR, "sheet-twice", 'trang tính trùng', drops_file=True,
         message_vi="Sổ có hai trang '{role_name}': '{first}' và '{second}'. Không biết dùng trang nào: hãy xoá hoặc đổi tên trang thừa.",
         message_en="The workbook has two '{role_name}' sheets: '{first}' and '{second}'. Delete or rename the extra one.",
         explanation_vi="""Tên trang được so khớp không phân biệt dấu và chữ hoa, nên "BienDong" và "Biến
                động" (hoặc bản sao "BienDong (2)") là cùng một trang hai lần. Không đoán trang
                nào là số liệu của tháng: sổ không được tính cho đến khi xoá hoặc đổi tên một
                trong hai trang.""",
         explanation_en="""Sheet names match without diacritics or case, so "BienDong" and "Biến động" (or
                a copy named "BienDong (2)") are the same sheet twice. Which one holds the month
                is not guessed: the workbook is left out until one of them is removed or
                renamed."""),
    Rule("F012", ERROR, "column-twice", 'cột trùng', drops_file=True,
         message_vi="Trang '{sheet_name}' có hai cột '{column_name}' ({first} và {second}). Không biết dùng cột nào: hãy xoá hoặc đổi tên cột thừa.",
         message_en="Sheet '{sheet_name}' has two '{column_name}' columns ({first} and {second}). Delete or rename the extra one.",
         explanation_vi="""Hai ô tiêu đề cùng chỉ một cột ("Ngày" và "Ngày biến động", "Mã" và "Mã học
                viên") thì không biết cột nào có số liệu; trang không được đọc cho đến khi xoá
                hoặc đổi tên một cột. Các cột không dùng để tính (STT, Họ và tên, Ghi chú) được
                phép lặp lại.""",
         explanation_en="""Two header cells that name the same column ("Ngày" and "Ngày biến động", "Mã"
                and "Mã học viên") leave it unknown which one holds the data; the sheet is not
                read until one is removed or renamed. Columns the figures never use (STT, Họ và
                tên, Ghi chú) may repeat."""),
    # ---------------------------------------------------------------- cells
    Rule("C001", ERROR, "bad-number", 'không phải số', drops_row=True,
         message_vi="Ô '{field_name}' có giá trị '{value}' không phải là số. Hãy nhập số (ví dụ 1.659 hoặc 1659).",
         message_en="Cell '{field_name}' holds '{value}', which is not a number. Enter a number (1659).",
         explanation_vi="""Số người, số tiền phải là số. Số viết kiểu Việt Nam vẫn được nhận ("1.659" là
                1659, "92,5" là 92,5, "5.122.732.200 đồng" là 5122732200); giá trị khác được báo
                ở đây thay vì bị tính là 0.""",
         explanation_en="""Counts and amounts must be numbers. Text written the Vietnamese way is accepted
                ("1.659" is 1659, "92,5" is 92.5, "5.122.732.200 đồng" is 5122732200); anything
                else is reported here instead of being counted as zero."""),
    Rule("C010", ERROR, "count-not-whole", 'số người, số lượt không nguyên', drops_row=True,
         message_vi="Ô '{field_name}' có giá trị {value}, không phải số nguyên. Số người, số lượt phải là số "
                    "nguyên: hãy sửa lại.",
         message_en="Cell '{field_name}' holds {value}, which is not a whole number. Counts of people and "
                    "events are whole numbers: correct it.",
         explanation_vi="""Sĩ số, số biến động là số người hoặc số lượt: không có nửa người. Số lẻ thường do
                công thức chia hoặc gõ nhầm dấu phẩy; dòng đó không được tính cho đến khi sửa.""",
         explanation_en="""A census or an event count is a number of people or occurrences: there is no
                half a person. A fraction usually comes from a division formula or a mistyped comma; the
                row is not counted until it is corrected."""),
    Rule("C002", ERROR, "negative-count", 'số âm', drops_row=True,
         message_vi="Ô '{field_name}' có số âm ({value}). Số người, số lượt không thể âm.",
         message_en="Cell '{field_name}' is negative ({value}). Counts cannot be negative.",
         explanation_vi="""Số người, số lượt không bao giờ âm. Số âm thường do công thức sai hoặc gõ nhầm.""",
         explanation_en="""People and occurrences are never negative. A negative number usually is a
                formula gone wrong or a typing error."""),
    Rule("C003", ERROR, "excel-error", 'ô lỗi công thức', drops_row=True,
         message_vi='Ô chứa lỗi Excel {value}. Hãy sửa công thức hoặc nhập số trực tiếp.',
         message_en='The cell holds the Excel error {value}. Fix the formula or type the number.',
         explanation_vi="""Ô có công thức lỗi (#REF!, #DIV/0!, #VALUE!, #N/A ...) không có giá trị. Nếu
                không kiểm tra, ô đó sẽ bị coi là trống và lặng lẽ tính là 0; quy tắc này tìm
                lỗi ngay trong tệp.""",
         explanation_en="""A cell whose formula failed (#REF!, #DIV/0!, #VALUE!, #N/A ...) has no value.
                The reader would see it as empty, which would silently count as zero; this rule
                finds it in the file itself."""),
    Rule("C004", ERROR, "required-blank", 'ô bắt buộc để trống', drops_row=True,
         message_vi="Ô '{field_name}' bị bỏ trống nhưng là thông tin bắt buộc.",
         message_en="Cell '{field_name}' is blank but required.",
         explanation_vi="""Mỗi dòng biến động cần có diện, loại biến động và ngày; mỗi dòng sĩ số cần có
                diện. Dòng chỉ điền một phần được báo lỗi, không bị bỏ qua.""",
         explanation_en="""Every event row needs its category, event type and date; a census row needs its
                category. A row with only some cells filled is reported, never skipped."""),
    Rule("C009", WARNING, "census-part-blank", 'có mặt, vắng mặt để trống',
         message_vi="Ô '{field_name}' bị bỏ trống trong khi Cuối kỳ của diện {category} là {closing}. Hãy ghi số (0 nếu không có ai): ô trống không được tính là 0.",
         message_en="Cell '{field_name}' is blank while the closing of category {category} is {closing}. Enter a number (0 if nobody): a blank is not counted as 0.",
         explanation_vi="""Có mặt và Vắng mặt chia số đang quản lý cuối tháng (Có mặt + Vắng mặt = Cuối
                kỳ). Ô trống cạnh một Cuối kỳ có số không được đọc thành 0: tháng đó của cơ sở
                không có số có mặt (vắng mặt), và tổng của tỉnh chỉ gồm các cơ sở có ghi, kèm số
                cơ sở ("số liệu của 6/7 cơ sở"). Cách sửa: ghi số, ghi 0 khi không có ai có mặt
                (vắng mặt).""",
         explanation_en="""Present and absent split the closing census (Có mặt + Vắng mặt = Cuối kỳ). A
                blank beside a filled Cuối kỳ is not read as zero: the facility's month has no
                figure for it, and a province's total of present (absent) learners then covers
                only the facilities that wrote it, and says so ("số liệu của 6/7 cơ sở"). Fix:
                write the number, 0 when nobody is present (absent)."""),
    Rule("C005", ERROR, "bad-quantity", 'số lượng không hợp lệ', drops_row=True,
         message_vi="Số lượng '{value}' không hợp lệ: phải là số nguyên từ 1 trở lên.",
         message_en="Quantity '{value}' is invalid: it must be a whole number of at least 1.",
         explanation_vi="""`Số lượng` cho biết một dòng gộp ứng với bao nhiêu lượt: một số nguyên từ 1 trở
                lên (để trống là 1).""",
         explanation_en="""`Số lượng` says how many events an aggregated row stands for: a whole number of
                at least 1 (empty means 1)."""),
    Rule("C006", ERROR, "quantity-with-id", 'số lượng kèm mã học viên', drops_row=True,
         message_vi='Dòng có mã học viên thì không được ghi Số lượng ({value}); mỗi dòng có mã là một người.',
         message_en='A row with a learner id must not carry a quantity ({value}); it is one person.',
         explanation_vi="""Dòng có mã học viên là của một người; ghi thêm số lượng sẽ tính người đó nhiều
                lần. Hãy ghi mỗi người một dòng, hoặc để trống mã học viên nếu là dòng gộp.""",
         explanation_en="""A row with a learner id is about one person; a quantity on it would count that
                person several times. Write one row per person, or leave the id blank for an
                aggregated row."""),
    Rule("C007", ERROR, "bad-date", 'ngày không hợp lệ', drops_row=True,
         message_vi="Ngày '{value}' không đọc được. Hãy ghi ngày/tháng/năm, ví dụ 05/03/2021.",
         message_en="Date '{value}' cannot be read. Write day/month/year, e.g. 05/03/2021.",
         explanation_vi="""Ngày có thể là ngày thật, số ngày kiểu Excel hoặc chữ theo thứ tự ngày trước
                (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy) hoặc yyyy-mm-dd. Không bao giờ đoán ngày viết
                kiểu tháng trước.""",
         explanation_en="""Dates may be real dates, Excel serial dates or text in day-first form
                (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy) or yyyy-mm-dd. Month-first dates are never
                guessed."""),
    Rule("C008", ERROR, "formula-without-value", 'công thức chưa có giá trị', drops_row=True,
         message_vi='Ô có công thức nhưng chưa có giá trị đã tính: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (công thức ={value}).',
         message_en='The cell has a formula but no computed value: open the file in Excel or LibreOffice and save it again (formula ={value}).',
         explanation_vi="""Excel và LibreOffice lưu mỗi công thức kèm giá trị đã tính. Sổ do chương trình
                tạo ra (openpyxl, XlsxWriter, xuất từ phần mềm web) có thể chỉ có công thức.
                Công cụ tự tính công thức khi đó là phép tính đơn giản (+ − × ÷, ngoặc) hoặc SUM
                các ô của cùng trang; công thức khác (trang khác, hàm khác) được báo ở đây thay
                vì đọc thành 0. Mở và lưu lại tệp bằng Excel hoặc LibreOffice sẽ lưu các giá
                trị.""",
         explanation_en="""Excel and LibreOffice save each formula with the value it gave. A workbook
                written by a program (openpyxl, XlsxWriter, a web export) may hold the formula
                alone. The tool computes such a formula itself when it is plain arithmetic (+ −
                × ÷, brackets) or a SUM of the same sheet's cells; anything else (another sheet,
                another function) is reported here instead of being read as 0. Opening and
                saving the file in Excel or LibreOffice stores the values."""),
    # ---------------------------------------------------------------- codes
    Rule("K001", ERROR, "unknown-category", 'diện không rõ', drops_row=True,
         message_vi="Diện '{value}' không hợp lệ. Các diện: BB, TN, HTCC, XDTTN, LTTT, MET.",
         message_en="Unknown category '{value}'. Categories: BB, TN, HTCC, XDTTN, LTTT, MET.",
         explanation_vi="""Diện là một trong BB, TN, HTCC, XDTTN, LTTT, MET, ghi bằng mã, bằng tên ("Bắt
                buộc") hoặc không dấu ("bat buoc").""",
         explanation_en="""The category is one of BB, TN, HTCC, XDTTN, LTTT, MET, written as the code, the
                label ("Bắt buộc") or without diacritics ("bat buoc")."""),
    Rule("K002", ERROR, "unknown-event", 'biến động không rõ', drops_row=True,
         message_vi="Loại biến động '{value}' không hợp lệ. Xem danh sách trong mẫu (TIEP_NHAN, HOAN_THANH, TRON, ...).",
         message_en="Unknown event type '{value}'. See the list in the form (TIEP_NHAN, HOAN_THANH, TRON, ...).",
         explanation_vi="""Loại biến động là một trong các mã của mẫu nhập liệu, hoặc tên của mã đó.""",
         explanation_en="""The event type is one of the codes of the input format, or its label."""),
    Rule("K003", ERROR, "event-not-allowed", 'biến động không hợp với diện', drops_row=True,
         message_vi='Biến động {event} không áp dụng cho diện {category}.',
         message_en='Event {event} does not apply to category {category}.',
         explanation_vi="""Một số biến động chỉ có ở một số diện: người điều trị Methadone không "hoàn
                thành", không trốn và không bị bắt lại; chỉ họ mới "bỏ điều trị" (BO_DIEU_TRI).""",
         explanation_en="""Some events exist only for some categories: Methadone patients are not
                discharged on completion, do not escape and are not recaptured; only they drop
                out of treatment (BO_DIEU_TRI)."""),
    Rule("K004", ERROR, "change-without-new-category", 'chuyển diện thiếu diện mới', drops_row=True,
         message_vi="Chuyển diện nhưng không ghi 'Diện mới'.",
         message_en="Category change without 'Diện mới'.",
         explanation_vi="""Dòng CHUYEN_DIEN chuyển một người từ diện này sang diện khác; không ghi diện mới
                thì người đó biến mất khỏi sĩ số.""",
         explanation_en="""A CHUYEN_DIEN row moves a person from one category to another; without the new
                category the person would vanish from the stock."""),
    Rule("K005", ERROR, "change-same-category", 'chuyển diện cùng diện', drops_row=True,
         message_vi='Chuyển diện sang chính diện cũ ({category}).',
         message_en='Category change to the same category ({category}).',
         explanation_vi="""Chuyển diện thì phải đổi diện: Diện mới phải khác Diện.""",
         explanation_en="""A change of category must change it: Diện mới must differ from Diện."""),
    # ---------------------------------------------------------------- dates
    Rule("D001", ERROR, "date-outside-month", 'ngày ngoài tháng',
         message_vi='Ngày {value} nằm ngoài tháng báo cáo {period}.',
         message_en='Date {value} is outside the reporting month {period}.',
         explanation_vi="""Mỗi sổ báo cáo một tháng; biến động có ngày ở tháng khác thuộc về sổ của tháng
                đó (hoặc ngày bị gõ nhầm, ví dụ ghi tháng trước ngày).""",
         explanation_en="""Each workbook reports one month; an event dated in another month belongs to that
                month's workbook (or the date is mistyped, e.g. month-first)."""),
    Rule("D002", ERROR, "date-in-future", 'ngày ở tương lai',
         message_vi='Ngày {value} ở tương lai.',
         message_en='Date {value} is in the future.',
         explanation_vi="""Biến động không thể xảy ra sau ngày hôm nay.""",
         explanation_en="""An event cannot have happened after today."""),
    Rule("D003", ERROR, "period-not-the-dates-month", 'kỳ báo cáo khác tháng của mọi ngày',
         message_vi="Kỳ báo cáo ghi {period} nhưng cả {count} dòng ở trang {sheet_name} đều có ngày trong tháng "
                    "{dates_month}. Hãy sửa Kỳ báo cáo cho đúng tháng của sổ (hoặc gửi đúng sổ tháng {period}).",
         message_en="The reporting period says {period} but all {count} rows of sheet {sheet_name} are dated in "
                    "{dates_month}. Correct 'Kỳ báo cáo' to the workbook's month (or send the workbook of {period}).",
         explanation_vi="""Khi mọi biến động của sổ cùng ở một tháng khác với Kỳ báo cáo, thường là sổ của
                tháng trước được chép sang mà chưa sửa kỳ (hoặc kỳ bị gõ nhầm). Một lỗi ở ô Kỳ báo cáo
                thay cho một lỗi ngày ngoài tháng (D001) ở mỗi dòng.""",
         explanation_en="""When every event of a workbook is in one month other than its reporting period,
                the workbook is usually another month's copied without changing the period (or the period
                is mistyped). One error at the period's cell stands for a date-outside-month error (D001)
                on every row."""),
    # ---------------------------------------------------------------- identities
    Rule("I001", ERROR, "stock-flow", 'cân đối sĩ số',
         message_vi='Diện {category}: cuối kỳ ghi {found} nhưng đầu kỳ {opening} + tăng {inflow} − giảm {outflow} = {expected} (chênh {diff}).{note}',
         message_en='Category {category}: closing is {found} but opening {opening} + in {inflow} − out {outflow} = {expected} (off by {diff}).{note}',
         explanation_vi="""Cuối kỳ = đầu kỳ + tiếp nhận + bắt lại + chuyển đến + chuyển diện đến − hoàn
                thành − trốn − tạm đình chỉ − chuyển đi − chết − bỏ điều trị − ra khác − chuyển
                diện đi, theo từng diện và từng tháng. Chênh lệch nghĩa là sĩ số hoặc danh sách
                biến động chưa đủ: có biến động chưa nhập, hoặc sĩ số đếm sai. Lỗi được ghi ở ô
                Cuối kỳ của dòng đó.""",
         explanation_en="""Closing = opening + admissions + recaptures + transfers in + category changes in
                − discharges − escapes − suspensions − transfers out − deaths − drop-outs −
                other exits − category changes out, per category and month. A difference means
                the census or the event list is incomplete: an event not entered, or a census
                miscounted. The issue sits on the 'Cuối kỳ' (closing) cell of the row."""),
    Rule("I002", ERROR, "continuity", 'nối tiếp giữa các tháng',
         message_vi='Diện {category}: đầu kỳ tháng {period} ghi {found} nhưng cuối kỳ tháng trước là {expected}.',
         message_en='Category {category}: the opening of {period} is {found} but the previous month closed at {expected}.',
         explanation_vi="""Đầu kỳ của một tháng bằng cuối kỳ của tháng trước. Không khớp nghĩa là một trong
                hai tháng đã được sửa mà tháng kia thì không. Lỗi được ghi ở ô Đầu kỳ của tháng
                sau.""",
         explanation_en="""The opening of a month equals the closing of the month before. A break means one
                of the two months was corrected without the other. The issue sits on the later
                month's Đầu kỳ cell."""),
    Rule("I003", ERROR, "census-split", 'có mặt cộng vắng mặt',
         message_vi='Diện {category}: có mặt {present} + vắng mặt {absent} = {total}, khác cuối kỳ {closing}.',
         message_en='Category {category}: present {present} + absent {absent} = {total}, not the closing {closing}.',
         explanation_vi="""Mọi người đang quản lý cuối tháng hoặc có mặt hoặc vắng mặt (nằm viện, về phép):
                Có mặt + Vắng mặt = Cuối kỳ.""",
         explanation_en="""Everyone held at the end of the month is either present or absent (hospital,
                leave): Có mặt + Vắng mặt = Cuối kỳ."""),
    Rule("I004", ERROR, "totals-row", 'dòng tổng cộng',
         message_vi="Dòng tổng cộng ghi '{field_name}' = {found}, nhưng cộng các dòng {where} được {expected}.",
         message_en="The totals row says '{field_name}' = {found}, but the rows {where_en} add up to {expected}.",
         explanation_vi="""Dòng tổng cộng ("Tổng cộng", "Cộng", "Total") không bao giờ được cộng vào số
                liệu; nó được đối chiếu với tổng các dòng bên trên.""",
         explanation_en="""A totals row ("Tổng cộng", "Cộng", "Total") is never added to the figures; it is
                checked against the sum of the rows above it (since the previous totals row). A
                totals row with no data row above it, as forms often put it right under the
                header, is checked against every data row below it."""),
    Rule("I005", ERROR, "part-exceeds-whole", 'phần lớn hơn tổng',
         message_vi='{part_label} ({part}) lớn hơn {whole_label} ({whole}): phần không thể lớn hơn tổng, tỷ lệ không thể quá 100%.',
         message_en='{part_label} ({part}) exceeds {whole_label} ({whole}): a part cannot exceed its whole (a rate above 100%).',
         explanation_vi="""Một số số liệu cùng thời điểm là một phần của số liệu khác: học viên điều trị
                ARV (DIEU_TRI_ARV) nằm trong số học viên nhiễm HIV đang quản lý (HIV_QUAN_LY).
                Trong sổ của một tháng, phần lớn hơn tổng là lỗi gõ nhầm; tỷ lệ không bao giờ
                được in từ số liệu đó. (Tỷ lệ đạt chỉ tiêu có thể vượt 100%: đó không phải quy
                tắc này.)""",
         explanation_en="""Some figures held at the same moment are parts of others: learners on ARV
                (DIEU_TRI_ARV) are among the HIV-positive learners managed (HIV_QUAN_LY). In one
                month's workbook a part above its whole is a typing error; the rate is never
                printed from it. (Achievement against a target may exceed 100%: that is not this
                rule.)"""),
    Rule("I006", WARNING, "part-exceeds-whole-over-period", 'phần lớn hơn tổng trong kỳ',
         message_vi='Cơ sở {unit}, {period}: {part_label} ({part}) nhiều hơn {whole_label} ({whole}); tỷ lệ không được in.{note}',
         message_en='Facility {unit}, {period}: {part_label} ({part}) exceeds {whole_label} ({whole}); the rate is not printed.{note}',
         explanation_vi="""Học viên được cấp chứng chỉ (CHUNG_CHI) nằm trong số học viên học nghề
                (DAY_NGHE), nhưng một lớp có thể bắt đầu tháng này và cấp chứng chỉ tháng sau,
                thậm chí năm sau: trong một kỳ, số chứng chỉ nhiều hơn số học nghề là có thể và
                chỉ là cảnh báo, ghi ở ô Chứng chỉ cuối cùng của kỳ. Báo cáo không bao giờ in tỷ
                lệ trên 100% từ số liệu đó.""",
         explanation_en="""Learners certified (CHUNG_CHI) are among those trained (DAY_NGHE), but a class
                may start in one month and be certified in a later one, even in the next year:
                over a period, more certificates than trainees is possible and is a warning, on
                the last Chứng chỉ cell of the period. The BC never prints a rate above 100%
                from it."""),
    # ---------------------------------------------------------------- persons
    Rule("P001", WARNING, "recapture-without-escape", 'bắt lại mà không có lần trốn',
         message_vi='Học viên dòng này được ghi bắt lại nhưng không có lần trốn nào trước đó trong dữ liệu (lần trốn có thể xảy ra trước kỳ của dữ liệu: hãy kiểm tra).{note}',
         message_en='This learner is recorded as recaptured but has no earlier escape in the data (the escape may predate the data: check).{note}',
         explanation_vi="""Khi có mã học viên, việc bắt lại phải đi sau một lần trốn của cùng người đó. Chỉ
                là cảnh báo, vì lần trốn có thể xảy ra trước khoảng dữ liệu được kiểm tra.""",
         explanation_en="""Where learner ids exist, a recapture should follow an escape of the same person.
                A warning, because the escape may predate the data that were checked."""),
    Rule("P002", WARNING, "exit-not-held", 'ra khi không được quản lý',
         message_vi='Học viên dòng này ra khỏi cơ sở ({event}) nhưng không có trong số đang quản lý theo dữ liệu.{note}',
         message_en='This learner leaves ({event}) but is not held according to the data.{note}',
         explanation_vi="""Khi có mã học viên, người ra khỏi cơ sở phải đã được tiếp nhận (hoặc chuyển sang
                từ kỳ trước). Chỉ là cảnh báo, vì việc tiếp nhận có thể xảy ra trước khoảng dữ
                liệu.""",
         explanation_en="""Where learner ids exist, a person who leaves should have been admitted (or be
                carried over) before. A warning, because the admission may predate the data."""),
    Rule("P003", WARNING, "admission-already-held", 'tiếp nhận khi đang quản lý',
         message_vi='Học viên dòng này được tiếp nhận nhưng đang được quản lý (tiếp nhận ở {previous}, chưa ra).',
         message_en='This learner is admitted while already held (admitted in {previous}, not left).',
         explanation_vi="""Khi có mã học viên, một người được tiếp nhận hai lần mà ở giữa không ra thường
                là nhập trùng.""",
         explanation_en="""Where learner ids exist, a person admitted twice without leaving in between is
                usually a duplicate entry."""),
    Rule("P004", WARNING, "duplicate-row", 'dòng trùng',
         message_vi='Dòng này trùng với dòng {other} (cùng học viên, biến động và ngày).',
         message_en='This row duplicates row {other} (same learner, event and date).',
         explanation_vi="""Hai dòng cùng học viên, cùng biến động, cùng ngày thì một biến động bị tính hai
                lần.""",
         explanation_en="""Two rows with the same learner, event and date count the same event twice."""),
    # ---------------------------------------------------------------- across files
    Rule("X001", ERROR, "duplicate-month", 'hai sổ một tháng',
         message_vi='Cơ sở {unit} tháng {period} có hai sổ: {other}. Chỉ giữ một sổ cho mỗi tháng.',
         message_en='Facility {unit} has two workbooks for {period}: {other}. Keep one per month.',
         explanation_vi="""Hai sổ của cùng một cơ sở cho cùng một tháng không thể cùng đúng. Không sổ nào
                được chọn thay người dùng: hãy bỏ sổ cũ.""",
         explanation_en="""Two workbooks for the same facility and month cannot both be right. Neither is
                guessed: remove the outdated one."""),
    Rule("X002", WARNING, "missing-month", 'thiếu sổ tháng',
         message_vi='Cơ sở {unit} thiếu sổ tháng {period}.',
         message_en='Facility {unit} has no workbook for {period}.',
         explanation_vi="""Trong kỳ được kiểm tra, mỗi cơ sở phải gửi sổ của mọi tháng. Thiếu một tháng thì
                biến động của tháng đó không được tính vào tổng của kỳ.""",
         explanation_en="""Within the checked period every facility should send every month. A missing
                month leaves its flows out of the period's totals."""),
    Rule("X003", WARNING, "transfers-unmatched", 'chuyển đi, chuyển đến không khớp',
         message_vi='Tỉnh {province} tháng {period}: chuyển đi {out_count} nhưng các cơ sở trong tỉnh chỉ nhận chuyển đến {in_count}.',
         message_en='Province {province}, {period}: {out_count} transferred out but {in_count} transferred in within the province.',
         explanation_vi="""Trong một tỉnh, người chuyển đi từ cơ sở này phải được ghi chuyển đến ở cơ sở
                khác trong cùng tháng (trừ khi chuyển sang tỉnh khác).""",
         explanation_en="""Within a province, transfers out of one facility should arrive as transfers in
                at another in the same month (unless they went to another province)."""),
    Rule("X004", WARNING, "unexpected-unit", 'cơ sở ngoài danh sách',
         message_vi='Cơ sở {unit} không có trong danh sách cơ sở của tỉnh {province} (rehabstat.toml).',
         message_en='Facility {unit} is not in the list of facilities of {province} (rehabstat.toml).',
         explanation_vi="""Khi rehabstat.toml liệt kê các cơ sở của từng tỉnh, sổ của cơ sở không có trong
                danh sách được báo: cơ sở mới, hoặc mã cơ sở bị gõ nhầm.""",
         explanation_en="""When rehabstat.toml lists the facilities expected per province, a workbook from
                an unlisted facility is flagged: a new facility, or a mistyped code."""),
    Rule("X005", ERROR, "unit-two-codes", 'một cơ sở hai mã',
         message_vi="Cơ sở '{unit_name}' ({province}) ghi mã {unit} ở sổ này nhưng mã {other} ở {count} sổ khác. Một cơ sở chỉ có một mã: hãy sửa Mã cơ sở.",
         message_en="Facility '{unit_name}' ({province}) is coded {unit} here but {other} in {count} other workbooks. Fix the facility code.",
         explanation_vi="""Mã cơ sở được so khớp không tính khoảng trắng, gạch nối, ký tự ẩn và chữ hoa
                ("ND 01", "nd-01" và "ND01" là một cơ sở). Một tên cơ sở và tỉnh xuất hiện dưới
                hai mã khác nhau sẽ bị tính thành hai cơ sở và làm số liệu của tỉnh tăng gấp
                đôi; lỗi được ghi ở ô Mã cơ sở của các sổ khác với mã mà phần lớn các sổ của cơ
                sở đó dùng (ở mọi sổ khi không có mã nào được dùng nhiều hơn).""",
         explanation_en="""Codes are compared without spaces, hyphens, invisible characters or case ("ND
                01", "nd-01" and "ND01" are one facility). A facility name and province that
                appear under two different codes would otherwise count as two facilities and
                double the province's figures; the issue sits on the Mã cơ sở cell of the
                workbooks that differ from the code most of its workbooks use (on all of them
                when no code is used more often)."""),
    Rule("X006", WARNING, "province-workbook-straddles", 'sổ tỉnh vắt qua kỳ',
         message_vi='Sổ cấp tỉnh {province} kỳ {period} chỉ nằm một phần trong kỳ báo cáo ({range}): không tính vào số liệu.',
         message_en="The province workbook of {province} for {period} lies only partly inside the report's range ({range}): left out.",
         explanation_vi="""Báo cáo một giai đoạn cộng các sổ cấp tỉnh có kỳ nằm trọn trong giai đoạn (số
                liệu của một năm không chia được theo tháng). Sổ chỉ nằm một phần trong giai
                đoạn bị bỏ ra và được nêu tên. Cách sửa: chọn giai đoạn chứa trọn kỳ của các sổ,
                hoặc gửi số liệu cấp tỉnh theo tháng hoặc quý.""",
         explanation_en="""A report over a range sums the province workbooks whose periods lie wholly
                inside it (the figures of a year cannot be cut into months). A workbook that
                straddles the range's edge is left out and named here. Fix: report over a range
                that contains whole workbook periods, or send the province figures per month or
                quarter."""),
    Rule("X007", ERROR, "province-workbooks-overlap", 'sổ tỉnh trùng kỳ',
         message_vi='Sổ cấp tỉnh {province} kỳ {period} trùng kỳ với sổ {other}: không tính sổ nào vào số liệu.',
         message_en='The province workbook of {province} for {period} overlaps {other}: neither is counted.',
         explanation_vi="""Hai sổ cấp tỉnh có kỳ trùng nhau (một quý gửi hai lần, một năm và một quý của
                năm đó) sẽ tính một số liệu hai lần. Không đoán sổ nào đúng: cả hai bị bỏ ra
                khỏi báo cáo. Cách sửa: mỗi kỳ chỉ giữ một sổ, các kỳ không chồng lên nhau.""",
         explanation_en="""Two province workbooks whose periods overlap (the same quarter sent twice, a
                year and one of its quarters) would count the same figures twice. Neither is
                guessed: both are left out of the report. Fix: keep one workbook per period,
                without overlaps."""),
    # ---------------------------------------------------------------- provinces and timeliness
    Rule("G001", ERROR, "unknown-province", 'tỉnh không có trong danh mục',
         message_vi="Tỉnh/Thành phố '{value}' không có trong danh mục tỉnh, thành phố (63 trước, 34 từ ngày 01/07/2025). Có phải: {near}?",
         message_en="Province '{value}' is not a province (63 before, 34 from 01/07/2025). Did you mean: {near}?",
         explanation_vi="""Tên tỉnh được đối chiếu với danh sách chính thức
                (rehabstat/data/provinces-2025.toml): tiền tố, chữ hoa, dấu và khoảng trắng
                không quan trọng. Tên không phải tỉnh cũ cũng không phải tỉnh mới là một lỗi: không
                bao giờ thành một tỉnh riêng, và tháng của sổ đó là tháng có lỗi (không tính vào số
                liệu, trừ khi --force; khi đó cơ sở vẫn thuộc tỉnh mà các sổ khác của nó ghi). Cách
                sửa: ghi tên tỉnh như trong danh sách.""",
         explanation_en="""The province is matched against the official list
                (rehabstat/data/provinces-2025.toml): prefixes, case, diacritics and spaces do
                not matter. A name that is neither an old nor a new province is an error: it never
                becomes a province of its own, and the month of that workbook has errors for the
                gate (not counted unless --force; with --force the facility stays in the province
                its other workbooks name). Fix: write the province's name as in the list."""),
    Rule("G002", WARNING, "old-province", 'tỉnh đã sáp nhập',
         message_vi="Tỉnh '{value}' đã sáp nhập vào {new} từ ngày {date} (Nghị quyết 202/2025/QH15): sổ được tính vào {new}; hãy ghi tên tỉnh mới.",
         message_en="Province '{value}' was merged into {new} on {date} (Resolution 202/2025/QH15): counted there; write the new name.",
         explanation_vi="""Từ 01/07/2025 cả nước có 34 tỉnh, thành phố. Sổ của một tháng sau ngày đó mà ghi
                tên tỉnh cũ vẫn được đọc và tính vào tỉnh mới mà tỉnh cũ đã nhập vào.""",
         explanation_en="""Since 01/07/2025 Vietnam has 34 provinces. A workbook of a later month that
                names an old province is still read and counted in the province it became part
                of."""),
    Rule("R001", WARNING, "bad-sent-date", 'ngày gửi không đọc được',
         message_vi="Ngày gửi '{value}' không đọc được: hãy ghi ngày/tháng/năm, ví dụ 12/02/2025.",
         message_en="Sent date '{value}' is not a date: write day/month/year, e.g. 12/02/2025.",
         explanation_vi="""Mục "Ngày gửi" (không bắt buộc) ở trang ThongTin cho biết ngày gửi sổ, để tính
                tỷ lệ gửi đúng hạn. Nếu không đọc được, tháng đó vẫn được tính là đã nhận nhưng
                không được tính là đúng hạn.""",
         explanation_en="""The optional ThongTin field "Ngày gửi" says when the workbook was sent, for the
                on-time reporting rate. Unreadable, the month counts as received but not on
                time."""),
    # ---------------------------------------------------------------- outliers
    Rule("O001", WARNING, "outlier", 'số liệu bất thường',
         message_vi='{indicator} diện {category} tháng {period} là {value}, khác xa các tháng khác (thường {low}–{high}).',
         message_en='{indicator} for {category} in {period} is {value}, far from the other months (usually {low}–{high}).',
         explanation_vi="""Biến động trong tháng (tiếp nhận, hoàn thành, trốn theo diện) khác xa các tháng
                khác của cơ sở thường do gõ nhầm, thừa một chữ số 0 hoặc nhập một tháng hai lần.
                "Khác xa" nghĩa là điểm z hiệu chỉnh 0,6745·(x − trung vị)/MAD lớn hơn 3,5 về
                trị tuyệt đối, trên ít nhất 6 tháng; với số đếm, MAD được lấy tối thiểu bằng
                0,6745·√trung vị (độ dao động do ngẫu nhiên), để các tháng có 24 đến 29 người
                hoàn thành không bị coi là bất thường chỉ vì phần lớn các tháng đều là 26.
                Khoảng thường gặp trong thông báo là khoảng quy tắc chấp nhận. Chỉ là cảnh báo:
                tăng đột biến thật vẫn có thể xảy ra.""",
         explanation_en="""A monthly flow (admissions, discharges, escapes per category) far from the
                facility's other months is often a typing error, an extra zero or a month
                entered twice. Far means a modified z-score 0.6745·(x − median)/MAD above 3.5 in
                absolute value, over at least 6 months; for counts the MAD is taken as at least
                0.6745·√median (the spread of chance alone), so that months of 24 to 29
                discharges are not called unusual just because most months had exactly 26. The
                typical range in the message is what the rule accepts. A warning: real surges
                happen."""),
    # ---------------------------------------------------------------- targets and documents
    Rule("T001", ERROR, "unknown-target", 'chỉ tiêu không rõ',
         message_vi="Chỉ tiêu '{value}' không ứng với chỉ số nào (ví dụ TIEP_NHAN_BB, DAY_NGHE).",
         message_en="Target '{value}' refers to no indicator (e.g. TIEP_NHAN_BB, DAY_NGHE).",
         explanation_vi="""Mã chỉ tiêu là mã một chỉ số, có thể kèm mã diện (TIEP_NHAN_BB); mã khác không
                bao giờ so sánh được với kết quả.""",
         explanation_en="""A target's code is an indicator code, optionally with a category appended
                (TIEP_NHAN_BB); anything else could never be compared with a result."""),
    Rule("T002", ERROR, "bad-target", 'chỉ tiêu không hợp lệ',
         message_vi="Chỉ tiêu '{value}': kế hoạch không phải là số dương.",
         message_en="Target '{value}': the plan is not a positive number.",
         explanation_vi="""Kế hoạch của một chỉ tiêu phải là số dương thì mới tính được tỷ lệ đạt.""",
         explanation_en="""A target's plan must be a positive number to compute an achievement rate."""),
    Rule("T003", ERROR, "unknown-target-unit", 'đơn vị của chỉ tiêu không rõ',
         message_vi="Đơn vị '{value}' không phải cơ sở nào của dữ liệu hay của [registry] trong rehabstat.toml, "
                    "cũng không phải tỉnh/thành phố nào: chỉ tiêu của dòng này không so sánh được với kết quả nào.{near}",
         message_en="Unit '{value}' is no facility of the data or of [registry] in rehabstat.toml, and no province "
                    "or city: this row's target could be compared with no result.{near}",
         explanation_vi="""Cột Đơn vị của sổ chỉ tiêu ghi mã một cơ sở (có trong dữ liệu, hoặc trong
                [registry] của rehabstat.toml) hoặc tên một tỉnh/thành phố (63 tỉnh cũ hoặc 34 tỉnh
                từ ngày 01/07/2025, viết thế nào cũng được: "Tỉnh Sơn La", "Son La"). Tên khác thường
                là gõ nhầm; chỉ tiêu đó sẽ bị bỏ qua mà không ai biết, nên văn bản không được lập
                (trừ khi --force). Cách sửa: ghi đúng mã cơ sở hoặc tên tỉnh.""",
         explanation_en="""The Unit column of a targets workbook holds a facility's code (one of the
                data, or listed in [registry] of rehabstat.toml) or a province's name (one of the 63
                old or 34 new ones, in any spelling: "Tỉnh Sơn La", "Son La"). Anything else is
                usually a typing error; its target would be left out unseen, so the document is
                not written (unless --force). The fix: write the facility's code or the province's
                name as it is."""),
)}


def rule(code: str) -> Rule:
    return RULES[code]


def explanation(code: str, lang: str | None = None) -> str:
    """The explanation of a rule in the given language (default: the current one)."""
    return RULES[code].explanation(lang)


DROPS_ROW = frozenset(c for c, r in RULES.items() if r.drops_row)


def check_settings(ignore, severity) -> dict:
    """rehabstat.toml's [checks] (`ignore = ["O001"]`, `severity = {X002 = "error"}`) as
    {code: severity, or None for ignored}; raises ValueError with what is wrong (the caller
    names the file)."""
    out: dict = {}
    for code in ignore:
        out[_adjustable(code, "ignore")] = None
    for code, level in severity.items():
        if level not in (ERROR, WARNING):
            raise ValueError(f"severity.{code}")
        code = _adjustable(code, "severity", lower=level == WARNING)
        if code in out:
            raise ValueError(f"both:{code}")
        out[code] = level
    return out


def _adjustable(code, key, lower=True) -> str:
    c = str(code).strip().upper()
    if c not in RULES:
        raise ValueError(f"unknown:{code}")
    if lower and not RULES[c].adjustable:
        raise ValueError(f"fixed:{c}")
    return c


def adjust(issues, settings) -> list:
    """The issues as rehabstat.toml's [checks] wants them: ignored rules left out, severities
    changed. Applying it twice changes nothing."""
    if not settings:
        return list(issues)
    out = []
    for i in issues:
        if i.code not in settings:
            out.append(i)
        elif settings[i.code] is not None:
            out.append(i if i.severity == settings[i.code] else replace(i, severity=settings[i.code]))
    return out


# ---------------------------------------------------------------- where an issue is, in words

def words(lang: str | None = None):
    """The words of an issue listing (validate's text, the annotated copy, the store's receipts)
    in `lang` (default: the chosen language)."""
    if (lang or LANG["value"]) == "en":
        return dict(error="error", warning="warning", errors="errors", warnings="warnings", files="files",
                    file="file", whole="(whole file)", row="row", col="column", sheet="Sheet", data="All data",
                    ok="no problems", sep=", ")
    return dict(error="lỗi", warning="cảnh báo", errors="lỗi", warnings="cảnh báo", files="tệp", file="tệp",
                whole="(cả tệp)", row="dòng", col="cột", sheet="Trang", data="Toàn bộ dữ liệu",
                ok="không có vấn đề", sep=", ")


def location(i, lang: str | None = None) -> str:
    """Sheet!C12, or as much of it as the issue has."""
    w = words(lang)
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
