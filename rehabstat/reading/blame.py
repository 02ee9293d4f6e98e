"""Whose fault an exception met while reading a workbook is: the file's or ours.

The file's (an F-issue, "send the file again") only when a parser says something about
the file's bytes:
- our own verdicts on a file (FileVerdict: safety.Refused, the Unreadable of reader and
  fallback);
- a parser's own error types: calamine's errors and a Rust panic in it (pyo3's
  PanicException), a broken zip or deflate stream, XML that does not parse, xlrd's and
  openpyxl's "not a workbook", bytes that do not decode, a stream that ends early, and an
  OSError (the system's word on reading the file, or calamine's: its Rust I/O errors, "corrupt
  deflate stream", come as OSError). These are raised by compiled code, which leaves no frame
  of its own, so the type says it;
- any other exception raised inside a parser library's own code while it reads the file
  (openpyxl raises TypeError or ValueError on an attribute the XML spells wrongly, xlrd an
  IndexError or AssertionError on a damaged stream), except a NameError or ImportError:
  a broken installation, never the bytes.

Everything else is ours, an internal error (exit 3): an AttributeError, TypeError,
KeyError... raised by rehabstat's own code, by a library that is not a parser, or at the
call into a library (a method a version lacks, an argument it does not take: the
exception is raised in our frame, before the library runs). Telling the clerk to send the
file again would hide our bug and blame them.
"""
from __future__ import annotations

import sys

# the top-level packages that parse a file's bytes for the reader (reading/safety.py,
# fallback.py, sheetxml.py): an exception raised inside them is about the bytes
PARSERS = frozenset({"python_calamine", "openpyxl", "xlrd", "odf", "zipfile", "zlib", "gzip", "struct", "xml",
                     "lxml", "defusedxml", "et_xmlfile", "encodings", "codecs", "html", "csv"})
NEVER_THE_FILE = (NameError, ImportError, SyntaxError)  # a broken installation or library: never the bytes
_CALLER_ERRORS = frozenset({"WorkbookClosed"})  # calamine's errors that say how it was called, not what it read


def _parser_error_types() -> tuple:
    """The error types parsers raise about bytes, of the modules imported so far (a module
    not imported raised nothing)."""
    import struct
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError
    found = [zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, ParseError, ExpatError,
             UnicodeDecodeError, EOFError, OSError]
    for module, names in (("python_calamine", ("CalamineError",)), ("xlrd", ("XLRDError",)),
                          ("xlrd.compdoc", ("CompDocError",)), ("openpyxl.utils.exceptions", ("InvalidFileException",)),
                          ("lxml.etree", ("LxmlError",)), ("defusedxml", ("DefusedXmlException",))):
        mod = sys.modules.get(module)
        for name in names:
            kind = getattr(mod, name, None)
            if isinstance(kind, type) and issubclass(kind, BaseException):
                found.append(kind)
    return tuple(found)


def _raised_in(exc: BaseException) -> str:
    """The module whose code raised `exc` (its innermost traceback frame)."""
    tb = exc.__traceback__
    if tb is None:
        return ""
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_globals.get("__name__", "") or ""


def is_panic(exc: BaseException) -> bool:
    """A Rust panic inside calamine (pyo3's PanicException, a BaseException)."""
    return type(exc).__name__ == "PanicException" and type(exc).__module__ in ("pyo3_runtime", "builtins")


class FileVerdict(Exception):
    """Base of our own verdicts on a file (safety.Refused, the Unreadable of reader and
    fallback, sheetxml.Damaged): the file's problem, whoever raised it."""


def is_internal(exc: BaseException) -> bool:
    """Whether `exc`, met while reading a file, is our own error rather than the file's."""
    if isinstance(exc, (FileVerdict, MemoryError)):
        return False
    if is_panic(exc):
        return False
    if isinstance(exc, _parser_error_types()):  # before NEVER_THE_FILE: XML's ParseError is a SyntaxError
        return type(exc).__name__ in _CALLER_ERRORS
    if isinstance(exc, NEVER_THE_FILE):
        return True
    return _raised_in(exc).split(".")[0] not in PARSERS
