"""Namespaces and the project's IRI patterns."""

from __future__ import annotations

import re
import unicodedata

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

BASE = "https://w3id.org/integration-kg/"
IKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIM = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
CPOV = Namespace("http://data.europa.eu/m8g/")
WD = Namespace("http://www.wikidata.org/entity/")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")

PREFIXES = {
    "ikg": str(IKG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "dcat": str(DCAT),
    "void": str(VOID),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "time": str(TIME),
    "qb": str(QB),
    "cpov": str(CPOV),
    "wd": str(WD),
    "municipality": BASE + "id/municipality/",
    "org-id": BASE + "id/organisation/",
    "person": BASE + "id/person/",
    "citation": BASE + "id/citation/",
    "attribution": BASE + "id/attribution/",
    "date": BASE + "id/date/",
    "period": BASE + "id/period/",
    "graph": BASE + "graph/data/",
}


def thing(kind: str, key: str) -> URIRef:
    """`…/id/{kind}/{key}`."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", kind) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", key):
        raise ValueError(f"bad IRI parts: {kind!r}/{key!r}")
    return ID[f"{kind}/{key}"]


def concept(scheme: str, key: str) -> URIRef:
    return ID[f"concept/{scheme}/{key}"]


def slug(text: str) -> str:
    """'Afropa e.V. – Verein für …' -> 'afropa-e-v-verein-fur'; ASCII, lower case, hyphens."""
    text = text.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def de(text: str) -> Literal:
    return Literal(text, lang="de")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def date(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)
