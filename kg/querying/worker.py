"""The query worker process: opens the newest checkpoint read-only, runs one query at a time.

It runs in its own process so that the server can stop it: pyoxigraph has no timeout or cancel,
and some queries crash it natively. The parent sends a `Task` and receives a `Reply`; killing
this process is the only way a query is stopped, so it keeps no state worth saving.

With a replica (`replica` setting), a worker told to read a new checkpoint answers from that
checkpoint on disk at once, and meanwhile copies its public dataset into memory in a thread of
its own; from then on it answers from the copy until the next checkpoint. Every answer therefore
still reads the newest committed state. pyoxigraph releases the GIL while it evaluates a query
(measured: a ticking thread kept ticking through one), and the copying thread gives the GIL up
between quads: a cheap query took 1.1 ms (median; 12 ms p95, 25 ms at most) while a copy of the
shipped graph was being made, against 0.8 ms without, at load average 11.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import sys
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from kg.errors import KGError
from kg.store.base import QueryResult
from kg.store.embedded import EmbeddedStore, MemoryReplica

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Task:
    checkpoint: str
    sparql: str
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    row_cap: int | None = None


@dataclass(frozen=True)
class ValidateTask:
    """Validate a submission in the context of the checkpoint's published graph: a parsed one
    (the Report is the answer), or an upload's bytes to parse here (the PackageResult is)."""

    checkpoint: str
    # kg.parsed_input.Submission or kg.validation.package.RawPackage (typed loosely: imported
    # only when used)
    submission: object
    lang: str
    root: str  # the project folder whose shapes/ and ontology/ judge it
    engine: str = "pyshacl"


@dataclass
class Reply:
    result: QueryResult | None = None
    # On failure: the name of the KGError class in kg.errors, its texts by language and detail.
    error: str = ""
    messages: dict = field(default_factory=dict)
    detail: dict = field(default_factory=dict)
    # What answered: "memory" (the replica) or "disk" (the checkpoint itself).
    read_from: str = "disk"


@dataclass(frozen=True)
class ReplicaPolicy:
    """When a worker copies a checkpoint into memory: `mode` is the `replica` setting."""

    mode: str = "auto"  # auto | memory | disk
    max_quads: int = 1_000_000

    def wants(self, checkpoint: EmbeddedStore) -> bool:
        if self.mode == "auto":
            # Counted, not estimated: 25 ms for the shipped 85 k quads, in the copying thread.
            return len(checkpoint._ox) <= self.max_quads
        return self.mode == "memory"


def main_from_argv() -> None:
    """Entry point of `python -c …`: argv holds the socket's descriptor and the parent's pid,
    then the replica mode and its largest size."""
    policy = ReplicaPolicy(*sys.argv[3:4], *(int(n) for n in sys.argv[4:5]))
    main(Connection(int(sys.argv[1])), int(sys.argv[2]), policy)


def main(conn: Connection, parent_pid: int, policy: ReplicaPolicy = ReplicaPolicy()) -> None:
    """The worker's loop; returns (and the process ends) when the parent goes away or says so."""
    _end_with_parent(parent_pid)
    reader = _Reader(policy)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent closed its end: it stopped or died
        if task is None:
            return
        _send(conn, reader.answer(task))


def _end_with_parent(parent_pid: int) -> None:
    """Die with the server even if it is killed: a worker must not outlive it, mid-query or not."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(0)


def _send(conn: Connection, reply: Reply) -> None:
    try:
        conn.send(reply)
    except (TypeError, ValueError, AttributeError) as exc:
        # Pickling happens before anything is written, so the pipe is still clean here.
        conn.send(Reply(error="KGError",
                        messages={"en": f"The query's result could not be sent back: {exc}"}))


class _Reader:
    """The checkpoint this worker has open; it moves to the one each task names."""

    def __init__(self, policy: ReplicaPolicy = ReplicaPolicy()) -> None:
        self.policy = policy
        self.path: str | None = None
        self.store: EmbeddedStore | None = None
        self.copy: _Copy | None = None  # the replica of `path`, made or being made

    def answer(self, task: Task) -> Reply:
        try:
            store = self._open(task.checkpoint)
            if isinstance(task, ValidateTask):
                # Imported here: pyshacl and rdflib cost a second to import, and most workers
                # only query.
                from kg.validation.package import judge_submission_or_package
                # The context from the replica where there is one: its lookups do not read
                # RocksDB (the benchmark submission's context: 0.15 s against 0.27 s on disk,
                # bench/results/validation.md).
                replica = None if self.copy is None else self.copy.replica
                return Reply(result=judge_submission_or_package(
                    task.submission, task.lang, store=replica or store, root=task.root,
                    engine=task.engine), read_from="disk" if replica is None else "memory")
            replica = self._replica_for(task)
            result = (replica or store).query(task.sparql, default_graphs=task.default_graphs,
                                              named_graphs=task.named_graphs,
                                              row_cap=task.row_cap)
            return Reply(result=result, read_from="disk" if replica is None else "memory")
        except KGError as exc:
            return Reply(error=type(exc).__name__, messages=exc.messages, detail=exc.detail)
        except Exception as exc:  # noqa: BLE001 — reported to the parent, which raises a KGError
            return Reply(error="KGError", messages={
                "en": f"The query worker failed: {type(exc).__name__}: {exc}"})

    def _replica_for(self, task: Task) -> MemoryReplica | None:
        replica = None if self.copy is None else self.copy.replica
        if replica is None:
            return None
        if task.default_graphs is None and task.named_graphs is None:
            # With no dataset given the replica runs the query as it stands, so a FROM in its
            # text would choose graphs (the checkpoint is always handed the public dataset).
            return None if _FROM.search(task.sparql) else replica
        wanted = [*(task.default_graphs or ()), *(task.named_graphs or ())]
        return replica if replica.holds(wanted) else None

    def _open(self, path: str) -> EmbeddedStore:
        if path != self.path or self.store is None:
            if self.copy is not None:
                self.copy.cancel()  # a copy of an older state is of no use any more
                self.copy = None
            if self.store is not None:
                self.store.close()
            self.store, self.path = None, None
            self.store = _open_read_only(path)
            self.path = path
            if self.policy.mode != "disk":
                self.copy = _Copy(self.store, self.policy)
        return self.store


# A dataset clause: FROM (NAMED) and an IRI or prefixed name, comments allowed between. Cheaper
# than kg.sparql_dataset's lexer (1-10 ms per catalogue query); a match in a comment or string only
# sends that query to the checkpoint, which answers the same. Such a query comes here with its
# graphs already read by that lexer; this guards against one it missed (a clause it missed would
# choose among the public graphs only: the replica holds nothing else).
_FROM = re.compile(r"\bFROM\b(?:\s|#[^\n]*\n)*(?:NAMED\b(?:\s|#[^\n]*\n)*)?(?:<|[\w.-]*:[^\s#])",
                   re.IGNORECASE)


class _Copy:
    """The making of one checkpoint's replica, in a thread; `replica` is set once it is whole."""

    def __init__(self, checkpoint: EmbeddedStore, policy: ReplicaPolicy) -> None:
        self.replica: MemoryReplica | None = None
        self._cancelled = threading.Event()
        self._thread = threading.Thread(target=self._make, args=(checkpoint, policy),
                                        name="kg-replica", daemon=True)
        self._thread.start()

    def _make(self, checkpoint: EmbeddedStore, policy: ReplicaPolicy) -> None:
        try:
            if policy.wants(checkpoint):
                replica = MemoryReplica.build(checkpoint, self._cancelled.is_set)
                if not self._cancelled.is_set():
                    self.replica = replica
        except Exception:  # noqa: BLE001 — without a copy the worker keeps reading the disk
            # The checkpoint it copies may be deleted once the worker has moved on (the pool
            # unpins it); a copy that fails is simply not used.
            pass

    def cancel(self) -> None:
        self._cancelled.set()


def _open_read_only(path: str) -> EmbeddedStore:
    try:
        return EmbeddedStore.open_read_only(path)
    except OSError:
        # Never seen on a checkpoint (see DESIGN.md), but one retry costs nothing.
        return EmbeddedStore.open_read_only(path)
