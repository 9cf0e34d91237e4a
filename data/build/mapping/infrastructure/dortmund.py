"""Dortmund rows of infrastructure.csv: KI, Integrationsrat and its predecessor, Masterplan, VMDO."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, ORG

import model
from builder import FileGraph
from dates import parse, vague
from mapping.infrastructure.actors import I, Infra
from mapping.infrastructure.roles import Handler, founded_in, named_members, valid_during
from mapping.registry import DO, REG, muni
from sources import SourceRow
from vocab import IKG, integer, thing

INTEGRATIONSRAT = ("Dortmund", "Integrationsrat der Stadt Dortmund")
# list -> (vote share %, seats) in the Integrationsrat election of 2020; lists without a share won one seat
RESULTS_2020 = (("Internationale SPD-Liste", "29.80", 6), ("Deutsch-Türkische Plattform", "18.33", 4),
                ("CDU-Liste", "11.55", 2), ("VMDO", "5.79", 1))
ONE_SEAT_2020 = ("AfD", "E.A.V.", "Einzelkandidatin", "Train of Hope", "KKG")


def ki_in_mayors_office(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    amt = model.unit(f, REG.admin(f, DO), "amt-oberbuergermeister-rat",
                     "Amt für Angelegenheiten des Oberbürgermeisters und des Rates", "office-of-the-mayor")
    f.add(node, ORG.subOrganizationOf, amt)


def ki_from_merger(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "2013")
    model.note(f, node, "From 2013: merger of the Migrations- und Integrationsagentur (MIA-DO, founded in the "
                        "2010–2012 period) and the RAA.")


def masterplan_process(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.note(f, node, "From 2005: participatory Masterplan process; adopted by the Rat (date not stated).")


def masterplan_adopted(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.adoptedBy, REG.council(f, DO))


def integrationsrat_composition(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.composition(f, node, "voting-members", 27, [(18, "elected-by-migrant-residents", "elected"),
                                                      (9, "appointed-from-council", "council")])


def integrationsrat_term(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.termYears, integer(5))
    model.note(f, node, "One vote per voter, for an individual or a list; term = the Rat's period.")


def integrationsrat_established(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "2010-02-07")
    model.election(f, node, "2010-02-07", key="2010")
    model.change_event(f, "05913000-integrationsrat-beschluss-2009", "establishment", None, node, "2009-10-29",
                       REG.council(f, DO), name="Ratsbeschluss zur Bildung des Integrationsrats Dortmund")


def auslaenderbeirat_history(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "1972")
    model.election(f, node, parse("1993-11"), key="1993")
    model.election(f, node, "1995-03-26", key="1995")
    model.note(f, node, "1972: 18 German and 6 foreign members; first direct election Nov 1993; statutory direct "
                        "elections from 26 Mar 1995; 25 members (1999, 2004).")
    change = model.change_event(f, "05913000-auslaenderbeirat-integrationsrat-2010", "conversion", node,
                                x.nodes[INTEGRATIONSRAT], None,
                                name="Ablösung des Ausländerbeirats durch den Integrationsrat Dortmund")
    with f.row_only(I(68)):  # the date is the Integrationsrat's first election (row 68), not in this row
        f.add(change, IKG.date, model.instant(f, "2010-02-07"))


def integrationsrat_election_2020(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.election(f, node, "2020-09-13", key="2020")


def integrationsrat_results_2020(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    e = thing("election", "05913000-integrationsrat-der-stadt-dortmund-2020")
    for name, share, seats in RESULTS_2020:
        model.election_result(f, e, name, share, seats)
    for name in ONE_SEAT_2020:
        model.election_result(f, e, name, None, 1)


def city_signs_charta(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.membership(f, REG.admin(f, DO), node, parse("2008-09"), name="Stadt Dortmund, Unterzeichnerin der Charta der Vielfalt")


def city_cooperation_founded(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "2008")
    model.membership(f, REG.admin(f, DO), node, None, name="Stadt Dortmund in der Städtekooperation")


def vmdo_service_contract(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.cooperation(f, "dortmund-vmdo-uebergangseinrichtungen", "VMDO: Übergangseinrichtungen im Auftrag der Stadt",
                      "service-contract", [REG.admin(f, DO), node], None,
                      vague("2024", "2024-10-01", "2024-12-31", "bis Ende 2024"), muni(DO))


def integrationsrat_election_2025(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.election(f, node, "2025-09-14", eligible=170000, key="2025")


def committee_replaces_integrationsrat(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    """Row 130: the committee is planned from the 2025 legislative period - a planned body, not an existing one,
    and no conversion has taken place according to the row."""
    f.add(node, IKG.plannedAsSuccessorOf, x.nodes[INTEGRATIONSRAT])
    model.planned(f, node, vague("2025", "2025-01-01", "2025-12-31", "geplant ab der Wahlperiode 2025"))
    model.note(f, node, "Planned from the 2025 legislative period: 2/3 elected, 1/3 appointed by the Rat; binding "
                        "part of the Rat's deliberation sequence; right to inspect administrative documents.")


def masterplan_successor(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.note(f, node, "Vorlage Drucksache 09364-13 (2013-03-06) lists the Rat's meeting of 2013-06-13 as the "
                        "deciding date; the vote itself is not in the source.")
    f.add(node, DCTERMS.replaces, x.nodes[("Dortmund", "Masterplan Migration/Integration")])


def ki_land_funding(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    land = REG.org(f, "land-nrw", "Land Nordrhein-Westfalen", "public")
    model.funding(f, "dortmund-ki-land-nrw", land, "statutory-funding", recipient=node,
                  annual_eur="170000", name="Landesförderung für das Kommunale Integrationszentrum Dortmund")
    model.note(f, node, "Land funding of 170,000 EUR per year for existing posts replaced RAA Land funding of "
                        "about 145,000 EUR that ended by 2013-07-31 at the latest.")


ROWS: dict[int, Handler] = {
    59: ki_in_mayors_office, 60: ki_from_merger, 63: masterplan_process, 64: masterplan_adopted,
    66: integrationsrat_composition, 67: integrationsrat_term, 68: integrationsrat_established,
    69: auslaenderbeirat_history, 70: integrationsrat_election_2020, 71: integrationsrat_results_2020,
    72: city_signs_charta, 74: city_cooperation_founded, 76: vmdo_service_contract,
    129: integrationsrat_election_2025, 130: committee_replaces_integrationsrat, 142: masterplan_successor,
    144: ki_land_funding,
    **founded_in({73: "2007"}),
    **valid_during({143: ("2013", "2014")}),
    **named_members({
        132: ("Leonid Chraga", "chair", vague("2025", "2025-01-01", "2025-12-31", "Vorsitz laut Artikel von 2025"),
              "Leonid Chraga, Vorsitzender des Integrationsrats Dortmund"),
        133: ("Aysun Tekin", "chair", vague("2020", "2020-01-01", "2020-12-31", "Vorsitz laut Artikel von 2020"),
              "Aysun Tekin, Vorsitzende des Integrationsrats Dortmund"),
    }),
}
