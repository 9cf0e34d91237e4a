"""Advisory bodies (Integrationsrat, Beirat …): founding, composition, elections, changes."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, XSD

from builder import FileGraph
from dates import SourceDate, parse
from model.nodes import label, local_name, part
from model.temporal import instant, optional_instant, undated
from vocab import IKG, concept, integer, thing


def _integer(value: int | None) -> Literal | None:
    return integer(value) if value is not None else None


def advisory_body(f: FileGraph, muni: URIRef, key: str, name: str, kind: str) -> URIRef:
    node = thing("body", f"{local_name(muni)}-{key}")
    f.add(node, RDF.type, IKG.AdvisoryBody)
    f.add(node, IKG.advisoryBodyKind, concept("advisory-body-kind", kind))
    f.add(node, IKG.municipality, muni)
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    return node


def founded(f: FileGraph, node: URIRef, when: str | SourceDate) -> None:
    f.add(node, IKG.founded, instant(f, when))


def composition(
    f: FileGraph, body: URIRef, key: str, total: int | None, groups: list[tuple[int, str, str]],
    when: str | SourceDate | None = None,
) -> URIRef:
    """groups: (seats, selection-method concept key, group key)."""
    node = thing("composition", f"{local_name(body)}-{key}")
    f.add(node, RDF.type, IKG.Composition)
    label(f, node, f"Zusammensetzung ({key})")
    f.add(body, IKG.hasComposition, node)
    f.add(node, IKG.totalSeats, _integer(total))
    f.add(node, IKG.referenceTime, instant(f, when if when else undated()))
    seat_groups(f, node, groups)
    return node


def seat_groups(f: FileGraph, composition_node: URIRef, groups: list[tuple[int, str, str]]) -> None:
    """groups: (seats, selection-method concept key, group key), each a seat group of the composition."""
    for seats, method, _group_key in groups:
        group = part()
        f.add(group, RDF.type, IKG.SeatGroup)
        f.add(composition_node, IKG.hasSeatGroup, group)
        f.add(group, IKG.seats, integer(seats))
        f.add(group, IKG.selectionMethod, concept("selection-method", method))


def planned_body(f: FileGraph, muni: URIRef, key: str, name: str) -> URIRef:
    """A body a source says is planned (not yet existing): an ikg:PlannedBody, not an organisation."""
    node = thing("body", f"{local_name(muni)}-{key}")
    f.add(node, RDF.type, IKG.PlannedBody)
    f.add(node, IKG.municipality, muni)
    label(f, node, name)
    return node


def election(
    f: FileGraph, body: URIRef, when: str | SourceDate, *, eligible: int | None = None,
    candidates: int | None = None, seats: int | None = None, mode: str | None = None, key: str = "",
) -> URIRef:
    d = parse(when) if isinstance(when, str) else when
    node = thing("election", f"{local_name(body)}-{key or str(d.value)}")
    f.add(node, RDF.type, IKG.Election)
    f.add(node, IKG.electedBody, body)
    f.add(node, IKG.date, instant(f, d))
    f.add(node, IKG.eligibleVoters, _integer(eligible))
    f.add(node, IKG.candidateCount, _integer(candidates))
    f.add(node, IKG.seatsToFill, _integer(seats))
    f.add(node, IKG.votingMode, concept("voting-mode", mode) if mode else None)
    label(f, node, f"Wahl {d.value if d.value is not None else key}")
    return node


def election_result(f: FileGraph, election_node: URIRef, list_name: str, share: str | None,
                    seats: int | None) -> URIRef:
    node = part()
    f.add(node, RDF.type, IKG.ElectionResult)
    f.add(election_node, IKG.hasResult, node)
    f.add(node, IKG.listName, Literal(list_name))
    f.add(node, IKG.voteSharePercent, Literal(share, datatype=XSD.decimal) if share is not None else None)
    f.add(node, IKG.seatsWon, _integer(seats))
    return node


def change_event(
    f: FileGraph, key: str, kind: str, original: URIRef | None, resulting: URIRef | None,
    when: str | SourceDate | None, decided_by: URIRef | None = None, name: str | None = None,
) -> URIRef:
    node = thing("change", key)
    f.add(node, RDF.type, ORG.ChangeEvent)
    f.add(node, IKG.changeKind, concept("change-kind", kind))
    f.add(node, ORG.originalOrganization, original)
    f.add(node, ORG.resultingOrganization, resulting)
    f.add(node, IKG.date, optional_instant(f, when))
    f.add(node, IKG.decidedBy, decided_by)
    if name:
        label(f, node, name)
    return node
