"""Untrusted files are parsed in worker processes, never in the process that runs the command.

The workbook parser (python-calamine, Rust) aborts the whole process on some crafted
files ("memory allocation of 549755813888 bytes failed"), raises a pyo3 PanicException
(a BaseException) on others, and a pathological file can take minutes or gigabytes.
`map_isolated` runs a function over items in worker processes, each with a cap on the
memory it may add (RLIMIT_AS, where the platform has it) and a time limit per item; a
worker that dies or overruns is replaced, the item it was on gets `failed(item, Death)`
and the other items go on. Results come back in the order of the items. An exception that
is our own bug, not the file's (reading/blame.py), stops the whole map: InternalError.

Workers are forked on Linux (a few milliseconds, nothing to import again) and live for
many items; elsewhere they are spawned (and Windows has no RLIMIT_AS: the time limit holds). Their stderr goes to a
temporary file, so that a dying parser's message ("memory allocation ... failed", a Rust
backtrace) never reaches the user's terminal but can still say why the worker died.
"""
from __future__ import annotations

import os
import signal
import tempfile
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass

from ..common.issues import phrase

ITEM_SECONDS = float(os.environ.get("REHABSTAT_ITEM_SECONDS", 20))  # per file: a monthly workbook reads in ~10 ms
MEMORY_BYTES = int(os.environ.get("REHABSTAT_WORKER_MB", 400)) * 1024 * 1024  # address space a worker may add


@dataclass(frozen=True)
class Internal:
    """An item whose function raised our own error (reading/blame.py): raised again in the
    parent as common.errors.InternalError (exit 3), never turned into a file's problem."""
    what: str  # the exception's type and message
    trace: str  # the worker's traceback, for --debug


@dataclass(frozen=True)
class Death:
    """Why a worker did not return a result for an item."""
    kind: str  # "memory" | "time" | "crash"
    detail: object  # for messages: a Phrase (common/issues.py), or the name of an exception


def _vm_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _limit_memory(extra: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the time limit still holds
        return
    base = _vm_bytes()
    if base is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = base + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


PARENT_WATCH_SECONDS = 1.0  # how often a worker looks whether its parent is still there


@contextmanager
def ctrl_c_held():
    """Ctrl-C held back in this thread while it starts child processes, which inherit the
    hold (and keep it across exec): a child then ignores Ctrl-C from its first instruction
    (deaf_to_ctrl_c), where one pressed between the fork and the child's own
    `signal.signal(SIGINT, SIG_IGN)` killed it, and this process took the dead worker for a
    broken file or a broken pool. A Ctrl-C pressed meanwhile reaches this process when the
    hold ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork, and no mask to inherit
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def deaf_to_ctrl_c() -> None:
    """In a child process: Ctrl-C is the parent's to handle. Ignored first, then let through
    (a Ctrl-C held since the fork is dropped, being ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def die_with_parent(parent_pid: int) -> None:
    """End this worker process as soon as its parent ends, however the parent ends (SIGKILL
    included): a killed command must not leave workers behind, holding the store's database
    or files open. On Linux the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); everywhere a
    daemon thread also looks every second whether the parent is still there (its pid is no
    longer our parent's on POSIX; multiprocessing's parent sentinel elsewhere, e.g. Windows)."""
    import sys
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError, TypeError):
            pass  # no libc to call: the watch below holds
    if hasattr(os, "getppid") and os.name == "posix" and os.getppid() != parent_pid:
        os._exit(1)  # the parent ended before the line above took effect
    import threading
    from multiprocessing import parent_process
    parent = parent_process()

    def watch():
        while True:
            time.sleep(PARENT_WATCH_SECONDS)
            gone = os.name == "posix" and os.getppid() != parent_pid
            if gone or (parent is not None and os.name != "posix" and not parent.is_alive()):
                os._exit(1)
    threading.Thread(target=watch, name="rehabstat-parent-watch", daemon=True).start()


def _worker(conn, fn, err_fd, memory, parent_pid=None):
    """A worker's life: take (index, item), send (index, fn(item)), until told to stop."""
    try:
        deaf_to_ctrl_c()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # never the parent's cleanup handler
        if parent_pid is not None:
            die_with_parent(parent_pid)
        os.environ["RUST_BACKTRACE"] = "0"  # a panic's message, not pages of frames
        import faulthandler
        faulthandler.disable()  # it may hold the parent's stderr (PYTHONFAULTHANDLER, pytest)
        target = err_fd if err_fd is not None else os.open(os.devnull, os.O_WRONLY)
        os.dup2(target, 2)
        _limit_memory(memory)
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                break
            if task is None:
                break
            index, item = task
            try:
                result = fn(item)
            except MemoryError:
                result = Death("memory", phrase("detail.memory"))
            except BaseException as exc:  # noqa: BLE001 - a parser panic must not end the worker silently
                from .blame import is_internal
                if is_internal(exc):
                    import traceback
                    result = Internal(f"{type(exc).__name__}: {exc}", traceback.format_exc())
                else:
                    result = Death("crash", f"{type(exc).__name__}")
            try:
                conn.send((index, result))
            except MemoryError:
                conn.send((index, Death("memory", phrase("detail.memory"))))
    finally:
        os._exit(0)  # never run the parent's atexit handlers or flush its buffers


class _Slot:
    def __init__(self, ctx, fn, memory):
        from multiprocessing import Pipe
        self.err = tempfile.TemporaryFile() if ctx.get_start_method() == "fork" else None
        parent, child = Pipe()
        self.conn = parent
        self.proc = ctx.Process(target=_worker, args=(child, fn, self.err.fileno() if self.err else None, memory,
                                                      os.getpid()), daemon=True)
        with ctrl_c_held():
            self.proc.start()
        child.close()
        self.queue: deque = deque()  # (index, item) sent, in the order the worker takes them
        self.deadline = 0.0
        # where each item's messages may begin in self.err: its length when the item was sent
        # (what the worker writes before it begins the item is the previous item's, which
        # ended well, so says nothing of a death)
        self.err_starts: deque = deque()

    @property
    def task(self):
        """The item the worker is on: the first of those sent and not answered."""
        return self.queue[0] if self.queue else None

    def give(self, task, seconds) -> None:
        """Send the worker one more item. It takes them in order; the one after the current
        is sent before the current is answered, so that the worker never waits for this
        process to read a result and answer with the next item."""
        self.queue.append(task)
        self.err_starts.append(os.fstat(self.err.fileno()).st_size if self.err is not None else 0)
        if len(self.queue) == 1:
            self._started(seconds)
        try:
            self.conn.send(task)
        except (OSError, ValueError):
            pass  # the worker is gone: seen by the caller

    def done(self, seconds):
        """The current item answered: the worker is on the next one from now."""
        task = self.queue.popleft()
        self.err_starts.popleft()
        if self.queue:
            self._started(seconds)
        return task

    def _started(self, seconds) -> None:
        self.deadline = time.monotonic() + seconds

    def why(self) -> Death:
        """After the worker died: what its stderr and exit status say."""
        self.proc.join(1)
        tail = ""
        if self.err is not None:
            try:
                self.err.seek(self.err_starts[0] if self.err_starts else 0)
                tail = self.err.read(1 << 20).decode("utf-8", "replace")
            except OSError:
                pass
        code = self.proc.exitcode
        killed = getattr(signal, "SIGKILL", None)  # none on Windows
        if "memory allocation of" in tail or "MemoryError" in tail or (killed is not None and code == -killed):
            return Death("memory", phrase("detail.reader_memory"))
        name = signal.Signals(-code).name if code is not None and code < 0 and -code in signal.valid_signals() else code
        return Death("crash", phrase("detail.reader_stopped", signal=str(name)))

    def close(self, kill=False):
        try:
            if kill:
                self.proc.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.conn.close()
        self.proc.join(0 if kill else 2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(1)
        if self.err is not None:
            self.err.close()


def start_method() -> str:
    """How worker processes start: "fork" on Linux (fork is unsafe on macOS), "spawn" elsewhere,
    and wherever REHABSTAT_WORKERS=spawn asks for it: the way Windows and macOS start them,
    for tests on Linux (REHABSTAT_WORKERS=fork: fork where the platform has it)."""
    import multiprocessing
    import sys
    chosen = os.environ.get("REHABSTAT_WORKERS", "").strip().lower()
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if chosen == "spawn":
        return "spawn"
    if chosen == "fork" and can_fork:
        return "fork"
    return "fork" if sys.platform.startswith("linux") and can_fork else "spawn"


def forks() -> bool:
    """Whether workers are forked here: they then inherit everything, closures included."""
    return start_method() == "fork"


@contextmanager
def frozen_gc():
    """Around forking workers that inherit a big heap: the objects that exist now are moved
    out of the garbage collector's sight (gc.freeze) until the block ends, so that a
    worker's collections do not walk (and so copy, page by page) the whole inherited heap."""
    import gc
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _context():
    import multiprocessing
    return multiprocessing.get_context(start_method())


AHEAD = 2  # items a worker holds: the one it is on, and the next


def map_isolated(fn, items, jobs: int = 1, progress=None, failed=None, seconds: float | None = None,
                 memory: int | None = None, meanwhile=None) -> list:
    """[fn(item) for item in items], each call in a worker process (at most `jobs` at once).
    An item whose worker dies, runs out of memory or passes `seconds` gives
    failed(item, Death). progress(item) is called as each item is done (in any order).
    meanwhile(): called once in this process after the first workers are started and busy
    (e.g. importing what comes next while they parse), in a thread of its own so that the
    workers are handed their next items meanwhile (run in this thread, it held back every
    item after the first: ~0,1 s of a month report); a worker is never forked while it runs
    (a replacement waits for it), and its exception is raised here once the items are done."""
    from multiprocessing.connection import wait

    items = list(items)
    seconds = ITEM_SECONDS if seconds is None else seconds
    memory = MEMORY_BYTES if memory is None else memory
    failed = failed or (lambda item, death: death)
    results: list = [None] * len(items)
    if not items:
        return results
    ctx = _context()
    pending = deque(enumerate(items))
    slots: list[_Slot] = []
    jobs = max(1, min(jobs, len(items)))

    def settle(slot, value):
        index, item = slot.done(seconds)
        if isinstance(value, Internal):  # our bug: the command stops (exit 3), whatever the other items
            from ..common.errors import InternalError
            raise InternalError(value.what, value.trace, str(item))
        if isinstance(value, Death):
            value = failed(item, value)
        results[index] = value
        if progress:
            progress(item)

    helper: list = []  # [thread, [exception]] while `meanwhile` runs

    try:
        while pending or any(s.task for s in slots):
            while len(slots) < jobs and pending:
                if helper:  # never fork while another thread runs (it may hold a lock the child would inherit)
                    helper[0].join()
                slots.append(_Slot(ctx, fn, memory))
            for depth in range(AHEAD):  # one item to each worker first, then the next of each
                for slot in slots:
                    if len(slot.queue) <= depth and pending:
                        slot.give(pending.popleft(), seconds)
            if meanwhile is not None:
                import threading
                job, meanwhile = meanwhile, None
                error: list = []

                def run(job=job, error=error):
                    try:
                        job()
                    except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
                        error.append(exc)
                thread = threading.Thread(target=run, name="rehabstat-meanwhile", daemon=True)
                helper[:] = [thread, error]
                thread.start()
            busy = [s for s in slots if s.task is not None]
            timeout = max(0.0, min(s.deadline for s in busy) - time.monotonic())
            ready = set(wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout))
            for slot in busy:
                dead = False
                if slot.conn in ready or slot.proc.sentinel in ready:
                    try:
                        if slot.conn.poll():
                            index, value = slot.conn.recv()
                            settle(slot, value)
                            continue
                    except (EOFError, OSError):
                        pass
                    dead = True  # readable with nothing to read (EOF), or exited
                if dead:
                    death = slot.why()
                elif time.monotonic() >= slot.deadline:
                    slot.proc.kill()
                    death = Death("time", phrase("detail.time", seconds=f"{seconds:g}"))
                else:
                    continue
                settle(slot, death)
                pending.extendleft(reversed(slot.queue))  # sent but never begun: for the next worker
                slot.queue.clear()
                slot.err_starts.clear()
                slot.close(kill=True)
                slots.remove(slot)
    finally:
        for slot in slots:
            slot.close()
        if helper:
            helper[0].join()
    if helper and helper[1]:
        raise helper[1][0]
    return results
