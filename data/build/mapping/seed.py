"""The seed report (Afropa e.V. on gleich-teilhaben.de): the Dresden working meeting of 11 Dec 2025."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF

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
# cities whose Strukturbild (GLEICH teilhaben 2025) served as a discussion tool in Dresden: (name, AGS)
STRUKTURBILD_CITIES = (("Mönchengladbach", "05116000"), ("Dortmund", "05913000"), ("Halle (Saale)", "15002000"),
                       ("Nürnberg", "09564000"))


def P(n: int) -> str:  # noqa: N802
    """The identifier of projects_events.csv row n."""
    return f"projects_events-{n:03d}"


# The seed says "am 11. Dezember"; the year is in projects_events row 44 ("2025-12-11", closing conference 2 of 2).
MEETING_DAY = P(44)
# Organisers: projects_events rows 43 and 80 ("Afropa e.V. / BV NeMO (GLEICH teilhaben)"); the seed names none.
ORGANISER_ROWS = (P(43), P(80))
# The Strukturbilder of the four cities: projects_events row 81 dates them "2025 (before 11 Dec)" and names
# BV NeMO (GLEICH teilhaben); the seed says only that they were developed at earlier conferences and visits.
STRUKTURBILD_ROW = P(81)
# The science inputs: the seed says the speakers "diskutierten"; row 80 calls Euler's and Zeković's part inputs.
INPUT_ROW = P(80)
# Kristina Winkler's title as the city gives it: infrastructure row 1.
CITY_TITLE_ROW = "infrastructure-001"


def map_rows(b: Builder) -> None:
    f = b.file("dresden-meeting-2025-12-11", 'The working meeting "Der lokal-kommunale Raum für Integration", Dresden, 11 Dec 2025')
    with f.row(SEED_ROW_ID):
        afropa = REG.org(f, "afropa", "", "mo-network")
        bv = REG.org(f, "bv-nemo", "", "federal")
        meeting = _meeting(f, afropa, bv)
        _speakers(f, meeting)
        _ten_points(f)
        _dresden_round(f, meeting)
        _strukturbilder(f, bv)
        _papers(f, afropa)


def _meeting(f: FileGraph, afropa: URIRef, bv: URIRef) -> URIRef:
    ev = model.event(f, "dresden-arbeitsgespraech-2025-12-11", 'Arbeitsgespräch "Der lokal-kommunale Raum für Integration"',
                     "working-meeting", None, muni(DD), "Afropa e.V.", GT)
    with f.row(MEETING_DAY):
        f.add(ev, IKG.date, model.instant(f, "2025-12-11"))
    f.add(ev, IKG.host, afropa)  # "beim Verbund Afropa e.V."
    with f.row_only(*ORGANISER_ROWS):
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
    """The first phase: science, the municipality and the migrant coordinators of GLEICH teilhaben discussed
    ("kommunal, migrantisch und wissenschaftlich")."""
    euler = REG.person(f, "Katharina Euler")
    c = model.contribution(f, ev, euler, "academic", None, None, name="Beitrag Katharina Euler (Wissenschaft, Hildesheim)")
    _input(f, c)
    tu = REG.org(f, "tu-chemnitz", "Technische Universität Chemnitz", "research")
    zekovic = REG.person(f, "Denis Zeković")
    reframe = model.contribution(f, ev, zekovic, "academic", tu, None, name="Beitrag Denis Zeković (Projekt REFRAME, TU Chemnitz)")
    _input(f, reframe)
    f.add(reframe, IKG.topic, de("Projekt REFRAME"))
    admin = thing("administration", DD)
    sozialamt = model.unit(f, admin, "sozialamt", "Sozialamt Dresden", "social-office")
    # "der Abteilungsleiter aus dem Sozialamt": head of a division within the Sozialamt, which the report does not name
    division = model.unit(f, admin, "sozialamt-abteilung", "Abteilung im Sozialamt Dresden (im Bericht nicht benannt)",
                          "division", within=sozialamt)
    schaefer = REG.person(f, "Philipp Schäfer")
    model.membership(f, schaefer, division, None, role="head", name="Philipp Schäfer, Abteilungsleiter im Sozialamt Dresden")
    model.contribution(f, ev, schaefer, "municipal", sozialamt, "discussion", name="Beitrag Philipp Schäfer (Sozialamt Dresden)")
    winkler = REG.person(f, "Kristina Winkler")
    c = model.contribution(f, ev, winkler, "municipal", admin, "discussion",
                           name="Beitrag Kristina Winkler (Integrations- und Gleichstellungsbeauftragte laut Bericht)")
    with f.row(CITY_TITLE_ROW):
        model.note(f, c, "The report names her 'Integrations- und Gleichstellungsbeauftragte'; the city gives the title "
                         "'Integrations- und Ausländerbeauftragte'.")
    coordinators = thing("group", "gleich-teilhaben-migrantische-koordinatorinnen")
    f.add(coordinators, RDF.type, FOAF.Group)
    model.label(f, coordinators, "Migrantische Koordinator*innen von GLEICH teilhaben")
    model.label(f, coordinators, "migrant coordinators of GLEICH teilhaben", "en")
    model.note(f, coordinators, "Named in the report only as a group ('migrantischen Koordinator*innen von GLEICH teilhaben'), "
                                "without names.")
    f.add(ev, IKG.participant, coordinators)
    model.contribution(f, ev, coordinators, "migrant", None, "discussion",
                       name="Beitrag der migrantischen Koordinator*innen von GLEICH teilhaben")


def _input(f: FileGraph, contribution: URIRef) -> None:
    with f.row_only(INPUT_ROW):
        f.add(contribution, IKG.contributionKind, concept("contribution-kind", "input"))


def _ten_points(f: FileGraph) -> None:
    paper = model.document(f, "ueberlegungen-in-10-punkten", 'Überlegungen in 10 Punkten', None, None)
    for p in PRINCIPLES:
        f.add(paper, IKG.addressesPrinciple, concept("principle", p))
    model.note(f, paper, "Discussed at the meeting; the report names only some points: the indispensability of migrant "
                         "organisations, the need for mutual approach, and cooperation corridors.")


def _dresden_round(f: FileGraph, ev: URIRef) -> None:
    """The round "Dresden: ein Beispiel" and the Strukturbild it used, "gemeinsam entwickelt" (no date given)."""
    m = muni(DD)
    round_ = model.event(f, "dresden-ein-beispiel-2025-12-11", 'Gesprächsrunde "Dresden: ein Beispiel"', "working-meeting",
                         None, m)
    with f.row(MEETING_DAY):
        f.add(round_, IKG.date, model.instant(f, "2025-12-11"))
    f.add(round_, DCTERMS.isPartOf, ev)
    s = model.strukturbild(f, "dresden-2025-12-11", m, "Strukturbild Dresden (gemeinsam entwickelt)", round_, None, None)
    with f.row(MEETING_DAY):
        f.add(s, IKG.date, model.instant(f, model.undated_until(
            "2025-12-11", "nicht genannt; gemeinsam entwickelt, in der Gesprächsrunde am 11.12.2025 verwendet")))
    model.note(f, round_, "Reflected goals, steering mechanisms and forms of cooperation of integration work in Dresden; "
                          "insights into the Aktionsplan Integration, the role of the Integrations- und Ausländerbeauftragte "
                          "and the cooperation with migrant organisations.")
    for topic in ROUND_TOPICS:
        f.add(round_, IKG.topic, de(topic))


def _strukturbilder(f: FileGraph, bv: URIRef) -> None:
    """The Strukturbilder developed at the earlier conferences and site visits, used in Dresden as a discussion
    tool; their date and maker are in projects_events row 81."""
    for city, ags in STRUKTURBILD_CITIES:
        s = model.strukturbild(f, f"{ags}-2025", muni(ags), f"Strukturbild {city} (GLEICH teilhaben 2025)", None)
        with f.row_only(STRUKTURBILD_ROW):
            f.add(s, IKG.madeBy, bv)
            f.add(s, IKG.date, model.instant(f, vague("2025", "2025-01-01", "2025-12-10", "2025, vor dem 11. Dezember")))
        f.derive(s, IKG.date, "before-a-dated-event")
        model.note(f, s, "Developed at earlier conferences and site visits; used in Dresden as a discussion instrument.")


def _papers(f: FileGraph, afropa: URIRef) -> None:
    """The announced working paper (its publisher is not named) and the report itself."""
    wp = model.document(f, "gleich-teilhaben-arbeitspapier", "Abschließendes Arbeitspapier (angekündigt)", None, None)
    model.note(f, wp, "Announced: the meeting's results flow into the final working paper, to be made available to all participants.")
    report = model.document(f, "seed-report-afropa-2025", "Integration gemeinsam gestalten: Kommunale Verantwortung und "
                            "migrantische Perspektiven im Dialog", afropa, None)
    f.add(report, IKG.evidenceDocument, URIRef(SEED_URL))
