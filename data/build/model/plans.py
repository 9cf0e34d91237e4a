"""Integration plans and concepts: who adopted them, when, and for which period."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF

from builder import FileGraph
from dates import SourceDate
from model.nodes import label, local_name
from model.temporal import interval, optional_instant
from vocab import IKG, concept, thing


def plan(f: FileGraph, muni: URIRef, key: str, name: str, kind: str) -> URIRef:
    node = thing("plan", f"{local_name(muni)}-{key}")
    f.add(node, RDF.type, IKG.Plan)
    f.add(node, IKG.planKind, concept("plan-kind", kind))
    f.add(node, IKG.municipality, muni)
    label(f, node, name)
    return node


def adopted(f: FileGraph, plan_node: URIRef, by: URIRef | None, when: str | SourceDate | None) -> None:
    f.add(plan_node, IKG.adoptedBy, by)
    f.add(plan_node, IKG.adoptedOn, optional_instant(f, when))


def valid(f: FileGraph, plan_node: URIRef, start: str | SourceDate | None, end: str | SourceDate | None = None,
          period_note: str | None = None) -> None:
    f.add(plan_node, IKG.validDuring, interval(f, start, end, period_note))


def planned(f: FileGraph, node: URIRef, start: str | SourceDate | None, end: str | SourceDate | None = None,
            period_note: str | None = None) -> None:
    """A period for which the plan (or body) was planned, as a source names it: not a period in which it held."""
    f.add(node, IKG.plannedPeriod, interval(f, start, end, period_note))
