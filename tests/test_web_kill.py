"""`rehabstat serve` killed with SIGKILL in the middle of uploads from several accounts: every
upload it had answered is in the store, `check-store` passes, its worker processes end by
themselves, and it starts again on the same store."""
from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("starlette")
pytest.importorskip("argon2")
httpx = pytest.importorskip("httpx")

from conftest import ROOT, SAMPLES, cli  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and /proc: Linux")
ACCOUNTS = {"sl01": SAMPLES / "son-la", "hn01": SAMPLES / "ha-noi" / "HN01", "hn02": SAMPLES / "ha-noi" / "HN02",
            "hn03": SAMPLES / "ha-noi" / "HN03"}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(root, port):
    proc = subprocess.Popen([sys.executable, "-m", "rehabstat", "serve", "--store", str(root), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = proc.stdout.readline()
    assert f":{port}/" in line, line
    return proc


def _login(base, name):
    client = httpx.Client(base_url=base, timeout=300, follow_redirects=False)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
    assert client.post("/login", data={"csrf": token, "username": name, "password": name + "-mat-khau"}).status_code == 303
    return client, re.search(r'name="csrf" value="([^"]+)"', client.get("/facility").text).group(1)


def _children(pid) -> set:
    out = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out |= {int(x) for x in f.read().split()}
        except OSError:
            pass
    return out


def _alive(pid) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_stopped_mid_uploads_loses_nothing_acknowledged(tmp_path, sig):
    """SIGKILL: nothing answered is lost. SIGTERM (as Ctrl-C): the uploads in flight finish and
    are answered, the server exits 0 and leaves no temporary file."""
    from rehabstat.store import Store
    from rehabstat.web import accounts
    root = tmp_path / "kho"
    with Store.open(root, create=True) as s:
        for name in ACCOUNTS:
            accounts.add(s, name, "facility", name + "-mat-khau", facility=name.upper())
    port = _port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(root, port)
    clients = {name: _login(base, name) for name in ACCOUNTS}
    acknowledged, lock, enough = [], threading.Lock(), threading.Event()

    def send_all(name):
        client, csrf = clients[name]
        for path in sorted(ACCOUNTS[name].glob("*.xlsx")):
            try:
                r = client.post("/upload", data={"csrf": csrf}, files=[("files", (path.name, path.read_bytes()))])
            except httpx.HTTPError:
                return  # the server is gone: this upload was never acknowledged
            if r.status_code == 200 and 'class="outcome">Đã nhận' in r.text:
                with lock:
                    acknowledged.append(hashlib.sha256(path.read_bytes()).hexdigest())
                    if len(acknowledged) >= 6:
                        enough.set()
    threads = [threading.Thread(target=send_all, args=(n,)) for n in ACCOUNTS]
    for t in threads:
        t.start()
    assert enough.wait(timeout=600), "no upload was answered"
    workers = _children(server.pid)
    os.kill(server.pid, sig)
    code = server.wait(timeout=300)
    assert code == (0 if sig == signal.SIGTERM else -signal.SIGKILL)
    for t in threads:
        t.join(timeout=600)
    with lock:
        acked = list(acknowledged)
    assert len(acked) >= 6
    with Store.open(root) as s:
        stored = {sha for (sha,) in s.con.execute("SELECT sha256 FROM receipts WHERE status = 'accepted'")}
    assert set(acked) <= stored  # nothing it answered is lost
    check = cli("check-store", "--store", root)
    assert check.exit_code == 0, check.output
    if sig == signal.SIGTERM:
        assert "Lưu ý" not in check.output and not list((root / "tmp").iterdir()), check.output
    deadline = time.monotonic() + 120
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert workers and not any(_alive(p) for p in workers), "worker processes outlived their server"
    # and it starts again on the same store
    port = _port()
    again = _serve(root, port)
    try:
        client, _ = _login(f"http://127.0.0.1:{port}", "sl01")
        page = client.get("/facility")
        assert page.status_code == 200 and "01/2021" in page.text
    finally:
        again.terminate()
        assert again.wait(timeout=120) == 0


@pytest.mark.skipif(not __import__("shutil").which("openssl"), reason="openssl is not installed")
def test_https_with_cert_and_key(tmp_path):
    """--cert/--key: the server speaks TLS itself and marks its cookies Secure."""
    from rehabstat.store import Store
    from rehabstat.web import accounts
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem"), "-days", "30", "-subj", "/CN=localhost"],
                   check=True, capture_output=True)
    root = tmp_path / "kho"
    with Store.open(root, create=True) as s:
        accounts.add(s, "cuc", "department", "cuc-mat-khau-1")
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "rehabstat", "serve", "--store", str(root), "--port", str(port),
                             "--cert", str(tmp_path / "cert.pem"), "--key", str(tmp_path / "key.pem")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        assert f"https://127.0.0.1:{port}/" in line, line
        page = httpx.get(f"https://127.0.0.1:{port}/login", verify=False, timeout=60)
        assert page.status_code == 200 and 'name="username"' in page.text
        assert "Secure" in page.headers["set-cookie"]
    finally:
        proc.terminate()
        assert proc.wait(timeout=120) == 0
    bad = subprocess.run([sys.executable, "-m", "rehabstat", "serve", "--store", str(root), "--cert",
                          str(tmp_path / "cert.pem")], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "--cert và --key" in bad.stderr + bad.stdout
