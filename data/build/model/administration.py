"""The municipal administration: its units, the council, commissioner posts and who holds them."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF

from builder import FileGraph
from dates import SourceDate
from model.nodes import label, local_name
from model.temporal import optional_interval
from vocab import IKG, concept, de, slug, thing

# post -> the title read from its name, until a row states the official one
_AUTO_TITLES: dict[URIRef, str] = {}


def administration(f: FileGraph, muni: URIRef, name: str) -> URIRef:
    node = thing("administration", local_name(muni))
    f.add(node, RDF.type, IKG.MunicipalAdministration)
    f.add(node, IKG.municipality, muni)
    label(f, node, name)
    return node


def unit(f: FileGraph, admin: URIRef, key: str, name: str, kind: str | None, within: URIRef | None = None) -> URIRef:
    node = thing("unit", f"{local_name(admin)}-{key}")
    f.add(node, RDF.type, IKG.AdministrativeUnit)
    f.add(node, ORG.unitOf, admin)
    f.add(node, ORG.subOrganizationOf, within or admin)
    f.add(node, IKG.unitKind, concept("unit-kind", kind) if kind else None)
    label(f, node, name)
    return node


def council(f: FileGraph, muni: URIRef, name: str) -> URIRef:
    """The municipal council (Stadtrat / Rat) as the body that decides."""
    node = thing("organisation", f"council-{local_name(muni)}")
    f.add(node, RDF.type, IKG.PublicBody)
    f.add(node, IKG.municipality, muni)
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    return node


def commissioner_post(f: FileGraph, muni: URIRef, key: str, name: str, title: str | None, post_in: URIRef) -> URIRef:
    node = thing("post", f"{local_name(muni)}-{key}")
    f.add(node, RDF.type, IKG.CommissionerPost)
    if title is None:  # the title as the source writes it: the name up to the municipality
        title = re.split(r" der Stadt| der Landeshauptstadt| \(", name)[0]
        _AUTO_TITLES[node] = title
    f.add(node, IKG.municipality, muni)
    f.add(node, IKG.officialTitle, de(title) if title else None)
    f.add(node, ORG.postIn, post_in)
    label(f, node, name)
    return node


def set_title(f: FileGraph, post: URIRef, title: str) -> None:
    """The post's official title as a row states it, replacing the one read from its name."""
    if post in _AUTO_TITLES:
        f.remove(post, IKG.officialTitle, de(_AUTO_TITLES.pop(post)))
    f.add(post, IKG.officialTitle, de(title))


def person(f: FileGraph, name: str) -> URIRef:
    node = thing("person", slug(name))
    f.add(node, RDF.type, FOAF.Person)
    f.add(node, FOAF.name, Literal(name))
    label(f, node, name)
    return node


def tenure(
    f: FileGraph, post: URIRef, holder: URIRef, start: str | SourceDate | None = None,
    end: str | SourceDate | None = None, period_note: str | None = None, key: str = "", name: str = "",
) -> URIRef:
    node = thing("tenure", f"{local_name(post)}-{key or local_name(holder)}")
    f.add(node, RDF.type, IKG.Tenure)
    label(f, node, name or "Amtszeit")
    f.add(node, IKG.tenureOf, post)
    f.add(node, IKG.holder, holder)
    f.add(node, IKG.period, optional_interval(f, start, end, period_note))
    return node
