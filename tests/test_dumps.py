"""Dumps of the published dataset (/dumps/): made from the store's current publication state,
never stale, written whole or not at all, and holding exactly the published quads.

The core is tested on real on-disk stores; the HTTP side on a real `kg serve` over a store that
`kg load` built from the shipped data, and written to through the server (`kg load --force`)."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.dumps import DumpShelf, dump_dir, file_name, publication_state
from kg.dumps.names import DUMP_FORMATS
from kg.errors import Unavailable
from kg.store import EmbeddedStore, GraphLoad
import remote_backend
from support import ROOT

EX = "http://example.org/"
G1, G2 = "https://w3id.org/integration-kg/graph/data/one", "https://w3id.org/integration-kg/graph/data/two"
NQ, TRIG = DUMP_FORMATS

# a test loads into the server's store: it gets a server of its own
WRITES_THROUGH_SERVER = True


def triple(s: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + "p"), ox.Literal(o))


def parse_dump(path: Path) -> set[ox.Quad]:
    data = path.read_bytes()
    fmt = ox.RdfFormat.N_QUADS if path.name.endswith(".nq.gz") else ox.RdfFormat.TRIG
    return set(ox.parse(gzip.decompress(data) if path.name.endswith(".gz") else data, fmt))


def published_quads(store: EmbeddedStore) -> set[ox.Quad]:
    return set(ox.parse(store.dump(ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS))


@pytest.fixture
def small(store: EmbeddedStore) -> EmbeddedStore:
    blank = ox.BlankNode("b")
    store.replace_graphs([
        GraphLoad(G1, [triple("a", "1"), triple("shared", "x"),
                       ox.Triple(blank, ox.NamedNode(EX + "p"), ox.Literal("blank"))],
                  source="data/one.ttl", sha256="1"),
        GraphLoad(G2, [triple("b", "2"), triple("shared", "x")], source="data/two.ttl", sha256="2"),
        GraphLoad(EX + "private", [triple("secret", "s")], source="x", sha256="3", publish=False)])
    return store


# -- the core ------------------------------------------------------------------------------------

def test_the_files_hold_the_published_quads_whole_and_per_graph(small, store_path):
    shelf = DumpShelf(small, dump_dir(store_path))
    manifest = shelf.current()
    folder = shelf.path(manifest.state.fingerprint)
    assert sorted(f.name for f in manifest.files) == sorted(
        file_name(g, fmt) for g in (None, G1, G2) for fmt in DUMP_FORMATS)
    whole = published_quads(small)
    assert len(whole) == 5 and not any("secret" in str(q) for q in whole)
    for entry in manifest.files:
        quads = parse_dump(folder / entry.name)
        expected = whole if entry.graph is None else {q for q in whole if q.graph_name.value == entry.graph}
        assert quads == expected, entry.name
        assert entry.quads == len(expected)
        data = (folder / entry.name).read_bytes()
        assert (entry.bytes, entry.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert manifest.triples == 4  # the merge: the shared triple once
    assert json.loads((folder / "manifest.json").read_text())["state"]["fingerprint"] == \
        manifest.state.fingerprint


def test_a_dump_loaded_into_a_fresh_store_gives_the_same_graphs_and_merge(small, store_path, tmp_path):
    shelf = DumpShelf(small, dump_dir(store_path))
    manifest = shelf.current()
    quads = parse_dump(shelf.path(manifest.state.fingerprint) / "dataset.nq.gz")
    fresh = EmbeddedStore(tmp_path / "fresh")
    try:
        fresh.replace_graphs([GraphLoad(g, [q.triple for q in quads if q.graph_name.value == g])
                              for g in sorted({q.graph_name.value for q in quads})])
        assert fresh.published_graphs() == small.published_graphs() == [G1, G2]
        for g in (G1, G2):
            assert canonical(fresh, [g]) == canonical(small, [g])
        assert fresh.quad_count() == small.quad_count() == 4
        assert canonical(fresh) == canonical(small)
    finally:
        fresh.close()


def canonical(store: EmbeddedStore, graphs: list[str] | None = None) -> set[str]:
    """The store's dump with blank nodes named by their place in the graph, not by their label:
    a reload gives blank nodes new labels, and the same graph must still compare equal."""
    dataset = ox.Dataset(ox.parse(store.dump(ox.RdfFormat.N_QUADS, graphs), ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in dataset}


def test_every_write_of_published_data_makes_a_new_state_and_drops_the_old_files(small, store_path):
    shelf = DumpShelf(small, dump_dir(store_path))
    first = shelf.current()
    assert shelf.current() == first  # read back from disk, not made again
    small.replace_graphs([GraphLoad(G2, [triple("b", "3")], source="data/two.ttl", sha256="4")])
    second = shelf.current()
    assert second.state.fingerprint != first.state.fingerprint
    assert not shelf.path(first.state.fingerprint).exists()
    assert triple("b", "3") in {q.triple for q in parse_dump(
        shelf.path(second.state.fingerprint) / "dataset.nq.gz")}
    small.set_published(G2, False)
    third = shelf.current()
    assert third.state.graphs == (G1,) and third.state.fingerprint != second.state.fingerprint
    small.set_published(EX + "private", False)  # no change of what is published
    assert publication_state(small) == third.state


def test_files_made_while_a_write_came_in_are_thrown_away_and_made_again(small, store_path):
    """A write during the making (here from inside the serializer's read) must not leave a set of
    files that mixes two states under either state's name."""
    class WritesOnce:
        def __init__(self, store):
            self.store, self.wrote = store, False

        def __getattr__(self, name):
            return getattr(self.store, name)

        def write_dump(self, output, fmt, graphs=None):
            if not self.wrote:
                self.wrote = True
                self.store.replace_graphs([GraphLoad(G1, [triple("a", "new")], source="data/one.ttl",
                                                     sha256="5")])
            return self.store.write_dump(output, fmt, graphs)

    shelf = DumpShelf(WritesOnce(small), dump_dir(store_path))
    manifest = shelf.current()
    assert manifest.state == publication_state(small)
    folder = shelf.path(manifest.state.fingerprint)
    assert parse_dump(folder / "dataset.nq.gz") == published_quads(small)
    assert [p.name for p in dump_dir(store_path).iterdir()] == [manifest.state.fingerprint]


def test_a_store_that_is_always_writing_gets_a_clear_503(small, store_path, monkeypatch):
    monkeypatch.setattr(small, "write_generation", lambda: 1)
    with pytest.raises(Unavailable) as caught:
        DumpShelf(small, dump_dir(store_path)).current()
    assert caught.value.status == 503 and "gleich" in caught.value.text("de")


def test_graph_names_never_leave_the_folder():
    assert file_name(G1, NQ) == "graph/data/one.nq.gz"
    assert file_name(None, TRIG) == "dataset.trig"
    for odd in ("https://w3id.org/integration-kg/graph/../../etc/passwd", "http://example.org/g",
                "https://w3id.org/integration-kg/graph/a//b", "https://w3id.org/integration-kg/graph/"):
        assert file_name(odd, NQ).startswith("graph/other/") and ".." not in file_name(odd, NQ)


# -- over HTTP, from a real `kg serve` -----------------------------------------------------------

def fetch(server, path: str, method: str = "GET", **headers: str):
    request = urllib.request.Request(server.url + path.lstrip("/"), headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def listing(server) -> dict:
    status, headers, body = fetch(server, "dumps/", Accept="application/json")
    assert status == 200 and headers.get_content_type() == "application/json"
    return json.loads(body)


def sparql_count(server, query: str) -> int:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(server.url + "sparql", data=body,
                                      headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def test_the_listing_names_every_file_with_size_count_sha256_and_state(server):
    found = listing(server)
    files = {f["name"]: f for f in found["files"]}
    assert {"dataset.nq.gz", "dataset.trig"} <= set(files)
    graphs = {f["graph"] for f in found["files"]} - {None}
    assert len(graphs) == found["state"]["graphs"] and len(files) == 2 * (len(graphs) + 1)
    assert found["triples"] == sparql_count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    for entry in (files["dataset.nq.gz"], files["dataset.trig"], next(iter(files.values()))):
        status, headers, data = fetch(server, "dumps/" + entry["name"])
        assert status == 200 and entry["url"] == server.url + "dumps/" + entry["name"]
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["bytes"], entry["sha256"])
        assert headers["ETag"] == f'"{entry["sha256"]}"' and headers["Last-Modified"]


def test_the_whole_dump_holds_every_published_graph_as_sparql_counts_it(server):
    entry = next(f for f in listing(server)["files"] if f["name"] == "dataset.nq.gz")
    _, headers, data = fetch(server, "dumps/dataset.nq.gz")
    assert headers.get_content_type() == "application/gzip"
    quads = list(ox.parse(gzip.decompress(data), ox.RdfFormat.N_QUADS))
    assert len(quads) == len(set(quads)) == entry["quads"]
    per_graph = {}
    for q in quads:
        per_graph[q.graph_name.value] = per_graph.get(q.graph_name.value, 0) + 1
    counted = sparql_count(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sum(per_graph.values()) == counted
    assert len({q.triple for q in quads if not _has_blank(q)}) == sparql_count(
        server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) }")


def _has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def test_files_answer_conditional_requests_and_head(server):
    status, headers, data = fetch(server, "dumps/dataset.trig")
    assert status == 200 and headers.get_content_type() == "application/trig"
    assert fetch(server, "dumps/dataset.trig", **{"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(server, "dumps/dataset.trig",
                 **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    status, head_headers, body = fetch(server, "dumps/dataset.trig", method="HEAD")
    assert (status, body) == (200, b"")
    assert head_headers["Content-Length"] == str(len(data)) and head_headers["ETag"] == headers["ETag"]
    status, headers, _ = fetch(server, "dumps/", Accept="application/json")
    assert fetch(server, "dumps/", Accept="application/json",
                 **{"If-None-Match": headers["ETag"]})[0] == 304


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_listing_page_is_in_both_languages(server, lang):
    from kg.i18n import ui

    status, headers, body = fetch(server, f"dumps/?lang={lang}", Accept="text/html")
    page = body.decode()
    assert status == 200 and headers.get_content_type() == "text/html"
    assert f'<html lang="{lang}">' in page and ui("dumps_title", lang) in page
    assert 'href="/dumps/dataset.nq.gz"' in page


@pytest.mark.parametrize("lang", ["de", "en"])
def test_bad_requests_are_clear_4xx_in_both_languages(server, lang):
    status, _, body = fetch(server, f"dumps/graph/nowhere.nq.gz?lang={lang}")
    error = json.loads(body)
    assert status == 404 and error["lang"] == lang and "/dumps/" in error["message"]
    status, _, body = fetch(server, f"dumps/../../etc/passwd?lang={lang}")
    assert status == 404
    status, _, body = fetch(server, f"dumps/?lang={lang}", Accept="image/png")
    assert status == 406 and json.loads(body)["lang"] == lang
    assert fetch(server, "dumps/dataset.trig", method="POST")[0] == 405


def test_void_links_the_dumps(server):
    _, _, body = fetch(server, ".well-known/void", Accept="application/n-triples")
    dumps = {t.object.value for t in ox.parse(body, ox.RdfFormat.N_TRIPLES)
             if t.predicate.value == "http://rdfs.org/ns/void#dataDump"}
    named = {f["url"] for f in listing(server)["files"]}
    assert dumps == named


def test_a_write_through_the_server_makes_new_dumps_never_stale_ones(server):
    before = listing(server)
    old_etag = fetch(server, "dumps/dataset.nq.gz", method="HEAD")[1]["ETag"]
    done = subprocess.run([sys.executable, "-m", "kg", "load", "--force", "--store",
                           str(server.store), *remote_backend.options_of(server), "--root",
                           str(ROOT)], cwd=ROOT,
                          capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr
    after = listing(server)
    assert after["state"]["fingerprint"] != before["state"]["fingerprint"]
    assert after["triples"] == before["triples"]
    status, headers, _ = fetch(server, "dumps/dataset.nq.gz", **{"If-None-Match": old_etag})
    assert status == 200 and headers["ETag"] == '"%s"' % next(
        f["sha256"] for f in after["files"] if f["name"] == "dataset.nq.gz")
    assert [p.name for p in dump_dir(server.local).iterdir()] == [after["state"]["fingerprint"]]


def test_a_graph_file_saves_under_a_name_of_its_own(server):
    entry = next(f for f in listing(server)["files"] if f["graph"] is not None)
    _, headers, _ = fetch(server, "dumps/" + entry["name"], method="HEAD")
    assert headers["Content-Disposition"] == "inline; filename=" + entry["name"].replace("/", "-")
