"""The embedded store's worker pool charges a client for its query's time, not for the start of
the worker that replaces one: a query killed at its deadline is charged the deadline (its own
time, in full), and the fresh worker's start (a second or so) that follows inside the same turn is
the server's. With the start charged, a client with a small budget was refused (429) after one
or two timeouts. Through the real pool over a store built by `kg load`; the pool and its
replacements exist only on an embedded store."""

from __future__ import annotations

import os
import signal
import time

import pytest

import remote_backend
from kg.errors import QueryTimeout
from kg.querying import WorkerPool
from kg.querying.fairness import Limits, acting_for
from kg.store import EmbeddedStore

# Billions of solutions over the shipped graph: it runs until the pool kills it.
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DEADLINE = 0.3
TIMEOUTS = 3
# Three deadlines fit (0.9 s), a deadline and a worker start (about 1.3 s) do not.
BUDGET = 1.2
# What the pool's own steps around the deadline may add on a loaded machine of two cores.
SLACK = 0.25


@pytest.fixture(scope="module")
def pool(request):
    if remote_backend.remote():
        pytest.skip("only an embedded store has a worker pool whose workers are replaced")
    store = EmbeddedStore(request.getfixturevalue("loaded_store_path"))
    pool = WorkerPool(store, workers=2, timeout=DEADLINE, limits=Limits(budget=BUDGET))
    pool.start()
    yield pool
    pool.close()
    store.close()


def test_timed_out_queries_are_charged_their_deadlines_not_the_replacements_starts(pool):
    charges, took = [], []
    with acting_for("client-a"):
        for _ in range(TIMEOUTS):
            before, started = pool.fairness.counts.charged_seconds, time.monotonic()
            with pytest.raises(QueryTimeout):  # TooManyRequests (429) while starts were charged
                pool.run(FOREVER)
            took.append(time.monotonic() - started)
            charges.append(pool.fairness.counts.charged_seconds - before)
    assert pool.restarts == TIMEOUTS and pool.fairness.counts.refused["budget"] == 0
    # The query's own time is charged in full, and nothing more than that.
    assert all(DEADLINE <= charge < DEADLINE + SLACK for charge in charges), charges
    # Each call also waited for its replacement to start: that time was not charged.
    assert all(t - charge > SLACK for t, charge in zip(took, charges)), (took, charges)


def test_a_worker_that_died_while_idle_is_replaced_without_charging_the_next_query(pool):
    for pid in pool.worker_pids():
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    restarts, before = pool.restarts, pool.fairness.counts.charged_seconds
    started = time.monotonic()
    with acting_for("client-b"):
        assert pool.run("ASK { ?s ?p ?o }").boolean is True
    took = time.monotonic() - started
    charged = pool.fairness.counts.charged_seconds - before
    assert pool.restarts - restarts == 2
    # The answer waited for two workers to start; the client paid only for its ASK.
    assert charged < SLACK and took - charged > SLACK, (charged, took)
