"""Every error type a user can meet, in one module that every stage may import.

The CLI turns UsageError, ConfigError and PeriodError into exit code 2 with the message;
DataError (the data are not complete or not clean) into exit code 1; TemplateError (a template
that cannot be used, a document that cannot be written) into exit code 2; any other exception,
InternalError included (our own bug), into exit code 3. Nothing here imports anything of
rehabstat beyond common/ (the catalogue's words, when a message is shown), so no stage needs
the CLI to raise a user-facing error."""
from __future__ import annotations


class Said:
    """An error whose message is a catalogue key and its values (`UsageError.said(key, ...)`),
    shown in the reader's language: `text(lang)`; str() in the chosen language (--lang)."""

    @classmethod
    def said(cls, key: str, /, **values):  # a value may be named "key" (rehabstat.toml's)
        from .issues import phrase  # common/ only: no stage below
        return cls(phrase(key, **values))

    def text(self, lang: str | None = None) -> str:
        message = self.args[0] if self.args else ""
        if callable(getattr(message, "shown", None)):
            from .language import chosen
            return message.shown(lang or chosen())
        return str(message)

    def __str__(self) -> str:
        return self.text()


class RehabstatError(Said, Exception):
    """Base of every error whose message is meant for the user."""


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


class TemplateError(Said, Exception):
    """A template that cannot be used or a rendering that failed. ``str(e)`` is a message
    meant for the user (in the chosen language)."""


class OutputError(TemplateError):
    """The rendered document could not be written (folder read-only, file open in Word)."""


_OS_REASONS = ("ENOENT", "ENOTDIR", "EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EISDIR", "EEXIST", "ENAMETOOLONG",
               "EBUSY")  # errno names the catalogue explains (os.<name>): what each means for an output folder


def os_reason(exc: OSError):
    """Why an OSError happened, in the reader's words (the OS's own text is English): a Phrase."""
    import errno
    from .issues import phrase
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return phrase(f"os.{name}")
    if isinstance(exc, PermissionError):
        return phrase("os.EACCES")
    if isinstance(exc, FileExistsError):
        return phrase("os.EEXIST")
    return phrase("os.other", error=exc.strerror or str(exc) or name or type(exc).__name__)  # rare: the OS's own words


def output_error(folder, exc: OSError) -> "OutputError":
    """The OutputError for an OSError met while writing into `folder`: what, where, what to do."""
    return OutputError.said("out.late", folder=folder, reason=os_reason(exc))


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
