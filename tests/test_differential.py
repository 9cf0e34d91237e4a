"""Differential correctness: /sparql answers as a reference engine holding the merged set does.

The reference is pyoxigraph in memory with every file loaded into its default graph (each file
with blank nodes of its own): the RDF merge SPARQL defines. Our side is the path users take: a
store built by `kg load`, a real `kg serve`, queries through its worker pool over HTTP. Both run on
the shipped graph and on a fixture whose files share triples (tests/fixtures/overlap/), where a
default graph made of a list of graphs would count shared triples twice. On the remote backend
the store is an Oxigraph server filled by `kg load --store URL`: its merge is ours to keep, the
reference stays the same.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

import remote_backend
from support import ROOT, start_server, stop_server

OVERLAP = ROOT / "tests" / "fixtures" / "overlap"
FOLDERS = ("ontology", "shapes", "data")

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# name -> (query, ordered): ordered answers are compared as lists, the others as multisets.
QUERIES = {
    "count-all": ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", False),
    "count-distinct-subjects": ("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }", False),
    "group-by-predicate": ("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p", False),
    "having": ("SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s "
               "HAVING (COUNT(?o) > 3)", False),
    "optional-labels": ("SELECT ?s ?type ?label WHERE { ?s a ?type "
                        "OPTIONAL { ?s rdfs:label ?label FILTER(lang(?label) = 'de') } }", False),
    "optional-count": ("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t OPTIONAL { ?s rdfs:label ?l } }",
                       False),
    "negated-property-set": ("SELECT ?s ?o WHERE { ?s !(rdf:type|rdfs:label) ?o }", False),
    "sequence-and-inverse-path": ("SELECT ?s ?t WHERE { ?s rdfs:label/^rdfs:label ?t }", False),
    "inverse-path": ("SELECT ?class ?s WHERE { ?class ^rdf:type ?s }", False),
    "sequence-path": ("SELECT ?s ?label WHERE { ?s rdf:type/rdfs:label ?label }", False),
    "values-join": ("SELECT ?p (COUNT(*) AS ?n) WHERE { VALUES ?p { rdf:type rdfs:label } "
                    "?s ?p ?o } GROUP BY ?p", False),
    "bind-strlen": ("SELECT ?s (SUM(?len) AS ?total) WHERE { ?s rdfs:label ?l "
                    "BIND(STRLEN(STR(?l)) AS ?len) } GROUP BY ?s", False),
    "group-concat": ("SELECT ?s (GROUP_CONCAT(DISTINCT STR(?l); separator='|') AS ?labels) "
                     "WHERE { ?s rdfs:label ?l } GROUP BY ?s", False),
    "minus": ("SELECT ?s WHERE { ?s a ?t MINUS { ?s rdfs:label ?l } }", False),
    "filter-not-exists": ("SELECT ?s WHERE { ?s a ?t FILTER NOT EXISTS { ?s rdfs:label ?l } }",
                          False),
    "order-limit-offset": ("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) "
                           "} ORDER BY ?s ?p ?o LIMIT 40 OFFSET 7", True),
    "distinct-types": ("SELECT DISTINCT ?t WHERE { ?s a ?t }", False),
    "distinct-predicates": ("SELECT DISTINCT ?p WHERE { ?s ?p ?o }", False),
    "ask-shared": ("SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t . ?s rdfs:label ?l }", False),
}


def _files(root: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (root / folder).rglob("*.ttl"))


def _reference(root: Path) -> ox.Store:
    store = ox.Store()
    for path in _files(root):  # each load gives the file's blank nodes labels of their own
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def _canonical(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:blank"  # labels differ between stores; the node's place in the row does not
    if isinstance(term, ox.Literal) and "|" in term.value and term.datatype.value.endswith("#string"):
        return "|".join(sorted(term.value.split("|")))  # GROUP_CONCAT's order is not defined
    return str(term)


def _rows(solutions) -> list[tuple[str, ...]]:
    variables = solutions.variables
    return [tuple(_canonical(solution[v]) for v in variables) for solution in solutions]


def _ask_server(url: str, query: str) -> list[tuple[str, ...]]:
    body = urllib.parse.urlencode({"query": PREFIXES + query}).encode()
    request = urllib.request.Request(url + "sparql", data=body, headers={
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        data = response.read()
    json.loads(data)  # a JSON answer, not an error page
    return _rows(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON))


def _served(tmp_path_factory, root: Path, name: str):
    folder = tmp_path_factory.mktemp(name)
    if remote_backend.remote():
        peer = remote_backend.oxigraph_server(folder)
        remote_backend.load_into(peer, folder, root)
        return start_server(peer.url, "--state-dir", str(folder / "state"))
    store = folder / "store"
    subprocess.run([sys.executable, "-m", "kg", "load", "--store", str(store), "--root", str(root)],
                   check=True, capture_output=True, cwd=ROOT)
    return start_server(store)


@pytest.fixture(scope="module")
def overlap_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("overlap-root")
    shutil.copytree(OVERLAP, root / "data", ignore=shutil.ignore_patterns("*.md"))
    return root


@pytest.fixture(scope="module", params=["shipped", "overlap"])
def pair(request, tmp_path_factory, overlap_root):
    if request.param == "shipped":  # the shared server is `kg load` of the shipped files
        yield request.getfixturevalue("shared_server"), _reference(ROOT)
        return
    server = _served(tmp_path_factory, overlap_root, request.param)
    yield server, _reference(overlap_root)
    stop_server(server)


def test_the_overlap_fixture_really_shares_triples():
    shared = Counter(quad for path in sorted(OVERLAP.glob("*.ttl"))
                     for quad in set(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
                     if not isinstance(quad.subject, ox.BlankNode))
    assert sum(1 for holders in shared.values() if holders > 1) >= 5


@pytest.mark.parametrize("name", QUERIES)
def test_sparql_answers_as_the_merged_reference(pair, name):
    server, reference = pair
    query, ordered = QUERIES[name]
    ours = _ask_server(server.url, query)
    expected = _rows(reference.query(PREFIXES + query))
    assert expected, f"{name}: the reference answered nothing; the query tests nothing here"
    if ordered:
        assert ours == expected
    else:
        assert Counter(ours) == Counter(expected)
