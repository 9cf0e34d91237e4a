"""The whole application on a real Oxigraph server: `kg load --store URL` fills it, `kg serve
--store URL` serves the same pages and answers as the embedded default (the shared server, built
by `kg load` into a directory), keeps private graphs private, stops a query at our deadline,
and takes submissions all or nothing, through a crash and the restart that reconciles.

The tests that write come last in this file and work relative to what they find.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

import remote_backend
from kg import iris
from kg.config import Settings, load_settings
from kg.errors import BadRequest
from kg.store import RemoteStore
from kg.store.deadline_param import with_parameter
from kg.store.remote import MERGE_GRAPH, STAGING_PREFIX
from kg.submissions import Submissions
from kg.submissions.journal import CRASH_EXIT_CODE
from source_http import call
from source_http import sparql as sparql_call
from support import ROOT, SHIPPED_FILES, published_triple_count, shipped_graph, start_server, stop_server

FIXTURES = ROOT / "tests" / "fixtures" / "submissions"
SEED = ["05116000", "05913000", "15002000", "09564000", "14612000"]
DRESDEN = "https://w3id.org/integration-kg/id/municipality/14612000"


@pytest.fixture(scope="module")
def remote(tmp_path_factory):
    """An Oxigraph server filled by `kg load --store URL`, a token scoped to Leipzig, and
    `kg serve --store URL` on it."""
    folder = tmp_path_factory.mktemp("remote")
    peer = remote_backend.oxigraph_server(folder)
    remote_backend.load_into(peer, folder)
    tokens = folder / "tokens.json"
    token = kg("token", "add", "leipzig", "--scope", "14713000", "--tokens-file", str(tokens))
    options = ["--state-dir", str(folder / "state"), "--tokens-file", str(tokens)]
    server = serve(peer.url, options)
    site = {"peer": peer, "server": server, "options": options, "token": token.strip(),
            "settings": Settings(store=peer.url, root=str(ROOT), state_dir=str(folder / "state"),
                                 tokens_file=str(tokens))}
    yield site
    stop_server(site["server"])
    remote_backend.stop(peer)


@pytest.fixture(scope="module")
def embedded(request):
    if remote_backend.remote():
        pytest.skip("compares the remote backend with the embedded one")
    return request.getfixturevalue("shared_server")


def kg(*args: str, env: dict | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**__import__("os").environ, **(env or {})})
    assert done.returncode == 0, done.stderr
    return done.stdout


def serve(url: str, options: list[str], env: dict | None = None):
    # start_server adds a state folder of its own for a URL; ours comes later and wins.
    return start_server(url, *options, env=env, timeout=120)


def get(server, path: str, accept: str = "application/json") -> tuple[int, bytes]:
    request = urllib.request.Request(server.url + path.lstrip("/"), headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def sparql(server, query: str) -> list[dict]:
    status, body = get(server, "sparql?" + urllib.parse.urlencode({"query": query}),
                       "application/sparql-results+json")
    assert status == 200, body[:500]
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


def opened(remote) -> RemoteStore:
    settings = remote["settings"]
    return RemoteStore(settings.store, local=settings.local_store)


def catalogue_paths(server) -> list[str]:
    paths = []
    for entry in json.loads(get(server, "api/queries")[1]):
        values = {p["name"]: p["example"] for p in entry["parameters"] if p.get("required")}
        query = urllib.parse.urlencode(values, doseq=True)
        paths.append(f"api/queries/{entry['id']}" + (f"?{query}" if query else ""))
    return paths


def rows_of(body: bytes) -> list[str]:
    """The rows as a sorted list: unordered queries may list rows in another order, and a cell
    joined by GROUP_CONCAT its parts in another order (SPARQL leaves both open; the catalogue's
    tests read such cells as sets too, tests/data/cq_runner.canonical)."""
    def cell(value):
        return "; ".join(sorted(value.split("; "))) if isinstance(value, str) else value
    return sorted(json.dumps({k: cell(v) for k, v in row.items()}, sort_keys=True)
                  for row in json.loads(body)["rows"])


# -- the layout on the server -----------------------------------------------------------------


def test_load_publishes_every_shipped_file_and_keeps_the_merge_twice(remote):
    store = opened(remote)
    assert store.published_graphs() == sorted(shipped_graph(p) for p in SHIPPED_FILES)
    # The merge is a set: a triple two files share counts once, blank nodes stay apart per file.
    assert store.stats().triples == published_triple_count()
    default = sparql_count(remote, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert default == store.stats().triples  # the server's default graph, as others see it
    assert not staging_graphs(remote)
    assert MERGE_GRAPH not in store.graphs() and iris.SYSTEM_GRAPH not in store.graphs()


def sparql_count(remote, query: str) -> int:
    request = urllib.request.Request(remote["peer"].url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])


# -- the same answers as the embedded store ---------------------------------------------------


def test_health_counts_the_same_dataset(remote, embedded):
    ours, theirs = (json.loads(get(s, "health")[1]) for s in (remote["server"], embedded))
    assert ours["status"] == "ok" and ours["store"] == "reachable"
    assert (ours["published_graphs"], ours["published_triples"]) == \
        (theirs["published_graphs"], theirs["published_triples"])


def test_every_catalogue_query_answers_as_on_the_embedded_store(remote, embedded):
    paths = catalogue_paths(embedded)
    assert len(paths) == len(list((ROOT / "queries" / "cq").glob("*.rq")))
    for path in paths:
        status, body = get(remote["server"], path)
        expected_status, expected = get(embedded, path)
        assert (status, expected_status) == (200, 200), (path, body[:300])
        assert rows_of(body) == rows_of(expected), path


@pytest.mark.parametrize("path", [
    "", "queries", "queries/cq01", "compare?" + "&".join(f"ags={a}" for a in SEED),
    "id/municipality/14612000"])
def test_pages_are_the_same(remote, embedded, path):
    status, body = get(remote["server"], path, "text/html")
    expected_status, expected = get(embedded, path, "text/html")
    assert status == expected_status == 200
    strip = lambda html: _without_times(html.decode().replace(remote["server"].url, "/").replace(embedded.url, "/"))
    assert strip(body) == strip(expected)


def _without_times(html: str) -> str:
    """Pages that say when a dump or load was made differ in that alone."""
    import re
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\+00:00|Z)?|\d{4}-\d\d-\d\d \d\d:\d\d( UTC)?",
                  "TIME", html)


def test_a_comparison_is_the_same(remote, embedded):
    path = "api/compare?" + "&".join(f"ags={a}" for a in SEED) + "&date=2025-06-30"
    status, body = get(remote["server"], path)
    assert status == 200
    # Links name the server they came from.
    ours = body.decode().replace(remote["server"].url, "/")
    assert json.loads(ours) == json.loads(get(embedded, path)[1].decode().replace(embedded.url, "/"))


def test_graph_sees_only_the_published_graphs(remote, embedded):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    ours = sparql(remote["server"], query)
    assert ours == sparql(embedded, query)
    assert {r["g"] for r in ours} == set(opened(remote).published_graphs())
    private = f"SELECT (COUNT(*) AS ?n) FROM <{iris.SYSTEM_GRAPH}> WHERE {{ ?s ?p ?o }}"
    path = "sparql?" + urllib.parse.urlencode({"query": private})
    refused = [get(server, path) for server in (remote["server"], embedded)]
    assert refused[0][0] == refused[1][0] == 400 and b"published" in refused[0][1]


def test_validation_in_context_gives_the_same_report(remote, embedded):
    def report(server) -> dict:
        parts = b"".join(
            f'--b\r\nContent-Disposition: form-data; name="file"; filename="{p.name}"\r\n\r\n'.encode()
            + p.read_bytes() + b"\r\n" for p in sorted((FIXTURES / "leipzig").iterdir()))
        request = urllib.request.Request(server.url + "api/validate?lang=en", data=parts + b"--b--\r\n",
                                         headers={"Content-Type": "multipart/form-data; boundary=b",
                                                  "Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())

    ours, theirs = report(remote["server"]), report(embedded)
    # The embedded store is looked up for the triples the checks read (kg.validation.reach), the
    # remote one asked by queries for all the referenced things have: the same report from both.
    assert ours.pop("context_triples") >= theirs.pop("context_triples") > 0
    assert ours == theirs
    assert "conforms" in json.dumps(ours)


def test_a_dump_streams_the_published_dataset(remote, embedded):
    # /dumps/ lists the same files and counts (its fingerprint names load times, which differ).
    ours, theirs = (json.loads(get(s, "dumps/")[1]) for s in (remote["server"], embedded))
    assert ours["triples"] == theirs["triples"]
    assert [f["name"] for f in ours["files"]] == [f["name"] for f in theirs["files"]]
    store = opened(remote)
    import pyoxigraph as ox
    dump = store.dump(ox.RdfFormat.N_QUADS)
    quads = list(ox.parse(dump, format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == set(store.published_graphs())
    assert len(quads) == sum(store.quad_count([g]) for g in store.published_graphs())


# -- our deadline ---------------------------------------------------------------------------


def test_a_query_past_the_deadline_is_a_503_and_the_server_goes_on(remote, tmp_path):
    # A second server only reads; a folder of its own keeps the first one's record in place.
    server = serve(remote["peer"].url, [*remote["options"], "--query-timeout", "1",
                                        "--state-dir", str(tmp_path)])
    try:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        began = time.monotonic()
        status, body = get(server, "sparql?" + urllib.parse.urlencode({"query": heavy}))
        assert status == 503 and time.monotonic() - began < 15
        error = json.loads(body)
        assert error["error"] == "query-timeout" and "1 s" in error["messages"]["en"]
        assert "1 s" in error["messages"]["de"]
        assert get(server, "health")[0] == 200
    finally:
        stop_server(server)


def test_graph_by_graph_uploads_give_the_same_layout(tmp_path):
    """Where a Graph Store endpoint takes no dataset, staging goes up one PUT per graph; the
    same files then land as through the one N-Quads POST: same graphs, counts, blank nodes."""
    import pyoxigraph as ox

    from kg.loading import collect_sources, parse_source
    from kg.store.base import GraphLoad
    loads = [GraphLoad(s.graph, parse_source(s), source=s.path, sha256=s.sha256)
             for s in collect_sources(ROOT, ("ontology", "shapes"))]
    assert any(isinstance(q.object, ox.BlankNode) for load in loads for q in load.triples)
    layouts = []
    for by_graph in (False, True):
        folder = tmp_path / ("by-graph" if by_graph else "dataset")
        folder.mkdir()
        peer = remote_backend.oxigraph_server(folder)
        try:
            store = RemoteStore(peer.url)
            store._dataset_posts = not by_graph  # as after an endpoint refused a dataset
            store.replace_graphs(loads)
            blank = ("SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?s ?p ?b FILTER(isBlank(?b)) }")
            layouts.append((store.published_graphs(), store.stats().triples,
                            [store.quad_count([load.graph]) for load in loads],
                            store.query(blank).rows[0][0].value))
            assert not store.drop_leftover_staging()
        finally:
            remote_backend.stop(peer)
    assert layouts[0] == layouts[1]
    assert layouts[0][2] == [len(load.triples) for load in loads]


def test_a_reload_replaces_a_graph_and_a_first_load_adds_beside_it(tmp_path):
    """A first load skips the withdrawals (nothing to withdraw); a reload of a graph the server
    holds still takes its old triples out of the graph and both merges, but keeps those another
    published graph holds."""
    import pyoxigraph as ox

    from kg.loading import collect_sources, parse_source
    from kg.store.base import GraphLoad
    loads = {s.graph: GraphLoad(s.graph, parse_source(s), source=s.path, sha256=s.sha256)
             for s in collect_sources(ROOT, ("ontology", "shapes"))}
    first, *others = sorted(loads)
    elsewhere = {t for g in others for t in loads[g].triples}
    ground = [t for t in loads[first].triples if t not in elsewhere
              and not any(isinstance(x, ox.BlankNode) for x in (t.subject, t.object))]
    gone, kept = ground[:5], ground[5:]
    shared = ox.Triple(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                       ox.Literal("shared"))
    peer = remote_backend.oxigraph_server(tmp_path)
    try:
        store = RemoteStore(peer.url)
        store.replace_graphs([GraphLoad(first, [*ground, shared], source="a", sha256="1")])
        # New graphs beside a published one: added, the published one untouched.
        store.replace_graphs([GraphLoad(g, [*loads[g].triples, shared], source=g, sha256="1")
                              for g in others])
        assert store.quad_count([first]) == len(ground) + 1
        merged = store.stats().triples
        store.replace_graphs([GraphLoad(first, kept, source="a", sha256="2")])
        assert store.quad_count([first]) == len(kept)
        # The five are gone from both merges; the shared triple stays: other graphs hold it.
        assert store.stats().triples == merged - len(gone)
        assert server_default_count(peer.url) == merged - len(gone)
        ask = "ASK {{ {} {} {} }}"
        assert store.query(ask.format(shared.subject, shared.predicate, shared.object)).boolean
        for t in gone:
            assert not store.query(ask.format(t.subject, t.predicate, t.object)).boolean
        assert store.published_graphs() == sorted(loads)
    finally:
        remote_backend.stop(peer)


def server_default_count(url: str) -> int:
    """The size of the server's default graph, as a client without a dataset sees it."""
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    request = urllib.request.Request(f"{url}?{query}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])


def test_the_deadline_parameter_is_spelled_as_each_server_takes_it():
    # Rounded up, never 0: the server stops at or after our deadline, not before it.
    assert with_parameter("http://h/query", "timeout", 2.2) == "http://h/query?timeout=3"
    assert with_parameter("http://h/query", "timeout={seconds}", 0.001) == "http://h/query?timeout=1"
    assert with_parameter("http://h/sparql?x=1", "timeout={ms}", 0.25) == "http://h/sparql?x=1&timeout=250"
    assert with_parameter("http://h/", "timeout={seconds}s", 30) == "http://h/?timeout=30s"
    assert with_parameter("http://h/query", "", 5) == "http://h/query"
    assert with_parameter("http://h/query", "timeout", None) == "http://h/query"


@pytest.mark.parametrize("wrong", ["time out", "timeout=5", "timeout={seconds}{ms}", "={ms}"])
def test_a_wrong_deadline_parameter_is_refused_with_what_to_give(wrong):
    with pytest.raises(BadRequest) as refused:
        load_settings({"store_timeout_param": wrong}, environ={})
    assert "store_timeout_param" in refused.value.message and repr(wrong) in refused.value.message
    assert "timeout={" in refused.value.message  # an example of a right one


def test_the_deadline_parameter_reaches_the_server(remote):
    """Oxigraph takes no deadline and ignores parameters it does not know; one that it knows
    shows that ours arrives: union-default-graph beside our dataset is refused."""
    probe = RemoteStore(remote["peer"].url, timeout_param="union-default-graph")
    with pytest.raises(BadRequest) as refused:
        probe.query("ASK { ?s ?p ?o }", timeout=5)
    assert "union-default-graph" in refused.value.message
    assert probe.query("ASK { ?s ?p ?o }", timeout=None).boolean is True  # no deadline, no parameter


def test_with_the_deadline_passed_on_oxigraph_answers_and_our_deadline_holds(remote, tmp_path):
    server = serve(remote["peer"].url, [*remote["options"], "--store-timeout-param", "timeout",
                                        "--query-timeout", "2", "--state-dir", str(tmp_path)])
    try:
        path = "api/queries/cq13"
        status, body = get(server, path)
        assert status == 200 and rows_of(body) == rows_of(get(remote["server"], path)[1])
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        began = time.monotonic()
        status, body = get(server, "sparql?" + urllib.parse.urlencode({"query": heavy}))
        assert status == 503 and json.loads(body)["error"] == "query-timeout"
        assert time.monotonic() - began < 15
        assert sparql_count(remote, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") > 0
    finally:
        stop_server(server)


def test_kg_load_goes_through_the_running_server(remote):
    """The server holds no lock for us: the record `kg serve` leaves in the local folder sends
    a local `kg load` through it, the one writer."""
    said = kg("load", "--store", remote["peer"].url, *remote["options"][:2], "--root", str(ROOT))
    assert f"Sent to the running server at {remote['server'].url}" in said
    assert "0 graph(s) of removed files dropped" in said and "Loaded 0 file(s)" in said


def validate_leipzig(server, source: str):
    parts = b"".join(
        f'--b\r\nContent-Disposition: form-data; name="file"; filename="{p.name}"\r\n\r\n'.encode()
        + p.read_bytes() + b"\r\n" for p in sorted((FIXTURES / "leipzig").iterdir()))
    return call(server.url, "/api/validate", source=source, method="POST",
                body=parts + b"--b--\r\n", timeout=120,
                headers={"Content-Type": "multipart/form-data; boundary=b",
                         "Accept": "application/json"})


@pytest.fixture(scope="module")
def strict(remote, tmp_path_factory):
    """A second server on the same remote store with a short deadline and a small budget."""
    server = serve(remote["peer"].url, [*remote["options"], "--query-timeout", "0.3",
                                        "--query-budget", "1", "--query-workers", "2",
                                        "--state-dir", str(tmp_path_factory.mktemp("strict"))])
    yield server
    stop_server(server)


def test_a_validation_past_the_deadline_is_a_503_and_the_server_goes_on(strict):
    began = time.monotonic()
    answer = validate_leipzig(strict, "127.0.0.21")
    assert answer.status == 503, answer.body[:300]
    assert answer.json()["error"] == "query-timeout"
    assert "0.3 s" in answer.json()["messages"]["en"] and "0.3 s" in answer.json()["messages"]["de"]
    assert time.monotonic() - began < 30  # the worker's start (not counted) plus the deadline
    assert call(strict.url, "/health").status == 200
    assert sparql_call(strict.url, "ASK { ?s ?p ?o }", source="127.0.0.22").status == 200


def test_a_client_past_its_budget_gets_429_with_retry_after(strict):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    statuses = []
    for _ in range(8):  # 0.3 s of the server's time each: the budget of 1 s is gone in four
        statuses.append(sparql_call(strict.url, heavy, source="127.0.0.23").status)
        if statuses[-1] == 429:
            break
    assert statuses[-1] == 429 and set(statuses[:-1]) <= {503}, statuses
    refused = sparql_call(strict.url, "ASK {}", source="127.0.0.23", lang="de")
    assert refused.status == 429 and refused.json()["error"] == "too-many-requests"
    assert int(refused.headers["retry-after"]) >= 1
    assert "1 s" in refused.json()["message"] and "Minute" in refused.json()["message"]
    # Validations spend the same budget, and someone else's budget is whole.
    assert validate_leipzig(strict, "127.0.0.23").status == 429
    assert sparql_call(strict.url, "ASK {}", source="127.0.0.24").status == 200
    # /metrics counts them as on the worker pool.
    metrics = call(strict.url, "/metrics", source="127.0.0.25").body.decode()
    refused = re.search(r'^kg_fair_share_refusals_total\{reason="budget"\} (\S+)$', metrics, re.M)
    assert refused and float(refused.group(1)) >= 2
    timeouts = re.search(r"^kg_query_timeouts_total (\S+)$", metrics, re.M)
    assert timeouts and float(timeouts.group(1)) >= len(statuses) - 1


# -- writes: all or nothing -------------------------------------------------------------------


def submit(server, token: str, folder: str = "leipzig") -> tuple[int, dict]:
    parts = b"".join(
        f'--b\r\nContent-Disposition: form-data; name="file"; filename="{p.name}"\r\n\r\n'.encode()
        + p.read_bytes() + b"\r\n" for p in sorted((FIXTURES / folder).iterdir()))
    request = urllib.request.Request(server.url + "api/submissions", data=parts + b"--b--\r\n",
                                     headers={"Content-Type": "multipart/form-data; boundary=b",
                                              "Authorization": f"Bearer {token}",
                                              "Accept": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def withdraw(server, token: str, submission: str) -> int:
    request = urllib.request.Request(server.url + f"api/submissions/{submission}",
                                     headers={"Authorization": f"Bearer {token}"}, method="DELETE")
    with urllib.request.urlopen(request, timeout=300) as response:
        return response.status


def published_state(remote) -> tuple[list[str], int, list[str]]:
    store = opened(remote)
    return store.published_graphs(), store.stats().triples, staging_graphs(remote)


def staging_graphs(remote) -> list[str]:
    """Asked of the Oxigraph server itself: the store never lists its staging graphs."""
    query = (f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
             f"FILTER(STRSTARTS(STR(?g), \"{STAGING_PREFIX}\")) }}")
    request = urllib.request.Request(remote["peer"].url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return [b["g"]["value"] for b in json.loads(response.read())["results"]["bindings"]]


def test_a_submission_is_accepted_published_and_withdrawn(remote):
    server = remote["server"]
    graphs, triples, _ = published_state(remote)
    status, answer = submit(server, remote["token"])
    assert status in (200, 201), answer
    submission = answer["id"] if "id" in answer else answer["submission"]["id"]
    graph = iris.submission_graph(submission)
    after_graphs, after_triples, staging = published_state(remote)
    assert graph in after_graphs and after_triples > triples and not staging
    seen = sparql(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert int(seen[0]["n"]) > 0
    assert withdraw(server, remote["token"], submission) == 200
    after_graphs, after_triples, staging = published_state(remote)
    assert graph not in after_graphs and after_triples == triples and not staging
    ask = "sparql?" + urllib.parse.urlencode({"query": f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"})
    assert json.loads(get(server, ask, "application/sparql-results+json")[1])["boolean"] is False


@pytest.mark.parametrize("crash_at", ["accept:after-store", "remote-store:after-staging"])
def test_a_crash_then_restart_leaves_nothing_partial(remote, crash_at):
    stop_server(remote["server"])  # one writer per store
    graphs, triples, _ = published_state(remote)
    crashing = serve(remote["peer"].url, remote["options"], env={"KG_CRASH_AT": crash_at})
    try:
        with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
            submit(crashing, remote["token"])
        assert crashing.process.wait(timeout=120) == CRASH_EXIT_CODE
    finally:
        if crashing.process.poll() is None:
            stop_server(crashing)
    if crash_at.startswith("remote-store"):  # died between staging and the one update
        assert published_state(remote)[2], "the staging graphs are there until the restart"
    remote["server"] = serve(remote["peer"].url, remote["options"])  # reconciles as it starts
    after_graphs, after_triples, staging = published_state(remote)
    assert not staging
    store = opened(remote)
    assert Submissions(store, remote["settings"]).check() == []
    new = set(after_graphs) - set(graphs)
    if crash_at == "accept:after-store":  # the store step happened: the acceptance is finished
        assert len(new) == 1 and after_triples > triples
    else:  # it did not: nothing of it is anywhere
        assert not new and after_triples == triples and after_graphs == graphs
