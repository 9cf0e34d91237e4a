"""Fair shares of the query workers: a budget of worker seconds per client, a cap on a client's
running and waiting queries, and turns taken round-robin across clients.

Measured before this existed (issue 16): with 2 workers, one client's two slow queries made every
other client's `ASK {}` wait 29.8 s, and eight slow queries parked every request thread of the
server, /health included. So here: a client runs at most `max_in_flight` queries at once (never
every worker), waits with at most `max_queued` more, and a free worker goes to the next client in
turn, not to the oldest request. Work beyond those limits is refused at once (429, or 503 when the
whole queue is full) instead of parking a request thread until its deadline; `max_waiting` keeps
the queue smaller than the server's thread count, so cheap routes always find a thread.

Each query's and validation's worker time is charged to its client, as the Wikidata Query Service
does (60 s of processing per 60 s): a token bucket that holds `budget` seconds and refills at
`budget` per minute. Each run costs at least `min_charge`, so a flood of cheap queries spends the
budget too. Past the budget: 429 with the seconds until enough is back. A worker process's start
is the server's cost, not the client's (Turn.charge_from_now), and so is the start of one that
replaces a worker killed at a query's deadline or by a crash (Turn.charge_until_now).

Who the client is comes from the caller's context (`acting_for`), set once per HTTP request by
the web layer: the query runners are called from many places (catalogue, pages, validation,
submissions) that need not pass it along. Work without a client (the search index, start-up
reconciliation) is the server's own: it takes turns like a client but spends no budget.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass, field

from kg.errors import KGError, Unavailable
from kg.querying import messages

@dataclass(frozen=True)
class _Acting:
    client: str | None
    thread: int  # the thread that serves the request: its waiting holds a server thread


_client: ContextVar[_Acting | None] = ContextVar("kg_query_client", default=None)


def current_client() -> str | None:
    acting = _client.get()
    return None if acting is None else acting.client


def _helping() -> bool:
    """True in a thread that runs part of a request for the thread serving it (a copied context,
    as kg.compare asks its queries side by side): its waiting holds no server thread, so the
    queue limits, which exist to leave server threads free, do not count it; budget, cap and
    turns apply as to the request itself."""
    acting = _client.get()
    return acting is not None and acting.thread != threading.get_ident()


def begin_acting_for(client: str | None) -> Token:
    """From now on in this context, queries are charged to `client` (until `end_acting`): for
    callers like a web framework's request hooks, which cannot hold a `with` block open."""
    return _client.set(_Acting(client, threading.get_ident()))


def end_acting(token: Token) -> None:
    _client.reset(token)


@contextmanager
def acting_for(client: str | None) -> Iterator[None]:
    """Queries run inside this block are charged to `client`."""
    token = begin_acting_for(client)
    try:
        yield
    finally:
        end_acting(token)


class TooManyRequests(KGError):
    """The client used its share; `detail["retry_after"]` says in how many seconds to try."""

    status = 429
    kind = "too-many-requests"


class Busy(Unavailable):
    """Every worker is busy and the queue is full; retry after `detail["retry_after"]` s."""

    kind = "busy"


OVER_BUDGET = {
    "en": "You used your share of this server's query time: {budget:g} s of worker time per "
          "minute for each client (queries, validations and submissions together). Try again in "
          "{retry_after} s; make queries cheaper (narrower patterns, a LIMIT) or send fewer, or "
          "run the data yourself (see /dumps/).",
    "de": "Sie haben Ihren Anteil an der Abfragezeit dieses Servers verbraucht: {budget:g} s "
          "Rechenzeit je Minute und Client (Abfragen, Prüfungen und Einreichungen zusammen). "
          "Versuchen Sie es in {retry_after} s erneut; machen Sie Abfragen günstiger (engere "
          "Muster, ein LIMIT) oder senden Sie weniger, oder werten Sie die Daten selbst aus "
          "(siehe /dumps/).",
}
TOO_MANY_AT_ONCE = {
    "en": "You already have {running} queries running and {waiting} waiting on this server, "
          "the most one client may have. Wait for their answers before sending more (try again "
          "in {retry_after} s).",
    "de": "Sie haben auf diesem Server schon {running} laufende und {waiting} wartende "
          "Abfragen, so viele, wie ein Client haben darf. Warten Sie deren Antworten ab, bevor "
          "Sie weitere senden (versuchen Sie es in {retry_after} s erneut).",
}
QUEUE_FULL = {
    "en": "Every query worker is busy and {waiting} queries are already waiting, the most this "
          "server queues. Try again in {retry_after} s.",
    "de": "Alle Abfrage-Prozesse sind belegt und schon {waiting} Abfragen warten, mehr stellt "
          "dieser Server nicht an. Versuchen Sie es in {retry_after} s erneut.",
}


def _error(cls: type[KGError], texts: dict[str, str], **values: object) -> KGError:
    return cls(messages={lang: text.format(**values) for lang, text in texts.items()},
               detail=values)


@dataclass(frozen=True)
class Limits:
    """budget: worker seconds per client per minute (0: none). max_in_flight: a client's
    queries running at once; max_queued: a client's queries waiting (None: no limit);
    max_waiting: queries waiting in all (None: no limit); min_charge: seconds a run costs at
    least."""

    budget: float = 0.0
    max_in_flight: int | None = None
    max_queued: int | None = None
    max_waiting: int | None = None
    min_charge: float = 0.0


@dataclass
class _Waiter:
    client: str | None
    deadline: float | None
    granted: bool = False
    expired: bool = False  # its deadline passed before its turn came


@dataclass
class _Bucket:
    level: float
    at: float


@dataclass
class Counts:
    """What happened, for /metrics (kg.web.metrics reads these at each scrape)."""

    refused: dict[str, int] = field(default_factory=lambda: {"budget": 0, "client_queue": 0,
                                                              "queue_full": 0, "waited": 0})
    charged_seconds: float = 0.0


class Turn:
    """One turn at a worker, as `Fairness.turn` yields it: what it charges starts at
    `charged_from`."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self.charged_from = clock()
        self.charged_until: float | None = None

    def charge_from_now(self) -> None:
        """The client's own work starts here: what the turn spent before it (starting a worker
        process for a remote store's validation, about a second) is the server's way of working,
        not the client's, and charging it spent a 1 s budget in one validation. Its deadline
        starts at the same point."""
        self.charged_from = self._clock()

    def charge_until_now(self) -> None:
        """The client's own work ended here: what the turn does after it (a worker pool putting
        a fresh worker in the place of one it killed at the query's deadline or found crashed,
        about a second) is the server's, like a start, and charging it added a second to each
        timed-out query of a client's. The worker stays taken until the turn ends."""
        self.charged_until = self._clock()

    def charged(self) -> float:
        end = self._clock() if self.charged_until is None else self.charged_until
        return end - self.charged_from


class Fairness:
    """Turns at `slots` workers for many clients; see the module's text."""

    def __init__(self, slots: int, limits: Limits | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.slots, self.limits, self._clock = slots, limits or Limits(), clock
        cap = self.limits.max_in_flight
        # Never every worker for one client when there are several: someone else must fit.
        self.cap = slots if cap is None else max(1, min(cap, slots - 1))
        self._free = slots
        self._running: dict[str | None, int] = {}
        self._queues: dict[str | None, deque[_Waiter]] = {}
        self._rotation: deque[str | None] = deque()  # clients with waiters, next turn first
        self._buckets: dict[str, _Bucket] = {}
        self._changed = threading.Condition()
        self.counts = Counts()

    @contextmanager
    def turn(self, deadline: float | None, seconds: float | None,
             client: str | None = None) -> Iterator[Turn]:
        """Wait for this client's turn at a worker (until `deadline`), run the block, and charge
        its time: from the start of the turn, or from where the block calls the yielded Turn's
        `charge_from_now`, to its end, or to where the block calls `charge_until_now`. `client`
        defaults to the one of the context (acting_for)."""
        client = current_client() if client is None else client
        self._admit(client, deadline, seconds)
        turn = Turn(self._clock)
        try:
            yield turn
        finally:
            self._leave(client, turn.charged())

    def check_budget(self, client: str | None = None) -> None:
        """429 now if the client's budget is spent, taking no turn: for work that costs the
        server to prepare (reading an upload) before it asks for one."""
        client = current_client() if client is None else client
        with self._changed:
            self._check_budget(client)

    def queued(self) -> int:
        with self._changed:
            return sum(len(q) for q in self._queues.values())

    def running(self) -> int:
        with self._changed:
            return self.slots - self._free

    # -- admission -------------------------------------------------------------------------

    def _admit(self, client: str | None, deadline: float | None, seconds: float | None) -> None:
        with self._changed:
            self._check_budget(client)
            if self._free > 0 and self._running.get(client, 0) < self.cap:
                self._start(client)  # nobody eligible waits while a worker is free (_dispatch)
                return
            waiter = self._enqueue(client, deadline)
            while not waiter.granted:
                left = None if deadline is None else deadline - self._clock()
                if waiter.expired or (left is not None and left <= 0):
                    if not waiter.expired:
                        self._drop(waiter)
                    self.counts.refused["waited"] += 1
                    raise _error(Unavailable, messages.BUSY, workers=self.slots,
                                 seconds=seconds or 0)
                self._changed.wait(left)

    def _check_budget(self, client: str | None) -> None:
        budget = self.limits.budget
        if client is None or not budget:
            return
        bucket = self._bucket(client)
        need = max(self.limits.min_charge, 1e-9)
        if bucket.level < need:
            self.counts.refused["budget"] += 1
            wait = math.ceil((need - bucket.level) / (budget / 60.0))
            raise _error(TooManyRequests, OVER_BUDGET, budget=budget, retry_after=max(1, wait))

    def _enqueue(self, client: str | None, deadline: float | None) -> _Waiter:
        queue = self._queues.get(client)
        waiting = len(queue) if queue else 0
        limit = self.limits.max_queued
        helping = _helping()
        if client is not None and limit is not None and waiting >= limit and not helping:
            self.counts.refused["client_queue"] += 1
            raise _error(TooManyRequests, TOO_MANY_AT_ONCE, running=self._running.get(client, 0),
                         waiting=waiting, retry_after=1)
        total = sum(len(q) for q in self._queues.values())
        if (self.limits.max_waiting is not None and total >= self.limits.max_waiting
                and not helping):
            self.counts.refused["queue_full"] += 1
            raise _error(Busy, QUEUE_FULL, waiting=total, retry_after=1)
        waiter = _Waiter(client, deadline)
        if queue is None:
            queue = self._queues[client] = deque()
        queue.append(waiter)
        if client not in self._rotation:
            self._rotation.append(client)
        return waiter

    def _drop(self, waiter: _Waiter) -> None:
        queue = self._queues[waiter.client]
        queue.remove(waiter)
        if not queue:
            del self._queues[waiter.client]
            self._rotation.remove(waiter.client)

    # -- turns -----------------------------------------------------------------------------

    def _start(self, client: str | None) -> None:
        self._free -= 1
        self._running[client] = self._running.get(client, 0) + 1

    def _leave(self, client: str | None, elapsed: float) -> None:
        with self._changed:
            self._free += 1
            left = self._running[client] - 1
            if left:
                self._running[client] = left
            else:
                del self._running[client]
            self._charge(client, elapsed)
            self._dispatch()
            self._changed.notify_all()

    def _dispatch(self) -> None:
        """Give free workers to waiting clients in turn: a client served goes to the back."""
        passed = 0
        while self._free > 0 and self._rotation and passed < len(self._rotation):
            client = self._rotation.popleft()
            if self._running.get(client, 0) >= self.cap:
                self._rotation.append(client)  # its turn comes when one of its own ends
                passed += 1
                continue
            queue = self._queues[client]
            waiter = queue.popleft()
            if waiter.deadline is not None and waiter.deadline <= self._clock():
                # Too late to be worth a worker: its request answers "busy" when it wakes.
                waiter.expired = True
            else:
                waiter.granted = True
                self._start(client)
            if queue:
                self._rotation.append(client)
            else:
                del self._queues[client]
            passed = 0

    # -- the budget ------------------------------------------------------------------------

    def _bucket(self, client: str) -> _Bucket:
        now, budget = self._clock(), self.limits.budget
        bucket = self._buckets.get(client)
        if bucket is None:
            if len(self._buckets) > 10_000:
                self._forget_full(now)
            bucket = self._buckets[client] = _Bucket(budget, now)
        else:
            bucket.level = min(budget, bucket.level + (now - bucket.at) * budget / 60.0)
            bucket.at = now
        return bucket

    def _charge(self, client: str | None, elapsed: float) -> None:
        cost = max(elapsed, self.limits.min_charge)
        self.counts.charged_seconds += cost
        if client is None or not self.limits.budget:
            return
        self._bucket(client).level -= cost

    def _forget_full(self, now: float) -> None:
        """Drop clients whose bucket has refilled: they are as new ones, and memory stays
        bounded however many addresses come by."""
        budget = self.limits.budget
        for client, bucket in list(self._buckets.items()):
            if bucket.level + (now - bucket.at) * budget / 60.0 >= budget:
                del self._buckets[client]
