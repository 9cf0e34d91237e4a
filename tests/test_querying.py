"""Query execution: the nesting guard, the in-process runner, and the worker pool over checkpoints
(real on-disk stores, real worker processes; crashes happen in workers, never in this process)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import Settings
from kg.errors import BadRequest, QueryTimeout, Unavailable
from kg.querying import (InProcessRunner, QueryCrashed, WorkerPool, make_query_runner,
                         nesting_depth)
from kg.store import EmbeddedStore, GraphLoad
from kg.store.checkpoints import checkpoint_dir
from support import start_server, stop_server

EX = "https://example.org/fictional/"
GRAPH = EX + "graph/towns"
PRIVATE = EX + "graph/staging"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# 300 triples to the fourth power: 8.1 billion solutions, far beyond any test's patience.
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def towns(n: int, graph: str = GRAPH, publish: bool = True, first: int = 0) -> GraphLoad:
    triples = [ox.Triple(ox.NamedNode(f"{EX}town/{i}"), ox.NamedNode(EX + "name"),
                         ox.Literal(f"Town {i}")) for i in range(first, first + n)]
    return GraphLoad(graph, triples, source="test", publish=publish)


def count(result) -> int:
    return int(result.rows[0][0].value)


@pytest.fixture
def filled(store: EmbeddedStore) -> EmbeddedStore:
    store.replace_graphs([towns(300), towns(5, PRIVATE, publish=False)])
    return store


@pytest.fixture
def pool(filled: EmbeddedStore) -> Iterator[WorkerPool]:
    p = WorkerPool(filled, workers=2, timeout=2.0, row_cap=1000)
    warm_up(p)
    yield p
    p.close()


def warm_up(pool: WorkerPool) -> None:
    """Run one query on each worker (the idle queue is first in, first out)."""
    for _ in range(pool.size):
        pool.run("ASK {}")


def cpu_ticks(pid: int) -> int:
    """utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def alive(pid: int) -> bool:
    """True while the process exists and is no zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


# -- the nesting guard ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "depth"), [
    ("SELECT * WHERE { ?s ?p ?o }", 1),
    ("SELECT * WHERE { { ?s ?p [ ?q ( 1 2 ) ] } }", 4),
    ('SELECT * WHERE { ?s ?p "{{{{((((" }', 1),
    ("SELECT * WHERE { ?s ?p '''}}}\n{{{''' }", 1),
    ('SELECT * WHERE { ?s ?p "a\\"{{{" }', 1),
    ("SELECT * WHERE { ?s ?p ?o } # {{{{{{", 1),
    ("SELECT * WHERE { ?s <http://x/a(b)> ?o }", 1),
    ("SELECT * WHERE { FILTER(?a < ?b && (?c > 1)) }", 3),
])
def test_nesting_depth_counts_brackets_outside_strings_iris_and_comments(text, depth):
    assert nesting_depth(text) == depth


def test_a_hash_inside_an_iri_hides_nothing_from_the_guard():
    deep = "{" * 300 + "}" * 300
    assert nesting_depth(f"SELECT * WHERE {{ ?s <http://x/ns#a> ?o }} {deep}") == 300
    assert nesting_depth(f"SELECT * WHERE {{ ?s <http://x/\\u0041#> ?o }} {deep}") == 300


def test_the_guard_refuses_deep_nesting_with_a_400_before_the_engine(filled):
    runner = InProcessRunner(filled)
    with pytest.raises(BadRequest) as exc:
        runner.run("SELECT * WHERE " + "{" * 5000 + "}" * 5000)  # crashes the engine unguarded
    assert exc.value.status == 400
    assert "5000 levels deep; at most 200" in exc.value.message
    assert exc.value.detail == {"nesting_depth": 5000, "limit": 200}
    assert count(runner.run(COUNT)) == 300  # and this process lives on


# -- in process ----------------------------------------------------------------------------------

def test_in_process_runner_queries_the_published_dataset_and_caps_rows(filled):
    runner = InProcessRunner(filled, row_cap=10)
    assert count(runner.run(COUNT)) == 300
    assert count(runner.run(COUNT, default_graphs=[PRIVATE])) == 5
    capped = runner.run("SELECT ?s WHERE { ?s ?p ?o }")
    assert (len(capped.rows), capped.truncated) == (10, True)
    assert len(runner.run("SELECT ?s WHERE { ?s ?p ?o }", row_cap=0).rows) == 300


def test_syntax_errors_are_400s_with_the_position(filled, pool):
    for runner in (InProcessRunner(filled), pool):
        with pytest.raises(BadRequest) as exc:
            runner.run("SELECT * WHERE { ?s ?p }")
        assert exc.value.status == 400
        assert exc.value.message == ("The query does not parse: error at 1:25: expected one of "
                                     "LATERAL, SERVICE, [_]")


def test_make_query_runner_picks_by_settings(filled, store_path):
    settings = Settings(store=str(store_path), query_workers=0)
    assert isinstance(make_query_runner(settings, filled), InProcessRunner)
    runner = make_query_runner(settings.replace(query_workers=3), filled)
    assert isinstance(runner, WorkerPool) and runner.size == 3
    assert runner.worker_pids() == []  # nothing started before the first query
    assert isinstance(make_query_runner(settings.replace(query_workers=3), EmbeddedStore()),
                      InProcessRunner)  # in memory: no files for a worker to open


def test_create_app_keeps_the_runner_it_is_given_or_builds(filled, store_path):
    from kg.web import create_app
    from kg.web.context import get_query_runner

    app = create_app(Settings(store=str(store_path), query_workers=0), store=filled)
    with app.app_context():
        assert isinstance(get_query_runner(), InProcessRunner)
        assert count(get_query_runner().run(COUNT)) == 300
    app = create_app(Settings(store=str(store_path), query_workers=2), store=filled)
    with app.app_context():
        runner = get_query_runner()
        assert isinstance(runner, WorkerPool) and runner.size == 2
    given = InProcessRunner(filled)
    with create_app(Settings(store=str(store_path)), store=filled, query_runner=given).app_context():
        assert get_query_runner() is given


# -- the worker pool -----------------------------------------------------------------------------

def test_pool_answers_every_query_form_over_the_published_dataset(pool):
    assert count(pool.run(COUNT)) == 300
    assert count(pool.run(COUNT, default_graphs=[PRIVATE], named_graphs=[])) == 5
    assert pool.run(f"ASK {{ GRAPH <{PRIVATE}> {{ ?s ?p ?o }} }}").boolean is False
    graph = pool.run("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3")
    assert graph.form == "graph" and len(graph.triples) == 3
    capped = pool.run("SELECT ?s WHERE { ?s ?p ?o }")
    assert (len(capped.rows), capped.truncated) == (300, False)  # under the cap of 1000
    assert pool.run("SELECT ?s WHERE { ?s ?p ?o }", row_cap=7).truncated


def test_a_query_past_its_deadline_is_stopped_while_others_are_answered(pool):
    pids = pool.worker_pids()
    outcome: dict = {}

    def slow():
        started = time.monotonic()
        try:
            pool.run(FOREVER, timeout=2.0)
        except QueryTimeout as exc:
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)  # the slow query is running now
    started = time.monotonic()
    assert count(pool.run(COUNT)) == 300
    cheap_seconds = time.monotonic() - started
    thread.join(30)
    error = outcome["error"]
    assert (error.status, error.kind) == (503, "query-timeout")
    assert error.message.startswith("The query ran longer than 2 s")
    assert "länger als 2 s" in error.messages["de"]
    assert 2.0 <= outcome["seconds"] < 10  # at the deadline, not at the query's end
    assert cheap_seconds < 1.0
    # The worker that ran it is gone and replaced; no worker is busy any more.
    killed = set(pids) - set(pool.worker_pids())
    assert len(killed) == 1 and not any(alive(pid) for pid in killed)
    assert len(pool.worker_pids()) == 2
    assert_idle(pool.worker_pids())


def assert_idle(pids: list[int]) -> None:
    """Over one second the workers use (almost) no CPU: nothing still runs in them."""
    time.sleep(1.0)  # a fresh worker finishes importing first
    before = {pid: cpu_ticks(pid) for pid in pids}
    time.sleep(1.0)
    used = {pid: cpu_ticks(pid) - before[pid] for pid in pids}
    ticks_per_second = os.sysconf("SC_CLK_TCK")
    assert all(t < 0.2 * ticks_per_second for t in used.values()), used


def test_a_worker_that_dies_mid_query_fails_only_that_request(pool):
    outcome: dict = {}

    def victim():
        try:
            pool.run(FOREVER, timeout=60)
        except QueryCrashed as exc:
            outcome["error"] = exc

    before = pool.worker_pids()
    thread = threading.Thread(target=victim)
    thread.start()
    # the worker that took the query is the one using CPU; on a loaded machine it may take a
    # while to get scheduled, so look for it until it shows up
    deadline = time.monotonic() + 20
    busy: list[int] = []
    while len(busy) != 1 and time.monotonic() < deadline:
        busy = [pid for pid in before if cpu_busy(pid)]
    assert len(busy) == 1
    os.kill(busy[0], signal.SIGKILL)
    thread.join(30)
    error = outcome["error"]
    assert (error.status, error.kind) == (400, "query-crashed")
    assert "signal SIGKILL" in error.message and "other requests are unaffected" in error.message
    assert count(pool.run(COUNT)) == 300
    assert len(pool.worker_pids()) == 2 and busy[0] not in pool.worker_pids()


def test_a_worker_that_died_while_idle_is_replaced_before_anyone_notices(pool):
    for pid in pool.worker_pids():
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    assert count(pool.run(COUNT)) == 300
    assert count(pool.run(COUNT)) == 300
    assert len(pool.worker_pids()) == 2


def cpu_busy(pid: int) -> bool:
    before = cpu_ticks(pid)
    time.sleep(0.3)
    return cpu_ticks(pid) - before > 0.1 * os.sysconf("SC_CLK_TCK")


def test_the_pool_guards_nesting_before_any_worker_sees_it(pool):
    pids = pool.worker_pids()
    with pytest.raises(BadRequest) as exc:
        pool.run("SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    assert exc.value.status == 400 and "5000 levels deep" in exc.value.message
    assert pool.worker_pids() == pids and count(pool.run(COUNT)) == 300


def test_a_query_that_crashes_the_engine_natively_costs_one_worker(filled):
    # The guard is lifted here so that the engine really meets 5,000 nested braces (measured:
    # SIGSEGV from 3,000 on) — in a worker process, never in this one.
    pool = WorkerPool(filled, workers=1, timeout=30, max_depth=100_000)
    try:
        with pytest.raises(QueryCrashed) as exc:
            pool.run("SELECT * WHERE " + "{" * 5000 + "}" * 5000)
        assert "signal SIGSEGV" in exc.value.message
        assert count(pool.run(COUNT)) == 300
    finally:
        pool.close()


def test_when_every_worker_stays_busy_the_request_gets_a_503(filled):
    pool = WorkerPool(filled, workers=1, timeout=30)
    try:
        warm_up(pool)
        slow = threading.Thread(target=lambda: pytest.raises(QueryTimeout, pool.run, FOREVER,
                                                             timeout=3))
        slow.start()
        time.sleep(0.3)
        with pytest.raises(Unavailable) as exc:
            pool.run(COUNT, timeout=1)
        assert exc.value.status == 503
        assert exc.value.message == ("All 1 query workers stayed busy with other queries for "
                                     "1 s; try again in a moment.")
        slow.join(30)
        assert count(pool.run(COUNT)) == 300
    finally:
        pool.close()


def test_writes_reach_workers_with_the_next_checkpoint_and_old_ones_go(filled, pool):
    assert count(pool.run(COUNT)) == 300
    # Three towns more (the public graph is a set: the same three again would add nothing).
    filled.replace_graphs([towns(3, EX + "graph/more", first=300)])
    assert count(pool.run(COUNT)) == 303
    filled.set_published(EX + "graph/more", False)
    assert count(pool.run(COUNT)) == 300
    for _ in range(pool.size):  # let every worker move on to the newest checkpoint
        pool.run("ASK {}")
    assert [p.name for p in (checkpoint_dir(filled.path)).iterdir()] == ["00000003"]
    # A worker killed while it holds the newest checkpoint gives back each of its pins.
    os.kill(pool.worker_pids()[0], signal.SIGKILL)
    time.sleep(0.2)
    for _ in range(pool.size + 1):
        pool.run("ASK {}")
    filled.replace_graphs([towns(1, EX + "graph/one")])
    for _ in range(pool.size):
        pool.run("ASK {}")
    assert [p.name for p in (checkpoint_dir(filled.path)).iterdir()] == ["00000004"]


def test_close_leaves_no_process_and_no_checkpoint(filled):
    pool = WorkerPool(filled, workers=2, timeout=5)
    warm_up(pool)
    pids = pool.worker_pids()
    busy = threading.Thread(target=lambda: pytest.raises(Exception, pool.run, FOREVER))
    busy.start()
    time.sleep(0.3)
    pool.close()
    busy.join(10)
    assert not busy.is_alive()
    assert not any(alive(pid) for pid in pids)
    assert not checkpoint_dir(filled.path).exists()


def test_closing_the_store_closes_its_pool(store_path):
    store = EmbeddedStore(store_path)
    store.replace_graphs([towns(3)])
    pool = WorkerPool(store, workers=1)
    assert count(pool.run(COUNT)) == 3
    pids = pool.worker_pids()
    store.close()
    assert pool.worker_pids() == [] and not any(alive(pid) for pid in pids)


# -- under `kg serve` ----------------------------------------------------------------------------

def children(pid: int) -> list[int]:
    """Live processes whose parent is `pid` (from /proc; no psutil)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return sorted(found)


def workers_of(pid: int) -> list[int]:
    def is_worker(child: int) -> bool:
        try:
            return b"main_from_argv" in Path(f"/proc/{child}/cmdline").read_bytes()
        except FileNotFoundError:
            return False

    return [child for child in children(pid) if is_worker(child)]


def wait_for(predicate, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


@pytest.mark.parametrize("how", ["terminate", "kill"])
def test_kg_serve_starts_its_workers_and_none_outlives_it(loaded_store_path, how):
    server = start_server(loaded_store_path, "--query-workers", "3")
    try:
        assert wait_for(lambda: len(workers_of(server.process.pid)) == 3)
        workers = children(server.process.pid)
        assert checkpoint_dir(loaded_store_path).is_dir()
    finally:
        if how == "terminate":
            stop_server(server)  # SIGTERM: the server closes its pool
        else:
            server.process.kill()  # SIGKILL: the workers die with it (PR_SET_PDEATHSIG)
            server.process.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 5)
    if how == "terminate":
        assert server.process.returncode == 0
        assert not checkpoint_dir(loaded_store_path).exists()
