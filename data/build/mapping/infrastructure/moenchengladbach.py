"""Mönchengladbach rows of infrastructure.csv: commissioner, KI, Integrationsrat, concept."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import ORG

import model
from builder import FileGraph
from dates import parse, vague
from mapping.infrastructure.actors import I, Infra
from mapping.infrastructure.roles import Handler, holder, member, named_members, valid_during
from mapping.registry import MG, REG
from sources import SourceRow
from vocab import IKG, integer

INTEGRATIONSRAT = ("Mönchengladbach", "Integrationsrat der Stadt Mönchengladbach")


def planning_in_mayors_dezernat(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    ob = model.unit(f, REG.admin(f, MG), "dezernat-oberbuergermeister", "Dezernat des Oberbürgermeisters",
                    "office-of-the-mayor")
    f.add(node, ORG.subOrganizationOf, ob)
    model.note(f, node, "In the Oberbürgermeister's Dezernat since spring 2011, together with the "
                        "Geschäftsstelle of the Integrationsrat.")


def commissioner_in_planning_office(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.set_title(f, node, "Integrationsbeauftragte")
    f.remove(node, ORG.postIn, REG.admin(f, MG))
    f.add(node, ORG.postIn, x.nodes[("Mönchengladbach", "Integrationsplanung der Stadt Mönchengladbach")])


def commissioner_holder(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    holder(f, node, "Marion Blinten", label="Marion Blinten als Integrationsbeauftragte")


def integrationsrat_first_election(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "2004-11-21")
    model.election(f, node, "2004-11-21", key="2004")
    model.note(f, node, "First elected 21 Nov 2004, replacing the Ausländerbeirat; Rat agreed March 2004; "
                        "approval by the NRW Innenministerium May 2004.")


def auslaenderbeirat_replaced(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, parse("1986-11"))
    with f.row_only(I(42)):  # "first elected 2004-11-21 (replacing Ausländerbeirat)"
        model.change_event(f, "05116000-auslaenderbeirat-integrationsrat-2004", "conversion", node, x.nodes[INTEGRATIONSRAT],
                           "2004-11-21", name="Ablösung des Ausländerbeirats durch den Integrationsrat Mönchengladbach")
    model.note(f, node, "First elected November 1986; an Arbeitskreis für ausländische Mitbürger existed since June 1973.")


def integrationsrat_composition(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    comp = model.composition(f, node, "2020", 24, [], "2020")
    # 24 members, 7 sent by the Stadtrat (row 44); the others are directly elected (row 45): 17 = 24 - 7
    with f.row(I(45)):
        model.seat_groups(f, comp, [(17, "elected-by-migrant-residents", "elected"), (7, "appointed-from-council", "council")])
        model.note(f, comp, "24 members, 7 of them sent by the Stadtrat; the 17 others are the directly elected "
                            "members (directly elected representatives plus members sent by the Stadtrat).")
    f.derive(comp, IKG.hasSeatGroup, "remaining-seats")


def integrationsrat_election_2020(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.termYears, integer(5))
    model.election(f, node, "2020-09-13", key="2020")
    model.note(f, node, "Voters aged 16 and over.")


def concept_adopted(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.adopted(f, node, REG.council(f, MG), "2012-09")
    model.note(f, node, "Adopted unanimously by the Rat.")


def concept_endorsed(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.endorsedBy, x.nodes[INTEGRATIONSRAT])
    model.note(f, node, "The Integrationsrat voted unanimously for the concept in early September 2012, before the Rat.")


def ki_founding_and_staff(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    opening = vague("2014", "2014-01-01", "2014-12-31", "etwa 2014 (10-Jahres-Feier im Februar 2024)")
    model.founded(f, node, opening)
    # "staff 14 at opening": dated at the opening, not at the day the page was read
    model.count(f, node, "staff-opening", 14, "staff", opening, name="Beschäftigte des KI bei der Eröffnung")
    model.count(f, node, "staff-2024", 27, "staff", "2024", name="Beschäftigte des KI 2024")


def ki_deputy_head(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    m = member(f, node, "Nina Liebrecht", None, label="Nina Liebrecht, stellvertretende Leiterin des KI Mönchengladbach")
    model.note(f, m, "Deputy head (stellvertretende Leiterin), named at the 10-year celebration.")


ROWS: dict[int, Handler] = {
    34: planning_in_mayors_dezernat, 36: commissioner_in_planning_office, 37: commissioner_holder,
    42: integrationsrat_first_election, 43: auslaenderbeirat_replaced, 44: integrationsrat_composition,
    45: integrationsrat_election_2020, 46: concept_adopted, 147: concept_endorsed, 128: ki_founding_and_staff,
    151: ki_deputy_head,
    **valid_during({47: ("2012", "2016")}),
    **named_members({
        150: ("Jürgen Fischer", "head", parse("2025-11"), "Jürgen Fischer, Leitung des KI Mönchengladbach"),
        152: ("Manuela Franken", None, parse("2025-09"), "Manuela Franken, KIM Mönchengladbach"),
        153: ("Hanife Yildirim", "member", parse("2025-11"), "Hanife Yildirim, Integrationsrat Mönchengladbach"),
    }),
}
