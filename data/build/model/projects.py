"""Projects and their sites, funding, events and contributions, cooperations, publications."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from builder import FileGraph
from dates import SourceDate
from model.nodes import label, local_name
from model.temporal import optional_instant, optional_interval
from vocab import IKG, concept, de, thing


def project(f: FileGraph, key: str, name: str, phase_of: URIRef | None = None, research: bool = False) -> URIRef:
    node = thing("project", key)
    f.add(node, RDF.type, IKG.ResearchProject if research else (IKG.ProjectPhase if phase_of else IKG.Project))
    f.add(node, IKG.phaseOf, phase_of)
    label(f, node, name)
    return node


def site(f: FileGraph, project_node: URIRef, muni: URIRef, key: str, partner: URIRef | None = None,
         start: str | SourceDate | None = None, end: str | SourceDate | None = None,
         period_note: str | None = None, name: str = "Standort") -> URIRef:
    node = thing("participation", f"{local_name(project_node)}-{local_name(muni)}-{key}")
    f.add(node, RDF.type, IKG.SiteParticipation)
    label(f, node, name)
    f.add(node, IKG.inProject, project_node)
    f.add(node, IKG.municipality, muni)
    f.add(node, IKG.localPartner, partner)
    f.add(node, IKG.period, optional_interval(f, start, end, period_note))
    return node


def funding(f: FileGraph, key: str, funder: URIRef, kind: str, project_node: URIRef | None = None,
            recipient: URIRef | None = None, start: str | SourceDate | None = None,
            end: str | SourceDate | None = None, period_note: str | None = None,
            annual_eur: str | None = None, name: str = "Förderung") -> URIRef:
    node = thing("funding", key)
    f.add(node, RDF.type, IKG.Funding)
    label(f, node, name)
    f.add(node, IKG.funder, funder)
    f.add(node, IKG.fundingKind, concept("funding-kind", kind))
    f.add(node, IKG.fundedProject, project_node)
    f.add(node, IKG.recipient, recipient)
    f.add(node, IKG.period, optional_interval(f, start, end, period_note))
    f.add(node, IKG.annualAmountEUR, Literal(annual_eur, datatype=XSD.decimal) if annual_eur else None)
    return node


def event(f: FileGraph, key: str, name: str, kind: str | None, when: str | SourceDate | None,
          place: URIRef | None = None, venue: str | None = None, project_node: URIRef | None = None) -> URIRef:
    node = thing("event", key)
    f.add(node, RDF.type, IKG.Event)
    f.add(node, IKG.eventKind, concept("event-kind", kind or "conference"))
    f.add(node, IKG.date, optional_instant(f, when))
    f.add(node, IKG.place, place)
    f.add(node, IKG.venue, Literal(venue) if venue else None)
    f.add(node, IKG.partOfProject, project_node)
    label(f, node, name)
    return node


def contribution(f: FileGraph, event_node: URIRef, contributor: URIRef, perspective: str | None,
                 on_behalf_of: URIRef | None = None, kind: str | None = None, topic: str | None = None,
                 name: str = "Beitrag") -> URIRef:
    node = thing("contribution", f"{local_name(event_node)}-{local_name(contributor)}")
    f.add(node, RDF.type, IKG.Contribution)
    label(f, node, name)
    f.add(node, IKG.contributionTo, event_node)
    f.add(node, IKG.contributor, contributor)
    f.add(node, IKG.onBehalfOf, on_behalf_of)
    f.add(node, IKG.perspective, concept("perspective", perspective) if perspective else None)
    f.add(node, IKG.contributionKind, concept("contribution-kind", kind) if kind else None)
    f.add(node, IKG.topic, de(topic) if topic else None)
    return node


def cooperation(f: FileGraph, key: str, name: str, form: str, parties: list[URIRef],
                start: str | SourceDate | None = None, end: str | SourceDate | None = None,
                muni: URIRef | None = None) -> URIRef:
    node = thing("cooperation", key)
    f.add(node, RDF.type, IKG.Cooperation)
    f.add(node, IKG.cooperationForm, concept("cooperation-form", form))
    for party in parties:
        f.add(node, IKG.party, party)
    f.add(node, IKG.period, optional_interval(f, start, end))
    f.add(node, IKG.municipality, muni)
    label(f, node, name)
    return node


def strukturbild(f: FileGraph, key: str, muni: URIRef, name: str, made_for: URIRef | None,
                 made_by: URIRef | None = None, when: str | SourceDate | None = None) -> URIRef:
    node = thing("strukturbild", key)
    f.add(node, RDF.type, IKG.Strukturbild)
    f.add(node, IKG.municipality, muni)
    f.add(node, IKG.madeFor, made_for)
    f.add(node, IKG.madeBy, made_by)
    f.add(node, IKG.date, optional_instant(f, when))
    label(f, node, name)
    return node


def document(f: FileGraph, key: str, name: str, publisher: URIRef | None = None,
             when: str | SourceDate | None = None) -> URIRef:
    """A publication (brochure, book, report) as a foaf:Document."""
    node = thing("document", key)
    f.add(node, RDF.type, FOAF.Document)
    f.add(node, DCTERMS.publisher, publisher)
    f.add(node, IKG.date, optional_instant(f, when))
    label(f, node, name)
    return node
