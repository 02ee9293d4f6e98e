"""`rehabstat serve`: one uvicorn process over one store.

uvicorn stops on Ctrl-C or SIGTERM by refusing new connections and letting the requests in
flight finish (an upload being received is stored whole, or, if it had not reached the
store, not at all); then the worker processes finish their jobs and end.
"""
from __future__ import annotations

from ..common.catalogue import text

import sys
from pathlib import Path

from ..common.errors import UsageError


def missing_extra() -> str | None:
    """The web extra's modules that are not installed (the message to show), or None."""
    import importlib.util
    missing = [m for m in ("starlette", "uvicorn", "multipart", "argon2") if importlib.util.find_spec(m) is None]
    if missing:
        return text("serve.missing", modules=", ".join(missing))
    return None


def serve(root, host: str = "127.0.0.1", port: int = 8000, cert: Path | None = None, key: Path | None = None,
          say=print, workers: int | None = None, config: Path | None = None) -> None:
    why = missing_extra()
    if why:
        raise UsageError(why)
    if config is not None:  # read now: a wrong file is told at start (exit 2), not on a page
        if not Path(config).is_file():
            raise UsageError.said("serve.no_file", path=config)
        from ..settings.config import load_config
        load_config((), Path(config))
    if bool(cert) != bool(key):
        raise UsageError.said("serve.cert_key")
    for p in (cert, key):
        if p is not None and not Path(p).is_file():
            raise UsageError.said("serve.no_file", path=p)
    import uvicorn
    from ..store import Store
    from .app import Workers, create_app
    with Store.open(root, create=True) as store:
        users = store.con.execute("SELECT count(*) FROM users WHERE disabled = 0").fetchone()[0]
    scheme = "https" if cert else "http"
    shown = f"[{host}]" if ":" in host else host
    address = f"{scheme}://{shown}:{port}/"

    class Server(uvicorn.Server):
        async def startup(self, sockets=None):
            await super().startup(sockets=sockets)
            if not self.should_exit:
                say(text("serve.address", address=address, root=root))
                if not users:
                    say(text("serve.no_account", root=root))
                sys.stdout.flush()
                pool.warm()  # the workers import what receiving needs once the server answers, not before

    pool = Workers(workers)
    served = uvicorn.Config(create_app(root, workers=pool, secure_cookies=bool(cert), config=config), host=host,
                            port=port, ssl_certfile=str(cert) if cert else None, ssl_keyfile=str(key) if key else None,
                            log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=120,
                            http="h11", ws="none")  # no websocket: its library is never imported
    import signal
    import threading
    previous = {}
    if threading.current_thread() is threading.main_thread():
        # uvicorn stops gracefully on these, then raises the signal again: here it ends the run quietly
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, _stop)
    try:
        Server(served).run()
    except (_Stopped, KeyboardInterrupt):
        pass
    finally:
        pool.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    say(text("serve.stopped"))


class _Stopped(Exception):
    pass


def _stop(sig, frame):
    raise _Stopped()
