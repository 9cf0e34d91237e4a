"""The seed report (Afropa e.V. on gleich-teilhaben.de): the Dresden working meeting of 11 Dec 2025."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS

import model
from builder import Builder, FileGraph
from dates import vague
from mapping.projects import GT, SAMOFA
from mapping.registry import DD, REG, muni
from sources import SEED_ROW_ID, SEED_URL
from vocab import IKG, concept, de, thing

PRINCIPLES = ("indispensability-of-migrant-organisations", "mutual-approach", "cooperation-corridors")
ROUND_TOPICS = ("Aktionsplan Integration", "Rolle der Integrations- und Ausländerbeauftragten",
                "Zusammenarbeit mit migrantischen Organisationen")
# cities whose Strukturbild (GLEICH teilhaben 2025) served as a discussion tool: (name, AGS)
STRUKTURBILD_CITIES = (("Mönchengladbach", "05116000"), ("Dortmund", "05913000"), ("Halle (Saale)", "15002000"),
                       ("Nürnberg", "09564000"))


def map_rows(b: Builder) -> None:
    f = b.file("dresden-meeting-2025-12-11", 'The working meeting "Der lokal-kommunale Raum für Integration", Dresden, 11 Dec 2025')
    with f.row(SEED_ROW_ID):
        afropa = REG.org(f, "afropa", "", "mo-network")
        bv = REG.org(f, "bv-nemo", "", "federal")
        meeting = _meeting(f, afropa, bv)
        _speakers(f, meeting)
        _ten_points(f)
        _dresden_round(f, meeting)
        _strukturbilder(f, meeting, bv)
        _papers(f, afropa, bv)


def _meeting(f: FileGraph, afropa: URIRef, bv: URIRef) -> URIRef:
    ev = model.event(f, "dresden-arbeitsgespraech-2025-12-11", 'Arbeitsgespräch "Der lokal-kommunale Raum für Integration"',
                     "working-meeting", "2025-12-11", muni(DD), "Afropa e.V.", GT)
    f.add(ev, IKG.host, afropa)
    f.add(ev, IKG.organiser, afropa)
    f.add(ev, IKG.organiser, bv)
    f.add(ev, IKG.participant, thing("administration", DD))
    model.note(f, ev, "Experts from migrant organisations, municipal administrations, science, politics and civil society; "
                      "focus shifted to municipal frameworks, structures and processes for embedding migrant organisations "
                      "on an equal footing. Phases: inputs and discussion; the 'Überlegungen in 10 Punkten'; the round "
                      "'Dresden: ein Beispiel'; a closing look ahead (cooperation approaches, resources, stable structures "
                      "beyond short-term project funding).")
    model.note(f, afropa, "Founded 2003 in Dresden by Africans living in Dresden and other Dresdeners (seed report).")
    f.add(GT, DCTERMS.replaces, SAMOFA)
    return ev


def _speakers(f: FileGraph, ev: URIRef) -> None:
    """The first phase: inputs from science, then the city's discussion contributions."""
    euler = REG.person(f, "Katharina Euler")
    model.contribution(f, ev, euler, "academic", None, "input", name="Beitrag Katharina Euler (Wissenschaft, Hildesheim)")
    tu = REG.org(f, "tu-chemnitz", "Technische Universität Chemnitz", "research")
    zekovic = REG.person(f, "Denis Zeković")
    reframe = model.contribution(f, ev, zekovic, "academic", tu, "input", name="Beitrag Denis Zeković (Projekt REFRAME, TU Chemnitz)")
    f.add(reframe, IKG.topic, de("Projekt REFRAME"))
    sozialamt = model.unit(f, thing("administration", DD), "sozialamt", "Sozialamt Dresden", "social-office")
    schaefer = REG.person(f, "Philipp Schäfer")
    model.membership(f, schaefer, sozialamt, None, role="head", name="Philipp Schäfer, Abteilungsleiter im Sozialamt Dresden")
    model.contribution(f, ev, schaefer, "municipal", sozialamt, "discussion", name="Beitrag Philipp Schäfer (Sozialamt Dresden)")
    winkler = REG.person(f, "Kristina Winkler")
    c = model.contribution(f, ev, winkler, "municipal", thing("administration", DD), "discussion",
                           name="Beitrag Kristina Winkler (Integrations- und Gleichstellungsbeauftragte laut Bericht)")
    model.note(f, c, "The report names her 'Integrations- und Gleichstellungsbeauftragte'; the city's pages give the title "
                     "'Integrations- und Ausländerbeauftragte' (infrastructure.csv rows 1–4).")


def _ten_points(f: FileGraph) -> None:
    paper = model.document(f, "ueberlegungen-in-10-punkten", 'Überlegungen in 10 Punkten', None, None)
    for p in PRINCIPLES:
        f.add(paper, IKG.addressesPrinciple, concept("principle", p))
    model.note(f, paper, "Discussed at the meeting; the report names only some points: the indispensability of migrant "
                         "organisations, the need for mutual approach, and cooperation corridors.")


def _dresden_round(f: FileGraph, ev: URIRef) -> None:
    """The round "Dresden: ein Beispiel" and the Strukturbild developed in it."""
    m = muni(DD)
    round_ = model.event(f, "dresden-ein-beispiel-2025-12-11", 'Gesprächsrunde "Dresden: ein Beispiel"', "working-meeting",
                         "2025-12-11", m)
    f.add(round_, DCTERMS.isPartOf, ev)
    model.strukturbild(f, "dresden-2025-12-11", m, "Strukturbild Dresden (gemeinsam entwickelt)", round_, None, "2025-12-11")
    model.note(f, round_, "Reflected goals, steering mechanisms and forms of cooperation of integration work in Dresden; "
                          "insights into the Aktionsplan Integration, the role of the Integrations- und Ausländerbeauftragte "
                          "and the cooperation with migrant organisations.")
    for topic in ROUND_TOPICS:
        f.add(round_, IKG.topic, de(topic))


def _strukturbilder(f: FileGraph, ev: URIRef, bv: URIRef) -> None:
    """Earlier Strukturbilder, used in Dresden as a discussion tool."""
    for city, ags in STRUKTURBILD_CITIES:
        s = model.strukturbild(f, f"{ags}-2025", muni(ags), f"Strukturbild {city} (GLEICH teilhaben 2025)", ev, bv,
                               vague("2025", "2025-01-01", "2025-12-11", "2025, vor dem 11.12.2025"))
        model.note(f, s, "Developed at earlier conferences and site visits; used in Dresden as a discussion instrument.")


def _papers(f: FileGraph, afropa: URIRef, bv: URIRef) -> None:
    """The announced working paper and the report itself."""
    wp = model.document(f, "gleich-teilhaben-arbeitspapier", "Abschließendes Arbeitspapier (angekündigt)", bv, None)
    model.note(f, wp, "Announced: the meeting's results flow into the final working paper, to be made available to all participants.")
    report = model.document(f, "seed-report-afropa-2025", "Integration gemeinsam gestalten: Kommunale Verantwortung und "
                            "migrantische Perspektiven im Dialog", afropa, None)
    f.add(report, IKG.evidenceDocument, URIRef(SEED_URL))
