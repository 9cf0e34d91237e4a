"""Statistical observations (RDF Data Cube): populations and counts, each in its data set."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from builder import FileGraph
from dates import SourceDate
from model.nodes import label, local_name
from model.temporal import instant, undated
from vocab import IKG, QB, concept, thing

POPULATION_DATASET = thing("dataset", "population")
COUNT_DATASET = thing("dataset", "counts")


def datasets(f: FileGraph) -> None:
    f.add(POPULATION_DATASET, RDF.type, QB.DataSet)
    f.add(POPULATION_DATASET, QB.structure, IKG.populationStructure)
    label(f, POPULATION_DATASET, "Einwohnerzahlen")
    label(f, POPULATION_DATASET, "Populations", "en")
    f.add(COUNT_DATASET, RDF.type, QB.DataSet)
    f.add(COUNT_DATASET, QB.structure, IKG.countStructure)
    label(f, COUNT_DATASET, "Zählungen")
    label(f, COUNT_DATASET, "Counts", "en")


def population(f: FileGraph, muni: URIRef, value: int, when: str, name: str) -> URIRef:
    node = thing("observation", f"population-{local_name(muni)}-{when}")
    f.add(node, RDF.type, IKG.PopulationObservation)
    f.add(node, QB.dataSet, POPULATION_DATASET)
    label(f, node, f"Einwohnerzahl {name} {when}")
    f.add(node, IKG.refArea, muni)
    f.add(node, IKG.referenceTime, instant(f, when))
    f.add(node, IKG.population, Literal(value, datatype=XSD.integer))
    return node


def count(
    f: FileGraph, entity: URIRef, key: str, value: int, unit: str, when: str | SourceDate | None,
    qualifier: str = "exact", name: str = "Zählung", dated: bool = True,
) -> URIRef:
    """A count; without `when` an undated snapshot (latest = the day read), unless `dated` is False: then the
    caller adds the reference time (e.g. from other rows as well)."""
    node = thing("observation", f"count-{local_name(entity)}-{key}")
    f.add(node, RDF.type, IKG.CountObservation)
    f.add(node, QB.dataSet, COUNT_DATASET)
    label(f, node, name)
    f.add(node, IKG.countedEntity, entity)
    f.add(node, IKG.countUnit, concept("count-unit", unit))
    f.add(node, IKG["count"], Literal(value, datatype=XSD.integer))
    f.add(node, IKG.countQualifier, concept("count-qualifier", qualifier))
    if dated:
        f.add(node, IKG.referenceTime, instant(f, when if when else undated()))
    return node
