"""HTML documentation of the ontology, rendered from the graph with kg/templates/ontology.html.

The template holds all markup; this module only gathers terms from the graph (labels and
definitions in the requested language, falling back to English), so the page always shows
what the Turtle file says. Nothing is fetched from the network.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markupsafe
import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg import i18n, iris
from kg.store.base import Store

IKG = iris.ONTOLOGY
ONTOLOGY_IRI = rdflib.URIRef(iris.ONTOLOGY.removesuffix("#"))
# Inside the package (package data), so that an installed wheel finds it too.
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
VANN = rdflib.Namespace("http://purl.org/vocab/vann/")
# Words of the page itself, in both languages (those shared with the site's pages: see _words).
WORDS = {
    "en": {"classes": "Classes", "object": "Object properties", "data": "Datatype properties",
           "schemes": "Concept schemes", "reused": "Reused terms", "sub": "Subclass of", "domain": "Domain",
           "range": "Range", "version": "Version", "licence": "Licence", "prefix": "Prefix",
           "namespace": "Namespace", "schema": "schema.org (for JSON-LD)", "own": "This project's own classification", "note": "Note",
           "formats": "Also as"},
    "de": {"classes": "Klassen", "object": "Objekteigenschaften", "data": "Dateneigenschaften",
           "schemes": "Begriffssysteme", "reused": "Nachgenutzte Begriffe", "sub": "Unterklasse von",
           "domain": "Definitionsbereich", "range": "Wertebereich", "version": "Version", "licence": "Lizenz",
           "prefix": "Präfix", "namespace": "Namensraum", "schema": "schema.org (für JSON-LD)", "own": "Eigene Klassifikation dieses Projekts",
           "note": "Hinweis", "formats": "Auch als"},
}


@dataclass
class Term:
    iri: str
    anchor: str
    label: str
    definition: str
    comment: str = ""
    parents: list[Term] = field(default_factory=list)
    domains: list[Term] = field(default_factory=list)
    ranges: list[Term] = field(default_factory=list)
    members: list[Term] = field(default_factory=list)
    own: bool = False
    schema_org: list[str] = field(default_factory=list)


def _text(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef, lang: str) -> str:
    """The literal in the wanted language, else English, else any."""
    values = [o for o in graph.objects(subject, predicate) if isinstance(o, rdflib.Literal)]
    for wanted in (lang, "en", None):
        for value in values:
            if value.language == wanted or wanted is None:
                return str(value)
    return ""


def _anchor(iri: str) -> str:
    return iri[len(IKG):] if iri.startswith(IKG) else "ext-" + "".join(c if c.isalnum() else "-" for c in iri)


def _term(graph: rdflib.Graph, node: rdflib.term.Node, lang: str) -> Term:
    iri = str(node)
    label = _text(graph, node, RDFS.label, lang) or _text(graph, node, SKOS.prefLabel, lang) or iri
    return Term(iri=iri, anchor=_anchor(iri), label=label, definition=_text(graph, node, SKOS.definition, lang),
                comment=_text(graph, node, RDFS.comment, lang))


def _sorted(terms: list[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: t.label.casefold())


def _terms_of_type(graph: rdflib.Graph, kind: rdflib.URIRef, lang: str, own: bool) -> list[Term]:
    terms = []
    for node in set(graph.subjects(RDF.type, kind)):
        if not isinstance(node, rdflib.URIRef) or str(node).startswith(IKG) != own:
            continue
        term = _term(graph, node, lang)
        term.parents = _sorted([_term(graph, p, lang) for p in graph.objects(node, RDFS.subClassOf)
                                if isinstance(p, rdflib.URIRef)] +
                               [_term(graph, p, lang) for p in graph.objects(node, RDFS.subPropertyOf)])
        term.domains = _sorted([_term(graph, d, lang) for d in graph.objects(node, RDFS.domain)])
        term.ranges = _sorted([_term(graph, r, lang) for r in graph.objects(node, RDFS.range)])
        term.schema_org = sorted(str(m) for p in (SKOS.broadMatch, SKOS.closeMatch) for m in graph.objects(node, p))
        terms.append(term)
    return _sorted(terms)


def _schemes(graph: rdflib.Graph, lang: str) -> list[Term]:
    schemes = []
    own_class = rdflib.URIRef(IKG + "OwnClassificationScheme")
    for node in set(graph.subjects(RDF.type, SKOS.ConceptScheme)):
        scheme = _term(graph, node, lang)
        scheme.anchor = "scheme-" + str(node).rstrip("/").rsplit("/", 1)[-1]
        scheme.own = (node, RDF.type, own_class) in graph
        scheme.comment = _text(graph, node, SKOS.scopeNote, lang)
        scheme.members = sorted((_term(graph, c, lang) for c in graph.subjects(SKOS.inScheme, node)),
                                key=lambda t: t.iri)
        schemes.append(scheme)
    return sorted(schemes, key=lambda t: t.anchor)


def _words(lang: str) -> dict[str, str]:
    return {**WORDS[lang], "validate": i18n.ui("nav_validate", lang),
            "other_language": i18n.ui("other_language", lang)}


@functools.cache
def _environment() -> jinja2.Environment:
    # Built once: an Environment caches its compiled templates (and reloads them when they change).
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def render_store_html(store: Store, graphs: Sequence[str], lang: str = "en", site_header: str = "",
                      stylesheet: str = "") -> str:
    """The page for the ontology graphs as the store publishes them."""
    graph = rdflib.Graph()
    graph.parse(data=store.dump(ox.RdfFormat.N_TRIPLES, graphs), format="nt")
    return render_html(graph, lang, site_header, stylesheet)


def render_html(graph: rdflib.Graph, lang: str = "en", site_header: str = "",
                stylesheet: str = "") -> str:
    """The ontology (and any concept schemes in the graph) as one HTML page in German or English.

    The web app hands over its own header (navigation) and stylesheet, so that the page is one of
    the site's; rendered alone (a file), it links the site's main pages itself."""
    lang = lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    return _environment().get_template("ontology.html").render(
        lang=lang, words=_words(lang), site_header=markupsafe.Markup(site_header),
        stylesheet=stylesheet,
        title=_text(graph, ONTOLOGY_IRI, DCTERMS.title, lang),
        description=_text(graph, ONTOLOGY_IRI, DCTERMS.description, lang),
        iri=str(ONTOLOGY_IRI),
        version_iri=str(graph.value(ONTOLOGY_IRI, OWL.versionIRI) or ""),
        version=str(graph.value(ONTOLOGY_IRI, OWL.versionInfo) or ""),
        licence=str(graph.value(ONTOLOGY_IRI, DCTERMS.license) or ""),
        prefix=str(graph.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix) or ""),
        namespace=str(graph.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri) or ""),
        classes=_terms_of_type(graph, OWL.Class, lang, own=True),
        object_properties=_terms_of_type(graph, OWL.ObjectProperty, lang, own=True),
        datatype_properties=_terms_of_type(graph, OWL.DatatypeProperty, lang, own=True),
        reused=_sorted(_terms_of_type(graph, OWL.Class, lang, own=False)
                       + _terms_of_type(graph, OWL.ObjectProperty, lang, own=False)
                       + _terms_of_type(graph, OWL.DatatypeProperty, lang, own=False)),
        schemes=_schemes(graph, lang),
    )
