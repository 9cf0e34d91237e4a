"""The query worker process: opens the newest checkpoint read-only, runs one query at a time.

It runs in its own process so that the server can stop it: pyoxigraph has no timeout or cancel,
and some queries crash it natively. The parent sends a `Task` and receives a `Reply`; killing
this process is the only way a query is stopped, so it keeps no state worth saving.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from kg.errors import KGError
from kg.store.base import QueryResult
from kg.store.embedded import EmbeddedStore

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
    """Validate a parsed submission in the context of the checkpoint's published graph."""

    checkpoint: str
    submission: object  # kg.parsed_input.Submission (typed loosely: imported only when used)
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


def main_from_argv() -> None:
    """Entry point of `python -c …`: argv holds the socket's descriptor and the parent's pid."""
    main(Connection(int(sys.argv[1])), int(sys.argv[2]))


def main(conn: Connection, parent_pid: int) -> None:
    """The worker's loop; returns (and the process ends) when the parent goes away or says so."""
    _end_with_parent(parent_pid)
    reader = _Reader()
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

    def __init__(self) -> None:
        self.path: str | None = None
        self.store: EmbeddedStore | None = None

    def answer(self, task: Task) -> Reply:
        try:
            store = self._open(task.checkpoint)
            if isinstance(task, ValidateTask):
                return Reply(result=_validate(store, task))
            result = store.query(task.sparql, default_graphs=task.default_graphs,
                                 named_graphs=task.named_graphs, row_cap=task.row_cap)
            return Reply(result=result)
        except KGError as exc:
            return Reply(error=type(exc).__name__, messages=exc.messages, detail=exc.detail)
        except Exception as exc:  # noqa: BLE001 — reported to the parent, which raises a KGError
            return Reply(error="KGError", messages={
                "en": f"The query worker failed: {type(exc).__name__}: {exc}"})

    def _open(self, path: str) -> EmbeddedStore:
        if path != self.path or self.store is None:
            if self.store is not None:
                self.store.close()
            self.store, self.path = None, None
            self.store = _open_read_only(path)
            self.path = path
        return self.store


def _validate(store: EmbeddedStore, task: ValidateTask):
    # Imported here: pyshacl and rdflib cost a second to import, and most workers only query.
    from pathlib import Path

    from kg.validation import Validator, load_bundle

    validator = Validator(load_bundle(Path(task.root)), store, task.engine)
    return validator.validate(task.submission, task.lang)


def _open_read_only(path: str) -> EmbeddedStore:
    try:
        return EmbeddedStore.open_read_only(path)
    except OSError:
        # Never seen on a checkpoint (see DESIGN.md), but one retry costs nothing.
        return EmbeddedStore.open_read_only(path)
