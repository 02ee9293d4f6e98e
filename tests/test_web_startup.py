"""`rehabstat serve` starts light: the server process imports none of the libraries only
the worker processes need (pandas, numpy, openpyxl, python-docx, docxtpl, XlsxWriter,
calamine, lxml) nor a websocket library; the workers import them after the server is up.
Its speed is measured in benchmarks/serve_startup.py, never here."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

HEAVY = ("pandas", "numpy", "openpyxl", "docx", "docxtpl", "xlsxwriter", "python_calamine", "lxml", "wsproto",
         "websockets")


def test_the_server_process_imports_nothing_only_workers_need(tmp_path):
    code = textwrap.dedent("""
        import json, sys
        import uvicorn
        heavy = set(json.loads(sys.argv[1]))

        def run(self, sockets=None):  # the server as `rehabstat serve` made it, not started
            config = self.config
            config.load()  # what uvicorn imports to serve (protocols, the application)
            loaded = sorted({m.split(".")[0] for m in sys.modules} & heavy)
            print(json.dumps({"loaded": loaded, "ws": config.ws, "http": config.http}))
        uvicorn.Server.run = run
        sys.argv = ["rehabstat", "serve", "--store", sys.argv[2], "--port", "0"]
        from rehabstat.cli import main
        main()
    """)
    res = subprocess.run([sys.executable, "-c", code, json.dumps(HEAVY), str(tmp_path / "kho")], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    said = json.loads(res.stdout.splitlines()[0])
    assert said == {"loaded": [], "ws": "none", "http": "h11"}, said
