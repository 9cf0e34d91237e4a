"""The W3C SPARQL 1.1 Protocol tests and result-format tests, against a real `kg serve` over HTTP.

One server for the module, on a store whose published graphs hold the tests' data: the protocol
tests' graphs (tests/w3c/protocol/datasets.trig) and one graph per result-format data file,
chosen per request with default-graph-uri.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection

from kg.store.base import GraphLoad
from remote_backend import open_store, own_store, release
from support import start_server, stop_server

W3C = Path(__file__).parent / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
TEST_GRAPH = "http://example.org/w3c/"
XSD = "http://www.w3.org/2001/XMLSchema#"
# Oxigraph stores numbers by value: "-3"^^xsd:negativeInteger comes back as -3 (xsd:integer) and
# "1.0E6"^^xsd:double as "1000000"^^xsd:double, so numbers are compared by value.
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "negativeInteger")}

# Result-format tests: data file, query, expected file. The queries follow the manifests'
# descriptions ("SELECT * WHERE { ?S ?P ?O }", "SELECT with OPTIONAL"), with the variables
# listed in the expected files' order.
SPO = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
SPO_OPTIONAL = "SELECT ?s ?p ?o ?p2 ?o2 WHERE { ?s ?p ?o OPTIONAL { ?o ?p2 ?o2 } }"
RESULT_TESTS = [
    ("json-res/data.ttl", SPO, "json-res/jsonres01.srj"),
    ("json-res/data.ttl", SPO_OPTIONAL, "json-res/jsonres02.srj"),
    ("json-res/data.ttl", (W3C / "json-res/jsonres03.rq").read_text(), "json-res/jsonres03.srj"),
    ("json-res/data.ttl", (W3C / "json-res/jsonres04.rq").read_text(), "json-res/jsonres04.srj"),
    ("csv-tsv-res/data.ttl", SPO, "csv-tsv-res/csvtsv01.csv"),
    ("csv-tsv-res/data.ttl", SPO, "csv-tsv-res/csvtsv01.tsv"),
    ("csv-tsv-res/data.ttl", SPO_OPTIONAL, "csv-tsv-res/csvtsv02.csv"),
    ("csv-tsv-res/data.ttl", SPO_OPTIONAL, "csv-tsv-res/csvtsv02.tsv"),
    ("csv-tsv-res/data2.ttl", SPO, "csv-tsv-res/csvtsv03.csv"),
    ("csv-tsv-res/data2.ttl", SPO, "csv-tsv-res/csvtsv03.tsv"),
]


def _graph_for(data_file: str) -> str:
    return TEST_GRAPH + data_file


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("w3c")
    path = own_store(folder)
    store = open_store(path, folder / "state")
    loads = [GraphLoad(_graph_for(f), [q.triple for q in ox.parse(path=str(W3C / f))])
             for f in {t[0] for t in RESULT_TESTS}]
    by_graph: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(W3C / "protocol/datasets.trig")):
        by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
    loads += [GraphLoad(g, triples) for g, triples in by_graph.items()]
    store.replace_graphs(loads)
    store.close()
    server = start_server(path)
    yield server
    stop_server(server)
    release(path)


def _request(server, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """Exactly the request given: http.client adds no Content-Type of its own."""
    netloc = urlsplit(server.url).netloc
    conn = http.client.HTTPConnection(netloc, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


# -- the protocol manifest -----------------------------------------------------------------------

def _manifest() -> tuple[Graph, list]:
    graph = Graph().parse(W3C / "protocol/manifest.ttl", format="turtle")
    manifest = next(graph.subjects(MF.entries, None))
    return graph, list(Collection(graph, graph.value(manifest, MF.entries)))


def _requests(graph: Graph, test) -> list[dict]:
    action = graph.value(test, MF.action)
    out = []
    for req in Collection(graph, graph.value(action, HT.requests)):
        body = graph.value(req, HT.body)
        headers = {}
        header_list = graph.value(req, HT.headers)
        if header_list is not None:
            for h in Collection(graph, header_list):
                headers[str(graph.value(h, HT.fieldName))] = str(graph.value(h, HT.fieldValue))
        resp = graph.value(req, HT.resp)
        out.append({
            "method": str(graph.value(req, HT.methodName)),
            "path": str(graph.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
            "body": str(graph.value(body, CNT.chars)) if body is not None else None,
            "headers": headers,
            "statuses": {str(s).rsplit("StatusCode", 1)[1] for s in graph.objects(resp, MF.expectedStatus)},
            "boolean": graph.value(resp, MF.expectedBoolean),
            "format": graph.value(resp, MF.expectedFormat),
        })
    return out


GRAPH, ENTRIES = _manifest()
PROTOCOL_TESTS = {str(t).rsplit("#", 1)[1]: t for t in ENTRIES}
# This endpoint is read-only: the tests that expect an update to succeed expect a refusal here.
UPDATE_TESTS = sorted(n for n in PROTOCOL_TESTS if n.startswith("update_"))
QUERY_TESTS = sorted(n for n in PROTOCOL_TESTS if not n.startswith("update_"))


def _encode_body(req: dict) -> bytes | None:
    if req["body"] is None:
        return None
    charset = req["headers"].get("content-type", "").partition("charset=")[2] or "utf-8"
    return req["body"].encode(charset)


def _check_format(expected: str, headers: dict[str, str], body: bytes, boolean) -> None:
    content_type = headers["content-type"].split(";")[0]
    if expected == "boolean":
        assert content_type == "application/sparql-results+json"
        answer = json.loads(body)["boolean"]
        assert answer is bool(boolean.toPython()) if boolean is not None else isinstance(answer, bool)
    elif expected == "tabular":
        assert content_type == "application/sparql-results+json"
        assert json.loads(body)["head"]["vars"] == ["value"]
    else:  # "RDF"
        assert content_type == "text/turtle"
        list(ox.parse(body, format=ox.RdfFormat.TURTLE))


@pytest.mark.parametrize("name", QUERY_TESTS)
def test_w3c_protocol(w3c_server, name):
    for req in _requests(GRAPH, PROTOCOL_TESTS[name]):
        status, headers, body = _request(w3c_server, req["method"], req["path"], _encode_body(req),
                                         req["headers"])
        assert f"{status // 100}xx" in req["statuses"], (name, status, body[:300])
        if req["format"] is not None:
            _check_format(str(req["format"]), headers, body, req["boolean"])


def _count(server) -> int:
    status, _, body = _request(server, "GET", "/sparql?" + urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}))
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("name", UPDATE_TESTS)
def test_w3c_protocol_update_is_refused_and_changes_nothing(w3c_server, name):
    before = _count(w3c_server)
    first = _requests(GRAPH, PROTOCOL_TESTS[name])[0]
    status, _, body = _request(w3c_server, first["method"], first["path"], _encode_body(first),
                               first["headers"])
    assert status == 403, body
    assert "read-only" in json.loads(body)["message"]
    assert _count(w3c_server) == before


def test_w3c_protocol_manifest_is_fully_covered():
    assert len(QUERY_TESTS) + len(UPDATE_TESTS) == len(ENTRIES) == 34


# -- result formats ------------------------------------------------------------------------------

def _query(server, data_file: str, query: str, fmt: str) -> bytes:
    path = "/sparql?" + urlencode({"query": query, "format": fmt,
                                   "default-graph-uri": _graph_for(data_file)})
    status, headers, body = _request(server, "GET", path)
    assert status == 200, body
    return body


def _number(lexical: str) -> str:
    return str(Decimal(lexical).normalize())


def _json_term(term: dict) -> tuple:
    if term["type"] == "bnode":
        return ("bnode",)  # labels are the server's own
    datatype, value = term.get("datatype"), term["value"]
    if datatype in NUMERIC:
        value, datatype = _number(value), "number"
    return (term["type"], value, datatype or "", term.get("xml:lang") or "")


def _json_rows(data: dict) -> tuple:
    if "boolean" in data:
        return ("boolean", data["boolean"])
    rows = sorted(sorted((k, _json_term(v)) for k, v in b.items())
                  for b in data["results"]["bindings"])
    return (data["head"]["vars"], rows)


_TYPED = re.compile(r'"(.*)"\^\^<(.*)>')


def _cell(value: str) -> str:
    """A CSV/TSV cell compared by meaning: numbers by value, blank nodes as blank nodes."""
    if value.startswith("_:"):
        return "_:"  # blank node labels are the server's own
    typed = _TYPED.fullmatch(value)
    if typed and typed.group(2) in NUMERIC:
        return _number(typed.group(1))
    try:
        return _number(value) if value[:1].isdigit() or value[:1] in "+-." else value
    except ArithmeticError:
        return value


def _table_rows(text: str, delimiter: str) -> tuple:
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter)) if delimiter == "," \
        else [line.split("\t") for line in text.splitlines()]
    return rows[0], sorted([_cell(c) for c in row] for row in rows[1:])


@pytest.mark.parametrize("data_file,query,expected", RESULT_TESTS,
                         ids=[Path(t[2]).name for t in RESULT_TESTS])
def test_w3c_result_format(w3c_server, data_file, query, expected):
    expected_text = (W3C / expected).read_text(encoding="utf-8")
    fmt = Path(expected).suffix.lstrip(".").replace("srj", "json")
    got = _query(w3c_server, data_file, query, fmt).decode("utf-8")
    if fmt == "json":
        assert _json_rows(json.loads(got)) == _json_rows(json.loads(expected_text))
    else:
        delimiter = "," if fmt == "csv" else "\t"
        assert _table_rows(got, delimiter) == _table_rows(expected_text, delimiter)


def test_tsv_writes_numbers_in_turtle_short_form(w3c_server):
    body = _query(w3c_server, "csv-tsv-res/data2.ttl", SPO, "tsv").decode()
    assert "\t2.2\n" in body and "\t-3\n" in body and '\t"1"\n' in body
    # Oxigraph gives doubles back as "1000000", which is no Turtle double; so it stays typed.
    assert '\t"1000000"^^<http://www.w3.org/2001/XMLSchema#double>\n' in body


def test_csv_quotes_commas_and_uses_crlf(w3c_server):
    body = _query(w3c_server, "csv-tsv-res/data2.ttl", SPO, "csv")
    assert b'"4,4"\r\n' in body and body.startswith(b"s,p,o\r\n")


def test_protocol_graph_iris_are_percent_decoded(w3c_server):
    graph = _graph_for("json-res/data.ttl")
    status, _, body = _request(w3c_server, "GET", "/sparql?query=ASK%7B%7D&default-graph-uri="
                               + quote(graph, safe=""))
    assert status == 200 and json.loads(body)["boolean"] is True
