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

Our own messages are catalogue keys with their values (common/catalogue.py), shown in the
chosen language where they are printed; nothing here turns Vietnamese text into English.
"""
from __future__ import annotations

import re
import sys

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
        elif a in GLOBAL_VALUED:  # the last word, with no value: the group says it needs one
            return front + [a]
        elif any(a.startswith(g + "=") for g in GLOBAL_VALUED):
            front.append(a)
        else:
            rest.append(a)
        i += 1
    return front + rest


def lang_of(args: list[str]) -> str | None:
    """The value of the last --lang in args (already hoisted), or None."""
    from . import _lang_given
    return _lang_given(args)


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
    m = re.match(r"No such command '(.*)'\.(?: Did you mean '(.*)'\?)?", message)
    if m and m.group(2):
        return words("cli.no_such_command_close", name=m.group(1), close=m.group(2), message=message)
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
