"""The web pages' own words: key → (Vietnamese, English). Vietnamese is the default; a user
picks English with the link in the page's header (a cookie, no account setting needed)."""
from __future__ import annotations

LANGS = ("vi", "en")

WORDS = {
    "app": ("Hộp thư số liệu cai nghiện", "Rehabilitation data inbox"),
    "login": ("Đăng nhập", "Log in"),
    "logout": ("Đăng xuất", "Log out"),
    "username": ("Tên tài khoản", "User name"),
    "password": ("Mật khẩu", "Password"),
    "bad_login": ("Sai tên tài khoản hoặc mật khẩu.", "Wrong user name or password."),
    "wait_login": ("Đăng nhập sai nhiều lần: hãy chờ {seconds} giây rồi thử lại.",
                   "Too many failed logins: wait {seconds} seconds and try again."),
    "expired": ("Phiên làm việc đã hết hạn: hãy đăng nhập lại.", "Your session has ended: log in again."),
    "home": ("Trang chính", "Home"),
    "send": ("Gửi sổ", "Send workbooks"),
    "send_help": ("Chọn một hoặc nhiều sổ hằng tháng (.xlsx, .xls, .ods) của cơ sở, tối đa 50 MB mỗi lần gửi.",
                  "Choose one or more monthly workbooks (.xlsx, .xls, .ods) of your facility, at most 50 MB per upload."),
    "files": ("Tệp", "Files"),
    "results": ("Kết quả nhận sổ", "What was received"),
    "received": ("Đã nhận", "Received"),
    "new-version": ("Đã nhận (phiên bản mới)", "Received (new version)"),
    "duplicate": ("Đã có trong kho (không nhận lại)", "Already in the store (not received again)"),
    "rejected": ("Bị từ chối", "Rejected"),
    "skipped": ("Bỏ qua (không phải sổ hằng tháng)", "Skipped (not a monthly workbook)"),
    "other-facility": ("Bị từ chối: sổ của cơ sở khác", "Refused: another facility's workbook"),
    "other_facility_msg": ("Sổ này ghi mã cơ sở {unit}, không phải cơ sở {mine} của tài khoản này; không lưu gì vào kho. "
                           "Hãy gửi sổ của cơ sở mình.",
                           "This workbook gives facility code {unit}, not {mine} (this account's facility); nothing was "
                           "stored. Send your own facility's workbook."),
    "version": ("phiên bản", "version"),
    "version_h": ("Phiên bản", "Version"),
    "replaces": ("thay phiên bản", "replaces version"),
    "facility": ("Cơ sở", "Facility"),
    "month": ("Tháng", "Month"),
    "state": ("Tình trạng", "State"),
    "issues": ("Lỗi và cảnh báo", "Errors and warnings"),
    "no_issues": ("Không có lỗi hay cảnh báo.", "No errors or warnings."),
    "code": ("Mã", "Code"),
    "place": ("Vị trí", "Place"),
    "message": ("Nội dung", "Message"),
    "severity": ("Mức", "Level"),
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "annotated": ("Tải bản đánh dấu lỗi", "Download the marked copy"),
    "reason": ("Lý do", "Reason"),
    "my_months": ("Các tháng đã gửi", "Months sent"),
    "none_yet": ("Chưa có sổ nào.", "Nothing yet."),
    "next_form": ("Tải sổ trống tháng {month} (Đầu kỳ lấy từ Cuối kỳ tháng trước)",
                  "Download the blank workbook of {month} (opening carried over)"),
    "st_received": ("đã nhận", "received"),
    "st_errors": ("có lỗi", "has errors"),
    "st_approved": ("đã duyệt, khóa", "approved, locked"),
    "st_late": ("trễ hạn {days} ngày", "late by {days} days"),
    "late_note": ("Trễ hạn: sổ được nhận (bản đầu tiên không bị từ chối) sau hạn nộp của [deadline] trong rehabstat.toml "
                  "của kho.", "Late: the month's first accepted workbook was received after the due date of "
                  "[deadline] in the store's rehabstat.toml."),
    "no_deadline": ("Chưa đặt hạn nộp ([deadline] trong rehabstat.toml của kho): không xét trễ hạn.",
                    "No due date set ([deadline] in the store's rehabstat.toml): lateness is not shown."),
    "st_missing": ("thiếu", "missing"),
    "st_not_due": ("chưa đến hạn", "not yet due"),
    "st_duplicate": ("trùng", "duplicate"),
    "grid": ("Tình hình nộp sổ", "Completeness"),
    "period": ("Kỳ", "Period"),
    "year": ("Năm", "Year"),
    "quarter": ("Quý", "Quarter"),
    "half": ("Nửa năm", "Half"),
    "from": ("Từ tháng", "From"),
    "to": ("Đến tháng", "To"),
    "show": ("Xem", "Show"),
    "coverage": ("Đủ", "Complete"),
    "legend": ("Chú giải", "Legend"),
    "versions": ("Các phiên bản và thay đổi", "Versions and changes"),
    "received_at": ("Nhận lúc", "Received at"),
    "by": ("Người gửi", "By"),
    "file": ("Tệp", "File"),
    "changes": ("Số liệu thay đổi so với phiên bản trước", "Figures changed from the previous version"),
    "indicator": ("Chỉ số", "Indicator"),
    "category": ("Diện", "Category"),
    "before": ("Trước", "Before"),
    "after": ("Sau", "After"),
    "approve": ("Duyệt và khóa", "Approve and lock"),
    "unlock": ("Mở khóa", "Unlock"),
    "unlock_reason": ("Lý do mở khóa", "Reason for unlocking"),
    "approvals": ("Duyệt và mở khóa", "Approvals and unlocks"),
    "documents": ("Tài liệu", "Documents"),
    "bc_docx": ("Báo cáo (BC) tỉnh {province}, .docx", "Province report (BC) {province}, .docx"),
    "bc_xlsx": ("Báo cáo (BC) tỉnh {province}, .xlsx", "Province report (BC) {province}, .xlsx"),
    "national": ("Sổ tổng hợp toàn quốc (.xlsx)", "National workbook (.xlsx)"),
    "draft_note": ("Số liệu chưa đủ hoặc còn lỗi: tài liệu tải về là DỰ THẢO và ghi rõ điều đó.",
                   "The data are incomplete or have errors: the documents are DRAFTS and say so."),
    "clean_note": ("Số liệu đủ và không có lỗi: tài liệu chính thức.", "Complete and clean: final documents."),
    "audit": ("Nhật ký", "Audit log"),
    "at": ("Lúc", "At"),
    "who": ("Ai", "Who"),
    "action": ("Việc", "Action"),
    "detail": ("Chi tiết", "Detail"),
    "census": ("Sĩ số cuối tháng", "Census at the end of each month"),
    "forbidden": ("Không có quyền xem trang này.", "You may not see this page."),
    "not_found": ("Không có trang này.", "No such page."),
    "csrf": ("Biểu mẫu đã cũ hoặc không hợp lệ: tải lại trang rồi gửi lại.",
             "The form is stale or invalid: reload the page and send it again."),
    "too_big": ("Tệp gửi quá lớn (tối đa 50 MB mỗi lần gửi).", "The upload is too big (at most 50 MB at a time)."),
    "no_files": ("Chưa chọn tệp nào.", "No file was chosen."),
    "bad_period": ("Kỳ không hợp lệ: {why}", "Invalid period: {why}"),
    "done": ("Đã làm", "Done"),
    "not_done": ("Không làm", "Not done"),
    "role_facility": ("cơ sở", "facility"),
    "role_province": ("tỉnh", "province"),
    "role_department": ("cục", "department"),
    "lang_other": ("English", "Tiếng Việt"),
    "print": ("In trang", "Print"),
    "back": ("Quay lại", "Back"),
    "error_page": ("Có lỗi", "Something went wrong"),
    "internal": ("Lỗi của chương trình (không phải lỗi của bạn); đã ghi lại. Hãy thử lại sau.",
                 "An error of the program (not yours); it was logged. Try again later."),
}

ACTIONS = {  # the audit's actions (store and accounts)
    "receive": ("nhận", "received"), "new-version": ("phiên bản mới", "new version"),
    "duplicate": ("gửi trùng", "duplicate"), "reject": ("từ chối", "rejected"), "skip": ("bỏ qua", "skipped"),
    "accept": ("nhận sau mở khóa", "accepted after unlock"), "approve": ("duyệt, khóa", "approved, locked"),
    "unlock": ("mở khóa", "unlocked"), "login": ("đăng nhập", "logged in"),
    "login-failed": ("đăng nhập sai", "failed login"), "logout": ("đăng xuất", "logged out"),
    "user-add": ("thêm tài khoản", "account added"), "user-disable": ("khóa tài khoản", "account disabled"),
    "user-passwd": ("đổi mật khẩu", "password changed"), "download": ("tải về", "downloaded"),
}


def action(name: str, lang: str) -> str:
    vi, en = ACTIONS.get(name, (name, name))
    return en if lang == "en" else vi


def period_label(label: str, code: str, lang: str) -> str:
    """The period's words: its Vietnamese label, or in English its code (2021, 2021-Q1, 2021-01..2021-06)."""
    return code if lang == "en" else label


def word(key: str, lang: str, **values) -> str:
    vi, en = WORDS[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def issue_message(issue, lang: str) -> str:
    """An issue's message in the page's language, from what the Issue offers: a render
    method when issues carry their parameters, else the message it holds."""
    for name in ("render", "text"):
        fn = getattr(issue, name, None)
        if callable(fn):
            try:
                return str(fn(lang))
            except TypeError:
                pass
    return issue.message
