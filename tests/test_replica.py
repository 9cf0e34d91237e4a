"""In-memory read replicas in the query workers (the `replica` setting).

Through the path users take: a store built by `kg load`, the worker pool that serves /sparql, and a
real `kg serve`. A pool counts what each answer was read from (`read_from`: "memory" for a worker's
replica, "disk" for the checkpoint), which is how these tests know the replica was used.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import iris
from kg.catalog import read_query
from kg.querying.pool import WorkerPool
from kg.querying.worker import ReplicaPolicy
from kg.store import EmbeddedStore
from kg.store.base import GraphLoad
from support import ROOT, start_server, stop_server

QUERIES = sorted((ROOT / "queries" / "cq").glob("*.rq"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
TOWN = "https://example.org/fictional/town"
NAME = "https://example.org/fictional/name"


def _bound(path: Path) -> str:
    """The catalogue's text with its defaults; a required parameter takes its header's example."""
    query = read_query(path)
    return query.bind({p.name: p.example_value() for p in query.params if p.required})


def _answer(result) -> tuple:
    # Blank nodes keep their labels in the replica (it copies quads, not a re-parsed dump), so
    # terms compare as they are. GROUP_CONCAT's order is the engine's (SPARQL leaves it open):
    # its parts compare as a set. Rows compare in order where the query orders them (the
    # catalogue's ORDER BYs are total), else as a multiset.
    rows = [tuple(_cell(t) for t in row) for row in result.rows]
    return (result.form, result.variables, rows, result.boolean, sorted(map(str, result.triples)))


def _cell(term):
    if isinstance(term, ox.Literal):
        return "; ".join(sorted(term.value.split("; "))), term.language, term.datatype.value
    return None if term is None else str(term)


def _same(got: tuple, want: tuple, ordered: bool) -> bool:
    if ordered:
        return got == want
    return got[:2] == want[:2] and sorted(got[2], key=repr) == sorted(want[2], key=repr) and got[3:] == want[3:]


def _until_memory(pool: WorkerPool, seconds: float = 60) -> None:
    """Ask until a worker answers from its replica (it is built in the background)."""
    before = pool.read_from["memory"]
    deadline = time.monotonic() + seconds
    while pool.read_from["memory"] == before:
        assert time.monotonic() < deadline, f"no answer from a replica in {seconds} s"
        pool.run(COUNT)
        time.sleep(0.05)


@pytest.fixture(scope="module")
def store(loaded_store_path) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(loaded_store_path)
    yield s
    s.close()


# Pools on one store share its checkpoints, and closing one pool closes them all: so each pool
# below lives as long as the module, and the test that needs a pool of its own comes first.
def test_auto_does_not_copy_a_store_over_its_limit(store):
    large = WorkerPool(store, workers=1, timeout=60, replica=ReplicaPolicy("auto", 1_000))
    try:
        for _ in range(10):  # the shipped store holds far more than 1,000 quads
            large.run(COUNT)
            time.sleep(0.05)
        assert large.read_from == Counter(disk=10)
    finally:
        large.close()


@pytest.fixture(scope="module")
def disk_pool(store) -> Iterator[WorkerPool]:
    pool = WorkerPool(store, workers=1, timeout=60, replica=ReplicaPolicy("disk"))
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def memory_pool(store, disk_pool) -> Iterator[WorkerPool]:
    """`auto`, the default, with room for the shipped store: what users get."""
    pool = WorkerPool(store, workers=1, timeout=60, replica=ReplicaPolicy("auto", 10_000_000))
    _until_memory(pool)
    yield pool
    pool.close()


def test_every_catalogue_query_answers_the_same_from_memory_and_disk(disk_pool, memory_pool):
    assert len(QUERIES) >= 22
    for query in QUERIES:
        text = _bound(query)
        want = _answer(disk_pool.run(text))
        before = memory_pool.read_from["memory"]
        got = _answer(memory_pool.run(text))
        assert _same(got, want, "ORDER BY" in text), query.stem
        assert memory_pool.read_from["memory"] == before + 1, f"{query.stem} was read from disk"
    assert "memory" not in disk_pool.read_from


def test_datasets_answer_as_on_disk_and_private_graphs_are_read_from_disk(store, disk_pool,
                                                                         memory_pool):
    published = store.published_graphs()
    one, two = published[0], published[-1]
    cases = [
        # (query, default_graphs, named_graphs, read from the replica?)
        ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
         None, None, True),
        (COUNT, [one], [], True),
        (COUNT, [one, two], [], True),
        ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
         [], [two], True),
        # FROM in the text: the engine would honour it on the replica, so the checkpoint answers.
        (f"SELECT (COUNT(*) AS ?n) FROM <{one}> WHERE {{ ?s ?p ?o }}", None, None, False),
        # The system graph is never in the replica.
        (COUNT, [iris.SYSTEM_GRAPH], [], False),
    ]
    for sparql, default, named, from_memory in cases:
        before = memory_pool.read_from["memory"]
        got = memory_pool.run(sparql, default_graphs=default, named_graphs=named)
        want = disk_pool.run(sparql, default_graphs=default, named_graphs=named)
        assert _same(_answer(got), _answer(want), True), sparql
        assert (memory_pool.read_from["memory"] == before + 1) == from_memory, sparql


def test_a_write_is_seen_by_the_next_query_and_then_from_memory(store, memory_pool):
    graph = "https://example.org/fictional/graph/replica-test"
    ask = f"SELECT ?name WHERE {{ <{TOWN}> <{NAME}> ?name }}"
    names = ("Musterstadt", "Beispielstadt")
    try:
        for name in names:
            triple = _triple(name)
            store.replace_graphs([GraphLoad(graph, [triple], source="test")])
            # The worker's replica is of the previous checkpoint: the first answer after the write
            # comes from the new checkpoint on disk, while the worker copies it.
            disk_before = memory_pool.read_from["disk"]
            assert [row[0].value for row in memory_pool.run(ask).rows] == [name]
            assert memory_pool.read_from["disk"] == disk_before + 1
            _until_memory(memory_pool)
            assert [row[0].value for row in memory_pool.run(ask).rows] == [name]
    finally:
        store.replace_graphs([], drop=[graph])
    assert memory_pool.run(ask).rows == []


def _triple(name: str):
    return ox.Triple(ox.NamedNode(TOWN), ox.NamedNode(NAME), ox.Literal(name))


# -- through a real `kg serve` ---------------------------------------------------------------------

TTL = '@prefix ex: <https://example.org/fictional/> .\nex:town ex:name "{}" .\n'


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def _names(url: str) -> list[str]:
    query = f"SELECT ?name WHERE {{ <{TOWN}> <{NAME}> ?name }} ORDER BY ?name"
    request = urllib.request.Request(url + "sparql?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return [b["name"]["value"] for b in json.load(response)["results"]["bindings"]]


@pytest.mark.parametrize("mode", ["memory", "disk"])
def test_kg_serve_answers_each_write_at_once(tmp_path, mode):
    project, store = tmp_path / "project", tmp_path / "store"
    (project / "data").mkdir(parents=True)
    (project / "data" / "towns.ttl").write_text(TTL.format("Musterstadt"))
    assert _kg("load", "--store", str(store), "--root", str(project)).returncode == 0
    server = start_server(store, "--replica", mode)
    try:
        assert _names(server.url) == ["Musterstadt"]
        time.sleep(1)  # time for the workers' copies of this state (milliseconds at this size)
        (project / "data" / "more.ttl").write_text(TTL.format("Beispielstadt"))
        out = _kg("load", "--store", str(store), "--root", str(project))
        assert out.returncode == 0 and "Sent to the running server" in out.stdout, out.stderr
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline:  # at once, and while the copies are being made
            assert _names(server.url) == ["Beispielstadt", "Musterstadt"]
    finally:
        stop_server(server)


def test_an_unknown_replica_mode_is_refused_with_the_choices(tmp_path):
    out = _kg("serve", "--store", str(tmp_path / "store"), "--replica", "ram")
    assert out.returncode != 0
    assert "--replica" in out.stderr and "auto, memory, disk" in out.stderr and "'ram'" in out.stderr


def test_a_validation_reads_its_context_from_the_replica_and_judges_as_on_disk(disk_pool, memory_pool):
    from kg.validation.inputs import read_input

    # a membership dated before its organisation was founded: only the store knows that date
    example = ROOT / "tests" / "validation" / "examples" / "membership-before-founding.ttl"
    submission = read_input(example.read_bytes(), "turtle", source=example.name, max_bytes=10**6)

    def outcome(pool):
        report = pool.validate(submission, "en", root=str(ROOT), engine="batch")
        return report.context_triples, sorted((r.path, r.component, r.message) for r in report.results)
    on_disk = outcome(disk_pool)
    before = memory_pool.read_from["memory"]
    in_memory = outcome(memory_pool)
    assert memory_pool.read_from["memory"] == before + 1
    assert in_memory == on_disk
    assert on_disk[0] > 0 and any("SPARQL" in component for _p, component, _m in on_disk[1])
