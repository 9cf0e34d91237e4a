"""projects_events.csv: samo.fa and its phases, GLEICH teilhaben, REFRAME; events; publications."""

from __future__ import annotations

from rdflib import Literal, URIRef

import model
from builder import Builder, FileGraph
from dates import SourceDate, span, vague
from mapping.infrastructure.actors import actor_key
from mapping.registry import REG, muni
from sources import SourceRow
from vocab import IKG, thing

V = vague
BEAUFTRAGTE = ("beauftragte-bund-integration", "Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration")
BAMF = ("bamf", "Bundesamt für Migration und Flüchtlinge (BAMF)")
ANTIRASSISMUS = ("beauftragte-bund-antirassismus", "Beauftragte der Bundesregierung für Antirassismus")
SAMOFA, GT = thing("project", "samo-fa"), thing("project", "gleich-teilhaben")
DRESDEN_MEETING = thing("event", "dresden-arbeitsgespraech-2025-12-11")

# row -> (event key, German label, kind, date, city, venue, organiser org keys, project)
EVENTS = {
    15: ("samo-fa-bundesnetzwerktreffen-2019-11-15", "Letztes samo.fa-Bundesnetzwerktreffen", "conference", "2019-11-15", "Dortmund", None, ["bv-nemo"], SAMOFA),
    16: ("samo-fa-bundesdialogkonferenz-2018", 'samo.fa Bundesdialogkonferenz "Menschen mit Fluchtgeschichte"', "federal-dialogue-conference",
         V("2018-09", "2018-09-14", "2018-09-15", "14./15.09.2018"), "München", None, ["bv-nemo"], SAMOFA),
    18: ("samo-fa-dialogkonferenz-kiel-2018-09-04", 'samo.fa Dialogkonferenz Kiel "Gemeinsam im Alltag – gemeinsam unterstützen"',
         "dialogue-conference", "2018-09-04", "Kiel", "Rathaus", ["tgsh"], SAMOFA),
    20: ("samo-fa-bundesdialogkonferenz-2022-11-11", "samo.fa Bundesdialogkonferenz 2022", "federal-dialogue-conference", "2022-11-11", "Berlin", None, ["bv-nemo"], SAMOFA),
    21: ("samo-fa-dialogkonferenz-muenchen-2022-07-15", "samo.fa lokale Dialogkonferenz München 2022", "dialogue-conference", "2022-07-15", "München", "Kulturzentrum GOROD", ["morgen"], SAMOFA),
    22: ("samo-fa-bundesnetzwerksitzung-2020-11-30", "3. samo.fa Bundesnetzwerksitzung 2020", "conference", "2020-11-30", None, "Dortmund und Berlin", ["bv-nemo"], SAMOFA),
    32: ("gleich-teilhaben-bundesnetzwerksitzung-2023-04-12", "GLEICH teilhaben Bundesnetzwerksitzung", "conference", "2023-04-12", None, None, ["bv-nemo"], GT),
    33: ("gleich-teilhaben-bundesdialogkonferenz-2023", "GLEICH teilhaben Bundesdialogkonferenz 2023", "federal-dialogue-conference",
         V("2023", "2023-10-01", "2023-12-31", "Ende 2023"), "Berlin", None, ["bv-nemo"], GT),
    34: ("gleich-teilhaben-lokale-dialogkonferenzen-2024", "GLEICH teilhaben lokale Dialogkonferenzen 2024", "dialogue-conference", "2024", None, None, ["bv-nemo"], GT),
    35: ("gleich-teilhaben-bundesdialogkonferenz-2024-11-22", 'Bundesdialogkonferenz "Vulnerabilität im Fokus"', "federal-dialogue-conference", "2024-11-22", "Berlin", "Berlin Global Village und Zoom", ["bv-nemo"], GT),
    36: ("gleich-teilhaben-bundesdialogkonferenz-2024-11-22", None, None, "2024-11-22", "Berlin", "Berlin Global Village", ["bv-nemo"], GT),
    37: ("gleich-teilhaben-bundesdialogkonferenz-2025-09-12", "Bundesdialogkonferenz GLEICH teilhaben 2025 (im Rahmen des 10-jährigen BV NeMO-Jubiläums)",
         "federal-dialogue-conference", V("2025-09-12", "2025-09-12", "2025-09-12", "12. September (2025)"), "Berlin", "Berlin Global Village", ["bv-nemo"], GT),
    38: ("bv-nemo-10-jahre-2025-09-12", "10 Jahre BV NeMO", "anniversary", V("2025-09-12", "2025-09-12", "2025-09-12", "12. September (2025)"), None, None, ["bv-nemo"], None),
    39: ("gleich-teilhaben-regionalkonferenz-ost-hoyerswerda", 'GLEICH teilhaben Regionalkonferenz Ost ("Arbeit haben, Wege eröffnen, Hindernisse überwinden")',
         "regional-conference", V("2025", "2025-01-01", "2025-12-31", "Datum nicht genannt; drittes Projektjahr"), "Hoyerswerda", "Bürgerzentrum", ["bv-nemo"], GT),
    40: ("gleich-teilhaben-regionalkonferenzen-2025", "GLEICH teilhaben Regionalkonferenzen (Reihe von vier)", "regional-conference",
         V("2025", "2025-01-01", "2025-12-31", "drittes Projektjahr"), None, None, ["bv-nemo"], GT),
    41: ("moenchengladbach-bundesnetzwerktagung-2025-11-12", 'Bundesnetzwerktagung "Lokale Integrationsinfrastrukturen – Fokus Mönchengladbach"',
         "conference", "2025-11-12", "Mönchengladbach", "Ernst-Christoffel-Haus", ["vki-mg", "bv-nemo"], GT),
    42: ("moenchengladbach-bundesnetzwerktagung-2025-11-12", None, None, "2025-11-12", "Mönchengladbach", None, ["bv-nemo"], GT),
    45: ("gleich-teilhaben-dialogkonferenz-hannover", "Lokale Dialogkonferenz Hannover (GLEICH teilhaben)", "dialogue-conference",
         span("2023-09-08", "2025-09-08", "08.09., Jahr nicht genannt (Projektlaufzeit 2023–2025)"), "Hannover", None, ["miso"], GT),
    46: ("buchvorstellung-nahe-bei-den-menschen-2025-03-13", 'Buchvorstellung "Nahe bei den Menschen"', "presentation", "2025-03-13", "Berlin", "Berlin Global Village", ["bv-nemo"], GT),
    55: ("bv-nemo-gruendung-2015-09-17", "Gründung des BV NeMO", "kick-off-meeting", "2015-09-17", "Dortmund", None, ["bv-nemo"], None),
    56: ("bv-nemo-mitgliederversammlung-2019-05-18", "BV NeMO Mitgliederversammlung (sechs neue Mitglieder)", None, "2019-05-18", "Berlin", None, ["bv-nemo"], None),
    57: ("bv-nemo-mitgliederversammlung-2020-11-27", "Erste digitale Mitgliederversammlung des BV NeMO", None, "2020-11-27", None, "online", ["bv-nemo"], None),
    58: ("bv-nemo-erste-bundesweite-konferenz-hannover", 'Erste bundesweite Konferenz "Auf dem Weg zu einem Bundesverband lokaler Netzwerke von MigrantInnenorganisationen"',
         "conference", span("1990-11-21", "2014-11-21", "21. November, Jahr nicht genannt; vor der Gründung des BV NeMO 2015"),
         "Hannover", None, ["bv-nemo"], None),
    59: ("lv-nemo-nrw-auftakt-2018-10-18", "Auftakt des LV NeMO NRW", "kick-off-meeting", "2018-10-18", "Düsseldorf", "Stadtmuseum", ["lv-nemo-nrw"], None),
    60: ("vmdo-10-jahre-2018-05-08", "10 Jahre VMDO", "anniversary", "2018-05-08", "Dortmund", "Rathaus, Bürgerhalle", ["vmdo"], None),
    61: ("afropa-20-jahre-2023-10-06", "20 Jahre Afropa e.V.", "anniversary", "2023-10-06", "Dresden", "Weltclub, Königsbrücker Str. 13", ["afropa"], None),
    62: ("vki-mg-gruendung-2018-01-24", "Gründung des VKI MG e.V.", "kick-off-meeting", "2018-01-24", "Mönchengladbach", None, ["radio-mh"], None),
    63: ("moin-gruendung-2018-02-28", "Gründung von MOiN e.V.", "kick-off-meeting", "2018-02-28", "Nürnberg", "Coworking-Space AEG, Muggenhofer Str. 141", [], SAMOFA),
    64: ("halle-nacht-der-migrantenorganisationen-2017-09-30", '8. Nacht der Migrantenorganisationen "Eine Nacht mit Freu(n)den"', None, "2017-09-30", "Halle (Saale)", None, ["vemo"], None),
    65: ("vemo-vernetzungstreffen-2019-09-27", "1. VeMo-Vernetzungstreffen mit Angebotsmesse", None, "2019-09-27", "Halle (Saale)", "Neustädter Passage 13", ["vemo"], None),
    67: ("moenchengladbach-integrationskonferenz-2020", '9. Integrationskonferenz Mönchengladbach "Gesicht zeigen – Stimme erheben" (geplant)', "integration-conference",
         V("2020-04-21", "2020-04-21", "2020-04-21", "geplant"), "Mönchengladbach", "Haus Erholung", [], None),
    68: ("nuernberg-50-jahre-integrationsrat-2023-11-29", "50 Jahre Ausländerbeirat, Aussiedlerbeirat und Integrationsrat Nürnberg (Festakt)", "anniversary",
         "2023-11-29", "Nürnberg", "Historischer Rathaussaal", [], None),
    69: ("dortmund-auftakt-masterplan-2006-06-02", "Auftaktveranstaltung Masterplan Integration Dortmund", "kick-off-meeting", "2006-06-02", "Dortmund", "Reinoldinum", [], None),
    71: ("moenchengladbach-integrationskonferenz-2019", "8. Integrationskonferenz Mönchengladbach ('Mönchengladbach gemeinsam')", "integration-conference",
         "2019-04", "Mönchengladbach", None, [], None),
    72: ("nuernberg-integrationskonferenz-2018-10-06", "7. Nürnberger Integrationskonferenz 'Einmischen und Mitgestalten'", "integration-conference",
         "2018-10-06", "Nürnberg", "südpunkt", [], None),
    76: ("gleich-teilhaben-bundesdialogkonferenz-2025-09-12", None, None, None, "Berlin", "Berlin Global Village", ["bv-nemo"], GT),
    78: ("samo-fa-dialogkonferenzen-jaehrlich", "samo.fa Dialogkonferenzen (jährlich, etwa 30 Städte)", "dialogue-conference",
         span("2016-05-01", "2022-05-31", "jährlich im Mai, Jahr nicht genannt (samo.fa 2016–2022)"), None, None, ["bv-nemo"], SAMOFA),
    79: ("samo-fa-dialogkonferenz-nuernberg-2017-09-21", "samo.fa Dialogkonferenz 'Migrantenvereine in der Flüchtlingsarbeit'", "dialogue-conference",
         "2017-09-21", "Nürnberg", "Rathaus", [], SAMOFA),
    83: ("moenchengladbach-bundesnetzwerktagung-2025-11-12", None, None, "2025-11-12", "Mönchengladbach", "Ernst-Christoffel-Haus", ["vki-mg", "bv-nemo"], GT),
}
# row -> (further rows its event's date comes from, derivation rule): the row gives the day or month but not the year
EVENT_DATE_ROWS = {
    39: (("projects_events-040",), None),  # "third project year": the series of row 40, "third project year (2025)"
    45: (("projects_events-023",), "within-a-stated-period"),  # 08.09, within GLEICH teilhaben 2023-2025
    58: (("projects_events-055",), "before-a-dated-event"),  # 21 Nov, before BV NeMO's founding on 2015-09-17
    78: (("projects_events-001",), "within-a-stated-period"),  # May, within samo.fa 2016-2022
}
# row -> organisers that are municipal bodies (named in the row's organiser column)
MUNICIPAL_ORGANISERS = {
    67: [thing("unit", "05116000-stabsstelle-integrationsplanung")],            # Stabsstelle Integrationsplanung
    68: [thing("administration", "09564000")],                                  # Stadt Nürnberg
    69: [thing("administration", "05913000")],                                  # Stadt Dortmund
    71: [thing("administration", "05116000")],                                  # Stadt Mönchengladbach
    72: [thing("unit", "09564000-koordinierungsgruppe-integration"),            # Koordinierungsgruppe Integration
         thing("body", "09564000-rat-fuer-integration-und-zuwanderung-der-stadt-nuernberg-int")],  # with the Rat für Integration
    79: [thing("unit", "09564000-amt-fuer-kultur-und-freizeit")],               # Stadt Nürnberg (Amt für Kultur und Freizeit)
}
# cities whose samo.fa site (with its local partner) another row states: organisations rows, projects_events 7, 12, 13
SAMOFA_SITE_CITIES = {"Dresden", "Mönchengladbach", "Nürnberg", "Saarbrücken", "Hildesheim", "Bielefeld", "Kiel", "Bochum",
                      "Fulda", "Göttingen", "Köln", "München"}
LOCAL_2018 = [("2018-05-02", "Hildesheim"), ("2018-05-24", "Köln"), ("2018-05-29", "Bielefeld"), ("2018-05-31", "Halle (Saale)"),
              ("2018-06-16", "Mönchengladbach"), ("2018-06-22", "Bochum"), ("2018-06-23", "Stuttgart"), ("2018-07-23", "Dortmund")]
LOCAL_2022 = [("2022-06-03", "Freiburg im Breisgau"), ("2022-06-10", "Bochum"), ("2022-06-11", "Münster"), ("2022-06-13", "Dortmund"),
              ("2022-06-24", "Potsdam"), ("2022-06-28", "Willich"), ("2022-06-29", "Mönchengladbach"), ("2022-08-17", "Bielefeld"),
              ("2022-09-16", "Fulda")]
# row -> (key, name, start, end) of a samo.fa phase
SAMOFA_PHASES = {
    2: ("samo-fa-2016-2020", "samo.fa (2016–2020)", "2016", "2020"),
    3: ("samo-fa-plus", "samo.fa plus", "2020", "2021"),
    4: ("samo-fa-iii", 'samo.fa III ("Modellhaftigkeit und Verstetigung")', "2022", "2022"),
}
# row -> (value, unit, qualifier, label) of a count of samo.fa sites or cities
SAMOFA_SITE_COUNTS = {
    8: (30, "sites", "exact", "Standorte (30, samofa.de)"), 9: (34, "cities", "exact", "Städte und Kreise (34, inter.aktion)"),
    10: (32, "cities", "exact", "Städte/Kreise (32, NDMO)"), 11: (30, "sites", "more-than", "Standorte (>30, samofa.de)"),
}
GT_SITES_2024 = ["Schwerin", "Berlin", "Hoyerswerda", "Göttingen", "Reutlingen", "Düsseldorf", "Dresden",
                 "Hannover", "Dortmund", "München", "Saarbrücken"]
# city -> its local focus in GLEICH teilhaben 2024
GT_FOCUS_2024 = {
    "Dortmund": "geflüchtete Frauen in schwierigen Situationen",
    "Dresden": "vulnerable Personen in der Geflüchtetensozialarbeit in einem Stadtbezirk",
    "Düsseldorf": "Geflüchtete aus der Ukraine mit besonderen Bedarfen",
    "Halle (Saale)": "ältere pflegebedürftige Geflüchtete",
    "Hannover": "geflüchtete Frauen/FLINTA*",
}
# city -> organisation key of the local partner in GLEICH teilhaben 2025
GT_PARTNERS_2025 = {"Mönchengladbach": "vki-mg", "München": "morgen", "Reutlingen": "bim", "Düsseldorf": "ndmo",
                    "Dortmund": "vmdo", "Saarbrücken": "haus-afrika", "Dresden": "afropa", "Halle (Saale)": "vemo"}
# row -> (key, German label, date) of a publication; a row without a label only mentions it again
PUBLICATIONS = {
    47: ("broschuere-teilhabe-trotz-vulnerabilitaet", 'Broschüre "GLEICH teilhaben – Teilhabe trotz Vulnerabilität"', "2024-11-22"),
    48: ("broschuere-teilhabe-trotz-vulnerabilitaet", None, None),
    49: ("buch-nahe-bei-den-menschen", 'Buch "Nahe bei den Menschen"', "2025-03-13"),
    50: ("erklaerende-fallbeschreibungen", '"Erklärende Fallbeschreibungen" (Analyseinstrument für die Regionalkonferenzen)', None),
    54: ("bv-nemo-forderungen-2021", 'BV NeMO: "Mit Migrant*innen-Organisationen auf Augenhöhe zusammenarbeiten"', "2021"),
}
# rows that mention the Dresden meeting of 11 Dec 2025 (51: its report) without new facts
SEED_MEETING_MENTIONS = (43, 44, 80, 81, 51)
LEFT_OUT = {
    74: "Names of the GLEICH teilhaben coordinators and network staff on a team photo (2024): project staff, "
        "not people in public roles; the places are modelled from row projects_events-030.",
}


Rows = dict[int, SourceRow]


def _bv_nemo(f: FileGraph) -> URIRef:
    return REG.org(f, "bv-nemo", "", "federal")


def _org(f: FileGraph, key: str, name: str | None = None, kind: str = "public") -> URIRef:
    return REG.org(f, key, name or key, kind)


def _fund(f: FileGraph, key: str, funder: tuple[str, str], project: URIRef, start: str | None = None,
          end: str | None = None, note: str | None = None, label: str = "Förderung", recipient: bool = True) -> URIRef:
    """A funding of the project; its recipient is BV NeMO where the row names BV NeMO (as carrier or organiser)."""
    return model.funding(f, key, _org(f, *funder), "project-funding", project, _bv_nemo(f) if recipient else None,
                         start, end, note, name=label)


def _sites(f: FileGraph, project: URIRef, year: str, cities: list[str], key: str, note: str | None = None) -> None:
    for city in cities:
        p = model.site(f, project, muni(city), key, None, year, year, name=f"{city} im Projekt ({key})")
        if note:
            model.note(f, p, note)


def _carried_by_bv_nemo(f: FileGraph, project: URIRef, start: str, end: str) -> None:
    f.add(project, IKG.carrier, _bv_nemo(f))
    f.add(project, IKG.period, model.interval(f, start, end))


def map_rows(b: Builder) -> None:
    f = b.file("projects-events", "Projects (samo.fa, GLEICH teilhaben, REFRAME), events and publications")
    rows = {r.number: r for r in b.rows.values() if r.file == "facts/projects_events.csv"}
    federal_funding = _samofa(f, rows)
    _samofa_phases(f, rows)
    _samofa_funding_claims(f, rows, federal_funding)
    _samofa_sites(f, rows)
    _samofa_local_conferences(f, rows)
    for n, spec in EVENTS.items():
        with f.row(rows[n].row_id):
            _event(f, n, *spec)
    _gleich_teilhaben(f, rows)
    _gleich_teilhaben_sites(f, rows)
    _other_projects_and_events(b, f, rows)
    _seed_meeting_mentions(f, rows)
    _publications(f, rows)
    for n, row in rows.items():
        if n in LEFT_OUT:
            b.leave_out(row.row_id, LEFT_OUT[n])


def _samofa(f: FileGraph, rows: Rows) -> URIRef:
    """The project (row 1); returns its federal funding, which later rows' claims conflict with."""
    with f.row(rows[1].row_id):
        model.project(f, "samo-fa", "samo.fa – Stärkung der Aktiven aus Migrant*innenorganisationen in der Flüchtlingsarbeit")
        _carried_by_bv_nemo(f, SAMOFA, "2016", "2022")
        return _fund(f, "samo-fa-beauftragte-2016-2022", BEAUFTRAGTE, SAMOFA, "2016", "2022",
                     label="Förderung von samo.fa durch die Integrationsbeauftragte des Bundes")


def _samofa_phases(f: FileGraph, rows: Rows) -> None:
    for n, (key, name, start, end) in SAMOFA_PHASES.items():
        with f.row(rows[n].row_id):
            phase = model.project(f, key, name, phase_of=SAMOFA)
            _carried_by_bv_nemo(f, phase, start, end)
            if rows[n].fields["funder"]:
                _fund(f, f"{key}-beauftragte", BEAUFTRAGTE, phase, start, end, label=f"Förderung: {name}")
            if n == 3:
                model.count(f, phase, "cities", 31, "cities", None, name="Städte in samo.fa plus (31)")


def _samofa_funding_claims(f: FileGraph, rows: Rows, federal_funding: URIRef) -> None:
    """Rows 5–7: partners' pages on the start, size and funder of samo.fa (BAMF, against row 1)."""
    with f.row(rows[5].row_id):
        model.note(f, SAMOFA, "Coordination offices set up from March 2016 in 31 cities.")
        model.count(f, SAMOFA, "cities-2016-03", 31, "cities", "2016-03", name="Städte mit Koordinierungsstellen, März 2016 (31)")
    with f.row(rows[6].row_id):
        fb = _fund(f, "samo-fa-bamf-ikf-fulda", BAMF, SAMOFA, label="Förderung von samo.fa durch das BAMF (laut IKF Fulda)")
        f.add(fb, IKG.conflictsWith, federal_funding)
        model.count(f, SAMOFA, "partners-early", 31, "sites", "2016", name="lokale Partner in der Anfangsphase (31)")
        model.note(f, SAMOFA, "Developed Dec 2015–Mar 2016; initially until 2017-12-31; 31 local partners in 30 cities in 10 Länder (early statement).")
    with f.row(rows[7].row_id):
        fb2 = _fund(f, "samo-fa-bamf-drg-goettingen", BAMF, SAMOFA, label="Förderung von samo.fa durch das BAMF (laut DRG Göttingen)",
                    recipient=False)  # the row names no carrier or recipient
        f.add(fb2, IKG.conflictsWith, federal_funding)
        model.site(f, SAMOFA, muni("Göttingen"), "drg", REG.org(f, "drg-goettingen", "", "mo"), "2018", "2021", name="Göttingen in samo.fa (2018–2021)")
        model.count(f, SAMOFA, "cities-drg", 32, "cities", None, name="Städte in samo.fa (32, DRG Göttingen)")
        with f.row(rows[5].row_id):  # the start in March 2016 that the note says it conflicts with
            model.note(f, SAMOFA, "Described by the Göttingen partner as nationwide since 2017 (conflicts with the start in March 2016); ~600 MOs.")


def _samofa_sites(f: FileGraph, rows: Rows) -> None:
    """Rows 8–14: how many sites, and the local partners in Köln and München."""
    for n, (value, unit, qualifier, label) in SAMOFA_SITE_COUNTS.items():
        with f.row(rows[n].row_id):
            model.count(f, SAMOFA, f"sites-{rows[n].row_id}", value, unit, None, qualifier, name=f"samo.fa: {label}")
    with f.row(rows[12].row_id):
        model.site(f, SAMOFA, muni("Köln"), "solibund", REG.org(f, "solibund", "", "mo"), name="Köln in samo.fa (Solibund e.V.)")
        _fund(f, "samo-fa-beauftragte-koeln", BEAUFTRAGTE, SAMOFA, label="Förderung von samo.fa (laut Dialogkonferenz Köln)")
    with f.row(rows[13].row_id):
        munich = model.site(f, SAMOFA, muni("München"), "morgen", REG.org(f, "morgen", "", "mo-network"), "2016-04",
                            name="München in samo.fa (MORGEN e.V.)")
    with f.row(rows[14].row_id):
        model.note(f, munich, "samo.fa in München ended after 7 years (last as samo.fa+).")


def _samofa_local_conferences(f: FileGraph, rows: Rows) -> None:
    """Rows 17 and 19: local samo.fa conferences; a city that held one was a samo.fa site then. Cities whose
    samo.fa site another row states (with its local partner) get no second site from these rows."""
    with f.row(rows[17].row_id):
        for when, city in LOCAL_2018:
            model.event(f, f"samo-fa-konferenz-lokal-{when}", f'samo.fa.konferenz.lokal 2018 "Gemeinsam im Alltag" – {city}',
                        "dialogue-conference", when, muni(city), project_node=SAMOFA)
            if city not in SAMOFA_SITE_CITIES:
                _conference_site(f, city, "konferenz-lokal-2018", when, "lokale Konferenz 2018", "local conference of 2018")
    with f.row(rows[19].row_id):
        for when, city in LOCAL_2022:
            ev = model.event(f, f"samo-fa-dialogkonferenz-{when}", f'samo.fa lokale Dialogkonferenz 2022 "Erneut Flucht und Vertreibung" – {city}',
                             "dialogue-conference", when, muni(city), project_node=SAMOFA)
            f.add(ev, IKG.organiser, _bv_nemo(f))
            if city not in SAMOFA_SITE_CITIES:
                _conference_site(f, city, "dialogkonferenz-2022", when, "lokale Dialogkonferenz 2022", "local Dialogkonferenz of 2022")
    with f.row(rows[64].row_id):  # the 8. Nacht der Migrantenorganisationen in Halle, "with ... samo.fa"
        _conference_site(f, "Halle (Saale)", "nacht-der-migrantenorganisationen-2017", "2017-09-30",
                         "Nacht der Migrantenorganisationen 2017", "Nacht der Migrantenorganisationen of 2017, which samo.fa co-organised")


def _conference_site(f: FileGraph, city: str, key: str, when: str, what: str, what_en: str) -> None:
    """A samo.fa site evidenced by a local event on a date: the date is when it is named, not its period."""
    site = model.site(f, SAMOFA, muni(city), key, name=f"{city} in samo.fa ({what})")
    f.add(site, IKG.referenceTime, model.instant(f, when))
    model.note(f, site, f"Named as a samo.fa location by the {what_en} held there; "
                        "the local partner and the period are not stated.")


def _event(f: FileGraph, n: int, key: str, label: str | None, kind: str | None, when: str | SourceDate | None,
           city: str | None, venue: str | None, organisers: list[str], project: URIRef | None) -> None:
    """One row of EVENTS; a row without a label adds its venue and organisers to an event named before."""
    node = thing("event", key)
    if label and n in EVENT_DATE_ROWS:
        rows, rule = EVENT_DATE_ROWS[n]
        model.event(f, key, label, kind, None, muni(city) if city else None, venue, project)
        with f.row(*rows):
            f.add(node, IKG.date, model.instant(f, when))
        if rule:
            f.derive(node, IKG.date, rule)
    elif label:
        model.event(f, key, label, kind, when, muni(city) if city else None, venue, project)
    elif venue:
        f.add(node, IKG.venue, Literal(venue))
    for o in organisers:
        f.add(node, IKG.organiser, REG.org(f, o, "", "mo-network"))
    for o in MUNICIPAL_ORGANISERS.get(n, []):
        f.add(node, IKG.organiser, o)


def _gleich_teilhaben(f: FileGraph, rows: Rows) -> None:
    """Rows 23–29: the project, its funding and its counts of sites and organisations."""
    with f.row(rows[23].row_id):
        model.project(f, "gleich-teilhaben", "GLEICH teilhaben")
        _carried_by_bv_nemo(f, GT, "2023", "2025")
        model.count(f, GT, "sites-2023", 17, "sites", "2023", name="GLEICH teilhaben: Standorte anfangs (17)")
        from_2024 = model.count(f, GT, "sites-from-2024", 11, "sites", "2024", name="GLEICH teilhaben: Standorte ab 2024 (11)")
    with f.row(rows[24].row_id):
        gf = _fund(f, "gleich-teilhaben-beauftragte", BEAUFTRAGTE, GT, "2023", "2024", label="Förderung von GLEICH teilhaben (Förderzeitraum 2023–2024)")
        model.note(f, gf, "Funding period 2023–2024 (two years), per the project kick-off page.")
    with f.row(rows[25].row_id):
        _fund(f, "gleich-teilhaben-beauftragte-2025", BEAUFTRAGTE, GT, label="Förderung von GLEICH teilhaben (Stand 2025)")
        _fund(f, "gleich-teilhaben-antirassismus", ANTIRASSISMUS, GT, label="Förderung von GLEICH teilhaben durch die Antirassismus-Beauftragte")
        model.count(f, GT, "sites-2025", 11, "sites", "2025", name="GLEICH teilhaben: Standorte Stand 2025 (11)")
    with f.row(rows[26].row_id):
        c12 = model.count(f, GT, "sites-2024", 12, "sites", "2024", name="GLEICH teilhaben: Standorte 2024 (12)")
        f.add(c12, IKG.conflictsWith, from_2024)
    with f.row(rows[27].row_id):
        model.count(f, GT, "mos-initial", 17, "member-organisations", None, name="GLEICH teilhaben: Migrant*innenorganisationen (17)")
        model.count(f, GT, "mos-2025", 11, "member-organisations", "2025", name="GLEICH teilhaben: Migrant*innenorganisationen 2025 (11)")
        model.count(f, GT, "laender", 10, "laender", None, name="GLEICH teilhaben: Länder (10)")
    with f.row(rows[28].row_id):
        model.count(f, GT, "koordinierungsstellen", 17, "sites", None, name="GLEICH teilhaben: Standorte mit Koordinierungsstellen (17)")
    with f.row(rows[29].row_id):
        model.note(f, GT, "A partner page announced the end of the project in 2024 / no further funding; conflicts with 2023–25.")


def _gleich_teilhaben_sites(f: FileGraph, rows: Rows) -> None:
    """Rows 30, 31, 73, 75: the places of the project by year, with their focus or partner."""
    with f.row(rows[30].row_id):
        _sites(f, GT, "2024", GT_SITES_2024, "2024", note="Place of a GLEICH teilhaben coordinator on the 2024 team photo.")
    with f.row(rows[31].row_id):
        for city, topic in GT_FOCUS_2024.items():
            p = model.site(f, GT, muni(city), "2024-focus", None, "2024", "2024", name=f"{city} in GLEICH teilhaben (2024, Schwerpunkt)")
            model.note(f, p, f"2024 local focus: {topic}.")
    with f.row(rows[73].row_id):
        _sites(f, GT, "2023", ["Halle (Saale)", "Schwerin", "Mönchengladbach"], "2023", note="2023 focus on older refugees.")
    with f.row(rows[75].row_id):
        for city, key in GT_PARTNERS_2025.items():
            model.site(f, GT, muni(city), "2025", REG.org(f, key, "", "mo-network"), "2025", "2025", name=f"{city} in GLEICH teilhaben (2025)")
        _sites(f, GT, "2025", ["Nürnberg", "Hoyerswerda"], "2025-local",
               note="Named in the 2025 list of places ('see also …') without a partner organisation.")


def _other_projects_and_events(b: Builder, f: FileGraph, rows: Rows) -> None:
    """Rows 77, 82, 66, 70: samo.fa's last meeting, REFRAME, Dresden's participation events, Dortmund's plan."""
    with f.row(rows[77].row_id):
        model.note(f, SAMOFA, "At the meeting of 2019-11-15: regional network support (regions West, Süd, Nordost) and the 2020/21 follow-up application.")
    with f.row(rows[82].row_id):
        tu = REG.org(f, "tu-chemnitz", "Technische Universität Chemnitz", "research", "")
        rf = model.project(f, "reframe", "REFRAME: Rahmungen des Ankommens", research=True)
        f.add(rf, IKG.carrier, tu)
        model.note(f, rf, "Transnational comparison of perceptions, policies and refugees' practices 2015/16 vs 2022/23 in Germany, "
                          "Italy, Turkey and the United Kingdom; TU Chemnitz, human geography; project period not given.")
    with f.row(rows[66].row_id):
        for when in ("2021-06-27", "2021-07-03", "2021-07-18"):
            ev = model.event(f, f"dresden-aktionsplan-beteiligung-{when}", f'Beteiligungsveranstaltung "Gemeinsam. Verantwortung. Leben." ({when})',
                             None, when, muni("Dresden"), "Rathaus")
            f.add(ev, IKG.organiser, thing("administration", "14612000"))
    with f.row(rows[70].row_id):
        plan_name = b.rows["infrastructure-142"].fields["name"]
        model.note(f, thing("plan", f"05913000-{actor_key(plan_name)}"),
                   "Rat der Stadt Dortmund decision scheduled for 2013-06-13 (date in Vorlage 09364-13).")


def _seed_meeting_mentions(f: FileGraph, rows: Rows) -> None:
    for n in SEED_MEETING_MENTIONS:
        with f.row(rows[n].row_id):
            model.note(f, DRESDEN_MEETING if n != 51 else thing("document", "seed-report-afropa-2025"),
                       f"{rows[n].fields['name']} ({rows[n].fields['date_or_period']}; {rows[n].fields['place']})")


def _publications(f: FileGraph, rows: Rows) -> None:
    for n, (key, label, when) in PUBLICATIONS.items():
        with f.row(rows[n].row_id):
            if label:
                model.document(f, key, label, _bv_nemo(f), when)
            else:
                model.note(f, thing("document", key), f"Also listed on the project homepage as {rows[n].fields['name']}.")
    with f.row(rows[52].row_id):
        model.note(f, thing("document", "dresden-taetigkeitsbericht-2014-2019"), "Published Oct 2020 by the Landeshauptstadt Dresden.")
    with f.row(rows[53].row_id):
        model.note(f, thing("plan", "14612000-konzept-integration-2015-2020"), "Published as a document; period 2015–2020 in its title.")
