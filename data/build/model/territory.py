"""Länder, municipalities and districts, keyed by their official codes (AGS)."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from builder import FileGraph
from model.nodes import label
from vocab import IKG, concept, thing

LAENDER = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}


def land(f: FileGraph, code: str) -> URIRef:
    node = thing("land", code)
    f.add(node, RDF.type, IKG.Land)
    f.add(node, IKG.landCode, Literal(code))
    f.add(node, IKG.officialName, Literal(LAENDER[code]))
    label(f, node, LAENDER[code])
    return node


def municipality_iri(ags: str) -> URIRef:
    return thing("municipality", ags)


def municipality(
    f: FileGraph, ags: str, official_name: str, name: str, kind: str, district: URIRef | None = None
) -> URIRef:
    node = municipality_iri(ags)
    f.add(node, RDF.type, IKG.Municipality)
    f.add(node, IKG.ags, Literal(ags))
    f.add(node, IKG.officialName, Literal(official_name))
    label(f, node, name)
    f.add(node, IKG.municipalityKind, concept("municipality-kind", kind))
    f.add(node, IKG.inLand, land(f, ags[:2]))
    f.add(node, IKG.inDistrict, district)
    return node
