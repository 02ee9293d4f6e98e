"""The command line in the user's language: Vietnamese by default, English with `--lang en`.

Typer vendors its own copy of Click whose messages and help labels are hard-coded English
("No such option", "Missing option", "Usage:", "Show this message and exit", "[default: …]",
"Options", "Commands"); they do not go through gettext, so a translation catalogue cannot
reach them. Instead `LocalGroup` (the app's group class) takes over `main()`:

- global options (`--lang`, `--debug`) are accepted anywhere on the line: they are moved in
  front of the subcommand before Click parses anything;
- the language is set before parsing, so even a parsing error is in that language;
- every help text, metavar and label is looked up in the catalogue in that language when it
  is shown (cli.py declares each help text by its key, `help="help.report"`; the texts are in
  common/catalogue_help.py), flags show no type ("--force", not "--force <bool>");
- Click's usage errors are caught and written by us, in that language.

Our own messages are written in Vietnamese throughout the library; with `--lang en` the CLI
output goes through `say()`, which rewrites the known messages and phrases into English
(`MESSAGES_EN`, regular expressions over the Vietnamese). A message not in the catalogue
stays Vietnamese rather than being guessed.

The store (rehabstat/store) keeps its texts in Vietnamese whatever --lang was (reasons, audit,
issue messages); its commands print through `say_lines`/`say_cells`, and a rule's message kept
by the store is put into English from the rule's own two templates (`rule_message_en`).
"""
from __future__ import annotations

import re
import sys
from typing import Any

from typer.core import TyperGroup

GLOBAL_FLAGS = ("--debug",)
GLOBAL_VALUED = ("--lang",)


def lang() -> str:
    from .common.rules import LANG
    return LANG["value"]


def set_lang(value: str) -> None:
    from .common.rules import LANG
    LANG["value"] = value


def hoist_globals(args: list[str]) -> list[str]:
    """Move the global options to the front, wherever they were written (before a `--`)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest += args[i:]
            break
        if a in GLOBAL_FLAGS:
            front.append(a)
        elif a in GLOBAL_VALUED and i + 1 < len(args):
            front += [a, args[i + 1]]
            i += 1
        elif any(a.startswith(g + "=") for g in GLOBAL_VALUED):
            front.append(a)
        else:
            rest.append(a)
        i += 1
    return front + rest


def lang_of(args: list[str]) -> str | None:
    """The value of the last --lang in args (already hoisted), or None."""
    value = None
    for i, a in enumerate(args):
        if a == "--":
            break
        if a == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif a.startswith("--lang="):
            value = a.split("=", 1)[1]
    return value


# ---------------------------------------------------------------- metavars
# what an option's or argument's value is, as a catalogue key (metavar.*): every option and argument
# has one (tests/test_cli_language.py), whatever names typer would give its type

METAVARS = {
    "--data": "dir", "--year": "year", "--month": "month", "--quarter": "quarter", "--half": "half",
    "--from": "mm_yyyy", "--to": "mm_yyyy", "--config": "file", "--number": "number", "--date": "date",
    "--level": "levels", "--format": "format", "--out": "path", "--facility": "code", "--province": "province",
    "--months": "months", "--as-of": "date", "--jobs": "jobs", "--template": "docx", "--targets": "xlsx",
    "--annotate": "dir", "--name": "name", "--lang": "lang", "--store": "dir", "--reason": "reason",
    "--compare": "compare", "--period": "period", "--limit": "limit", "--host": "host", "--port": "port",
    "--cert": "cert", "--key": "key", "--role": "role",
}
# where one command admits fewer values than the option's other commands
COMMAND_METAVARS = {("form", "--level"): "form_levels"}
ARG_METAVARS = {"paths": "path", "files": "file", "directory": "dir", "code": "code", "name": "name"}


# ---------------------------------------------------------------- our messages in English

def _period_en(label: str) -> str:
    """A period label of vnformat.period_label in English: "quý II năm 2021" → "Q2 2021"."""
    m = re.fullmatch(r"(?:giai đoạn )?từ tháng (\S+) đến tháng (\S+)", label)
    if m:
        return f"{m.group(1)} to {m.group(2)}"
    m = re.fullmatch(r"quý (I|II|III|IV) năm (\d+)", label)
    if m:
        return f"Q{('I', 'II', 'III', 'IV').index(m.group(1)) + 1} {m.group(2)}"
    m = re.fullmatch(r"6 tháng (đầu|cuối) năm (\d+)", label)
    if m:
        return f"H{1 if m.group(1) == 'đầu' else 2} {m.group(2)}"
    m = re.fullmatch(r"tháng (\d+) năm (\d+)", label)
    if m:
        return f"{int(m.group(1)):02d}/{m.group(2)}"
    m = re.fullmatch(r"năm (\d+)", label)
    return m.group(1) if m else label


_PERIOD = r"((?:giai đoạn )?từ tháng \S+ đến tháng \S+|quý [IV]+ năm \d+|6 tháng (?:đầu|cuối) năm \d+|tháng \d+ năm \d+|năm \d+)"

# ---- the rules' messages as the store keeps them (Vietnamese, whatever --lang was), in English

_DETAILS_EN = [  # Vietnamese values inside rule messages (safety.py, reader.py, checks.py's notes)
    (r"nội dung không phải sổ tính", "the content is not a spreadsheet"),
    (r"tệp rỗng", "empty file"),
    (r"tệp nén không chứa sổ tính", "the archive holds no spreadsheet"),
    (r"tệp nén bị hỏng hoặc bị cắt cụt", "the archive is damaged or truncated"),
    (r"không giải nén được nội dung tệp", "the content cannot be unpacked"),
    (r"cần quá nhiều bộ nhớ", "needs too much memory"),
    (r"tệp (\d+) MB, vượt giới hạn (\d+) MB", r"file of \1 MB, over the limit of \2 MB"),
    (r"^ Trang SiSo không có dòng diện (\S+) nên đầu kỳ, cuối kỳ được tính là 0; hãy thêm dòng này\.?$",
     r" SiSo has no row for \1: its opening and closing count as 0."),
]
_RULES_EN: dict = {}  # code -> (the Vietnamese message as a regex, the English template)


def _rule_rx(code: str):
    if not _RULES_EN:
        from .common.rules import RULES
        for r in RULES.values():
            parts, seen, pos = [], set(), 0
            for m in re.finditer(r"\{(\w+)\}", r.message_vi):
                parts.append(re.escape(r.message_vi[pos:m.start()]))
                name = m.group(1)
                parts.append(f"(?P={name})" if name in seen else
                             f"(?P<{name}>.*?)" if name == "note" else f"(?P<{name}>.+?)")
                seen.add(name)
                pos = m.end()
            parts.append(re.escape(r.message_vi[pos:].rstrip(".")) + r"\.?")
            _RULES_EN[r.code] = (re.compile("".join(parts), re.S), r.message_en)
    return _RULES_EN.get(code)


def _value_en(text: str) -> str:
    """A value inside a Vietnamese rule message, in English: 1.569 → 1,569; 92,5 → 92.5."""
    if re.fullmatch(r"[-+−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+−]?\d+,\d+", text):
        return text.replace(".", "\0").replace(",", ".").replace("\0", ",")
    for rx, repl in _DETAILS_EN:
        text = re.sub(rx, repl, text)
    return text


def rule_message_en(code: str, message: str) -> str:
    """A rule's Vietnamese message (as stored) in English; unchanged when it is not one."""
    found = _rule_rx(code)
    m = found and (found[0].fullmatch(message) or found[0].fullmatch(message + "."))  # stored without its last "."
    if m is None:
        return message
    values = {k: _value_en(v or "") for k, v in m.groupdict().items()}
    if "where" in values:  # checks.py's I004 gives both: dưới / trên, below / above
        values["where_en"] = {"dưới": "below", "trên": "above"}.get(values["where"], values["where"])
    try:
        text = found[1].format_map(values)
    except (KeyError, IndexError, ValueError):  # an English value the Vietnamese message does not hold
        return message
    return text.rstrip(".") if not message.endswith(".") else text


def _count(n, word: str) -> str:
    return f"{n} {word}" + ("" if int(str(n).replace(",", "")) == 1 else "s")


def _location_en(text: str) -> str:
    return (text.replace("(cả tệp)", "(whole file)").replace(", dòng ", ", row ").replace(", cột ", ", column "))


def _errors_reason_en(m) -> str:
    """store/inbox.py's _errors_reason: "2 lỗi – I001 SiSo!C2: … | I003 …[ … và 3 lỗi khác]." """
    parts = []
    for part in m.group(2).split(" | "):
        pm = re.fullmatch(r"([A-Z]+\d+) (.*?): (.*)", part, re.S)
        parts.append(f"{pm.group(1)} {_location_en(pm.group(2))}: {rule_message_en(pm.group(1), pm.group(3))}"
                     if pm else part)
    more = f" … and {_count(m.group(4), 'more error')}" if m.group(3) else ""
    return f"{_count(m.group(1), 'error')} – " + " | ".join(parts) + more + "."


_STORE_EN = [
    # store/inbox.py: a workbook refused for its errors (receive, history, log); first: the rules' own messages
    (r"(\d+) lỗi – (.*?)( … và (\d+) lỗi khác)?\.(?= Bản đánh dấu lỗi gửi lại cơ sở: |$)", _errors_reason_en),
    (r"tháng (\d{2}/\d{4}) của (\S+) đã được duyệt và khóa \((.*?)\); bản mới khác bản đã duyệt\. Muốn nhận, mở khóa "
     r"trước: ", r"\1 of \2 is approved and locked (\3); the new copy differs from the approved one. To receive it, "
     r"unlock first: "),
    (r"tệp ([\d.]+) byte, quá lớn cho một sổ hằng tháng; không lưu vào kho\.",
     lambda m: f"a file of {m.group(1).replace('.', ',')} bytes, too big for a monthly workbook; not stored."),
    (r"không đọc được tệp \((.*)\); không lưu vào kho\.", r"the file cannot be read (\1); not stored."),
    (r"không phải sổ hằng tháng \(sổ chỉ tiêu, bản đánh dấu lỗi hoặc tệp do rehabstat lập\); không lưu vào kho\.",
     "not a monthly workbook (a targets workbook, an annotated copy or a file rehabstat wrote); not stored."),
    (r"đã có trong kho \(cùng nội dung với biên nhận số (\d+), (?:phiên bản (\d+)|(bản đã bị từ chối)), nhận lúc "
     r"(.*?)\); không nhận lại\.",
     lambda m: f"already in the store (same content as receipt {m.group(1)}, "
               f"{'version ' + m.group(2) if m.group(2) else 'the rejected copy'}, received {m.group(4)}); "
               f"not received again."),
    # an issue listed as "  I001 2021-04.xlsx, SiSo!C2: <message>" (gate.py) with its message as the store keeps it
    (r"^(\s*(?:\[\w+\])?)([A-Z]\d{3})((?:\[/\])? )(.*?): (.*)$",
     lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{_location_en(m.group(4))}: {rule_message_en(m.group(2), m.group(5))}"),
    # Outcome.line (receive)
    (r"\(không rõ cơ sở, tháng\)", "(facility and month unknown)"),
    (r" – đã nhận \(phiên bản (\d+)(, (\d+) cảnh báo)?\)\.",
     lambda m: f" – received (version {m.group(1)}" + (f", {m.group(3)} warnings" if m.group(2) else "") + ")."),
    (r" – phiên bản mới (\d+) \(thay phiên bản (\d+)(, (\d+) cảnh báo)?\)\.",
     lambda m: f" – new version {m.group(1)} (replaces version {m.group(2)}"
               + (f", {m.group(4)} warnings" if m.group(3) else "") + ")."),
    (r": bỏ qua – ", ": skipped – "),
    (r" – bị từ chối: ", " – rejected: "),
    (r" Bản đánh dấu lỗi gửi lại cơ sở: ", " Annotated copy to send back to the facility: "),
    (r"^(\d+) tệp: (\d+) đã nhận, (\d+) phiên bản mới, (\d+) đã có, (\d+) bị từ chối(?:, (\d+) bỏ qua)?\.",
     lambda m: f"{_count(m.group(1), 'file')}: {m.group(2)} received, {_count(m.group(3), 'new version')}, "
               f"{m.group(4)} already there, {m.group(5)} rejected" + (f", {m.group(6)} skipped" if m.group(6) else "")
               + "."),
    # a province workbook, rehabstat.toml (receive, approve, unlock, log, check-store)
    (r" \(sổ cấp tỉnh, kỳ (\S+)\)", r" (province workbook, period \1)"),
    (r"^Sổ cấp tỉnh: đã (duyệt|mở khóa) (\d+)/(\d+)\.",
     lambda m: f"Province workbooks: {'approved' if m.group(1) == 'duyệt' else 'unlocked'} {m.group(2)}/{m.group(3)}."),
    (r"^sổ cấp tỉnh, kỳ (\S+)", r"province workbook, period \1"),
    (r"sổ cấp tỉnh (.*?) kỳ (\S+) đã được duyệt và khóa \((.*?)\); bản mới khác bản đã duyệt\. Muốn nhận, mở khóa "
     r"trước: ", r"the province workbook of \1 for \2 is approved and locked (\3); the new copy differs from the "
     r"approved one. To receive it, unlock first: "),
    (r": tệp cấu hình – đã lưu vào kho \(phiên bản (\d+)\)\.", r": configuration file – kept in the store (version \1)."),
    (r": tệp cấu hình – phiên bản mới (\d+) \(thay phiên bản (\d+)\)\.",
     r": configuration file – new version \1 (replaces version \2)."),
    (r": rehabstat\.toml phiên bản (\d+)$", r": rehabstat.toml version \1"),
    (r" Đã bổ sung số liệu của sổ cấp tỉnh vào biên nhận đó\.", " The province workbook's figures were added to that receipt."),
    (r"số liệu sổ cấp tỉnh bổ sung: (\d+) dòng", r"province workbook's figures added: \1 rows"),
    (r"^Trong kho: (\d+) sổ cấp tỉnh, (\d+) phiên bản tệp cấu hình\.",
     lambda m: f"In the store: {_count(m.group(1), 'province workbook')}, "
               f"{_count(m.group(2), 'version')} of the configuration file."),
    (r"(\d+) sổ cấp tỉnh nhận trước khi kho giữ số liệu của sổ cấp tỉnh \((.*?)\) chưa có số liệu trong kho; nhận lại "
     r"các tệp đó \(rehabstat receive TỆP\.\.\. --store (.*)\) để bổ sung\.",
     lambda m: f"{_count(m.group(1), 'province workbook')} received before the store kept their figures ({m.group(2)}) "
               f"have no figures in the store; receive those files again (rehabstat receive FILE... --store "
               f"{m.group(3)}) to add them."),
    # history
    (r"^Cơ sở (\S+): (\d+) sổ đã nộp", lambda m: f"Facility {m.group(1)}: {_count(m.group(2), 'workbook')} sent"),
    (r"Biên nhận số (\d+) \((\S+), (.*?)\) bị từ chối: ", r"Receipt \1 (\2, \3) rejected: "),
    (r"^  (\d{2}/\d{4}): duyệt phiên bản (\d+), khóa \(", r"  \1: approved version \2, locked ("),
    (r"^  (\d{2}/\d{4}): mở khóa – lý do: ", r"  \1: unlocked – reason: "),
    (r"^Tháng (\d{2}/\d{4}): phiên bản (\d+) → (?:phiên bản (\d+)|bản bị từ chối \(biên nhận số (\d+)\)): ",
     lambda m: f"Month {m.group(1)}: version {m.group(2)} → "
               + (f"version {m.group(3)}" if m.group(3) else f"the rejected copy (receipt {m.group(4)})") + ": "),
    (r"không có số liệu nào thay đổi\.$", "no figure changed."),
    (r"(\d+) số liệu thay đổi$", lambda m: f"{_count(m.group(1), 'figure')} changed"),
    # approve, unlock (MonthAction.note and the summary)
    (r": đã duyệt phiên bản (\d+), khóa$", r": approved version \1, locked"),
    (r": đã duyệt từ trước \((.*)\)$", r": already approved (\1)"),
    (r": chưa có sổ được nhận: không duyệt$", ": no accepted workbook: not approved"),
    (r": chưa được duyệt \(không khóa\)$", ": not approved (not locked)"),
    (r": đã mở khóa$", ": unlocked"),
    (r"^Đã (duyệt|mở khóa) (\d+)/(\d+) tháng \(" + _PERIOD + r"\)(?:; (\d+) tháng đã duyệt từ trước)?\.",
     lambda m: f"{'Approved' if m.group(1) == 'duyệt' else 'Unlocked'} {m.group(2)}/{_count(m.group(3), 'month')} "
               f"({_period_en(m.group(4))})" + (f"; {_count(m.group(5), 'month')} approved before" if m.group(5) else "")
               + "."),
    # log: the audit's details
    (r": nhận lại sau khi mở khóa, phiên bản (\d+)", r": accepted after the unlock, version \1"),
    (r": cùng nội dung với biên nhận số (\d+)$", r": same content as receipt \1"),
    (r"^duyệt phiên bản (\d+)$", r"approved version \1"),
    (r"(\.\w+): phiên bản (\d+)(?= \(thay|$)", r"\1: version \2"),
    (r" \(thay phiên bản (\d+)\)$", r" (replaces version \1)"),
    # check-store
    (r"^LỖI: ", "ERROR: "),
    (r"Biên nhận số (\d+) \((.*?)\): thiếu tệp gốc (.*)\.$", r"Receipt \1 (\2): the original \3 is missing."),
    (r"Biên nhận số (\d+) \((.*?)\): tệp gốc (.*) đã bị thay đổi \(sha256 khác\)\.$",
     r"Receipt \1 (\2): the original \3 was changed (its sha256 differs)."),
    (r"Tệp (.*) không có biên nhận \(một lần nhận bị ngắt giữa chừng\); nhận lại tệp đó để hoàn tất\.",
     r"File \1 has no receipt (a receive was interrupted); receive that file again to finish."),
    (r"(\d+) tệp tạm trong (.*) \(lần nhận bị ngắt\); có thể xóa\.",
     lambda m: f"{_count(m.group(1), 'temporary file')} in {m.group(2)} (an interrupted receive); "
               f"{'they' if int(m.group(1)) != 1 else 'it'} may be deleted."),
    (r"(\d+) tệp tạm \(([\d.]+) byte\) trong (.*) còn lại từ một lần nhận bị ngắt; xóa bằng: (.*) \(lần nhận sau "
     r"cũng tự xóa\)\.",
     lambda m: f"{_count(m.group(1), 'temporary file')} ({_count(m.group(2).replace('.', ','), 'byte')}) in "
               f"{m.group(3)} left by an interrupted receive; delete {'it' if m.group(1) == '1' else 'them'} with: "
               f"{m.group(4)} (the next receive does it too)."),
    (r"^Đã xóa (\d+) tệp tạm \(([\d.]+) byte\) do lần nhận bị ngắt để lại\.",
     lambda m: f"Deleted {_count(m.group(1), 'temporary file')} ({_count(m.group(2).replace('.', ','), 'byte')}) an "
               f"interrupted receive left."),
    (r"^Đã xóa (\d+) tệp tạm do một lần nhận bị ngắt để lại\.",
     lambda m: f"Deleted {_count(m.group(1), 'temporary file')} an interrupted receive left."),
    (r"^Cơ sở dữ liệu: toàn vẹn\. Tệp gốc đúng: ", "Database: intact. Originals correct: "),
    (r"^Cơ sở dữ liệu: (.*)\. Tệp gốc đúng: ", r"Database: \1. Originals correct: "),
    # store errors (UsageError)
    (r"Không có kho dữ liệu ở (.*) \(thiếu (.*?)\)\. Tạo kho bằng: rehabstat receive TỆP\.\.\. --store ",
     r"There is no store at \1 (\2 is missing). Create one with: rehabstat receive FILE... --store "),
    (r"--store (.*) là một tệp, không phải thư mục\.", r"--store \1 is a file, not a folder."),
    (r"Không tạo được thư mục kho (.*?): (.*)\.$",
     lambda m: f"Cannot create the store folder {m.group(1)}: {_os_reason_en(m.group(2))}."),
    (r"Không mở được kho (.*?): (.*?)\. Kiểm tra bằng: rehabstat check-store --store ",
     r"Cannot open the store \1: \2. Check it with: rehabstat check-store --store "),
    (r"Không mở được kho (.*?): (.*)\.$", r"Cannot open the store \1: \2."),
    (r"kho được tạo bởi phiên bản rehabstat mới hơn \(lược đồ (\d+), phiên bản này đọc được lược đồ (\d+)\); hãy "
     r"cập nhật rehabstat", r"the store was made by a newer rehabstat (schema \1, this version reads schema \2); "
     r"update rehabstat"),
    (r"tệp cơ sở dữ liệu không phải kho của rehabstat", "the database file is not a rehabstat store"),
    (r"Không tìm thấy: ", "Not found: "),
    (r"Không có sổ nào \(\.xlsx, \.xlsm, \.xls, \.ods\) trong (.*)\.", r"No workbook (.xlsx, .xlsm, .xls, .ods) in \1."),
    (r"Kho không có sổ nào của cơ sở (\S+?)(?: tháng (\d{2}/\d{4}))?\. Các cơ sở có trong kho: ",
     lambda m: f"The store holds no workbook of facility {m.group(1)}" + (f" for {m.group(2)}" if m.group(2) else "")
               + ". Facilities in the store: "),
    (r"Kho không có sổ nào đã nhận của cơ sở (\S+)\. Các cơ sở: ",
     r"The store holds no accepted workbook of facility \1. Facilities: "),
    (r"Kho không có cơ sở nào của tỉnh '(.*)'\. Các tỉnh: ", r"The store holds no facility of province '\1'. Provinces: "),
    (r"\(chưa có\)\.$", "(none)."),
    (r"Chọn một: --facility MÃ hoặc --province TÊN\.", "Choose one: --facility CODE or --province NAME."),
    (r"Cần ghi lý do mở khóa: --reason \"\.\.\.\"\.", "Give the reason for the unlock: --reason \"...\"."),
    (r"Chọn --data hoặc --store, không chọn cả hai\.", "Choose --data or --store, not both."),
    (r"Cần --data THƯ_MỤC \(các sổ hằng tháng\) hoặc --store KHO\.",
     "Give --data DIR (the monthly workbooks) or --store STORE."),
]


# (regex over the Vietnamese, English replacement); applied in order with re.sub, so phrases
# inside longer lines are translated too. Longer, more specific patterns first.
# an output folder or file the OS refused (common/errors.py: os_reason, output_error)
OS_REASONS_EN = {
    "thư mục không có và không tạo được ở đó": "the folder does not exist and cannot be made there",
    "một phần của đường dẫn là tệp, không phải thư mục": "part of the path is a file, not a folder",
    "không có quyền ghi": "no permission to write",
    "không được phép ghi": "writing is not permitted",
    "ổ đĩa chỉ cho đọc": "the disk is read-only",
    "ổ đĩa đã đầy": "the disk is full",
    "đã hết hạn mức dung lượng": "the disk quota is used up",
    "đã có một thư mục cùng tên": "a folder of the same name exists",
    "đã có một tệp cùng tên": "a file of the same name exists",
    "tên quá dài": "the name is too long",
    "tệp đang được dùng": "the file is in use",
}
_WRITE_ADVICE_VI = r"Hãy chọn thư mục kết quả khác( \(hoặc đóng tệp đang mở\))? rồi chạy lại\."


def _os_reason_en(vi: str) -> str:
    if vi.startswith("lỗi hệ thống: "):
        return "system error: " + vi[len("lỗi hệ thống: "):]
    return OS_REASONS_EN.get(vi, vi)


_REASON = "(" + "|".join([re.escape(v) for v in OS_REASONS_EN] + [r"lỗi hệ thống: .+?"]) + ")"


def _output_folder_en(m) -> str:
    where = f" (in {m.group(3)})" if m.group(3) else ""
    advice = "Choose another output folder" + (" (or close the open file)" if m.group(4) else "")
    return f"Cannot write into the output folder {m.group(1)}: {_os_reason_en(m.group(2))}{where}. {advice} and run again."


_OUTPUT_EN = [
    (rf"Không ghi được vào thư mục kết quả (.*?): {_REASON}(?: \(trong (.*?)\))?\. {_WRITE_ADVICE_VI}",
     _output_folder_en),
    (rf"Không đọc hoặc ghi được (.*?): {_REASON}\. Hãy kiểm tra đường dẫn và quyền ghi rồi chạy lại\.",
     lambda m: f"Cannot read or write {m.group(1)}: {_os_reason_en(m.group(2))}. "
               "Check the path and the permissions, then run again."),
]

_SECTOR_EN = {  # the labels of rehabstat/data/sectors.toml
    "ngành Lao động - Thương binh và Xã hội (kỳ kết thúc trước ngày 01/03/2025)":
        "the Labour, Invalids and Social Affairs sector (periods ending before 01/03/2025)",
    "ngành Công an (kỳ kết thúc từ ngày 01/03/2025)": "the Police sector (periods ending from 01/03/2025)",
}

MESSAGES_EN: list[tuple] = [  # (pattern, replacement string or function of the match)
    (r"Cần PATH\.\.\. \(sổ hoặc thư mục\) hoặc --store KHO\.", "Give PATH... (workbooks or folders) or --store STORE."),
    *_STORE_EN,  # the inbox (store/inbox.py and the store commands of cli.py)
    # Ctrl-C (cli.command)
    (r"^Đã dừng theo yêu cầu \(Ctrl-C\): lệnh chưa xong; không còn tệp ghi dở\.",
     "Stopped at your request (Ctrl-C): the command did not finish; no half-written file is left."),
    (r"^Đã dừng theo yêu cầu \(Ctrl-C\): (\d+) tệp đã vào kho trước khi dừng, mỗi tệp trọn vẹn \(biên nhận và số liệu\); "
     r"các tệp còn lại chưa nhận, không còn tệp tạm\. Chạy lại cùng lệnh để nhận tiếp \(tệp đã nhận sẽ được báo là "
     r"đã có\)\.",
     lambda m: f"Stopped at your request (Ctrl-C): {_count(m.group(1), 'file')} went into the store before the stop, "
               f"each whole (receipt and figures); the others were not received, no temporary file is left. Run the "
               f"same command again to go on (the files received are reported as already there)."),
    (r"^Đã dừng theo yêu cầu \(Ctrl-C\): (\d+) tệp đã ghi xong trong (.*) trước khi dừng; tổng hợp chưa xong, không "
     r"còn tệp ghi dở\. Chạy lại lệnh để lập đủ\.",
     lambda m: f"Stopped at your request (Ctrl-C): {_count(m.group(1), 'file')} written in {m.group(2)} before the "
               f"stop; the batch did not finish, no half-written file is left. Run the command again to make them all."),
    # periods.py
    (r"(--from|--to|--month) '(.*?)' không hợp lệ: hãy ghi tháng/năm, ví dụ 01/2021\.",
     r"\1 '\2' is not valid: write month/year, e.g. 01/2021."),
    (r"(--from|--to|--month) '(.*?)': tháng phải từ 1 đến 12\.", r"\1 '\2': the month must be 1 to 12."),
    (r"Dùng --from/--to hoặc --year \(kèm --month/--quarter/--half\), không dùng cả hai\.",
     "Use --from/--to or --year (with --month/--quarter/--half), not both."),
    (r"Cần cả --from và --to, ví dụ --from 01/2017 --to 06/2020\.",
     "Both --from and --to are needed, e.g. --from 01/2017 --to 06/2020."),
    (r"--from (\S+) ở sau --to (\S+)\.", r"--from \1 is after --to \2."),
    (r"Cần chọn kỳ báo cáo: --year 2021 \(có thể kèm --month, --quarter, --half\) hoặc --from/--to\.",
     "Choose a reporting period: --year 2021 (optionally with --month, --quarter, --half) or --from/--to."),
    (r"Năm (\S+) không hợp lệ\.", r"Year \1 is not valid."),
    (r"Chỉ chọn một trong --month, --quarter, --half\.", "Choose only one of --month, --quarter, --half."),
    (r"--month phải từ 1 đến 12\.", "--month must be 1 to 12."),
    (r"--quarter phải từ 1 đến 4\.", "--quarter must be 1 to 4."),
    (r"--half phải là 1 hoặc 2\.", "--half must be 1 or 2."),
    # config.py
    (r"Không tìm thấy tệp cấu hình (.*)\.$", r"Configuration file \1 not found."),
    (r"Tệp cấu hình (.*) không đúng cú pháp TOML: (.*)", r"Configuration file \1 is not valid TOML: \2"),
    (r"^(.*): mục không hợp lệ \[(.*)\]; các mục: \[document\], \[revenue\], \[registry\]\.",
     r"\1: unknown section [\2]; the sections: [document], [revenue], [registry]."),
    (r"^(.*): khóa '(.*)' không hợp lệ; các khóa: (.*)\.", r"\1: unknown key '\2'; the keys: \3."),
    (r"^(.*): khóa '(.*)' phải là một chuỗi\.", r"\1: key '\2' must be a string."),
    (r"^(.*): khóa '(.*)' phải là một danh sách chuỗi\.", r"\1: key '\2' must be a list of strings."),
    (r"^(.*): khóa '(.*)' phải là một số nguyên\.", r"\1: key '\2' must be an integer."),
    (r"^(.*): khóa '(.*)' phải là một tỷ lệ phần trăm từ 0 đến 100\.", r"\1: key '\2' must be a percentage from 0 to 100."),
    (r"^(.*): các quỹ revenue\.reward \+ welfare \+ development \+ reserve phải cộng lại 100 \(đang là (.*)\)\.",
     r"\1: the funds revenue.reward + welfare + development + reserve must add up to 100 (they are \2)."),
    (r"^(.*): khóa '(.*)' phải là danh sách mã cơ sở\.", r"\1: key '\2' must be a list of facility codes."),
    # sector.py: the notes on the document's agency, signer and recipients
    (r"Cơ quan, người ký và nơi nhận theo mặc định của (.*?); sửa trong (\\?)\[document\] của rehabstat\.toml "
     r"nếu khác\.",  # the escape rich's markup needs, kept
     lambda m: f"The agency, signer and recipients are the defaults of {_SECTOR_EN.get(m.group(1), m.group(1))}; "
               f"change them in {m.group(2)}[document] of rehabstat.toml if they differ."),
    (r"Chưa có họ tên người ký \(document\.signer_name trong rehabstat\.toml\): văn bản ghi (.*?) để điền\.",
     r"No signer's name (document.signer_name in rehabstat.toml): the document says \1 for you to fill in."),
    (r"Chưa có tên cơ quan ban hành \(document\.agency trong rehabstat\.toml\): văn bản ghi (.*?) để điền\.",
     r"No issuing agency (document.agency in rehabstat.toml): the document says \1 for you to fill in."),
    (r"Không xác định được tỉnh/thành phố '(.*?)' theo danh mục sau ngày 01/07/2025: văn bản ghi (.*?) để điền\.",
     r"Province or city '\1' is not in the list after 01/07/2025: the document says \2 for you to fill in."),
    # service.py, batch.py, targets.py, render.py
    (r"Chọn --facility hoặc --province, không chọn cả hai\.", "Choose --facility or --province, not both."),
    (r"Không có cơ sở nào của tỉnh '(.*)' trong dữ liệu\. Các tỉnh có: (.*)\.",
     r"The data hold no facility of province '\1'. Provinces present: \2."),
    (r"Không có cơ sở '(.*)' trong dữ liệu\. Các cơ sở có: (.*)\.", r"The data hold no facility '\1'. Facilities present: \2."),
    (r"Không đọc được sổ nào có thông tin cơ sở trong thư mục dữ liệu \(xem: rehabstat validate\)\.",
     "No workbook with facility information could be read in the data folder (see: rehabstat validate)."),
    (r"Dữ liệu có (\d+) cơ sở \((.*)\)\. Chọn --facility MÃ hoặc --province TÊN\.",
     r"The data hold \1 facilities (\2). Choose --facility CODE or --province NAME."),
    (r"Không tìm thấy sổ nào \(\.xlsx, \.xlsm, \.xls, \.ods\) trong (.*)\.", r"No workbook (.xlsx, .xlsm, .xls, .ods) found in \1."),
    (r"Không tìm thấy sổ chỉ tiêu (.*)\.$", r"Targets workbook \1 not found."),
    (r"Không tìm thấy tệp mẫu văn bản: (.*)", r"Template file not found: \1"),
    (r"Không tìm thấy mẫu văn bản (.*)\.$", r"Template \1 not found."),
    (r"Mẫu văn bản không phải là một tệp: (.*)", r"The template is not a file: \1"),
    (r"Tệp mẫu không phải là văn bản Word \.docx: (\S+)", r"The template is not a Word .docx document: \1"),
    (r"Tệp mẫu quá lớn để xử lý an toàn: (.*)", r"The template is too large to process safely: \1"),
    (r"Tệp mẫu được mã hóa \(có mật khẩu\): (.*)", r"The template is encrypted (password-protected): \1"),
    (r"Mẫu (\S+) là mẫu kế hoạch \(KH: có các biến plan\.…\), không dùng cho báo cáo\. Hãy dùng mẫu BC "
     r"\(rehabstat templates export\) hoặc lập kế hoạch bằng rehabstat plan\.",
     r"Template \1 is a plan template (KH: it uses the plan.… variables), not for a report. Use a BC template "
     r"(rehabstat templates export), or write a plan with rehabstat plan."),
    (r"Mẫu (\S+) không có phần chỉ tiêu của kế hoạch \(các biến plan\.…\): có lẽ là mẫu báo cáo \(BC\)\. "
     r"Hãy dùng mẫu KH \(rehabstat templates export\)\.",
     r"Template \1 has no targets part of a plan (the plan.… variables): probably a report (BC) template. "
     r"Use a KH template (rehabstat templates export)."),
    (r"Sổ chỉ tiêu (\S+) không có chỉ tiêu năm (\d+) cho (.*?) \(sổ có: năm (.*?); đơn vị (.*?)\)\.",
     r"Targets workbook \1 has no targets of \2 for \3 (it has: year \4; units \5)."),
    # cli.py
    (r"--date '(.*)' không hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 10/01/2022\.",
     r"--date '\1' is not valid: write day/month/year, e.g. 10/01/2022."),
    (r"Không tìm thấy thư mục hoặc tệp dữ liệu: (.*)", r"Data folder or file not found: \1"),
    (r"--level phải là facility, province hoặc national\.", "--level must be facility, province or national."),
    (r"--format phải là csv, json hoặc xlsx\.", "--format must be csv, json or xlsx."),
    (r"--format xlsx cần --out TỆP\.xlsx\.", "--format xlsx needs --out FILE.xlsx."),
    (r"--format phải là text hoặc json\.", "--format must be text or json."),
    (r"--facility, --name và --province không được để trống\.", "--facility, --name and --province must not be empty."),
    (r"Tệp (.*) đã có; dùng --force để ghi đè hoặc chọn --out khác\.",
     r"File \1 exists; use --force to overwrite it or choose another --out."),
    (r"--jobs phải là số nguyên từ 1 trở lên\.", "--jobs must be a whole number of at least 1."),
    (r"Không ghi đè (.*): đó là một sổ tính không do rehabstat lập \(có thể là sổ dữ liệu\)\. Hãy chọn --out là "
     r"một tệp mới\.",
     r"Not overwriting \1: it is a workbook rehabstat did not write (perhaps a data workbook). Choose a new --out file."),
    (r"Không ghi được vào thư mục kết quả (.*?): (.*) là một tệp, không phải thư mục\. Hãy chọn --out khác\.",
     r"Cannot write into the output folder \1: \2 is a file, not a folder. Choose another --out."),
    (r"Không ghi được vào thư mục kết quả (.*?): không có quyền ghi vào (.*)\. Hãy chọn --out là một thư mục có "
     r"quyền ghi\.",
     r"Cannot write into the output folder \1: no permission to write in \2. Choose an --out folder you may "
     r"write in."),
    *_OUTPUT_EN,
    (r"số liệu là DỰ THẢO: ghi vào (.*)\.$", r"the figures are a DRAFT: written to \1."),
    (r"--date (\S+): (?:báo cáo|kế hoạch \(phần I là kết quả) (.*?)\)? không thể ghi ngày trước khi kỳ kết thúc "
     r"\((\S+)\); ngày sớm nhất là (\S+)\.",
     lambda m: f"--date {m.group(1)}: a document for {_period_en(m.group(2))} cannot be dated before its period ends "
               f"({m.group(3)}); the earliest date is {m.group(4)}."),
    (r"Không ghi đè (.*?): tệp đã được sửa sau lần rehabstat ghi nó \(hoặc không do rehabstat ghi\)\. Muốn thay tệp "
     r"đó, chạy lại với (\S+); hoặc chọn --out khác, hoặc đổi tên tệp\.",
     r"Not overwriting \1: the file was changed since rehabstat wrote it (or rehabstat did not write it). To replace "
     r"it, run again with \2; or choose another --out, or rename the file."),
    (r"Đã có tệp mẫu: (.*)\. Không ghi đè: dùng --force để ghi đè, hoặc chọn thư mục khác\.",
     r"Templates exist: \1. Not overwritten: use --force to overwrite them, or choose another folder."),
    (r"--lang phải là vi hoặc en\.", "--lang must be vi or en."),
    (r"Không có quy tắc (\S+)\. Xem danh sách: rehabstat rules", r"There is no rule \1. See the list: rehabstat rules"),
    (r"dữ liệu có (\d+) lỗi\. Sửa các lỗi trên \(rehabstat validate\) hoặc dùng --force để lập bản DỰ THẢO\.",
     r"the data have \1 errors. Fix the errors above (rehabstat validate) or use --force to write a DRAFT."),
    (r"văn bản là DỰ THẢO vì dữ liệu còn (\d+) lỗi\.", r"the document is a DRAFT because the data still have \1 errors."),
    (r"\.\.\. và (\d+) lỗi khác \(xem đầy đủ: rehabstat validate\)\.", r"... and \1 more errors (all of them: rehabstat validate)."),
    (r"Chạy lại với --debug để xem chi tiết và gửi cho người phát triển\.",
     "Run again with --debug to see the details and send them to the developers."),
    (r"; Đầu kỳ để trống\.", "; the opening is left blank."),
    (r"Đã đọc ([\d.]+) sổ hằng tháng", r"Read \1 monthly workbooks"),
    (r" \(bỏ qua ([\d.]+) tệp không phải sổ hằng tháng: sổ chỉ tiêu\)", r" (skipped \1 files that are not monthly workbooks: targets)"),
    (r"tệp khóa của Excel/LibreOffice \(tệp tạm có khi một sổ đang mở, không phải sổ\); không lưu vào kho\.",
     "the lock file of Excel/LibreOffice (left while a workbook is open; not a workbook); not stored."),
    (r"Tệp không tính vào số liệu – ", "A file not counted in the figures – "),
    (r"(?<=bỏ qua )([\d.]+) sổ chỉ tiêu", r"\1 targets workbooks"),
    (r"(?<=bỏ qua )(?:(.*?) và )?([\d.]+) tệp kết quả do rehabstat lập", lambda m: (m.group(1) + " and " if m.group(1) else "") + f"{m.group(2)} result files rehabstat wrote"),
    (r" \(bỏ qua (.*?)\)\.$", r" (skipped \1)."),
    (r"bỏ qua tệp khóa của Excel/LibreOffice \(tệp tạm có khi một sổ đang mở, không phải sổ\): (.*?)(?: và (\d+) tệp khác)?\.$",
     lambda m: f"skipped the lock files of Excel/LibreOffice (left while a workbook is open; not workbooks): {m.group(1)}"
               + (f" and {m.group(2)} more" if m.group(2) else "") + "."),
    (r"Không có sổ nào của kỳ này\.", "No workbook for this period."),
    (r"Sổ không đọc được \(không rõ cơ sở hoặc tháng\): ", "Unreadable workbook (facility or month unknown): "),
    (r"Lỗi theo mã: ", "Errors by code: "),
    (r" \(chi tiết: trang VanDe của bảng tổng hợp, hoặc rehabstat validate\)\.",
     " (details: sheet VanDe of the national workbook, or rehabstat validate)."),
    (r"Cảnh báo theo mã: ", "Warnings by code: "),
    (r" \(xem: rehabstat rules MÃ\)\.", " (see: rehabstat rules CODE)."),
    (r"Bảng tổng hợp toàn quốc: ", "National workbook: "),
    (r"Chưa lập được báo cáo tỉnh(\[/\])? \(mẫu văn bản có lỗi\); bảng tổng hợp đã được ghi\.",
     r"The province reports were not written\1 (the template has errors); the national workbook was written."),
    (r"Có điều cần xem lại(\[/\])? \(các văn bản vẫn đã được ghi\)\.", r"Some things need a look\1 (the documents were written)."),
    (r"Số liệu đầy đủ, không có lỗi\.", "The data are complete, without errors."),
    (r"Thời gian: ([\d,]+) giây\.", lambda m: f"Time: {m.group(1).replace(',', '.')} s."),
    (r"Tổng hợp (.*) \((\S+)\)$", r"Summary of \2"),
    (r"^Tổng hợp " + _PERIOD + r"$", lambda m: f"Summary of {_period_en(m.group(1))}"),
    (r"không có sổ dùng được trong kỳ: không lập báo cáo", "no usable workbook in the period: no report"),
    (r"\(DỰ THẢO\)", "(DRAFT)"),
    (r"Số liệu " + _PERIOD + r" chưa đầy đủ hoặc còn lỗi: chưa xuất số liệu nào\.",
     lambda m: f"The data of {_period_en(m.group(1))} are incomplete or have errors: nothing was written."),
    (r"DỰ THẢO:(\[/\])? số liệu " + _PERIOD + r" chưa đầy đủ hoặc còn lỗi \((.*) có sổ dùng được\)\.",
     lambda m: f"DRAFT:{m.group(1) or ''} the data of {_period_en(m.group(2))} are incomplete or have errors "
               f"(usable workbooks for {m.group(3)})."),
    (r"văn bản là DỰ THẢO vì số liệu chưa đầy đủ hoặc còn lỗi \((.*) có sổ dùng được\):",
     r"the document is a DRAFT because the data are incomplete or have errors (usable workbooks for \1):"),
    (r"văn bản là DỰ THẢO vì số liệu chưa đầy đủ hoặc còn lỗi:",
     "the document is a DRAFT because the data are incomplete or have errors:"),
    (r"Chưa ghi bảng tổng hợp toàn quốc: số liệu chưa đầy đủ hoặc còn lỗi \(--force: ghi bản DỰ THẢO kèm tình hình "
     r"gửi sổ\)\.",
     "The national workbook was not written: the data are incomplete or have errors (--force: a DRAFT with the "
     "workbooks received)."),
    (r"Số liệu chưa đầy đủ hoặc còn lỗi(\[/\])? \(mã thoát 1\): các văn bản là DỰ THẢO\.",
     r"The data are incomplete or have errors\1 (exit code 1): the documents are DRAFTS."),
    (r"Số liệu chưa đầy đủ hoặc còn lỗi(\[/\])? \(mã thoát 1\): chỉ lập báo cáo của tỉnh có số liệu đầy đủ\.",
     r"The data are incomplete or have errors\1 (exit code 1): reports only for the provinces whose data are "
     r"complete."),
    (r"số liệu chưa đầy đủ hoặc còn lỗi: chưa lập báo cáo \(--force: bản DỰ THẢO\)",
     "data incomplete or with errors: no report (--force: a DRAFT)"),
    (r"Không đọc được sổ nào có thông tin cơ sở trong thư mục dữ liệu\.",
     "No workbook with facility information could be read in the data folder."),
    (r"Không lập kế hoạch: phần II \(chỉ tiêu\) sẽ trống\.", "No plan written: part II (the targets) would be empty."),
    # gate.py: why a document or a table is refused
    (r"Không có số liệu cho (.*?) \((\S+)\)\.", r"No data for \2."),
    (r"Không có sổ nào dùng được cho (.*?) \((\S+)\) của (.*?)\.", r"No usable workbook for \2 of \3."),
    (r"Không có sổ nào dùng được cho (.*?) \((\S+)\)\.", r"No usable workbook for \2."),
    # the same without the period's code (titles and messages name the period once)
    (r"Không có số liệu cho " + _PERIOD + r"\.", lambda m: f"No data for {_period_en(m.group(1))}."),
    (r"Không có sổ nào dùng được cho " + _PERIOD + r"(?: của (.*?))?\.",
     lambda m: f"No usable workbook for {_period_en(m.group(1))}" + (f" of {m.group(2)}" if m.group(2) else "") + "."),
    (r"Dữ liệu có (\d+) lỗi ở (\d+) sổ \(chi tiết: rehabstat validate\)\.",
     r"The data have \1 errors in \2 workbooks (details: rehabstat validate)."),
    (r"Dữ liệu có (\d+) lỗi \(chi tiết: rehabstat validate\)\.", r"The data have \1 errors (details: rehabstat validate)."),
    (r"Dữ liệu có: ", "The data hold: "),
    (r"  \.\.\. và (\d+) lỗi khác\.", r"  ... and \1 more errors."),
    (r"Chọn kỳ hoặc cơ sở có trong dữ liệu\.", "Choose a period or a facility the data hold."),
    (r"Gửi bổ sung sổ còn thiếu, bỏ sổ trùng, sửa lỗi rồi chạy lại; hoặc dùng --force để lập bản DỰ THẢO "
     r"\(mã thoát vẫn là 1\)\.",
     "Send the missing workbooks, remove the duplicates, fix the errors and run again; or use --force to write a "
     "DRAFT (the exit code is still 1)."),
    (r"không gửi sổ nào trong kỳ \(thiếu (?:các tháng |tháng )?(.*?)\)", r"sent no workbook in the period (missing \1)"),
    (r"thiếu sổ (?:các tháng |tháng )?", "missing the workbooks of "),
    (r"(?:các tháng |tháng )?(\S+(?: đến \S+)?) chưa kết thúc, chưa có sổ", r"\1 not over yet, no workbook"),
    (r"có hai sổ cho (?:các tháng |tháng )?(.*?) \(trùng\), không tính vào số liệu",
     r"two workbooks for \1 (duplicates), not counted"),
    (r"sổ (?:các tháng |tháng )?(.*?) có lỗi, vẫn tính vào số liệu \(chưa kiểm tra\)",
     r"the workbooks of \1 have errors, counted anyway (unchecked)"),
    (r"sổ (?:các tháng |tháng )?(.*?) có lỗi, không tính vào số liệu", r"the workbooks of \1 have errors, not counted"),
    (r"sổ (?:các tháng |tháng )?(.*?) không đọc được, không tính vào số liệu", r"the workbooks of \1 cannot be read, not counted"),
    (r"số đầu kỳ lấy theo sổ tháng (\S+)", r"the opening taken from the workbook of \1"),
    (r"số cuối kỳ lấy theo sổ tháng (\S+)", r"the closing taken from the workbook of \1"),
    (r"không có số liệu nào dùng được trong kỳ", "no usable data in the period"),
    (r"(\d{2}/\d{4}) đến (\d{2}/\d{4})", r"\1 to \2"),
    (r"(\d+/\d+) tháng\b", r"\1 months"),
    (r"'(.*?)' không phải tên tỉnh/thành phố nào; có phải: (.*)\? Sổ cấp tỉnh cần tên tỉnh đúng: hãy sửa --province\.",
     r"'\1' is not the name of any province or city; did you mean: \2? A province workbook needs the right "
     r"name: correct --province."),
    (r"'(.*?)' không phải tên tỉnh/thành phố nào\. Sổ cấp tỉnh cần tên tỉnh đúng: hãy sửa --province\.",
     r"'\1' is not the name of any province or city. A province workbook needs the right name: correct --province."),
    (r"'(.*?)' không phải tên tỉnh/thành phố nào; có phải: (.*)\?", r"'\1' is not the name of any province or city; did you mean: \2?"),
    (r"Lỗi số liệu:", "Data error:"),
    (r"Cần làm:", "To do:"),
    # labels, last: short words that also occur inside the longer messages above
    (r"Lỗi mẫu văn bản:", "Template error:"),
    (r"Không lập văn bản:", "No document written:"),
    (r"Cần xem lại:", "Needs a look:"),
    (r"^Lỗi:|(?<=\])Lỗi:", "Error:"),
    (r"Đã ghi: ", "Written: "),
    (r"Lưu ý:", "Note:"),
    (r"(?<!\w)Cảnh báo:", "Warning:"),
]
_COMPILED: list = []  # MESSAGES_EN compiled on first use (only --lang en needs them)


def _compiled() -> list:
    if not _COMPILED:
        _COMPILED.extend((re.compile(p, re.M), r) for p, r in MESSAGES_EN)
    return _COMPILED

# whole words of tables and labels (exact cell texts)
WORDS_EN = {
    "Tỉnh/Thành phố": "Province", "Cơ sở": "Facilities", "Sổ tháng nhận/cần": "Months received/due",
    "Thiếu": "Missing", "Không tính": "Not counted", "Lỗi": "Errors", "Cảnh báo": "Warnings", "Báo cáo": "Report",
    "Toàn quốc": "National", "[bold]Toàn quốc[/]": "[bold]National[/]",
    "Biến": "Variable", "Ý nghĩa": "Meaning", "Ví dụ": "Example",
    "Mã": "Code", "Tên": "Name", "Mức": "Severity", "Thông báo": "Message", "lỗi": "error", "cảnh báo": "warning",
    "Đang đọc sổ...": "Reading workbooks...", "Đọc sổ": "Reading", "Kiểm tra, tính số liệu": "Checking, computing",
    "Lập báo cáo tỉnh": "Writing province reports",
}

# the store commands' tables: headers, and the cells that are words (history's status, log's action)
STORE_HEADERS_EN = {
    "Tháng": "Month", "Bản": "Version", "Trạng thái": "Status", "Nhận lúc": "Received", "Người nhận": "Received by",
    "Tệp gốc": "Original file", "Lỗi": "Errors", "Cảnh báo": "Warnings", "Chỉ số": "Indicator", "Diện": "Category",
    "Trước": "Before", "Sau": "After", "STT": "No.", "Lúc": "At", "Người": "By", "Việc": "Action",
    "Cơ sở": "Facility", "Biên nhận": "Receipt", "Chi tiết": "Details",
}
STORE_CELLS_EN = {
    "đã nhận": "accepted", "bị từ chối": "rejected",  # history's status
    "nhận": "received", "phiên bản mới": "new version", "đã có": "duplicate", "từ chối": "rejected",  # log's action
    "bỏ qua": "skipped", "nhận (sau mở khóa)": "accepted (after unlock)", "duyệt": "approved", "mở khóa": "unlocked",
    "cấu hình": "configuration", "bổ sung số liệu": "figures added",
}


def say_cells(row, header: bool = False) -> list[str]:
    """A row of a store command's table in the current language (every cell as text)."""
    cells = [str(v) for v in row]
    if lang() == "vi":
        return cells
    words = STORE_HEADERS_EN if header else STORE_CELLS_EN
    return [words[c] if c in words else say(c) for c in cells]


def say_lines(text: str) -> str:
    """Plain output, line by line, in the current language."""
    if lang() == "vi":
        return text
    return "\n".join(say(line) for line in text.split("\n"))


def say(text: Any) -> Any:
    """A message of ours in the current language (str in, str out; anything else unchanged)."""
    if not isinstance(text, str) or lang() == "vi" or not text:
        return text
    if text in WORDS_EN:
        return WORDS_EN[text]
    for rx, repl in _compiled():
        text = rx.sub(repl, text)
    return text


def console_class():
    """A rich Console whose print() speaks the current language (tables included)."""
    from rich.console import Console

    class LocalConsole(Console):
        def print(self, *objects, **kwargs):  # noqa: A003
            if lang() != "vi":
                from rich.table import Table  # only here: a Vietnamese run need not import it
                objects = tuple(_localise_renderable(o, Table) for o in objects)
            return super().print(*objects, **kwargs)

    return LocalConsole


def _localise_renderable(obj, table_type):
    if isinstance(obj, str):
        return say(obj)
    if isinstance(obj, table_type):
        return _localised_table(obj)
    return obj


def _localised_table(table):
    """A copy of a rich Table with its title, headers and cells in the current language, built
    through Table's public API (a column's cells can be read there, not replaced)."""
    import copy

    new = copy.copy(table)
    if isinstance(table.title, str):
        new.title = say(table.title)
    new.columns, new.rows = [], []
    for col in table.columns:
        new.add_column(say(col.header) if isinstance(col.header, str) else col.header, footer=col.footer,
                       header_style=col.header_style, footer_style=col.footer_style, style=col.style,
                       justify=col.justify, vertical=col.vertical, overflow=col.overflow, width=col.width,
                       min_width=col.min_width, max_width=col.max_width, ratio=col.ratio, no_wrap=col.no_wrap)
    for row, cells in zip(table.rows, zip(*(list(col.cells) for col in table.columns))):
        new.add_row(*(say(c) for c in cells), style=row.style, end_section=row.end_section)
    return new


# ---------------------------------------------------------------- the group that does it
#
# Only typer's and click's public API: the Context class given to every command
# (`context_class`), its `formatter_class`, `get_help()` and `get_usage()`, the commands' and
# parameters' documented attributes (help, metavar, opts, default, required, nargs), and the
# documented attributes of click's exceptions. typer (from 0.25) carries its own copy of click
# that it does not export, so its exception classes are recognised by their documented names
# (`_is`), as typer itself recognises NoArgsIsHelpError; the help screen is written here with rich.
# A command's or parameter's `help` is a catalogue key (cli.py declares `help="help.report"`):
# it is looked up in the chosen language where it is shown, and nothing in the tree changes
# with the language.

import typer  # noqa: E402

from .common.catalogue import text as words  # noqa: E402


def help_of(obj) -> str:
    """The help text of a command or parameter in the chosen language ("" when it has none)."""
    key = getattr(obj, "help", None)
    return words(key) if key else ""


def short_help_of(cmd) -> str:
    """A command's line in its group's list: its short help, or the first paragraph of its help."""
    key = getattr(cmd, "short_help", None)
    return words(key) if key else help_of(cmd).split("\n\n")[0]


def metavar(cmd, p) -> str | None:
    """What the value of an option or argument is, in the chosen language (None for a flag)."""
    if _is_flag(p):
        return None
    if p.param_type_name == "option":
        name = next((o for o in p.opts if o.startswith("--")), None)
        key = COMMAND_METAVARS.get((getattr(cmd, "name", None), name)) or METAVARS.get(name)
        if key is None:
            return p.metavar or p.name.upper()
        return words(f"metavar.{key}") + ("..." if p.multiple else "")
    key = ARG_METAVARS.get(p.name)
    return words(f"metavar.{key}") if key else (p.metavar or p.name.upper())


def use_local_context(group) -> None:
    """Every command of the tree makes a LocalContext: help and usage in the chosen language."""
    group.context_class = LocalContext
    for sub in (getattr(group, "commands", None) or {}).values():
        use_local_context(sub)


def _is_flag(p) -> bool:
    return bool(getattr(p, "is_flag", False) or getattr(p, "is_bool_flag", False))


def _is(exc, name: str) -> bool:
    """Whether exc is click's exception class `name` (or a subclass of it)."""
    return any(c.__name__ == name for c in type(exc).__mro__)


class LocalFormatter(typer.Context.formatter_class):
    """Click's help formatter with the usage line's prefix in the current language."""

    def write_usage(self, prog, args="", prefix=None):
        super().write_usage(prog, args, words("cli.usage") if prefix is None else prefix)


class LocalContext(typer.Context):
    formatter_class = LocalFormatter

    def get_help(self):  # --help, and a group called without a command
        return render_help(self)

    def get_usage(self):
        return usage_line(self)


def usage_line(ctx) -> str:
    """`Usage: rehabstat receive [OPTIONS] {FILE}...`, in the chosen language: options, then the
    arguments (required in braces, optional in brackets, "..." when several), then a group's command."""
    cmd = ctx.command
    pieces = [words("cli.options_metavar")]
    for p in cmd.params:
        if p.param_type_name != "argument" or getattr(p, "hidden", False):
            continue
        name = metavar(cmd, p)
        pieces.append(("{%s}" if p.required else "[%s]") % name + ("..." if p.nargs != 1 else ""))
    if getattr(cmd, "commands", None) is not None:
        pieces.append(words("cli.subcommand_metavar"))
    formatter = ctx.make_formatter()
    formatter.write_usage(ctx.command_path, " ".join(pieces))
    return formatter.getvalue().rstrip("\n")


def _default_label(p) -> str | None:
    show = getattr(p, "show_default", None)
    if show is False or p.required or _is_flag(p) or p.param_type_name != "option":
        return None
    if isinstance(show, str):
        value = show
    else:
        default = p.default
        if default is None or default == () or default == [] or callable(default):
            return None
        if isinstance(default, (list, tuple)):
            value = ", ".join(str(getattr(d, "value", d)) for d in default)
        else:
            value = str(getattr(default, "value", default))
    return words("cli.default", value=value)


def render_help(ctx) -> str:
    """The help screen of ctx's command in the current language: usage, help text, then the
    arguments, options and commands in panels (the look of typer's own help)."""
    import shutil
    from io import StringIO

    from rich import box
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    cmd = ctx.command
    width = ctx.terminal_width or shutil.get_terminal_size().columns
    buf = StringIO()
    console = Console(file=buf, width=max(width, 40), color_system=None, highlight=False, emoji=False,
                      markup=False, legacy_windows=False)

    def panel(title, rows):
        grid = Table.grid(padding=(0, 1), expand=False)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for row in rows:
            grid.add_row(*(Text(c) for c in row))
        console.print(Panel(grid, title=title, title_align="left", box=box.ROUNDED, border_style="dim"))

    console.print(Text(" " + ctx.get_usage().strip()))
    console.print()
    for para in help_of(cmd).split("\n\n"):
        if para.strip():
            console.print(Text(para.strip()), Text(""), sep="\n")
    args, opts = [], []
    for p in cmd.params:
        if getattr(p, "hidden", False):
            continue
        extra = [x for x in (_default_label(p), words("cli.required") if p.required else None) if x]
        help_line = " ".join([help_of(p)] + extra).strip()
        if p.param_type_name == "argument":
            args.append((metavar(cmd, p), "", help_line))
        else:
            names = ", ".join(p.opts) + (" / " + ", ".join(p.secondary_opts) if p.secondary_opts else "")
            opts.append((names, metavar(cmd, p) or "", help_line))
    help_opt = cmd.get_help_option(ctx)
    if help_opt is not None:
        opts.append((", ".join(help_opt.opts), "", words("cli.help")))
    if args:
        panel(words("cli.arguments"), args)
    if opts:
        panel(words("cli.options"), opts)
    if getattr(cmd, "commands", None) is not None:
        rows = []
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is None or getattr(sub, "hidden", False):
                continue
            rows.append((name, "", short_help_of(sub)))
        if rows:
            panel(words("cli.commands"), rows)
    if getattr(cmd, "epilog", None):
        console.print(Text(words(cmd.epilog)))
    return buf.getvalue().rstrip("\n")


def usage_message(exc) -> str:
    """Click's usage error, in the current language."""
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None)
    if hint is None and param is not None:
        opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
        ctx = getattr(exc, "ctx", None)
        hint = (opts[0] if opts and param.param_type_name == "option"
                else metavar(ctx.command if ctx is not None else None, param))
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    if _is(exc, "NoSuchOption"):
        close = ", ".join(list(exc.possibilities or ())[:3])  # difflib's order: the closest first
        if close:
            return words("cli.no_such_option_close", option=exc.option_name, close=close)
        return words("cli.no_such_option", option=exc.option_name)
    if _is(exc, "MissingParameter"):
        kind = getattr(exc, "param_type", None) or (param.param_type_name if param is not None else "parameter")
        return words("cli.missing_option" if kind == "option" else "cli.missing_parameter", kind=kind, name=hint)
    if isinstance(exc, typer.BadParameter):
        detail = exc.message or ""
        low = detail.lower()
        if "valid integer" in low:
            detail = words("cli.not_whole_number")
        elif "valid number" in low or "valid float" in low:
            detail = words("cli.not_number")
        else:
            detail = words("cli.not_valid", message=detail)
        return words("cli.invalid_value", name=hint, detail=detail)
    # the rest carry only click's English sentence: what it says is read from it
    message = exc.message or ""
    m = re.match(r"Option '(.*)' requires (an argument|\d+ arguments)\.", message)
    if m:
        return words("cli.option_needs_value", option=m.group(1), message=message)
    m = re.match(r"Option '(.*)' does not take a value\.", message)
    if m:
        return words("cli.option_takes_no_value", option=m.group(1), message=message)
    m = re.match(r"No such command '(.*)'\.", message)
    if m:
        return words("cli.no_such_command", name=m.group(1), message=message)
    if message.startswith("Missing command"):
        return words("cli.missing_command", message=message)
    m = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if m:
        return words("cli.extra_arguments", arguments=m.group(1), message=message)
    return words("cli.invalid_command", message=message)


class LocalGroup(TyperGroup):
    """The app's group: global options anywhere, and every word in the user's language."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = hoist_globals(list(sys.argv[1:] if args is None else args))
        chosen = lang_of(args)
        set_lang(chosen if chosen in ("vi", "en") else "vi")
        use_local_context(self)
        if prog_name is None:
            prog_name = "rehabstat"
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                              standalone_mode=False, **extra)
        except typer.Abort:
            _error_console().print(words("cli.aborted"))
            rv = 1
        except Exception as exc:
            if _is(exc, "NoArgsIsHelpError"):
                exc.show()
                rv = 2
            elif _is(exc, "UsageError"):
                _show_usage_error(exc)
                rv = exc.exit_code
            elif _is(exc, "ClickException"):
                _error_console().print(f"[bold red]{words('cli.error')}:[/] {exc.format_message()}",
                                       markup=True)
                rv = exc.exit_code
            elif _is(exc, "Abort"):
                _error_console().print(words("cli.aborted"))
                rv = 1
            else:
                raise
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)


def _error_console():
    from rich.console import Console
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _show_usage_error(exc) -> None:
    from rich.markup import escape
    console = _error_console()
    ctx = exc.ctx
    if ctx is not None:
        console.print(escape(ctx.get_usage()))
        console.print(words("cli.try", command=ctx.command_path), style="dim")
    console.print(f"[bold red]{words('cli.error')}:[/] {escape(usage_message(exc))}")
