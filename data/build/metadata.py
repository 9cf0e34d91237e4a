"""The dataset's own description: DCAT and VoID, licence, how to cite, one subset per file."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, VOID, XSD

from builder import Builder, FileGraph
from sources import READ_DATE, SEED_URL
from vocab import BASE, CC_BY, GRAPH, IKG, de, en, thing

DATASET = thing("dataset", "integration-kg")
PUBLISHER = thing("agent", "integration-kg-project")
VERSION = "0.1.0"
CITATION = (
    "integration-kg project (2026): integration-kg – a knowledge graph of municipal integration "
    f"infrastructure in Germany. Data, version {VERSION}, issued {READ_DATE}. "
    "https://w3id.org/integration-kg/id/dataset/integration-kg. Licence: CC BY 4.0."
)
VOCABULARIES = (
    str(IKG), "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/",
    "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/2006/time#",
    "http://purl.org/linked-data/cube#", "http://xmlns.com/foaf/0.1/",
)


def file_graph(stem: str) -> URIRef:
    return GRAPH[f"data/{stem}"]


TITLES = (en("integration-kg: municipal integration infrastructure in Germany"),
          de("integration-kg: kommunale Integrationsinfrastruktur in Deutschland"))
DESCRIPTIONS = (
    en("Sourced facts about local integration infrastructure: municipalities, their integration "
       "commissioners, advisory bodies, plans, migrant organisations and networks, the projects "
       "samo.fa and GLEICH teilhaben of BV NeMO and their events, with the source row, web page "
       "and reading date of every statement."),
    de("Belegte Fakten zur lokalen Integrationsinfrastruktur: Kommunen, ihre Integrationsbeauftragten, "
       "Beiräte, Konzepte, Migrant*innenorganisationen und ihre Verbünde, die Projekte samo.fa und "
       "GLEICH teilhaben des BV NeMO und ihre Veranstaltungen, zu jeder Aussage mit Quellzeile, "
       "Webseite und Lesedatum."),
)
KEYWORDS = (en("integration"), en("migrant organisations"), en("municipalities"),
            de("Integration"), de("Migrant*innenorganisationen"), de("Kommunen"))
LANGUAGES = ("http://id.loc.gov/vocabulary/iso639-1/de", "http://id.loc.gov/vocabulary/iso639-1/en")
GERMANY = URIRef("http://www.wikidata.org/entity/Q183")


def describe(builder: Builder, counts: dict[str, int], fact_files: list[URIRef]) -> FileGraph:
    """dataset.ttl; `counts` are the triples per file stem, this file's own included."""
    meta = builder.file("dataset", "Dataset metadata: DCAT and VoID, licence and citation")
    meta.add(DATASET, RDF.type, DCAT.Dataset)
    meta.add(DATASET, RDF.type, VOID.Dataset)
    _catalogue_entry(meta)
    _licence_and_citation(meta)
    for source in (URIRef(SEED_URL), *fact_files):
        meta.add(DATASET, DCTERMS.source, source)
    meta.add(DATASET, RDFS.label, en("integration-kg data"))
    _void(meta, sum(counts.values()))
    _publisher(meta)
    for stem in sorted(counts):
        _subset(meta, stem, builder.files[stem].title, counts[stem])
    return meta


def _catalogue_entry(meta: FileGraph) -> None:
    """What a catalogue shows: title, description, dates, languages, coverage, keywords."""
    for title in TITLES:
        meta.add(DATASET, DCTERMS.title, title)
    for description in DESCRIPTIONS:
        meta.add(DATASET, DCTERMS.description, description)
    meta.add(DATASET, DCTERMS.issued, Literal(READ_DATE, datatype=XSD.date))
    meta.add(DATASET, DCTERMS.modified, Literal(READ_DATE, datatype=XSD.date))
    for language in LANGUAGES:
        meta.add(DATASET, DCTERMS.language, URIRef(language))
    meta.add(DATASET, DCTERMS.spatial, GERMANY)
    for keyword in KEYWORDS:
        meta.add(DATASET, DCAT.keyword, keyword)


def _licence_and_citation(meta: FileGraph) -> None:
    meta.add(DATASET, DCTERMS.license, CC_BY)
    meta.add(DATASET, DCTERMS.rights, en("Licensed under Creative Commons Attribution 4.0 International (CC BY 4.0)."))
    meta.add(DATASET, DCTERMS.bibliographicCitation, en(CITATION))
    meta.add(DATASET, DCTERMS.publisher, PUBLISHER)
    meta.add(DATASET, DCTERMS.creator, PUBLISHER)


def _void(meta: FileGraph, triples: int) -> None:
    meta.add(DATASET, VOID.uriSpace, Literal(BASE + "id/"))
    meta.add(DATASET, VOID.sparqlEndpoint, URIRef(BASE + "sparql"))
    meta.add(DATASET, VOID.exampleResource, thing("municipality", "14612000"))
    meta.add(DATASET, VOID.feature, URIRef("http://www.w3.org/ns/formats/Turtle"))
    for vocabulary in VOCABULARIES:
        meta.add(DATASET, VOID.vocabulary, URIRef(vocabulary))
    meta.add(DATASET, VOID.triples, Literal(triples, datatype=XSD.integer))


def _publisher(meta: FileGraph) -> None:
    meta.add(PUBLISHER, RDF.type, FOAF.Organization)
    meta.add(PUBLISHER, FOAF.name, Literal("integration-kg project"))
    meta.add(PUBLISHER, RDFS.label, en("integration-kg project"))


def _subset(meta: FileGraph, stem: str, title: str, triples: int) -> None:
    graph = file_graph(stem)
    distribution = thing("distribution", f"{stem}-ttl")
    meta.add(DATASET, VOID.subset, graph)
    meta.add(DATASET, DCAT.distribution, distribution)
    meta.add(graph, RDF.type, VOID.Dataset)
    meta.add(graph, DCTERMS.title, en(title))
    meta.add(graph, VOID.triples, Literal(triples, datatype=XSD.integer))
    meta.add(graph, DCTERMS.license, CC_BY)
    meta.add(distribution, RDF.type, DCAT.Distribution)
    meta.add(distribution, DCTERMS.title, Literal(f"data/{stem}.ttl"))
    meta.add(distribution, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/text/turtle"))
    meta.add(distribution, DCTERMS.license, CC_BY)
    meta.add(distribution, DCTERMS.isPartOf, graph)
