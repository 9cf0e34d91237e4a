"""VoID's counts are asked of the store once per write, not once per call: a second call runs no
query, and a write makes the next call count again (and show the new numbers). /health's counts
follow writes too."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.store import GraphLoad
from kg.web import QUERY_RUNNER_KEY, create_app
from remote_backend import copy_of, release

VOID_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
NEW_GRAPH = "https://w3id.org/integration-kg/graph/test/void-cache"


@pytest.fixture
def app_and_store(loaded_store_path, tmp_path):
    site = copy_of(loaded_store_path, tmp_path / "copy")  # this test writes
    store = site.open()
    # The real query runner (worker processes over checkpoints, or the remote runner), as
    # `kg serve` has it.
    app = create_app(site.settings(query_workers=1), store=store)
    runner = app.extensions[QUERY_RUNNER_KEY]
    asked: list[str] = []
    run = runner.run

    def counting(sparql, **kwargs):
        asked.append(sparql)
        return run(sparql, **kwargs)

    runner.run = counting
    yield app, store, asked
    runner.close()
    store.close()
    release(site)


def dataset_triples(client) -> int:
    response = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    graph = ox.parse(response.data, format=ox.RdfFormat.N_TRIPLES)
    counts = [int(t.object.value) for t in graph
              if t.predicate == VOID_TRIPLES and t.subject.value.endswith("#dataset")]
    assert len(counts) == 1
    return counts[0]


def test_second_call_runs_no_query_and_a_write_refreshes(app_and_store):
    app, store, asked = app_and_store
    client = app.test_client()
    before = dataset_triples(client)
    first = len(asked)
    assert first >= 6  # the counts were asked of the store
    assert dataset_triples(client) == before
    assert len(asked) == first  # ... and the second call asked nothing

    subject = ox.NamedNode("https://w3id.org/integration-kg/id/test/void-cache")
    new = [ox.Triple(subject, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                     ox.Literal(f"void cache {n}")) for n in range(3)]
    store.replace_graphs([GraphLoad(NEW_GRAPH, new, source="test")])
    assert dataset_triples(client) == before + 3
    assert len(asked) >= 2 * first
    # /health shows the write too, from the counts taken with it
    assert client.get("/health").get_json()["published_triples"] == before + 3
