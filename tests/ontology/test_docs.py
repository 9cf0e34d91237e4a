"""The HTML documentation shows every term of the ontology with its label and definition."""
from __future__ import annotations

from markupsafe import escape
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.ontology_docs import render_html

ROOT = Path(__file__).resolve().parents[2]
IKG = "https://w3id.org/integration-kg/ontology#"


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    g = rdflib.Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        g.parse(path)
    return g


def own_terms(graph: rdflib.Graph) -> list[rdflib.URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted({s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(IKG)})


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_own_term_has_a_section_with_label_and_definition(graph: rdflib.Graph, lang: str) -> None:
    page = render_html(graph, lang)
    for term in own_terms(graph):
        label = next(str(o) for o in graph.objects(term, RDFS.label) if o.language == lang)
        definition = next(str(o) for o in graph.objects(term, SKOS.definition) if o.language == lang)
        section = page.split(f'id="{term[len(IKG):]}"', 1)[1].split("</section>", 1)[0]
        assert f"<h3>{str(escape(label))}</h3>" in section
        assert str(escape(definition)) in section


def test_page_language_and_title(graph: rdflib.Graph) -> None:
    assert '<html lang="de">' in render_html(graph, "de")
    assert "<title>integration-kg – ontology of municipal integration infrastructure</title>" in render_html(graph, "en")


def test_unknown_language_falls_back_to_english(graph: rdflib.Graph) -> None:
    assert render_html(graph, "fr") == render_html(graph, "en")


def test_own_classification_is_marked_as_such(graph: rdflib.Graph) -> None:
    page = render_html(graph, "en")
    section = page.split('id="scheme-development-type"', 1)[1].split("</section>", 1)[0]
    assert "(This project&#39;s own classification)" in section
    assert page.count("(This project&#39;s own classification)") == 1


def test_schema_org_mapping_is_shown(graph: rdflib.Graph) -> None:
    page = render_html(graph, "en")
    section = page.split('id="Municipality"', 1)[1].split("</section>", 1)[0]
    assert '<a href="https://schema.org/AdministrativeArea">https://schema.org/AdministrativeArea</a>' in section
