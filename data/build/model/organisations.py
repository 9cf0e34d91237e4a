"""Organisations (migrant organisations, networks, associations, public bodies) and memberships."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF

from builder import FileGraph
from dates import SourceDate
from model.nodes import label, local_name
from model.temporal import optional_interval
from vocab import IKG, concept, thing

ORG_CLASSES = {
    "mo": IKG.MigrantOrganisation,
    "mo-network": IKG.MigrantOrganisationNetwork,
    "network": IKG.Network,
    "federal": IKG.FederalAssociation,
    "welfare": IKG.WelfareAssociation,
    "research": IKG.ResearchInstitution,
    "civil": IKG.CivilSocietyOrganisation,
    "public": IKG.PublicBody,
}


def organisation(f: FileGraph, key: str, name: str, kind: str, seat: URIRef | None = None) -> URIRef:
    node = thing("organisation", key)
    f.add(node, RDF.type, ORG_CLASSES[kind])
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    f.add(node, IKG.seatIn, seat)
    return node


def membership(
    f: FileGraph, member: URIRef, organisation_node: URIRef, start: str | SourceDate | None,
    role: str | None = None, end: str | SourceDate | None = None, period_note: str | None = None,
    name: str = "Mitgliedschaft", key: str = "",
) -> URIRef:
    node = thing("membership", key or f"{local_name(member)}--{local_name(organisation_node)}")
    f.add(node, RDF.type, ORG.Membership)
    label(f, node, name)
    f.add(node, ORG.member, member)
    f.add(node, ORG.organization, organisation_node)
    f.add(node, ORG.memberDuring, optional_interval(f, start, end, period_note))
    f.add(node, ORG.role, concept("membership-role", role) if role else None)
    return node
