"""The catalogue over HTTP (/api/queries, /queries) from a real `kg serve` over a store `kg load`
built from the shipped data: answers are compared with what /sparql gives for the same bound
query text, and bad input is a 4xx that names the parameter, in German and English."""

from __future__ import annotations

import csv
import html
import io
import time
import json
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.catalog import CatalogError, load_catalog, read_query
from kg.query_tables import safe_cell, to_csv, values_from_arguments
from kg.store.base import QueryResult
from kg.web.queries import RESERVED
import remote_backend
from support import ROOT, start_server, stop_server

CATALOG = load_catalog()
MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"
DRESDEN, COLOGNE = MUNICIPALITY + "14612000", MUNICIPALITY + "05315000"


def call(server, path: str, accept: str = "application/json", **headers: str):
    request = urllib.request.Request(server.url + path.lstrip("/"), headers={"Accept": accept, **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def sparql_rows(server, query: str) -> list[dict]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(server.url + "sparql", data=body,
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["results"]["bindings"]


def test_the_list_is_the_catalogue_with_its_headers(server):
    status, headers, body = call(server, "api/queries")
    assert status == 200 and headers.get_content_type() == "application/json"
    listed = json.loads(body)
    assert [q["id"] for q in listed] == [q.id for q in CATALOG]
    cq13 = next(q for q in listed if q["id"] == "cq13")
    query = CATALOG.get("cq13")
    assert cq13["title"] == dict(query.titles)
    assert [(p["name"], p["kind"], p["default"]) for p in cq13["parameters"]] == \
        [(p.name, p.kind, p.default or None) for p in query.params]
    assert cq13["links"]["run"] == server.url + "api/queries/cq13"


def test_a_query_answers_what_sparql_answers_for_its_bound_text(server):
    path = "api/queries/cq13?" + urllib.parse.urlencode({"municipality": DRESDEN, "date": "2024-06-30"})
    status, headers, body = call(server, path)
    assert status == 200
    answer = json.loads(body)
    expected = sparql_rows(server, CATALOG.get("cq13").bind({"municipality": [DRESDEN], "date": "2024-06-30"}))
    assert len(answer["rows"]) == len(expected) == 1
    assert answer["rows"][0]["municipality"] == DRESDEN
    assert answer["rows"][0]["municipalityLabel"] == expected[0]["municipalityLabel"]["value"]
    assert answer["parameters"] == {"municipality": [DRESDEN], "date": ["2024-06-30"]}
    # no Accept-Language: the headings cq13's header gives its columns in English, not the names
    assert answer["columns"] == [CATALOG.get("cq13").heading(v, "en") for v in answer["variables"]]
    assert answer["columns"][:2] == ["Municipality (IRI)", "Municipality"]


def test_an_iri_list_is_repeated_parameters_or_one_per_line(server):
    repeated = "api/queries/cq08?" + urllib.parse.urlencode([("municipality", DRESDEN), ("municipality", COLOGNE)])
    per_line = "api/queries/cq08?" + urllib.parse.urlencode({"municipality": f"{DRESDEN}\r\n{COLOGNE}\n"})
    first, second = (json.loads(call(server, path)[2]) for path in (repeated, per_line))
    assert sorted(r["municipality"] for r in first["rows"]) == sorted([DRESDEN, COLOGNE])
    assert first["rows"] == second["rows"]


def test_csv_tsv_and_excel_downloads(server):
    base = "api/queries/cq16?year=2020"
    status, headers, body = call(server, base + "&format=csv")
    assert status == 200 and headers.get_content_type() == "text/csv"
    assert headers["Content-Disposition"] == 'attachment; filename="cq16.csv"'
    assert not body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    answer = json.loads(call(server, base)[2])
    assert rows[0] == answer["variables"] and len(rows) - 1 == len(answer["rows"]) > 0
    status, headers, excel = call(server, base + "&format=excel")
    assert excel == b"\xef\xbb\xbf" + body
    assert headers["Content-Disposition"] == 'attachment; filename="cq16.csv"'
    status, headers, tsv = call(server, base, accept="text/tab-separated-values")
    assert status == 200 and headers["Content-Disposition"] == 'attachment; filename="cq16.tsv"'
    assert tsv.decode().splitlines()[0] == "\t".join("?" + v for v in answer["variables"])
    # Accept picks CSV too, without format=
    assert call(server, base, accept="text/csv")[2] == body


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_html_table_by_accept(server, lang):
    status, headers, body = call(server, f"api/queries/cq16?lang={lang}", accept="text/html")
    assert status == 200 and headers.get_content_type() == "text/html"
    page = body.decode()
    assert f'<html lang="{lang}">' in page and CATALOG.get("cq16").titles[lang] in page
    assert 'data-variable="plan"' in page


@pytest.mark.parametrize("lang, words", [("en", "expected a date as YYYY-MM-DD"),
                                         ("de", "erwartet wird ein Datum als JJJJ-MM-TT")])
def test_a_malformed_parameter_is_a_400_naming_it(server, lang, words):
    status, _, body = call(server, f"api/queries/cq13?date=30.06.2024&lang={lang}")
    error = json.loads(body)
    assert status == 400 and error["error"] == "parameter-error"
    assert "'date'" in error["message"] and words in error["message"]
    assert error["detail"] == {"parameter": "date", "kind": "date", "query": "cq13"}


@pytest.mark.parametrize("path, status, named", [
    ("api/queries/cq13?municipality=not%20an%20iri", 400, "municipality"),
    ("api/queries/cq16?year=twenty", 400, "year"),
    ("api/queries/cq01?municipality=" + urllib.parse.quote(f"{DRESDEN}> }} UNION {{ ?s ?p ?o"), 400,
     "municipality"),
    # two values for a parameter that takes one
    ("api/queries/cq02?" + urllib.parse.urlencode([("municipality", DRESDEN), ("municipality", COLOGNE)]), 400,
     "municipality"),
    ("api/queries/cq13?mayor=x", 400, "mayor"),
    ("api/queries/cq99", 404, "cq99"),
    ("api/queries/cq13?format=xlsx", 406, "xlsx"),
])
def test_bad_input_is_a_clear_4xx(server, path, status, named):
    for lang in ("de", "en"):
        got, headers, body = call(server, path + ("&" if "?" in path else "?") + f"lang={lang}")
        error = json.loads(body)
        assert got == status and error["lang"] == lang and named in error["message"], error


def test_the_page_shows_the_form_again_with_the_error(server):
    status, headers, body = call(server, "queries/cq13?date=2024-02-30&lang=de", accept="text/html")
    page = body.decode()
    assert status == 400 and headers.get_content_type() == "text/html"
    assert 'id="parameters"' in page and 'value="2024-02-30"' in page
    assert "erwartet wird ein Datum" in page and 'id="results"' not in page


def test_the_page_has_the_table_a_permalink_and_the_bound_sparql(server):
    query = urllib.parse.urlencode({"municipality": DRESDEN})
    status, _, body = call(server, f"queries/cq08?{query}&lang=en", accept="text/html")
    page = body.decode()
    assert status == 200
    assert f'id="permalink" href="{server.url}queries/cq08?{query}"' in page
    assert f"VALUES ?municipality {{ &lt;{DRESDEN}&gt; }}" in page
    assert f'href="/api/queries/cq08?{query}&amp;format=csv"' in page


def test_every_catalogue_page_renders(server):
    """With its defaults; a query with a required parameter shows its form (400) until it is given,
    then runs with the example its header documents."""
    for query in CATALOG:
        for lang in ("de", "en"):
            status, _, body = call(server, f"queries/{query.id}?lang={lang}", accept="text/html")
            required = [p for p in query.params if p.required]
            assert status == (400 if required else 200), query.id
            assert query.titles[lang] in html.unescape(body.decode())
            if required:
                example = urllib.parse.urlencode(query.examples(), doseq=True)
                status, _, body = call(server, f"queries/{query.id}?{example}&lang={lang}", accept="text/html")
                assert status == 200 and 'id="results"' in body.decode(), query.id


CQ22_EXAMPLE = CATALOG.get("cq22").param("subject").example_value()


@pytest.mark.parametrize("lang, words", [("en", "cq22 needs a value for its parameter 'subject'"),
                                         ("de", "cq22 braucht einen Wert für seinen Parameter 'subject'")])
def test_a_required_parameter_left_out_is_a_400_naming_it(server, lang, words):
    for path in ("api/queries/cq22", "api/queries/cq22?subject=+&format=csv"):
        status, _, body = call(server, f"{path}{'&' if '?' in path else '?'}lang={lang}")
        error = json.loads(body)
        assert status == 400 and error["error"] == "parameter-error" and error["lang"] == lang
        assert words in error["message"] and CQ22_EXAMPLE[0] in error["message"]
        assert error["messages"]["en"] != error["messages"]["de"]
        assert error["detail"]["parameter"] == "subject" and error["detail"]["required"] is True


def test_a_required_parameter_given_answers_what_sparql_answers(server):
    status, _, body = call(server, "api/queries/cq22?" + urllib.parse.urlencode({"subject": DRESDEN}))
    assert status == 200
    rows = json.loads(body)["rows"]
    expected = sparql_rows(server, CATALOG.get("cq22").bind({"subject": [DRESDEN]}))
    assert len(rows) == len(expected) > 0
    listed = next(q for q in json.loads(call(server, "api/queries")[2]) if q["id"] == "cq22")
    assert listed["parameters"][0] | {"help": None, "expected": None} == {
        "name": "subject", "kind": "iri-list", "default": None, "required": True, "example": CQ22_EXAMPLE,
        "help": None, "expected": None}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_page_of_a_required_parameter_asks_for_it(server, lang):
    status, headers, body = call(server, f"queries/cq22?lang={lang}", accept="text/html")
    page = html.unescape(body.decode())
    assert status == 400 and headers.get_content_type() == "text/html"
    assert 'id="parameters"' in page and 'id="results"' not in page
    assert '<textarea id="param-subject" name="subject"' in page
    assert ' required aria-required="true"' in page.split('id="param-subject"', 1)[1].split(">", 1)[0]
    words = {"en": "cq22 needs a value for its parameter 'subject'",
             "de": "cq22 braucht einen Wert für seinen Parameter 'subject'"}[lang]
    assert words in page and 'id="error"' in page
    status, _, body = call(server, f"queries/cq22?subject={urllib.parse.quote(DRESDEN)}&lang={lang}",
                           accept="text/html")
    assert status == 200 and 'id="results"' in body.decode() and 'id="error"' not in body.decode()


@pytest.mark.parametrize("lang, words", [("en", "cq12 needs a value for its parameter 'municipality'"),
                                         ("de", "cq12 braucht einen Wert für seinen Parameter 'municipality'")])
def test_cq12_asks_for_its_municipality_and_answers_for_one(server, lang, words):
    status, _, body = call(server, f"api/queries/cq12?lang={lang}")
    error = json.loads(body)
    assert status == 400 and error["error"] == "parameter-error" and error["lang"] == lang
    assert words in error["message"] and error["detail"]["parameter"] == "municipality"
    status, _, body = call(server, "api/queries/cq12?" + urllib.parse.urlencode({"municipality": COLOGNE}))
    rows = json.loads(body)["rows"]
    expected = sparql_rows(server, CATALOG.get("cq12").bind({"municipality": COLOGNE}))
    assert status == 200 and len(rows) == len(expected) > 0
    assert {row["municipality"] for row in rows} == {COLOGNE}


def test_a_catalogue_query_is_stopped_at_the_deadline(server, loaded_store_path, tmp_path):
    # Every municipality and every thing that names one, asked of the module's server (its deadline
    # is the default): cq22 for all of them is some 2,000 rows.
    things = [row["s"]["value"] for row in sparql_rows(server, """
        SELECT DISTINCT ?s WHERE {
          { ?s a <https://w3id.org/integration-kg/ontology#Municipality> }
          UNION { ?s <https://w3id.org/integration-kg/ontology#municipality> ?m FILTER isIRI(?s) } }""")]
    assert len(things) > 500
    store = remote_backend.beside(loaded_store_path, tmp_path)
    # A fresh server's first answer is read from its checkpoint on disk (the replica is still being
    # copied): cq22 for all those things (a 66 KB request line) took 1.3-2.7 s so at load 5, and
    # 0.25-0.46 s from memory: far past a 0.1 s deadline. At 0.05 s not even ASK {} was answered
    # by a freshly started worker at that load, so the pool could not be seen to recover.
    slow = start_server(store, "--query-timeout", "0.1", "--query-workers", "1")
    try:
        every = urllib.parse.urlencode({"subject": "\n".join(things)})
        status, _, body = call(slow, f"api/queries/cq22?{every}")
        assert status == 503 and json.loads(body)["error"] == "query-timeout"
        # The pool replaces the stopped worker; once it is up, a quick query answers again (on a
        # busy machine even that may take several tries inside the deadline).
        deadline = time.monotonic() + 90
        while (status := call(slow, "api/queries/cq09")[0]) != 200 and time.monotonic() < deadline:
            time.sleep(1)
        assert status == 200
    finally:
        stop_server(slow)


# -- below HTTP ----------------------------------------------------------------------------------

def test_csv_cells_that_a_spreadsheet_would_run_are_quoted():
    formula = ox.Literal('=HYPERLINK("http://evil.example","click")')
    result = QueryResult("select", ["a", "b", "c", "d"],
                         [(formula, ox.Literal("-3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                           ox.Literal("@SUM(A1)"), ox.NamedNode("https://example.org/=x"))])
    rows = list(csv.reader(io.StringIO(to_csv(result).decode())))
    assert rows[1] == ["'" + formula.value, "-3", "'@SUM(A1)", "https://example.org/=x"]
    for start in ("+", "-", "\t", "\r"):
        assert safe_cell(ox.Literal(start + "1+1")).startswith("'")


def test_form_values_split_only_for_iri_lists():
    query = CATALOG.get("cq13")
    values = values_from_arguments(query, {"municipality": [f"{DRESDEN}\n {COLOGNE}"], "date": [" 2024-06-30 "]})
    assert values == {"municipality": [DRESDEN, COLOGNE], "date": ["2024-06-30"]}


def test_no_query_has_a_parameter_named_like_a_request_argument():
    assert not {p.name for q in CATALOG for p in q.params} & set(RESERVED)


def test_column_headings_come_from_the_header(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("#+ id: q1\n#+ title@en: T\n#+ title@de: T\n#+ column: n | Number | Anzahl\n"
                    "SELECT ?n ?m\nWHERE { }\n", encoding="utf-8")
    query = read_query(path)
    assert (query.heading("n", "de"), query.heading("n", "en"), query.heading("m", "de")) == \
        ("Anzahl", "Number", "m")
    path.write_text("#+ id: q1\n#+ title@en: T\n#+ title@de: T\n#+ column: n | Number\nSELECT ?n\nWHERE { }\n",
                    encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_query(path)
    assert caught.value.line == 4 and str(path) in caught.value.text("de")


def test_the_wheel_lists_every_package_of_kg():
    """pyproject.toml lists kg's packages (so that kg.queries can map queries/): none may be missing."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    assert listed == found | {"kg.queries"}


def test_queries_are_found_beside_the_package_in_a_checkout():
    from kg import catalog
    assert catalog.QUERIES == Path(ROOT / "queries") and len(CATALOG) == len(list(catalog.QUERIES.rglob("*.rq")))
