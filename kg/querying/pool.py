"""WorkerPool: public queries in worker processes that can be killed at their deadline.

The serving process stays the store's one writer; after each committed write the store makes a
checkpoint (kg.store.checkpoints) and each new query tells its worker to read the newest one.
Past the deadline the worker is killed (SIGKILL: its CPU is free at once) and replaced; a worker
that dies by itself (a native crash) is replaced too. Either way only that request fails.

Who gets a worker next is kg.querying.fairness's decision (round-robin across clients, a cap per
client, a budget of worker seconds); the pool counts outcomes for /metrics and writes one log
line per query (kg.logs).
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path

import kg
from kg import errors
from kg.errors import KGError, QueryCrashed, QueryTimeout, Unavailable
from kg.querying import messages
from kg.querying.accounts import Accounts
from kg.querying.fairness import Fairness, Limits
from kg.querying.guard import MAX_NESTING_DEPTH
from kg.querying.runner import effective_row_cap, effective_timeout
from kg.querying.worker import ReplicaPolicy, Reply, Task, ValidateTask
from kg.store.base import QueryResult
from kg.store.checkpoints import Checkpoints
from kg.store.embedded import EmbeddedStore

_STOP_GRACE = 2.0  # seconds idle workers get to end by themselves on close
_WARM_UP_LIMIT = 120.0  # seconds a new worker may take to start and open the store
_WORKER_CODE = "from kg.querying.worker import main_from_argv; main_from_argv()"


class _Worker:
    def __init__(self, process: subprocess.Popen, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.checkpoint: str | None = None  # the checkpoint it has open (and pins)
        self._ended = threading.Lock()

    def end(self) -> None:
        """Kill the process and close its socket, once: a request thread and close() may race
        here, and closing a descriptor twice could close someone else's that reused its number."""
        if self._ended.acquire(blocking=False):
            _kill(self.process)
            self.conn.close()
        else:
            self.process.wait()


class WorkerPool:
    """N worker processes (spawned lazily, on `start()` or the first query) over checkpoints."""

    def __init__(self, store: EmbeddedStore, *, workers: int, timeout: float | None = None,
                 row_cap: int | None = None, max_depth: int = MAX_NESTING_DEPTH,
                 replica: ReplicaPolicy = ReplicaPolicy(), limits: Limits | None = None) -> None:
        if workers < 1:
            raise ValueError("A worker pool needs at least one worker.")
        self._store, self.size = store, workers
        self.fairness = Fairness(workers, limits)
        self.accounts = Accounts()  # outcomes for /metrics, and the query log
        self.restarts = 0
        self.timeout, self.row_cap, self.max_depth = timeout, row_cap, max_depth
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._started = self._closed = False
        self._checkpoints: Checkpoints | None = None
        self._spawner: ThreadPoolExecutor | None = None
        self.replica = replica
        # Answers by what they were read from ("memory": a worker's replica, "disk"): a count
        # to read (tests, metrics), never a reason to answer differently.
        self.read_from: Counter[str] = Counter()

    def start(self) -> None:
        with self._lock:
            if self._started or self._closed:
                return
            self._checkpoints = self._store.enable_checkpoints()
            # A closed store ends its pool: nothing is left to read (and tests close stores).
            self._checkpoints.when_removed(self.close)
            # One long-lived thread starts every worker: Linux ends a worker whose *starting
            # thread* ends (PR_SET_PDEATHSIG), and request threads come and go.
            self._spawner = ThreadPoolExecutor(1, thread_name_prefix="kg-query-spawner")
            self._started = True
        for _ in range(self.size):
            self._idle.put(self._spawn())
        atexit.register(self.close)

    def worker_pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid for w in self._workers)

    def run(self, sparql: str, *, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, timeout: float | None = None,
            row_cap: int | None = None) -> QueryResult:
        self.accounts.check_nesting(sparql, self.max_depth)
        # The checkpoint is chosen when the worker gets the task (see _ask).
        task = Task("", sparql, default_graphs, named_graphs,
                    effective_row_cap(row_cap, self.row_cap))
        return self._in_turn("query", sparql, task, timeout)

    def validate(self, submission, lang: str, *, root: str, engine: str = "pyshacl",
                 timeout: float | None = None):
        """A kg.validation Report for `submission`, judged in a worker in the context of the
        newest checkpoint, under the same deadline as queries (QueryTimeout past it)."""
        return self._in_turn("validation", "", ValidateTask("", submission, lang, root, engine),
                             timeout)

    def validate_package(self, package, lang: str, *, root: str, engine: str = "pyshacl",
                         timeout: float | None = None):
        """The kg.validation.package.PackageResult of a RawPackage (an upload's bytes), parsed
        and judged in a worker: the parsing counts against the deadline and the client's budget,
        and never holds this process's interpreter."""
        return self.validate(package, lang, root=root, engine=engine, timeout=timeout)

    def _in_turn(self, kind: str, text: str, task: Task | ValidateTask, timeout: float | None):
        """Run `task` when its client's turn comes, charging the client its worker time."""
        self.start()
        seconds = effective_timeout(timeout, self.timeout)
        with self.accounts.recorded(kind, text) as started:
            deadline = None if seconds is None else started + seconds
            with self.fairness.turn(deadline, seconds) as turn:
                worker = self._take(deadline, seconds)
                # The deadline limits the engine's time: waiting for a turn (bounded by the same
                # number of seconds) or for a worker that replaced a dead one is not the query's.
                # The client is charged the same span: from here to the query's end, not for
                # the start of a worker that replaces one (before it, or after a timeout).
                turn.charge_from_now()
                runs_until = None if seconds is None else time.monotonic() + seconds
                return _unpack(self._ask(worker, task, runs_until, seconds,
                                         ended=turn.charge_until_now))

    def stats(self) -> dict:
        """Counts for /metrics: outcomes by kind, worker restarts, the queue, fairness refusals."""
        with self._lock:
            restarts = self.restarts
        return {"outcomes": self.accounts.counts(), "restarts": restarts,
                "queued": self.fairness.queued(), "running": self.fairness.running(),
                "refused": dict(self.fairness.counts.refused),
                "charged_seconds": self.fairness.counts.charged_seconds, "workers": self.size}

    def _take(self, deadline: float | None, seconds: float | None) -> _Worker:
        """An idle, living worker; one that died while idle (say, the OOM killer) is replaced
        without failing this request, which it never saw."""
        while True:
            try:
                worker = self._idle.get(timeout=_remaining(deadline))
            except queue.Empty:
                raise messages.error(Unavailable, messages.BUSY, workers=self.size,
                                     seconds=seconds) from None
            if worker.process.poll() is None:
                return worker
            self._replace(worker)

    def _ask(self, worker: _Worker, task: Task | ValidateTask, deadline: float | None,
             seconds: float | None, ended: Callable[[], None]) -> Reply:
        """`ended` is called where the task ended by its deadline or a crash, before the worker
        is replaced (the replacement is started inside the turn, so that a client's timeouts
        never start processes beyond its share of the workers)."""
        assert self._checkpoints is not None
        checkpoint = str(self._checkpoints.acquire())
        task = dataclasses.replace(task, checkpoint=checkpoint)
        try:
            worker.conn.send(task)
            if not worker.conn.poll(_remaining(deadline)):
                ended()
                self._replace(worker, checkpoint)
                raise messages.error(QueryTimeout, messages.TIMEOUT, seconds=seconds)
            reply = worker.conn.recv()
        except (EOFError, OSError):
            ended()
            how = self._replace(worker, checkpoint)
            raise messages.error(QueryCrashed, messages.CRASHED, how=how) from None
        self._moved_to(worker, checkpoint)
        self._idle.put(worker)
        with self._lock:
            self.read_from[reply.read_from] += 1
        return reply

    def _moved_to(self, worker: _Worker, checkpoint: str) -> None:
        """The worker now reads `checkpoint`: unpin the one it left (or the extra pin)."""
        assert self._checkpoints is not None
        previous, worker.checkpoint = worker.checkpoint, checkpoint
        if previous is not None:
            self._checkpoints.release(previous)

    def _replace(self, worker: _Worker, *pinned: str) -> str:
        """Kill the worker, free its checkpoints and put a fresh one in its place."""
        worker.end()
        how = _describe_exit(worker.process.returncode)
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
            if not closed:
                self.restarts += 1
        for path in (*pinned, worker.checkpoint):  # each pin once, even if the same checkpoint
            if path is not None:
                self._checkpoints.release(path)  # type: ignore[union-attr]
        if closed:
            raise messages.error(Unavailable, messages.SHUTTING_DOWN)
        self._idle.put(self._spawn())
        return how

    def _spawn(self) -> _Worker:
        assert self._spawner is not None
        try:
            return self._spawner.submit(self._start_ready).result()
        except RuntimeError:  # the spawner was shut down: close() came in between
            raise messages.error(Unavailable, messages.SHUTTING_DOWN) from None

    def _start_ready(self) -> _Worker:
        worker = self._start_process()
        self._warm_up(worker)
        return worker

    def _warm_up(self, worker: _Worker) -> None:
        """Let a new worker start its interpreter and open the newest checkpoint before it gets
        a query: that took over 2 s on a loaded machine, and counted against the first query's
        deadline, a short deadline killed every fresh worker in turn and no query was answered.
        One that fails here is ended; `_take` replaces it."""
        assert self._checkpoints is not None
        checkpoint = str(self._checkpoints.acquire())
        try:
            worker.conn.send(Task(checkpoint, "ASK {}"))
            if worker.conn.poll(_WARM_UP_LIMIT):
                worker.conn.recv()
                self._moved_to(worker, checkpoint)
                return
        except (EOFError, OSError):
            pass
        self._checkpoints.release(checkpoint)
        worker.end()  # a late reply must never be read as the next query's answer

    def _start_process(self) -> _Worker:
        # A fresh interpreter, not fork (the serving process is threaded and holds the store's
        # lock file) and not multiprocessing's spawn (it re-runs the parent's main module, which
        # breaks scripts without a `__main__` guard); only the socket's end is inherited.
        parent_end, child_end = socket.socketpair()
        with child_end:
            process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, str(child_end.fileno()), str(os.getpid()),
                 self.replica.mode, str(self.replica.max_quads)],
                pass_fds=[child_end.fileno()], stdin=subprocess.DEVNULL, env=_worker_env())
        worker = _Worker(process, Connection(parent_end.detach()))
        with self._lock:
            self._workers.add(worker)
        return worker

    def close(self) -> None:
        """Stop every worker (none outlives this call) and delete the checkpoints."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            try:
                worker.conn.send(None)  # an idle worker ends by itself; a busy one is killed
            except OSError:
                pass
        end = time.monotonic() + _STOP_GRACE
        for worker in workers:
            try:
                worker.process.wait(max(0.0, end - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            worker.end()
        if self._spawner is not None:
            self._spawner.shutdown()
        self._store.disable_checkpoints()
        atexit.unregister(self.close)


def _remaining(deadline: float | None) -> float | None:
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def _worker_env() -> dict[str, str]:
    """This environment, with this copy of `kg` importable however it was found here."""
    source = str(Path(kg.__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": source + (os.pathsep + path if path else "")}


def _kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"the worker process ended by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"the worker process ended by signal {-code}"
    return f"the worker process ended with exit code {code}"


def _unpack(reply: Reply):
    if not reply.error:
        assert reply.result is not None
        return reply.result
    cls = getattr(errors, reply.error, KGError)
    if not (isinstance(cls, type) and issubclass(cls, KGError)):
        cls = KGError
    raise cls.restore(reply.messages, reply.detail)
