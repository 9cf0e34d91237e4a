"""Nürnberg rows of infrastructure.csv: Koordinierungsgruppe, Inter-Kultur-Büro, Leitlinien, Integrationsrat."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDFS

import model
from builder import FileGraph
from dates import parse, vague
from mapping.infrastructure.actors import I, Infra, note_row
from mapping.infrastructure.roles import Handler, founded_in, named_members
from mapping.registry import NUE, REG, muni
from sources import SourceRow
from vocab import IKG, integer, thing

AUSSIEDLERBEIRAT = ("Nürnberg", "Aussiedlerbeirat der Stadt Nürnberg")
INTEGRATIONSRAT = ("Nürnberg", "Rat für Integration und Zuwanderung der Stadt Nürnberg (Integrationsrat)")
# (seats, group key) of the regular seats, all elected by migrant residents
SEAT_GROUPS = ((8, "eu"), (9, "europe-non-eu"), (8, "africa-asia-america-oceania"), (5, "aussiedler"))


def collective_commissioner(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    post = model.commissioner_post(f, muni(NUE), "kollektive-integrationsbeauftragte",
                                   "Integrationsbeauftragte der Stadt Nürnberg (kollektiv)",
                                   "kollektive Integrationsbeauftragte", REG.admin(f, NUE))
    model.tenure(f, post, node, name="Koordinierungsgruppe Integration als kollektive Integrationsbeauftragte")
    model.note(f, post, "Integration is 'Chefsache' of the Oberbürgermeister; the group has staff from all Geschäftsbereiche.")


def coordination_group_founded(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "2010")
    model.note(f, node, "Set up in 2010 per the English city page; conflicts with the German page saying the group "
                        "presented the first part of the Integrationsprogramm at the end of 2004.")


def coordination_group_staff(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.count(f, node, "staff-2024", 20, "staff", vague("2024", "2024-01-01", "2024-12-31", "etwa 2024 (Stand der Seite)"),
                name="Mitarbeitende in der Koordinierungsgruppe Integration")


def inter_kultur_buero(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    kuf = model.unit(f, REG.admin(f, NUE), "amt-fuer-kultur-und-freizeit", "Amt für Kultur und Freizeit (KUF)", "department")
    f.add(node, ORG.subOrganizationOf, kuf)
    note_row(f, node, row)
    model.cooperation(f, "nuernberg-inter-kultur-buero-moin", "Inter-Kultur-Büro: Unterstützung der Gründung von MOiN e.V. (samo.fa)",
                      "project-partnership", [node, thing("organisation", "moin")], muni=muni(NUE))
    # "hosted samo.fa": Nürnberg was a samo.fa site; a samo.fa Dialogkonferenz took place there on 2017-09-21
    site = model.site(f, thing("project", "samo-fa"), muni(NUE), "inter-kultur-buero", node,
                      name="Nürnberg in samo.fa (Inter-Kultur-Büro)")
    with f.row_only("projects_events-079"):
        f.add(site, IKG.referenceTime, model.instant(f, "2017-09-21"))


def leitlinien_2018(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    first = model.plan(f, muni(NUE), "leitlinien-2004", "Leitlinien zur Integrationspolitik (2004)", "guidelines")
    f.add(first, IKG.adoptedOn, model.instant(f, "2004"))
    model.adopted(f, node, REG.council(f, NUE), "2018-07-25")
    f.add(node, DCTERMS.replaces, first)
    # one German label: the version adopted in 2018 (rows 155 and 96 name later and earlier versions)
    f.remove(node, RDFS.label, Literal("Leitlinien zur Integrationspolitik der Stadt Nürnberg", lang="de"))
    model.label(f, node, "Leitlinien zur Integrationspolitik der Stadt Nürnberg (Fassung 2018)")


def leitlinien_2025(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    v2025 = model.plan(f, muni(NUE), "leitlinien-2025", "Leitlinien zur Integrationspolitik der Stadt Nürnberg (Fassung 2025)",
                       "guidelines")
    model.adopted(f, v2025, REG.council(f, NUE), "2025-09-24")
    f.add(v2025, DCTERMS.replaces, node)


def integration_programme(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.draftedBy, x.nodes[("Nürnberg", "Koordinierungsgruppe Integration")])
    model.note(f, node, "Implemented by the Koordinierungsgruppe Integration (adoption date not found).")


def integrationsrat_and_aussiedlerbeirat(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "2010")
    aussiedler = model.advisory_body(f, muni(NUE), "aussiedlerbeirat", "Aussiedlerbeirat der Stadt Nürnberg", "aussiedlerbeirat")
    model.founded(f, aussiedler, "1984")
    x.nodes[AUSSIEDLERBEIRAT] = aussiedler


def auslaenderbeirat_merged(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "1973-11-11")  # the row's `established` value: the first election
    model.election(f, node, "1973-11-11", key="1973")
    model.note(f, node, "First election 11 Nov 1973: the first in Bavaria, the second in Germany after Wiesbaden.")
    # row 98: "2010 (merger of Ausländerbeirat and Aussiedlerbeirat (founded 1984))"
    with f.row_only(I(98)):
        ch = model.change_event(f, "09564000-fusion-integrationsrat-2010", "merger", node, x.nodes[INTEGRATIONSRAT], "2010",
                                name="Zusammenschluss von Ausländerbeirat und Aussiedlerbeirat zum Integrationsrat Nürnberg")
        f.add(ch, ORG.originalOrganization, x.nodes[AUSSIEDLERBEIRAT])


def integrationsrat_seats(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.composition(f, node, "regular-seats", 30,
                      [(seats, "elected-by-migrant-residents", group) for seats, group in SEAT_GROUPS])
    model.note(f, node, "30 regular seats (currently exceptionally 31); groups: EU 8, Europa ohne EU 9, "
                        "Afrika/Asien/Amerika/Ozeanien 8, Aussiedler 5.")


def integrationsrat_term(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.termYears, integer(6))
    model.note(f, node, "Free, equal, secret personal election; voters: adults with migration background.")


def integrationsrat_election_2016(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.election(f, node, "2016-03-13", candidates=81, seats=30, key="2016")


def integrationsrat_election_2022(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    e = model.election(f, node, "2022-10-09", candidates=78, key="2022")
    model.note(f, e, "First reserved mandates for people who arrived since 2015.")


ROWS: dict[int, Handler] = {
    91: collective_commissioner, 157: coordination_group_founded, 158: coordination_group_staff,
    95: inter_kultur_buero, 96: leitlinien_2018, 155: leitlinien_2025, 97: integration_programme,
    98: integrationsrat_and_aussiedlerbeirat, 99: auslaenderbeirat_merged, 100: integrationsrat_seats,
    101: integrationsrat_term, 102: integrationsrat_election_2016, 103: integrationsrat_election_2022,
    **founded_in({92: "2002"}),
    **named_members({161: ("Viola Karaalioğlu", "head", parse("2025-09"), "Viola Karaalioğlu, Leitung des Inter-Kultur-Büros")}),
}
