"""Validation for a remote store, stoppable at its deadline: each validation runs in a fresh
worker process that reads the published graph from the remote server over HTTP (a RemoteStore of
the same URLs) and is killed (SIGKILL) when the deadline passes.

Why this design and not a pool of remote workers: on a remote store the server does the query
work, so queries need no process of ours (kg.querying.remote); only validation computes here
(pyshacl on the submission and its context), and that is the one thing a thread cannot stop. One
process per validation is the smallest thing that can be killed; it reads nothing local, so it
needs no checkpoint. Starting it (interpreter, pyshacl) takes 1-3 s; that start is not counted
against the deadline: the worker says it is ready first, as the pool's warm-up does, so a short
deadline limits the validation's own time. Nor against the client's budget: its turn is charged
from the same "ready" on.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from kg.errors import KGError, QueryCrashed, QueryTimeout, Unavailable
from kg.querying import messages
from kg.querying.pool import _describe_exit, _kill, _unpack, _worker_env
from kg.querying.worker import Reply, ValidateTask, _end_with_parent, _send
from kg.store.remote import RemoteStore
# Imported before the worker says it is ready: pyshacl and rdflib are most of its start.
from kg.validation.package import judge_submission_or_package

_WORKER_CODE = "from kg.querying.remote_validation import main_from_argv; main_from_argv()"
_START_LIMIT = 120.0  # seconds a new worker may take to start and import the SHACL engine
_READY = "ready"


@dataclass(frozen=True)
class Endpoints:
    """What the worker needs to open the same remote store (read only: it never writes)."""

    query_url: str
    update_url: str
    gsp_url: str


def validate(endpoints: Endpoints, task: ValidateTask, seconds: float | None,
             ready: Callable[[], None] | None = None):
    """The Report of `task`, or QueryTimeout when it runs past `seconds` (then the worker is
    killed and nothing of it is left). `ready` is called when the worker has started, where the
    deadline starts (the caller's turn charges the client from there)."""
    parent_end, child_end = socket.socketpair()
    with child_end:
        process = subprocess.Popen(
            [sys.executable, "-c", _WORKER_CODE, str(child_end.fileno()), str(os.getpid())],
            pass_fds=[child_end.fileno()], stdin=subprocess.DEVNULL, env=_worker_env())
    conn = Connection(parent_end.detach())
    try:
        try:
            if not conn.poll(_START_LIMIT) or conn.recv() != _READY:
                raise messages.error(Unavailable, messages.BUSY, workers=1, seconds=seconds or 0)
            if ready is not None:
                ready()
            conn.send((endpoints, task))
            if not conn.poll(None if seconds is None else seconds):
                raise messages.error(QueryTimeout, messages.TIMEOUT, seconds=seconds)
            reply = conn.recv()
        except (EOFError, OSError):
            _kill(process)
            raise messages.error(QueryCrashed, messages.CRASHED,
                                 how=_describe_exit(process.returncode)) from None
        return _unpack(reply)
    finally:
        conn.close()
        _kill(process)


def main_from_argv() -> None:
    # This module's imports (pyshacl and rdflib: most of the start) are done before it is ready.
    conn = Connection(int(sys.argv[1]))
    _end_with_parent(int(sys.argv[2]))
    conn.send(_READY)
    try:
        endpoints, task = conn.recv()
    except (EOFError, OSError):
        return
    try:
        store = RemoteStore(endpoints.query_url, update_url=endpoints.update_url,
                            gsp_url=endpoints.gsp_url)
        # a Submission, or a RawPackage to parse here first (as the pool's workers do)
        reply = Reply(result=judge_submission_or_package(
            task.submission, task.lang, store=store, root=task.root, engine=task.engine))
    except KGError as exc:
        reply = Reply(error=type(exc).__name__, messages=exc.messages, detail=exc.detail)
    except Exception as exc:  # noqa: BLE001 — reported to the parent, which raises a KGError
        reply = Reply(error="KGError", messages={
            "en": f"The validation worker failed: {type(exc).__name__}: {exc}"})
    _send(conn, reply)
