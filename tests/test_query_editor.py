"""/query over HTTP, from a real `kg serve` with the shipped data: what the editor page hands its
script (examples, completions) and how a permalink reproduces the query."""

from __future__ import annotations

import html
import json
import re
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from support import ONTOLOGY_FILES

from kg import iris
from kg.catalog import load_catalog


def page(server, query: str = "", lang: str = "en") -> str:
    request = server.get("query?" + urllib.parse.urlencode({"lang": lang, **({"query": query} if query else {})}),
                         Accept="text/html")
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers.get_content_type() == "text/html"
        return response.read().decode("utf-8")


def setup_of(text: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="editor-setup">(.*?)</script>',
                                text, re.DOTALL).group(1))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_completions_are_our_prefixes_and_every_declared_term_named_in_the_page_language(server, lang):
    options = {o["label"]: o for o in setup_of(page(server, lang=lang))["completions"]}
    for prefix, namespace in iris.PREFIXES.items():
        assert options[f"PREFIX {prefix}: <{namespace}>"]["detail"] == "PREFIX"
    ontology = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        ontology.parse(path)
    ikg = iris.ONTOLOGY
    for kind, types in (("class", [OWL.Class]), ("property", [OWL.ObjectProperty, OWL.DatatypeProperty])):
        declared = {s for t in types for s in ontology.subjects(RDF.type, t) if str(s).startswith(ikg)}
        assert declared
        for term in declared:
            option = options["ikg:" + str(term)[len(ikg):]]
            label = next(str(o) for o in ontology.objects(term, RDFS.label) if o.language == lang)
            assert (option["type"], option["detail"]) == (kind, label)
            assert option["info"].startswith(str(term))


def test_examples_are_the_catalogue_with_titles_in_the_page_language(server):
    text = page(server, lang="de")
    found = re.findall(r'<option value="([^"]+)" data-query="[^"]*">([^<]*)</option>', text)
    assert found == [(q.id, html.escape(f"{q.id} – {q.titles['de']}", quote=False)) for q in load_catalog()]


def test_a_permalink_reproduces_the_query_and_says_whether_to_run_it(server):
    query = 'SELECT ?x WHERE { VALUES ?x { "<b>&" } }'
    text = page(server, query)
    textarea = re.search(r'<textarea id="query"[^>]*>(.*?)</textarea>', text, re.DOTALL).group(1)
    assert html.unescape(textarea) == query and "<b>&" not in textarea
    assert setup_of(text)["run"] is False
    request = server.get("query?" + urllib.parse.urlencode({"query": query, "run": "1"}), Accept="text/html")
    with urllib.request.urlopen(request, timeout=60) as response:
        assert setup_of(response.read().decode("utf-8"))["run"] is True
