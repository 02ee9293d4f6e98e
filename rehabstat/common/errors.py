"""Every error type a user can meet, in one module that every stage may import.

The CLI turns UsageError, ConfigError and PeriodError into exit code 2 with the message;
DataError (the data are not complete or not clean) into exit code 1; TemplateError (a template
that cannot be used, a document that cannot be written) into exit code 2; any other exception,
InternalError included (our own bug), into exit code 3. Nothing here
imports anything of rehabstat, so no stage needs the CLI to raise a user-facing error."""
from __future__ import annotations


class RehabstatError(Exception):
    """Base of every error whose message (Vietnamese) is meant for the user."""


class UsageError(RehabstatError):
    """Wrong usage: unknown option value, missing folder, unknown facility: exit code 2."""


class ConfigError(UsageError, ValueError):
    """rehabstat.toml cannot be used: exit code 2, naming the key."""


class PeriodError(UsageError, ValueError):
    """A period that cannot be: exit code 2."""


class DataError(RehabstatError):
    """The data are not complete or not clean for what was asked: exit code 1.
    `details`: the lines that say what is wrong; `advice`: what to do."""

    def __init__(self, message: str, details=(), advice: str = ""):
        super().__init__(message)
        self.details = list(details)
        self.advice = advice


class InternalError(Exception):
    """Our own bug (or a library called wrongly) met in a worker process, where the exception
    cannot travel as itself: exit code 3, told as the tool's error, never as the file's.
    `what`: its type and message; `trace`: the worker's traceback (shown with --debug);
    `where`: the file the worker was reading."""

    def __init__(self, what: str, trace: str = "", where: str = ""):
        super().__init__(what)
        self.what, self.trace, self.where = what, trace, where


class TemplateError(Exception):
    """A template that cannot be used or a rendering that failed. ``str(e)`` is a
    Vietnamese message meant for the user."""


class OutputError(TemplateError):
    """The rendered document could not be written (folder read-only, file open in Word)."""


_OS_REASONS = {  # errno name: what it means for an output folder, in Vietnamese
    "ENOENT": "thư mục không có và không tạo được ở đó",
    "ENOTDIR": "một phần của đường dẫn là tệp, không phải thư mục",
    "EACCES": "không có quyền ghi",
    "EPERM": "không được phép ghi",
    "EROFS": "ổ đĩa chỉ cho đọc",
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã hết hạn mức dung lượng",
    "EISDIR": "đã có một thư mục cùng tên",
    "EEXIST": "đã có một tệp cùng tên",
    "ENAMETOOLONG": "tên quá dài",
    "EBUSY": "tệp đang được dùng",
}


def os_reason(exc: OSError) -> str:
    """Why an OSError happened, in Vietnamese (the OS's own text is English)."""
    import errno
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    if isinstance(exc, PermissionError):
        return _OS_REASONS["EACCES"]
    if isinstance(exc, FileExistsError):
        return _OS_REASONS["EEXIST"]
    return f"lỗi hệ thống: {exc.strerror or str(exc) or name or type(exc).__name__}"  # rare: the OS's own words


WRITE_ADVICE = "Hãy chọn thư mục kết quả khác rồi chạy lại."
LATE_ADVICE = "Hãy chọn thư mục kết quả khác (hoặc đóng tệp đang mở) rồi chạy lại."


def output_error(folder, exc: OSError) -> "OutputError":
    """The OutputError for an OSError met while writing into `folder`: what, where, what to do."""
    return OutputError(f"Không ghi được vào thư mục kết quả {folder}: {os_reason(exc)}. {LATE_ADVICE}")


class writing_into:
    """`with writing_into(folder):` an OSError while writing becomes an OutputError (exit 2)
    that names the folder, never a traceback."""

    def __init__(self, folder):
        self.folder = folder

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is not None and isinstance(exc, OSError):
            raise output_error(self.folder, exc) from exc
        return False
