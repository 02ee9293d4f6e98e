"""The proof that --store is a second source of the same data: every `indicators`, `report`,
`plan`, `batch` and `validate` example of the README that runs on the samples, run once with
--data (the README's folder) and once with --store (a store made by one `receive` of that same
folder), gives the same exit code, the same tables and the same document text, cell for cell
and paragraph for paragraph. The one sentence a document from the store adds (whether its
months are approved) is the only difference, and it is checked to be there."""
import json
import re
import shlex
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT, cli

COMMANDS = ("indicators", "report", "plan", "batch", "validate")
APPROVAL = "chưa được duyệt (chưa khóa trong kho dữ liệu)"  # documents/report.py's sentence for a store's months


def readme_examples() -> list[list[str]]:
    """Every example of COMMANDS in the README (a `$ ` line of a code block or an inline code
    span) that reads the samples: its arguments, without a pipe into grep."""
    # the README names the commands; the user guide (docs/guide.md) holds their worked examples
    text = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "docs/guide.md"))
    found = []
    candidates = re.findall(r"^\$ (rehabstat .*)$", text, re.M)
    candidates += [c.replace("\n", " ") for c in re.findall(r"`(rehabstat [^`]+)`", text)]
    for line in candidates:
        args = shlex.split(line.split(" | ")[0])[1:]
        if not args or args[0] not in COMMANDS or "..." in line or "<" in line:
            continue
        data = _folder(args)
        if data is None or not data.startswith("samples"):
            continue
        if args not in found:
            found.append(args)
    return found


def _folder(args):
    if args[0] == "validate":
        paths = [a for a in args[1:] if not a.startswith("-")]
        return paths[0] if len(paths) == 1 else None
    return args[args.index("--data") + 1] if "--data" in args else None


# validate's README examples name a folder of the reader's own ("nop", "<folder>"): the same
# command on the samples stands for them
EXAMPLES = readme_examples() + [["validate", "samples/son-la"], ["validate", "samples"]]


def test_the_readme_has_examples_of_every_command():
    assert {a[0] for a in EXAMPLES} >= {"indicators", "report", "plan", "batch"}, EXAMPLES
    assert len(EXAMPLES) >= 8, EXAMPLES


STORES: dict = {}


def _store(folder: str, base: Path) -> Path:
    """One `receive` of the folder, made once for the module."""
    if folder not in STORES:
        kho = base / ("kho-" + re.sub(r"\W", "_", folder))
        res = cli("receive", ROOT / folder, "--store", kho)
        assert res.exit_code in (0, 1), res.output  # 1: a sample the store refuses, as --data says it has errors
        STORES[folder] = kho
    return STORES[folder]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return tmp_path_factory.mktemp("proof")


def _with(args, data_args, out):
    """The example with its data source replaced and its outputs sent to `out`."""
    args = list(args)
    if args[0] == "validate":
        folder = _folder(args)
        args = [a for a in args if a != folder]
        args[1:1] = data_args
        if "--annotate" in args:
            args[args.index("--annotate") + 1] = str(out / "annotate")
        return args
    i = args.index("--data")
    args[i:i + 2] = data_args
    for opt in ("--targets",):
        if opt in args:
            args[args.index(opt) + 1] = str(ROOT / args[args.index(opt) + 1])
    if args[0] in ("report", "plan", "batch"):
        if "--out" in args:
            args[args.index("--out") + 1] = str(out)
        else:
            args += ["--out", str(out)]
    elif "--out" in args:
        args[args.index("--out") + 1] = str(out / Path(args[args.index("--out") + 1]).name)
    return args


def _docx_text(path: Path) -> list[str]:
    """Every paragraph of the document (body, tables, headers, footers), in order."""
    import docx
    doc = docx.Document(path)
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            out += [c.text for c in row.cells]
    for section in doc.sections:
        out += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return out


def _xlsx_cells(path: Path, roots) -> dict:
    """{sheet: [row values]} with the data source's paths (file names kept) made alike."""
    wb = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for ws in wb:
        out[ws.title] = [tuple(_plain(v, roots) for v in row) for row in ws.iter_rows(values_only=True)]
    return out


def _plain(value, roots):
    if isinstance(value, str):
        for root in roots:
            value = value.replace(str(root), "NGUON")
        value = re.sub(r"NGUON/\S*?([^/\s]+\.xlsx)", r"\1", value)
    return value


def _json_plain(text, roots):
    def walk(v):
        if isinstance(v, dict):
            return {k: (Path(x).name if k in ("file", "path") and isinstance(x, str) else walk(x)) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return _plain(v, roots)
    return walk(json.loads(text))


@pytest.mark.parametrize("args", EXAMPLES, ids=[" ".join(a) for a in EXAMPLES])
def test_a_readme_example_gives_the_same_from_the_store(args, base):
    folder = _folder(args)
    kho = _store(folder, base)
    name = re.sub(r"\W+", "_", " ".join(args))[:80]
    out_d, out_s = base / "data" / name, base / "store" / name
    out_d.mkdir(parents=True)
    out_s.mkdir(parents=True)
    if args[0] == "validate":
        d = cli(*_with(args, [str(ROOT / folder), "--format", "json"], out_d))
        s = cli(*_with(args, ["--store", str(kho), "--format", "json"], out_s))
    else:
        d = cli(*_with(args, ["--data", str(ROOT / folder)], out_d))
        s = cli(*_with(args, ["--store", str(kho)], out_s))
    assert s.exit_code == d.exit_code, (s.output, d.output)
    roots = (ROOT / folder, kho, out_d, out_s)
    if args[0] in ("indicators", "validate") and "--out" not in args:
        if "--format" in args and args[args.index("--format") + 1] == "json" or args[0] == "validate":
            a, b = _json_plain(s.stdout, roots), _json_plain(d.stdout, roots)
            if args[0] == "validate":  # the store keeps no targets workbook: only the data's files
                key = lambda f: (f.get("unit") or "", f.get("period") or "", Path(f["path"]).name)  # noqa: E731
                a["files"] = sorted(a["files"], key=key)
                b["files"] = sorted([f for f in b["files"] if f.get("status") != "skipped"], key=key)
                # the issues in the order of the files, which is the folder's (by path) or the
                # store's (by province, facility, month): compared as sets, each kept whole
                for x in (a, b):
                    x["issues"] = sorted(x["issues"], key=lambda i: json.dumps(i, sort_keys=True, ensure_ascii=False))
            assert a == b
        else:
            assert s.stdout == d.stdout
            assert s.stdout.count("\n") > 5
        return
    made_d = sorted(p.name for p in out_d.rglob("*") if p.is_file())
    made_s = sorted(p.name for p in out_s.rglob("*") if p.is_file())
    assert made_s == made_d and made_d, (made_s, made_d)
    for rel in made_d:
        a, b = next(out_s.rglob(rel)), next(out_d.rglob(rel))
        if rel.endswith(".docx"):
            ta, tb = _docx_text(a), _docx_text(b)
            assert any(APPROVAL in p for p in ta), rel  # the store's one sentence
            assert [p for p in ta if APPROVAL not in p] == tb, rel
            assert len(tb) > 20
        elif rel.endswith(".xlsx"):
            ca, cb = _xlsx_cells(a, roots), _xlsx_cells(b, roots)
            said = [(sheet, row) for sheet, rows in ca.items() for row in rows if row and APPROVAL in str(row[0])]
            # the store's additions: the approval sentence under a BC's figures, the national
            # workbook's sheet of approvals; nothing else
            assert said or ("TongHop" in rel and set(ca) - set(cb) == {"PheDuyet"}), rel
            assert list(cb) == [k for k in ca if k != "PheDuyet"], rel
            for sheet, rows in ca.items():
                if sheet == "PheDuyet":
                    continue
                keep = [r for k, r in enumerate(rows) if not (r and APPROVAL in str(r[0]))
                        and not (k + 1 < len(rows) and rows[k + 1] and APPROVAL in str(rows[k + 1][0]) and not any(r))]
                assert keep == cb[sheet], (rel, sheet)
        else:
            assert a.read_bytes() == b.read_bytes(), rel
    assert zipfile  # the documents are zip files read through python-docx and openpyxl above
