"""Halle (Saale) rows of infrastructure.csv: commissioner, Migrationsbeirat, network, VeMo."""

from __future__ import annotations

from rdflib import URIRef

import model
from builder import FileGraph
from dates import parse, vague
from mapping.infrastructure.actors import Infra
from mapping.infrastructure.roles import Handler, attested, dated, founded_in, holder
from mapping.registry import HAL, REG, muni
from sources import SourceRow
from vocab import IKG, de, thing


def commissioner_2025(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.set_title(f, node, "Beauftragter der Stadt Halle (Saale) für Migration und Integration")
    attested(f, node, "Robert Schönrock", vague("2025", "2025-01-01", "2025-12-31", "2025 als Amtsinhaber genannt"),
             label="Robert Schönrock als Beauftragter für Migration und Integration")


def auslaenderbeauftragte(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.set_title(f, node, "Ausländerbeauftragte")
    holder(f, node, "Petra Schneutzer", label="Petra Schneutzer als Ausländerbeauftragte")


def commissioner_2014(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    attested(f, node, "Petra Schneutzer", vague("2014-09", "2014-09-01", "2014-09-30", "im September 2014 genannt"),
             key="petra-schneutzer-2014", label="Petra Schneutzer als Beauftragte für Migration und Integration (2014)")


def migrationsbeirat_renamed(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    old = model.advisory_body(f, muni(HAL), "auslaenderbeirat", "Ausländerbeirat der Stadt Halle (Saale)", "auslaenderbeirat")
    x.nodes[("Halle (Saale)", "Ausländerbeirat der Stadt Halle (Saale)")] = old
    model.change_event(f, "15002000-auslaenderbeirat-migrationsbeirat-2022", "renaming", old, node, parse("2022-10"),
                       REG.council(f, HAL), name="Umbenennung des Ausländerbeirats in Migrationsbeirat")


def migrationsbeirat_statute(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.legalBasis, de("Satzung und Wahlordnung vom 31.05.2023"))
    model.note(f, node, "Wider suffrage, including people with migration history regardless of citizenship.")


def migrationsbeirat_election_2024(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    when = vague("2024-12", "2024-12-16", "2024-12-23", "Online-Wahl 16.–23.12.2024")
    model.election(f, node, when, eligible=32000, candidates=29, seats=9, mode="online", key="2024")
    model.composition(f, node, "2024", 9, [(9, "elected-by-migrant-residents", "elected")])
    model.note(f, node, "About 32,000 eligible voters; up to 3 votes each.")


def migrationsbeirat_members(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.composition(f, node, "members", 9, [])


def network_founding_and_size(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    model.founded(f, node, "2002")
    model.count(f, node, "organisations-2012", 75, "member-organisations", "2012", name="Organisationen im Netzwerk (2012)")
    model.count(f, node, "persons-2012", 115, "persons", "2012", "approximately", name="Personen im Netzwerk (2012)")


def event_organised_by_network(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    f.add(node, IKG.organiser, x.nodes[("Halle (Saale)", "Netzwerk für Migration und Integration Halle (Saale)")])
    model.note(f, node, row.fields["value"])


def refugee_coordination(x: Infra, f: FileGraph, node: URIRef, row: SourceRow) -> None:
    """Row 141: the city set up the Koordinierungsstelle in 2015 with the Freiwilligen-Agentur and the Evangelischer
    Kirchenkreis (the joint body's parties); the Koordinierungsstelle cooperates closely with the Verband der
    Migrantenorganisationen, as a 2018 entry states (a cooperation of its own, not a party of the joint body)."""
    agency = REG.org(f, f"{HAL}-freiwilligen-agentur", "Freiwilligen-Agentur", "civil")
    church = REG.org(f, f"{HAL}-evangelischer-kirchenkreis", "Evangelischer Kirchenkreis", "civil")
    coop = model.cooperation(f, "halle-engagiert-fuer-fluechtlinge", "Koordinierungsstelle 'Engagiert für Flüchtlinge'",
                             "joint-body", [REG.admin(f, HAL), agency, church], "2015", muni=muni(HAL))
    model.note(f, coop, "Set up in 2015 by the city with the Freiwilligen-Agentur and the Evangelischer Kirchenkreis.")
    close = model.cooperation(f, "halle-engagiert-fuer-fluechtlinge-vemo",
                              "Koordinierungsstelle 'Engagiert für Flüchtlinge' und VeMo: enge Zusammenarbeit",
                              "collaboration", [node, thing("organisation", "vemo")], muni=muni(HAL))
    f.add(close, IKG.referenceTime, model.instant(f, vague("2018", "2018-01-01", "2018-12-31",
                                                             "im Eintrag zum Kommunalwettbewerb 2018 genannt")))
    model.note(f, close, "The Koordinierungsstelle cooperates closely with the Verband der Migrantenorganisationen "
                         "(entry in the Kommunalwettbewerb 2018); the form is not stated.")


ROWS: dict[int, Handler] = {
    77: commissioner_2025, 79: auslaenderbeauftragte, 139: commissioner_2014, 81: migrationsbeirat_renamed,
    82: migrationsbeirat_statute, 83: migrationsbeirat_election_2024, 84: migrationsbeirat_members,
    86: network_founding_and_size, 140: event_organised_by_network, 141: refugee_coordination,
    **founded_in({80: "2015"}),
    **dated({87: "2018-08-10", 88: "2018"}),
}
