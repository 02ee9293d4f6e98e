"""Every error type a user can meet, in one module that every stage may import.

The CLI turns UsageError, ConfigError and PeriodError into exit code 2 with the message;
DataError (the data are not complete or not clean) into exit code 1; TemplateError (a template
that cannot be used, a document that cannot be written) into exit code 2. Nothing here
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


class TemplateError(Exception):
    """A template that cannot be used or a rendering that failed. ``str(e)`` is a
    Vietnamese message meant for the user."""


class OutputError(TemplateError):
    """The rendered document could not be written (folder read-only, file open in Word)."""
