"""The house: the package's imports go one way, read → check → compute → write.

Every module of `rehabstat` is parsed with `ast` (imports at the top and inside functions,
absolute and relative; importing `a.b.c` also imports the package `a.b`), and the import
graph is checked: nothing imports the CLI (but `__main__`), no cycle, and no module imports
a stage above its own. The stages are data, lowest first, below. Run with `-s` for a summary.
"""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import rehabstat

PACKAGE = Path(rehabstat.__file__).resolve().parent
ROOT = "rehabstat"

# Lowest first: a module may import its own stage and the stages before it, never one after.
STAGES = ("common", "settings", "reading", "checking", "computing", "workbooks", "documents", "store",
          "commands", "web", "api", "cli")
STAGE_ROLES = {
    "common": "what every stage may use: error types, issues and the rule registry, codes, values, periods, "
              "Vietnamese formatting",
    "settings": "what is set outside the code: rehabstat.toml, provinces by date, agencies by period",
    "reading": "finding files, the sandbox, the workbook reader, the province workbook, the dataset",
    "checking": "the checks and the gate (what goes into a figure)",
    "computing": "the indicator engine, revenue, reporting rates, targets, comparisons",
    "workbooks": "the workbooks we write: the shared writer, the form, the national workbook, annotated copies",
    "documents": "the document context, its sentences, rendering, the templates",
    "store": "the department's inbox of received workbooks",
    "commands": "what one command does, from the stages below: validate, report/plan/indicators, batch",
    "web": "the web inbox (rehabstat serve): pages, accounts, sessions, uploads through the worker processes",
    "api": "the one module of library calls the CLI and other Python code use",
    "cli": "the command line: options, messages, exit codes",
}
# Beside the pipeline: may import only these stages, and no pipeline module imports them.
SIDE = {"synth": ("common",)}  # deterministic sample workbooks (samples/, tests, benchmarks)

# Modules at the top of the package; every other module is placed by its folder (rehabstat/<stage>/).
MODULE_STAGE = {"__main__": "cli", "api": "api", "cli": "cli", "clilang": "cli"}


def modules() -> dict[str, tuple[Path, bool]]:
    """{'rehabstat.reading.reader': (path, is_package)} for every .py file of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = [ROOT, *path.relative_to(PACKAGE).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        out[".".join(parts)] = (path, is_package)
    return out


def _targets(name: str, node, mods) -> list[tuple[str, bool]]:
    """The package's modules one import statement of module `name` imports: (module, True when
    it is only a package whose __init__ runs on the way)."""
    is_package = mods[name][1]
    if isinstance(node, ast.Import):
        wanted = [(alias.name, None) for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            parts = name.split(".") if is_package else name.split(".")[:-1]
            parts = parts[:len(parts) - (node.level - 1)]
            base = ".".join(parts + ([node.module] if node.module else []))
        wanted = [(base, alias.name) for alias in node.names]
    found = []
    for module, attr in wanted:
        if module != ROOT and not module.startswith(ROOT + "."):
            continue
        target = f"{module}.{attr}" if attr and f"{module}.{attr}" in mods else module
        while target not in mods:  # `import rehabstat.x.y` of an attribute: its module
            target = target.rsplit(".", 1)[0]
        found.append((target, False))
        parts = target.split(".")  # importing a.b.c runs a.b's __init__ (unless we are inside a.b)
        for k in range(2, len(parts)):
            parent = ".".join(parts[:k])
            if not (name == parent or name.startswith(parent + ".")):
                found.append((parent, True))
    return found


def import_graph(with_implied=False):
    """({module: {imported module: first line}}, {(module, imported module) imported only inside
    functions}); with_implied: also the set of edges to a package only run on the way."""
    mods = modules()
    graph: dict[str, dict[str, int]] = {m: {} for m in mods}
    top: set = set()
    named: set = set()
    for name, (path, _) in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        nested = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                  for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target, implied in _targets(name, node, mods):
                    if target != name:
                        graph[name].setdefault(target, node.lineno)
                        if id(node) not in nested:
                            top.add((name, target))
                        if not implied:
                            named.add((name, target))
    edges = {(m, t) for m in graph for t in graph[m]}
    lazy = edges - top
    return (graph, lazy, edges - named) if with_implied else (graph, lazy)


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "common"  # rehabstat/__init__.py: the package's name and version
    head = parts[1]
    if head in STAGES or head in SIDE:
        return head
    if head not in MODULE_STAGE:
        raise AssertionError(f"{module}: no stage; add it to MODULE_STAGE in tests/test_architecture.py")
    return MODULE_STAGE[head]


def find_cycle(graph) -> list[str] | None:
    """One import cycle (a, b, ..., a), or None."""
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(m):
        state[m] = 1
        path.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                return path[path.index(t):] + [t]
            if t not in state:
                found = visit(t)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def short(module: str) -> str:
    return module[len(ROOT) + 1:] or ROOT


def test_nothing_imports_the_cli():
    graph, _ = import_graph()
    bad = [f"{short(m)} (line {line})" for m, targets in graph.items() for t, line in targets.items()
           if t == f"{ROOT}.cli" and m != f"{ROOT}.__main__"]
    assert not bad, "the library imports the CLI: " + ", ".join(bad)


def test_no_import_cycle():
    graph, _ = import_graph()
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(
        f"{short(a)} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" → {short(cycle[-1])}"


def test_no_import_from_a_higher_stage():
    graph, _ = import_graph()
    rank = {s: k for k, s in enumerate(STAGES)}
    bad = []
    for m, targets in graph.items():
        sm = stage_of(m)
        for t, line in targets.items():
            st = stage_of(t)
            if sm in SIDE:
                ok = st == sm or st in SIDE[sm]
            elif st in SIDE:
                ok = False
            else:
                ok = rank[st] <= rank[sm]
            if not ok:
                bad.append(f"{short(m)} ({sm}) imports {short(t)} ({st}) at line {line}")
    assert not bad, "imports against the stages:\n" + "\n".join(bad)


def test_every_module_has_a_stage_and_the_graph_is_real():
    graph, lazy, implied = import_graph(with_implied=True)
    stages = {m: stage_of(m) for m in graph}  # raises for a module without a stage
    mods = modules()
    def edge(a, b):  # a module ending in .a imports one ending in .b
        return any(m.endswith("." + a) and any(t.endswith("." + b) for t in graph[m]) for m in graph)
    assert edge("reader", "headers")  # relative, at the top
    assert edge("gate", "checks")  # inside a function
    assert edge("inbox", "codec")  # `from . import codec` inside a subpackage
    assert len(lazy) > 50
    by_stage = Counter(stages.values())
    assert set(by_stage) <= set(STAGES) | set(SIDE)
    edges = sum(len(t) for t in graph.values()) - len(implied)
    print(f"\n{ROOT}: {len(graph)} modules, {edges} imports between them ({len(lazy - implied)} of them only inside "
          f"functions; {len(implied)} more to packages run on the way); no cycle, no upward import, nothing "
          f"imports {ROOT}.cli but __main__")
    for stage in STAGES + tuple(SIDE):
        names = []
        for m in sorted(m for m, s in stages.items() if s == stage):
            name = short(m)
            path, is_package = mods[m]
            if is_package and len(ast.parse(path.read_text(encoding="utf-8")).body) <= 1:
                continue  # a package of a docstring alone (a stage's folder)
            if name == ROOT:
                name = "rehabstat/__init__"
            elif name == stage and is_package:
                name = f"{stage}/__init__"
            names.append(name[len(stage) + 1:] if name.startswith(stage + ".") else name)
        print(f"  {stage:<10} {len(names):>2}  {' '.join(names)}")



def test_the_cli_calls_the_library_through_one_module():
    """cli.py parses options and prints: it reaches the library through rehabstat.api only
    (and the shared vocabulary of the lowest stage: errors, rules, periods, values, formatting)."""
    graph, _ = import_graph()
    bad = [f"{short(t)} ({stage_of(t)}) at line {line}" for t, line in graph[f"{ROOT}.cli"].items()
           if stage_of(t) not in ("common", "api", "cli")]
    assert not bad, "cli.py imports the library around rehabstat.api: " + ", ".join(bad)


def test_every_library_call_resolves():
    from rehabstat import api
    missing = [name for name in api.__all__ if getattr(api, name, None) is None]
    assert not missing and "make_report" in dir(api)
    assert api.make_period(year=2021, quarter=2).code == "2021-Q2"


def test_api_names_its_imports_plainly():
    """Every name of rehabstat.api is imported by a plain statement a reader (and a tool) can
    follow, never looked up by a string on first use."""
    from rehabstat import api
    tree = ast.parse(Path(api.__file__).read_text(encoding="utf-8"))
    assert not any(isinstance(n, ast.FunctionDef) and n.name in ("__getattr__", "__dir__") for n in tree.body)
    top = {alias.asname or alias.name for n in tree.body if isinstance(n, ast.ImportFrom) for alias in n.names}
    defined = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert set(api.__all__) <= top | defined, set(api.__all__) - top - defined
    assert api.run_batch.__module__ == "rehabstat.commands.batch"
    assert api.make_report.__module__ == "rehabstat.commands.report"


def test_the_period_options_are_one_group():
    """The six commands that take a period list the same options, from one declaration, in the
    same order (approve and unlock, on whole months of the store, without --months)."""
    import typer.main
    from rehabstat.cli import PERIOD_OPTIONS, app
    group = typer.main.get_command(app)
    full = ["--year", "--month", "--quarter", "--half", "--from", "--to", "--months"]
    assert [o.param_decls[0] for _, o in PERIOD_OPTIONS.values()] == full
    for name in ("indicators", "report", "validate", "batch", "approve", "unlock"):
        opts = [p.opts[0] for p in group.commands[name].params if p.param_type_name == "option"]
        want = full if name not in ("approve", "unlock") else full[:-1]
        at = opts.index("--year")
        assert opts[at:at + len(want)] == want, (name, opts)
        helps = {p.opts[0]: p.help for p in group.commands[name].params if p.opts[0] in want}
        assert helps == {o: f"help.opt.{o[2:]}" for o in want}, name
    assert "--months" not in [p.opts[0] for p in group.commands["approve"].params]


def test_the_period_options_reach_the_command(tmp_path):
    from conftest import cli
    res = cli("approve", "--store", tmp_path / "kho", "--facility", "SL01", "--year", "2021", "--quarter", "5")
    assert res.exit_code == 2 and "--quarter phải từ 1 đến 4" in res.output, res.output
    res = cli("approve", "--store", tmp_path / "kho", "--facility", "SL01", "--year", "2021", "--months", "3")
    assert res.exit_code == 2 and "Không có tùy chọn --months" in res.output, res.output
    # validate: the period only finds the months without a workbook
    import json
    for args, missing in [((), []), (("--year", "2021", "--month", "1"), []),
                          (("--year", "2021", "--month", "2"), [{"unit": "SL01", "period": "02/2021"}])]:
        res = cli("validate", "samples/son-la/2021-01.xlsx", *args, "--format", "json")
        assert res.exit_code == 0, res.output
        assert [i["params"] for i in json.loads(res.stdout)["issues"] if i["code"] == "X002"] == missing, args
