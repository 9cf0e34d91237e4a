"""Inbound federation: other SPARQL engines use a real `kg serve` as a source. The Oxigraph
server answers a query whose SERVICE calls our /sparql; Comunica joins our endpoint with a
Turtle file on the AGS; rdflib's SPARQLStore reads from it. VoID describes the links to Wikidata
as linksets."""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import threading
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdflib.namespace import OWL, RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from federation_peers import OxigraphPeer
from support import DATA_FILES, ROOT

IKG = rdflib.Namespace("https://w3id.org/integration-kg/ontology#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
PEER_AGS = "urn:test:peer#ags"
COMUNICA = ROOT / "tests" / "peers" / "node_modules" / ".bin" / "comunica-sparql"


@functools.cache
def shipped_data() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in DATA_FILES:
        graph.parse(path)
    return graph


def shipped_ags() -> dict[str, str]:
    """AGS -> municipality IRI, from the shipped data files."""
    pairs = {str(ags): str(m) for m, ags in shipped_data().subject_objects(IKG.ags)}
    assert len(pairs) > 100
    return pairs


def chosen_ags(count: int = 3) -> dict[str, str]:
    return dict(sorted(shipped_ags().items())[-count:])


def peer_turtle(chosen: dict[str, str]) -> str:
    """A peer's own rows, one per AGS: nothing but the key it shares with us."""
    return "".join(f'<urn:test:peer#row{i}> <{PEER_AGS}> "{ags}" .\n' for i, ags in enumerate(chosen))


def sparql_url(server) -> str:
    return server.url + "sparql"


JOIN_ROWS = f"""PREFIX ikg: <{IKG}>
SELECT ?row ?ags ?municipality WHERE {{
  ?row <{PEER_AGS}> ?ags .
  %s
}} ORDER BY ?ags"""


def test_the_oxigraph_server_calls_our_endpoint_through_service(server, tmp_path):
    chosen = chosen_ags()
    peer = OxigraphPeer(tmp_path, peer_turtle(chosen))
    try:
        query = JOIN_ROWS % f"SERVICE <{sparql_url(server)}> {{ ?municipality ikg:ags ?ags }}"
        request = urllib.request.Request(
            peer.url, data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=60) as response:
            bindings = json.loads(response.read())["results"]["bindings"]
    finally:
        peer.stop()
    assert [(b["ags"]["value"], b["municipality"]["value"]) for b in bindings] == \
        sorted(chosen.items())


class _TurtleHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {".ttl": "text/turtle"}

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def turtle_source(tmp_path):
    """A Turtle file on a local HTTP server: Comunica's second source."""
    chosen = chosen_ags()
    (tmp_path / "peer.ttl").write_text(peer_turtle(chosen), encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_TurtleHandler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/peer.ttl", chosen
    httpd.shutdown()
    httpd.server_close()


def test_comunica_joins_our_endpoint_with_another_source(server, turtle_source):
    assert COMUNICA.exists(), "Comunica is missing: run `make test-peers` (part of `make test`)."
    source, chosen = turtle_source
    query = JOIN_ROWS % "?municipality ikg:ags ?ags ."
    result = subprocess.run(
        [str(COMUNICA), f"sparql@{sparql_url(server)}", source, query,
         "-t", "application/sparql-results+json"],
        capture_output=True, text=True, timeout=180, cwd=COMUNICA.parents[2])
    assert result.returncode == 0, result.stderr
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert [(b["ags"]["value"], b["municipality"]["value"]) for b in bindings] == \
        sorted(chosen.items())


def test_rdflib_sparqlstore_reads_our_endpoint(server):
    graph = rdflib.Graph(store=SPARQLStore(sparql_url(server), returnFormat="json"))
    rows = graph.query(f"PREFIX ikg: <{IKG}> SELECT ?m ?ags WHERE {{ ?m ikg:ags ?ags }}")
    assert {str(ags): str(m) for m, ags in rows} == shipped_ags()
    municipality = rdflib.URIRef(next(iter(chosen_ags().values())))
    assert set(graph.triples((municipality, None, None))) == \
        set(shipped_data().triples((municipality, None, None)))
    assert (municipality, RDF.type, IKG.Municipality) in graph


def test_void_describes_the_wikidata_linksets(server):
    request = urllib.request.Request(server.url + ".well-known/void",
                                     headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=60) as response:
        void = rdflib.Graph().parse(data=response.read(), format="turtle")
    data = shipped_data()
    same_as = sum(1 for _, o in data.subject_objects(OWL.sameAs)
                  if str(o).startswith(WIKIDATA_ENTITY))
    ags = sum(1 for _ in data.subject_objects(IKG.ags))
    assert same_as and ags
    linksets = {void.value(ls, VOID.linkPredicate): ls for ls in void.subjects(RDF.type, VOID.Linkset)}
    assert set(linksets) == {OWL.sameAs, IKG.ags}
    assert int(void.value(linksets[OWL.sameAs], VOID.triples)) == same_as
    assert int(void.value(linksets[IKG.ags], VOID.triples)) == ags
    dataset = next(void.subjects(VOID.sparqlEndpoint, rdflib.URIRef(sparql_url(server))))
    for linkset in linksets.values():
        assert void.value(linkset, VOID.subjectsTarget) == dataset
        target = void.value(linkset, VOID.objectsTarget)
        assert str(void.value(target, VOID.uriSpace)) == WIKIDATA_ENTITY
        assert void.value(target, VOID.sparqlEndpoint) == rdflib.URIRef("https://query.wikidata.org/sparql")
    assert "P439" in " ".join(str(d) for d in void.objects(linksets[IKG.ags], None))
