"""Outbound federation through a real `kg serve`: SERVICE reaches only the endpoints on the
allow-list (--service-allow), every near miss is refused with a 400 before any connection is
made, an allowed peer's rows join ours, and a dead or silent endpoint gives a clean error within
the query's deadline."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib

from federation_peers import OxigraphPeer, RecordingRelay, SilentPeer
from kg.federation import host_kind, parse_origin
from support import DATA, free_port, start_server, stop_server

IKG = rdflib.Namespace("https://w3id.org/integration-kg/ontology#")
PEER_AGS = "urn:test:peer#ags"
QUERY_TIMEOUT = 4


def shipped_ags(count: int) -> dict[str, str]:
    """AGS -> municipality IRI for the first `count` AGS in the shipped municipalities file."""
    graph = rdflib.Graph().parse(DATA / "municipalities.ttl")
    pairs = sorted((str(ags), str(m)) for m, ags in graph.subject_objects(IKG.ags))
    assert len(pairs) >= count
    return dict(pairs[:count])


@pytest.fixture(scope="module")
def peers(tmp_path_factory):
    """The Oxigraph server with one row per chosen AGS, reached through a recording relay."""
    chosen = shipped_ags(3)
    turtle = "".join(f'<urn:test:peer#row{i}> <{PEER_AGS}> "{ags}" .\n'
                     for i, ags in enumerate(chosen))
    peer = OxigraphPeer(tmp_path_factory.mktemp("peer"), turtle)
    relay, silent = RecordingRelay(peer.port), SilentPeer()
    yield {"peer": peer, "relay": relay, "silent": silent, "chosen": chosen,
           "allowed": f"http://127.0.0.1:{relay.port}/query"}
    relay.close()
    silent.close()
    peer.stop()


@pytest.fixture(scope="module")
def dead_port():
    return free_port()  # nobody listens there


@pytest.fixture(scope="module")
def fed_server(loaded_store_path, peers, dead_port):
    server = start_server(
        loaded_store_path, "--service-allow", peers["allowed"],
        "--service-allow", f"http://127.0.0.1:{dead_port}/sparql",
        "--service-allow", f"http://127.0.0.1:{peers['silent'].port}/sparql",
        "--query-timeout", str(QUERY_TIMEOUT))
    yield server
    stop_server(server)


def ask(server, query: str, timeout: float = 60) -> tuple[int, dict]:
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


JOIN = """PREFIX ikg: <https://w3id.org/integration-kg/ontology#>
SELECT ?municipality ?ags ?row WHERE {
  ?municipality ikg:ags ?ags .
  SERVICE <%s> { ?row <urn:test:peer#ags> ?ags }
} ORDER BY ?ags"""


def test_an_allowed_peer_is_called_and_its_rows_join_ours(fed_server, peers):
    before = peers["relay"].connections
    status, body = ask(fed_server, JOIN % peers["allowed"])
    assert status == 200, body
    rows = [(b["ags"]["value"], b["municipality"]["value"], b["row"]["value"])
            for b in body["results"]["bindings"]]
    assert [(ags, m) for ags, m, _ in rows] == sorted(peers["chosen"].items())
    assert {row for _, _, row in rows} == {f"urn:test:peer#row{i}" for i in range(3)}
    assert peers["relay"].connections > before  # the relay sees the calls it passes on


def near_misses(relay_port: int) -> list[str]:
    """Endpoints that are not the allowed one: other spellings of its host, other ports and
    schemes, other hosts, private ranges, files."""
    return [f"http://localhost:{relay_port}/query",
            f"http://LOCALHOST:{relay_port}/query",
            f"http://127.1:{relay_port}/query",
            f"http://2130706433:{relay_port}/query",
            f"http://0x7f000001:{relay_port}/query",
            f"http://0177.0.0.1:{relay_port}/query",
            f"http://[::1]:{relay_port}/query",
            f"http://[::ffff:127.0.0.1]:{relay_port}/query",
            f"http://0.0.0.0:{relay_port}/query",
            f"http://127.0.0.2:{relay_port}/query",
            f"https://127.0.0.1:{relay_port}/query",
            f"http://127.0.0.1:{relay_port + 1}/query",
            "http://127.0.0.1/query",
            f"http://user@127.0.0.1:{relay_port}/query",
            "http://10.0.0.1/sparql",
            "http://192.168.1.1:8080/sparql",
            "http://169.254.169.254/latest/meta-data/",
            "https://query.wikidata.org/sparql",
            "file:///etc/passwd"]


def test_every_near_miss_is_refused_before_any_connection(fed_server, peers):
    relay = peers["relay"]
    for endpoint in near_misses(relay.port):
        before = relay.connections
        started = time.monotonic()
        status, body = ask(fed_server, JOIN % endpoint)
        assert status == 400, (endpoint, body)
        assert body["detail"]["refused_endpoint"] == endpoint
        assert body["detail"]["allowed_endpoints"] == sorted(body["detail"]["allowed_endpoints"])
        assert f"127.0.0.1:{relay.port}" in " ".join(body["detail"]["allowed_endpoints"])
        assert "--service-allow" in body["messages"]["en"]
        assert "--service-allow" in body["messages"]["de"] and "abgelehnt" in body["messages"]["de"]
        assert time.monotonic() - started < QUERY_TIMEOUT  # refused, not waited for
        time.sleep(0.05)  # a connection, had one been made, would have been accepted by now
        assert relay.connections == before, endpoint


@pytest.mark.parametrize("query, refused", [
    # the endpoint from a variable: unknown before the query runs
    ("SELECT * WHERE { VALUES ?e { <%(allowed)s> } SERVICE ?e { ?s ?p ?o } }", None),
    # a prefixed name that expands to a refused endpoint
    ("PREFIX peer: <http://localhost:%(port)s/> SELECT * WHERE { SERVICE peer:query { ?s ?p ?o } }",
     "http://localhost:%(port)s/query"),
    # a \\u escape in the IRI, as the engine would read it
    ("SELECT * WHERE { SERVICE <http://127.0.0.\\u0032:%(port)s/query> { ?s ?p ?o } }",
     "http://127.0.0.2:%(port)s/query"),
    # an escaped `#` in a name starts no comment that could hide what follows
    ("PREFIX e: <urn:x:> SELECT * WHERE { ?s e:a\\# ?o SERVICE <http://localhost:%(port)s/> { ?s ?p ?o } }",
     "http://localhost:%(port)s/"),
    # lower case, SILENT, inside OPTIONAL and EXISTS, after an allowed one
    ("SELECT * WHERE { OPTIONAL { service silent <http://localhost:%(port)s/> { ?s ?p ?o } } }",
     "http://localhost:%(port)s/"),
    ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.1:%(port)s/q> { ?s ?p ?o } } }",
     "http://127.1:%(port)s/q"),
    ("SELECT * WHERE { SERVICE <%(allowed)s> { ?s ?p ?o } SERVICE <http://localhost:%(port)s/> { ?s ?p ?o } }",
     "http://localhost:%(port)s/"),
    # a relative IRI, resolved against the endpoint's own URL (this server: not allowed)
    ("SELECT * WHERE { SERVICE <other> { ?s ?p ?o } }", "%(server)sother"),
])
def test_hidden_endpoints_are_found_and_refused(fed_server, peers, query, refused):
    values = {"allowed": peers["allowed"], "port": peers["relay"].port, "server": fed_server.url}
    before = peers["relay"].connections
    status, body = ask(fed_server, query % values)
    assert status == 400, body
    assert body["detail"]["refused_endpoint"] == (refused % values if refused else None)
    assert peers["relay"].connections == before


def test_nested_service_is_checked_too(fed_server, peers):
    query = ("SELECT * WHERE { SERVICE <%(a)s> { ?s ?p ?o SERVICE <http://localhost:1/> "
             "{ ?s ?p ?o } } }") % {"a": peers["allowed"]}
    before = peers["relay"].connections
    status, body = ask(fed_server, query)
    assert status == 400 and body["detail"]["refused_endpoint"] == "http://localhost:1/", body
    assert peers["relay"].connections == before


def test_an_endpoint_that_cannot_be_read_is_refused(fed_server, peers):
    for query in ("SELECT * WHERE { SERVICE nope:x { ?s ?p ?o } }",
                  "SELECT * WHERE { SERVICE { ?s ?p ?o } }"):
        status, body = ask(fed_server, query)
        assert status == 400 and "could not be checked" in body["message"], body
        assert "ließen sich nicht prüfen" in body["messages"]["de"]


def test_service_in_comments_and_strings_is_no_call(fed_server):
    status, body = ask(fed_server, 'SELECT ?x WHERE { BIND("SERVICE <http://localhost:1/>" AS ?x) }'
                                   "\n# SERVICE <http://localhost:1/> { }")
    assert status == 200 and body["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


def test_a_dead_endpoint_gives_a_clean_error(fed_server, dead_port):
    started = time.monotonic()
    status, body = ask(fed_server, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{dead_port}/sparql> "
                                   "{ ?s ?p ?o } }")
    assert status == 502, body
    assert body["error"] == "service-failed"
    assert f"127.0.0.1:{dead_port}" in body["messages"]["en"]
    assert "SERVICE SILENT" in body["messages"]["de"]
    assert time.monotonic() - started < QUERY_TIMEOUT
    # SILENT goes on without it: the rows of our side alone
    status, body = ask(fed_server, "SELECT (COUNT(*) AS ?n) WHERE { ?m <https://w3id.org/integration-kg/"
                                   "ontology#ags> ?a OPTIONAL { SERVICE SILENT "
                                   f"<http://127.0.0.1:{dead_port}/sparql> {{ ?x ?y ?a }} }} }}")
    assert status == 200 and int(body["results"]["bindings"][0]["n"]["value"]) > 100


def test_a_silent_endpoint_is_cut_at_the_deadline_and_the_server_goes_on(fed_server, peers):
    silent = peers["silent"]
    started = time.monotonic()
    status, body = ask(fed_server, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{silent.port}/sparql> "
                                   "{ ?s ?p ?o } }")
    elapsed = time.monotonic() - started
    assert silent.connections >= 1  # it really was called, and held the call
    assert status == 503, body
    assert QUERY_TIMEOUT - 0.5 < elapsed < QUERY_TIMEOUT + 10
    assert body["message"] and body["messages"]["de"]
    status, body = ask(fed_server, JOIN % peers["allowed"])
    assert status == 200 and len(body["results"]["bindings"]) == 3


@pytest.mark.parametrize("host, kind", [
    ("localhost", "loopback"), ("127.1", "loopback"), ("2130706433", "loopback"),
    ("0x7f000001", "loopback"), ("0177.0.0.1", "loopback"), ("[::1]", "loopback"),
    ("[::ffff:127.0.0.1]", "loopback"), ("0.0.0.0", "loopback"), ("127.8.9.10", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.0.1", "private"),
    ("169.254.169.254", "private"), ("[fd00::1]", "private"), ("[fe80::1]", "private"),
    ("134744072", "numeric"), ("query.wikidata.org", None), ("8.8.8.8", None),
])
def test_host_spellings_are_recognised(host, kind):
    assert host_kind(host) == kind


@pytest.mark.parametrize("url, origin", [
    ("http://127.0.0.1:8890/sparql", "http://127.0.0.1:8890"),
    ("HTTPS://Query.Wikidata.ORG/sparql", "https://query.wikidata.org:443"),
    ("http://example.org.", "http://example.org:80"),
    ("http://[::1]:8080/", "http://[::1]:8080"),
    ("http://user@example.org/", None), ("http://example.org:80@evil.org/", None),
    ("file:///etc/passwd", None), ("ftp://example.org/", None), ("http://example.org:0/", None),
    ("http://example.org:99999/", None), ("http://exa\\mple.org/", None),
])
def test_origins_are_read_strictly(url, origin):
    parsed = parse_origin(url)
    assert (str(parsed) if parsed else None) == origin


def test_the_service_description_names_federation_only_when_it_is_on(fed_server):
    request = urllib.request.Request(fed_server.url + "sparql", headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=30) as response:
        graph = rdflib.Graph().parse(data=response.read(), format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert set(graph.objects(None, sd.feature)) == {sd.UnionDefaultGraph, sd.BasicFederatedQuery}
    # without --service-allow it is not named: tests/test_sparql_endpoint.py (features exactly)
