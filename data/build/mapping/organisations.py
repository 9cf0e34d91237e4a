"""organisations.csv: organisations and networks, one row per organisation and source.

Each row is a claim of its own: its founding date becomes an establishment event cited to the row
(conflicting dates are linked by ikg:conflictsWith), its member count a dated count observation,
its network membership an org:Membership. The organisation node itself is cited to the first row.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import ORG

import model
from builder import Builder, FileGraph
from dates import SourceDate, parse, span, vague
from mapping.registry import REG, muni
from sources import SourceRow
from vocab import IKG, thing

# name prefix -> (key, name, kind, seat city)
ORGS = [
    ("Bundesverband Netzwerke von Migrant*innenorganisationen e.V. (BV NeMO) - initiative", "bv-nemo-initiative",
     "Initiativgruppe zur Gründung des BV NeMO", "network", None),
    ("Bundesverband Netzwerke", "bv-nemo", "Bundesverband Netzwerke von Migrant*innenorganisationen e.V. (BV NeMO)",
     "federal", "Dortmund"),
    ("Landesverband der Netzwerke von Migrantenorganisationen NRW", "lv-nemo-nrw",
     "Landesverband der Netzwerke von Migrantenorganisationen NRW (LV NeMO NRW)", "network", "Düsseldorf"),
    ("Landesverband Netzwerke von Migrantenorganisationen NRW", "lv-nemo-nrw", "", "network", "Düsseldorf"),
    ("VMDO", "vmdo", "VMDO e.V. – Verbund der sozial-kulturellen Migrantenvereine in Dortmund", "mo-network", "Dortmund"),
    ("Afropa", "afropa", "Afropa e.V. – Verein für afrikanisch-europäische Verständigung", "mo-network", "Dresden"),
    ("Weltclub", "weltclub-dresden", "Weltclub e.V.", "mo-network", "Dresden"),
    ("Dachverband sächsischer", "dsm", "Dachverband sächsischer Migrantenorganisationen e.V. (DSM)", "mo-network", None),
    ("Ausländerrat Dresden", "auslaenderrat-dresden", "Ausländerrat Dresden e.V.", "civil", "Dresden"),
    ("Verband für Kultur und Integration", "vki-mg", "Verband für Kultur und Integration Mönchengladbach e.V. (VKI-MG)",
     "mo-network", "Mönchengladbach"),
    ("VKI-MG", "vki-mg", "", "mo-network", "Mönchengladbach"),
    ("Radio Mussidal", "radio-mh", "Radio Mussidal Haalipular e.V. (Radio-MH)", "mo", "Mönchengladbach"),
    ("Verband der Migrantenorganisationen Halle", "vemo", "Verband der Migrantenorganisationen Halle (Saale) e.V. (VeMo)",
     "mo-network", "Halle (Saale)"),
    ("Bündnis Migrantenorganisationen Halle", "buendnis-mo-halle", "Bündnis Migrantenorganisationen Halle",
     "mo-network", "Halle (Saale)"),
    ("Bündnis der Migrantenorganisationen Halle", "buendnis-mo-halle", "", "mo-network", "Halle (Saale)"),
    ("MOiN", "moin", "MOiN e.V. – Migranten-Organisationen in Nürnberg", "mo-network", "Nürnberg"),
    ("MORGEN", "morgen", "MORGEN e.V. – Netzwerk Münchner Migrantenorganisationen", "mo-network", "München"),
    ("Verbund Netzwerk Düsseldorfer", "ndmo", "Verbund Netzwerk Düsseldorfer Migrantenorganisationen e.V. (NDMO)",
     "mo-network", "Düsseldorf"),
    ("NDMO", "ndmo", "", "mo-network", "Düsseldorf"),
    ("BiM", "bim", "BiM e.V. – Bildungszentrum in Migrantenhand", "mo-network", "Reutlingen"),
    ("Haus Afrika", "haus-afrika", "Haus Afrika e.V. (Verband interkulturell aktiver Organisationen)", "mo-network",
     "Saarbrücken"),
    ("MiSO", "miso", "MiSO-Netzwerk Hannover e.V.", "mo-network", "Hannover"),
    ("Forum der Kulturen", "forum-der-kulturen", "Forum der Kulturen Stuttgart e.V.", "mo-network", "Stuttgart"),
    ("Brücke der Kulturen", "bruecke-der-kulturen", "Brücke der Kulturen Hildesheim e.V.", "mo-network", "Hildesheim"),
    ("Interkulturelle Begegnungsstätte", "ikb-luebeck", "Interkulturelle Begegnungsstätte e.V. (IKB) – Haus der Kulturen Lübeck",
     "mo-network", "Lübeck"),
    ("Raum der Kulturen", "raum-der-kulturen", "Raum der Kulturen Neuss e.V.", "mo-network", "Neuss"),
    ("moveGLOBAL", "moveglobal", "moveGLOBAL e.V.", "mo-network", "Berlin"),
    ("Migrationsrat Berlin", "migrationsrat-berlin-brandenburg", "Migrationsrat Berlin-Brandenburg e.V.", "mo-network", "Berlin"),
    ("Bochumer Netzwerk", "bonem", "Bochumer Netzwerk von Migrantenorganisationen e.V. (BONEM)", "mo-network", "Bochum"),
    ("Bielefelder Netzwerk", "bi-nemo", "Bielefelder Netzwerk der Migrantenorganisationen e.V. (BI-NEMO)", "mo-network",
     "Bielefeld"),
    ("Mittendrin!", "mittendrin-fulda", "Mittendrin! Bündnis Fuldaer Migrantenorganisationen für kulturelle Vielfalt und "
     "Teilhabe in Fulda e.V.", "mo-network", "Fulda"),
    ("ZAM", "zam-augsburg", "ZAM e.V.", "mo-network", "Augsburg"),
    ("KVMO", "kvmo-koeln", "KVMO e.V.", "mo-network", "Köln"),
    ("Wittener Initiative", "wittener-initiative", "Wittener Initiative", "mo-network", "Witten"),
    ("Solibund", "solibund", "Solibund e.V.", "mo", "Köln"),
    ("VIVK", "vivk", "VIVK e.V. – Verbund interkultureller Vereine Köln", "mo-network", "Köln"),
    ("Türkische Gemeinde in Schleswig-Holstein", "tgsh", "Türkische Gemeinde in Schleswig-Holstein e.V. (TGS-H)", "mo", "Kiel"),
    ("Deutsch-Russische Gesellschaft", "drg-goettingen", "Deutsch-Russische Gesellschaft Göttingen", "mo", "Göttingen"),
    ("IFAK", "ifak", "IFAK e.V.", "mo", "Bochum"),
    ("Interkulturelles Forum Fulda", "ikf-fulda", "Interkulturelles Forum Fulda e.V.", "mo", "Fulda"),
    ("inter.aktion", "inter-aktion", "inter.aktion e.V.", "mo", None),
    ("Immigrant Networks Hoyerswerda", "immigrant-networks-hoyerswerda", "Immigrant Networks Hoyerswerda e.V.", "mo",
     "Hoyerswerda"),
    ("MIGRANET-MV", "migranet-mv", "MIGRANET-MV", "mo-network", None),
    ("Landesverband der Migrantenorganisationen in Baden", "lv-mo-bw",
     "Landesverband der Migrantenorganisationen in Baden-Württemberg", "mo-network", None),
    ("Bundeskonferenz der Migrant", "bkmo", "Bundeskonferenz der Migrant*innenorganisationen (BKMO)", "federal", None),
    ("NRW-Landesverband migrantischer", "nrw-lv-migrantischer-organisationen",
     "NRW-Landesverband migrantischer Organisationen", "mo-network", None),
    ("AWO Mönchengladbach", "awo-moenchengladbach", "AWO Mönchengladbach – Beratung für ältere Menschen mit "
     "Migrationsgeschichte", "welfare", "Mönchengladbach"),
    ("Ukrainisch-Deutsches Kulturzentrum", "udk-schwerin", "Ukrainisch-Deutsches Kulturzentrum S.I.C. e.V.", "mo", "Schwerin"),
]
NAMES = {key: name for _, key, name, _, _ in ORGS if name}


def org_spec(name: str):
    for prefix, key, _, kind, seat in ORGS:
        if name.startswith(prefix):
            return key, NAMES[key], kind, seat
    raise KeyError(f"no organisation for {name!r}")


E, A, M, L = "exact", "approximately", "more-than", "at-least"
MO, NW, FM, PE, LA, CI, ST = ("member-organisations", "member-networks", "founding-members", "persons", "laender",
                              "cities", "staff")
V = vague
# "28 February (8 Vereine; year from context 2018)": the founding, at which the 8 founding Vereine are counted
MOIN_FOUNDED_34 = V("2018-02-28", "2018-02-28", "2018-02-28", "28. Februar; Jahr aus dem Zusammenhang (2018)")
# "first nationwide conference, 21 Nov, year not stated": before BV NeMO was founded (2015-09-17, row 1)
FIRST_CONFERENCE = span("1990-11-21", "2014-11-21", "21. November, Jahr nicht genannt; vor der Gründung des BV NeMO 2015")
# (row, count index) -> (further rows the count's date comes from, derivation rule)
COUNT_DATE_DERIVED = {
    (3, 1): ((), "years-after-a-dated-event"),   # "10-year jubilee article" of the founding in 2015
    (3, 2): ((), "years-after-a-dated-event"),
    (10, 1): (("organisations-001",), "before-a-dated-event"),
    (18, 1): (("organisations-016",), "years-after-a-dated-event"),  # about 3.5 years after 2008-05-08
}
# network -> the row that dates its founding (the start of its founding members' memberships)
FOUNDING_ROW = {"bv-nemo": "organisations-001", "lv-nemo-nrw": "organisations-012"}
# row -> founding date (one claim per row)
FOUNDED = {
    1: "2015-09-17", 2: "2015", 3: "2015", 5: "2015", 8: "2015", 58: "2015-09-17",
    12: "2018-07-18", 14: "2008-05-08", 15: "2008-05-08", 16: "2008-05-08",
    20: "2003", 21: "2003", 22: "2003", 23: "2003", 25: "2017-04", 27: "2018-01-24",
    30: V("2015", "2015-01-01", "2015-04-30", "Anfang 2015"), 33: "2018-02-28",
    34: MOIN_FOUNDED_34, 35: "2018-05",
    36: "2013", 37: "2013", 38: "2013", 39: "2013", 41: "2016", 42: "2015-03", 43: "1998", 44: "1998",
    47: "2012-05-03", 48: "2012-05-03", 50: "2012", 52: "1998", 53: "1998-05-16", 54: "1998-05-16", 55: "1998-05",
    56: "1998", 57: "1998", 59: "2014-07-04", 60: "1991-04", 80: "2009", 81: "2023-03",
    82: "2024-07-05", 83: V("2006", "2006-01-01", "2006-12-31", "etwa 2006 (OB im Sept. 2011: vor fünf Jahren gegründet)"),
    95: V("2014", "2014-01-01", "2014-12-31", "etwa 2014 (10-jähriges Jubiläum am 22.10.2024 berichtet)"),
}
# row -> [(count, unit, qualifier, reference date or None, German label)]
COUNTS = {
    1: [(8, FM, E, "2015-09-17", "Gründungsverbünde des BV NeMO (8)"), (6, LA, E, "2015-09-17", "Länder der Gründungsverbünde (6)")],
    2: [(9, FM, E, "2015-09-21", "Gründungsverbünde des BV NeMO (9)"), (7, LA, E, "2015-09-21", "Länder der Gründungsverbünde (7)"),
        (313, MO, E, "2015-09-21", "vertretene MO bei Gründung (313)")],
    3: [(21, NW, E, V("2025", "2025-01-01", "2025-12-31", "Artikel zum 10-jährigen Jubiläum"), "Verbünde im BV NeMO (21, Jubiläum)"),
        (800, MO, M, V("2025", "2025-01-01", "2025-12-31", "Artikel zum 10-jährigen Jubiläum"), "Vereine im BV NeMO (>800)"),
        (6, FM, E, "2015", "lokale Verbünde bei Gründung (6)")],
    4: [(21, NW, E, None, "Verbünde im BV NeMO (21, wer-wir-sind)"), (800, MO, A, None, "Vereine im BV NeMO (~800)"),
        (10, LA, E, None, "Länder im BV NeMO (10)")],
    5: [(20, NW, E, "2019-05", "Mitgliedsverbünde Mai 2019 (20)"), (700, MO, M, "2019-05", "MO Mai 2019 (>700)"),
        (20, CI, E, "2019-05", "Städte Mai 2019 (20)"), (10, LA, E, "2019-05", "Länder Mai 2019 (10)")],
    6: [(22, NW, E, "2020-11-27", "Verbünde nach Aufnahme von ZAM und KVMO (22)")],
    7: [(14, NW, E, "2018-04", "lokale Verbünde April 2018 (14)")],
    8: [(530, MO, E, None, "MO (530, undatierte Seite)"), (14, NW, E, None, "Verbünde (14, undatierte Seite)"),
        (8, LA, E, None, "Länder (8, undatierte Seite)")],
    9: [(700, MO, M, None, "MO (>700, Projektseite)"), (20, CI, E, None, "Städte (20, Projektseite)")],
    10: [(6, NW, E, FIRST_CONFERENCE, "lokale Verbünde bei der ersten bundesweiten Konferenz (6)")],
    12: [(7, FM, E, "2018-07-18", "Gründungsverbünde des LV NeMO NRW (7)")],
    13: [(160, MO, M, "2018-10-18", "MO im LV NeMO NRW (>160)"), (7, CI, E, "2018-10-18", "Städte im LV NeMO NRW (7)")],
    14: [(15, FM, E, "2008-05-08", "Gründungsmitglieder des VMDO (15)"), (60, MO, E, None, "Mitgliedsvereine des VMDO (60)")],
    15: [(12, FM, E, "2008-05-08", "Gründungs-MO des VMDO (12)")],
    16: [(60, MO, E, "2018", "Mitgliedsvereine des VMDO 2018 (60)")],
    17: [(24, MO, E, "2012-02-01", "Mitgliedsorganisationen des VMDO 2012 (24)")],
    18: [(50, MO, M, span("2011-05-01", "2012-05-31", "etwa 3,5 Jahre nach der Gründung (8. Mai 2008)"), "Vereine im VMDO (>50)")],
    20: [(40, ST, A, None, "Beschäftigte von Afropa (~40)")],
    21: [(50, PE, M, None, "Mitglieder von Afropa (>50)")],
    27: [(11, FM, E, "2018-01-24", "Gründungs-MO des VKI-MG (11)")],
    30: [(40, MO, A, None, "migrantische Initiativen im VeMo (~40)")],
    33: [(8, FM, E, "2018-02-28", "Gründungsvereine von MOiN (8)")],
    34: [(8, FM, E, MOIN_FOUNDED_34, "Gründungsvereine von MOiN (8, KUF-Seite)")],
    36: [(15, FM, E, "2013", "Gründungsvereine von MORGEN (15)"), (54, MO, E, "2016-10", "Vereine in MORGEN Okt. 2016 (54)")],
    37: [(67, MO, E, None, "Mitgliedsvereine von MORGEN (67)")],
    38: [(70, MO, M, None, "Mitgliedsvereine von MORGEN (>70, ältere Seite)")],
    39: [(105, MO, M, None, "Mitgliedsorganisationen von MORGEN (>105, neuere Seite)")],
    43: [(160, PE, A, None, "Mitglieder von Haus Afrika (~160)")],
    47: [(20, FM, E, "2012-05-03", "Gründungsvereine von MiSO (20)"), (46, MO, E, "2022-05", "Mitgliedsorganisationen MiSO Mai 2022 (46)")],
    48: [(46, MO, E, "2022-03", "Mitgliedsorganisationen MiSO März 2022 (46)")],
    49: [(43, MO, E, "2019-04", "Mitglieder MiSO April 2019 (43)")],
    50: [(45, MO, E, "2021-02", "MO in MiSO Feb. 2021 (45)")],
    51: [(49, MO, E, "2022-11", "Vereine in MiSO Nov. 2022 (49)")],
    52: [(16, FM, E, "1998", "Gründungsvereine Forum der Kulturen (16)"), (140, MO, M, None, "Mitgliedsorganisationen Forum der Kulturen (>140)")],
    53: [(20, FM, E, "1998-05-16", "Gründungsvereine Forum der Kulturen (20, Wikipedia-Spiegel)"),
         (140, MO, M, None, "Mitgliedsvereine Forum der Kulturen (>140, Wikipedia-Spiegel)"),
         (155, MO, E, None, "Migrantenvereine Forum der Kulturen (155, Infobox)")],
    54: [(16, FM, E, "1998-05-16", "Gründungsvereine Forum der Kulturen (16, Demokratie-Plattform)"),
         (140, MO, A, None, "Mitgliedsvereine Forum der Kulturen (~140)")],
    55: [(16, FM, E, "1998-05", "Gründungsvereine Forum der Kulturen (16, journalistroth)"),
         (126, MO, E, "2018-05", "Mitgliedsvereine Forum der Kulturen Mai 2018 (126)"),
         (83, MO, E, "2008", "Mitgliedsvereine Forum der Kulturen 2008 (83)")],
    56: [(20, FM, E, "1998", "Gründungsvereine Forum der Kulturen (20, swp)"),
         (130, MO, A, "2019-02", "Migrantenvereine Forum der Kulturen Feb. 2019 (~130)")],
    57: [(20, FM, E, "1998", "Gründungsvereine Forum der Kulturen (20, stuttgart-journal)"),
         (110, MO, M, "2018-02", "Mitgliedsvereine Forum der Kulturen Feb. 2018 (>110)")],
    58: [(9, FM, E, "2015-09-17", "Verbünde bei der Gründung des BV NeMO (9, Brücke der Kulturen)"),
         (6, LA, E, "2015-09-17", "Länder bei der Gründung des BV NeMO (6, Brücke der Kulturen)")],
    61: [(15, MO, E, "2016-01", "Vereine, Einrichtungen und Initiativen im IKB Jan. 2016 (15)")],
    62: [(10, MO, E, None, "Vereine, die die Räume des Raums der Kulturen nutzen (10)")],
    79: [(20, PE, E, None, "Ehrenamtliche im Beratungsprojekt (20)"), (1, ST, E, None, "Hauptamtliche im Beratungsprojekt (1)")],
    80: [(70, MO, E, None, "MSO in MIGRANET-MV (70)")],
    82: [(80, MO, A, None, "Mitglieder des BKMO-Netzwerks (fast 80)"), (30, FM, E, "2024-07-05", "Gründungsorganisationen des BKMO-Vereins (30)")],
    83: [(24, MO, E, "2011-09", "kooperierende Organisationen Sept. 2011 (24)")],
}
# row -> [(network key, start, role)]
MEMBERSHIPS = {
    14: [("bv-nemo", "2015-09-17", "founding-member"), ("lv-nemo-nrw", "2018-07-18", "founding-member")],
    15: [("bv-nemo", "2015-09-17", "founding-member")],
    19: [("bv-nemo", "2015-09-17", "founding-member"), ("lv-nemo-nrw", "2018-07-18", "founding-member")],
    24: [("bv-nemo", "2019-05-18", "member")], 27: [("bv-nemo", "2019-05-18", "member"), ("lv-nemo-nrw", "2018-07-18", "founding-member")],
    28: [("bv-nemo", "2019-05-18", "member")], 31: [("bv-nemo", "2015-09-17", "founding-member")],
    33: [("bv-nemo", "2019-05-18", "member")], 40: [("bv-nemo", "2015-09-17", "founding-member")],
    41: [("lv-nemo-nrw", "2018-07-18", "founding-member")], 45: [("bv-nemo", None, "member")],
    47: [("bv-nemo", "2015-09-17", "founding-member")], 52: [("bv-nemo", "2015-09-17", "founding-member")],
    59: [("bv-nemo", "2015-09-17", "founding-member")], 60: [("bv-nemo", "2015-09-17", "founding-member")],
    62: [("bv-nemo", "2015-09-17", "founding-member"), ("lv-nemo-nrw", "2018-07-18", "founding-member")],
    64: [("bv-nemo", "2015-09-17", "founding-member")],
    66: [("bv-nemo", "2019-05-18", "member"), ("lv-nemo-nrw", "2018-07-18", "founding-member")],
    67: [("lv-nemo-nrw", "2018-07-18", "founding-member")], 68: [("bv-nemo", "2019-05-18", "member")],
    69: [("bv-nemo", "2020-11-27", "member")], 70: [("bv-nemo", "2020-11-27", "member")],
    71: [("lv-nemo-nrw", "2018-07-18", "founding-member")],
    # "one of the six Verbünde forming BV NeMO at first nationwide conference" / "among six Verbünde of BV NeMO"
    32: [("bv-nemo", None, "founding-member")], 65: [("bv-nemo", None, "member")],
}
# row -> samo.fa site the row states: (city, start, end, note); the row's organisation is the local partner.
# (Göttingen and Köln are modelled from projects_events rows 7 and 12.)
SAMOFA_SITES = {
    23: ("Dresden", None, None, None),
    29: ("Mönchengladbach", None, None, None),
    35: ("Nürnberg", "2019", None, "MOiN carrier of samo.fa Nürnberg from 2019."),
    45: ("Saarbrücken", "2016", None, None),
    46: ("Saarbrücken", "2016-03", None, "Coordination office in Saarbrücken since March 2016."),
    59: ("Hildesheim", "2016", "2021", None),
    67: ("Bielefeld", None, None, None),
    74: ("Kiel", None, None, None),
    76: ("Bochum", None, None, "Named as samo.fa local partner in Bochum in 2018."),
    77: ("Fulda", None, None, "The only Hessian samo.fa partner."),
}
# Names of project coordinators, staff and participants (not people in public roles) are left out of the
# row's note; the organisation's facts stay. Row -> the parent_network text as written into the note.
REDACTED = {
    85: "GLEICH teilhaben coordination in Mönchengladbach (coordinator's name left out), host of the 2025-11-12 Bundesnetzwerktagung",
    86: "GLEICH teilhaben network participant 2025 (coordinator's name left out)",
    87: "GLEICH teilhaben network participant 2025 (coordinator's name left out)",
    88: "GLEICH teilhaben network participant 2025 (coordinator's name left out)",
    89: "GLEICH teilhaben network participant 2025 (coordinator's name left out)",
    90: "GLEICH teilhaben network participant 2025 (coordinator's name left out)",
    91: "attended GLEICH teilhaben conference 2025-11-12 (representative's name left out)",
    92: "took part 2025-11-12 (staff member's name left out); AWO Integrationsagentur (its head's name left out)",
    93: "samo.fa Köln coordinated there (coordinators' names left out)",
}
BV_NEMO_FOUNDING_NOTE = {31: "Gründungsmitglied 2015", 40: "nur in der Gründungs-Pressemitteilung 2015 genannt"}


FoundingEvents = dict[str, list[tuple[SourceDate, URIRef]]]


def map_rows(b: Builder) -> None:
    f = b.file("organisations", "Organisations and networks: founding, member counts, BV NeMO memberships")
    founding_events: FoundingEvents = {}
    for row in (r for r in b.rows.values() if r.file == "facts/organisations.csv"):
        with f.row(row.row_id):
            _map_row(f, row, founding_events)
    _founded(f, founding_events)


def _map_row(f: FileGraph, row: SourceRow, founding_events: FoundingEvents) -> None:
    n, fields = row.number, row.fields
    key, name, kind, seat = org_spec(fields["name"])
    org = REG.org(f, key, name, kind, seat)
    model.note(f, org, _summary(dict(fields, parent_network=REDACTED[n]) if n in REDACTED else fields))
    if n in SAMOFA_SITES:
        _samofa_site(f, row, org, key, name)
    if n in FOUNDED:
        _founding_claim(f, row, org, key, name, founding_events)
    for i, (value, unit, qualifier, when, label) in enumerate(COUNTS.get(n, []), 1):
        if (n, i) in COUNT_DATE_DERIVED:
            rows, rule = COUNT_DATE_DERIVED[(n, i)]
            count = model.count(f, org, f"{row.row_id}-{i}", value, unit, None, qualifier, name=label, dated=False)
            with f.row(*rows):
                f.add(count, IKG.referenceTime, model.instant(f, when))
            f.derive(count, IKG.referenceTime, rule)
        else:
            model.count(f, org, f"{row.row_id}-{i}", value, unit, when, qualifier, name=label)
    for network, start, role in MEMBERSHIPS.get(n, []):
        _network_membership(f, row, org, key, name, network, start, role)


def _samofa_site(f: FileGraph, row: SourceRow, org: URIRef, key: str, name: str) -> None:
    city, start, end, note = SAMOFA_SITES[row.number]
    site = model.site(f, thing("project", "samo-fa"), muni(city), f"{key}-{row.row_id}", org, start, end,
                      name=f"{city} in samo.fa ({name})")
    if note:
        model.note(f, site, note)


def _founding_claim(f: FileGraph, row: SourceRow, org: URIRef, key: str, name: str,
                    founding_events: FoundingEvents) -> None:
    """The row's founding date as an establishment event of its own, in conflict with earlier rows'
    events whose bounds do not overlap."""
    when = FOUNDED[row.number]
    d = parse(when) if isinstance(when, str) else when
    ev = model.change_event(f, f"{key}-founding-{row.row_id}", "establishment", None, org, d,
                            name=f"Gründung: {name} (laut {row.row_id})")
    for other_d, other in founding_events.get(key, []):
        if other_d.latest < d.earliest or d.latest < other_d.earliest:
            f.add(ev, IKG.conflictsWith, other)
    founding_events.setdefault(key, []).append((d, ev))


def _network_membership(f: FileGraph, row: SourceRow, org: URIRef, key: str, name: str, network: str,
                        start: str | None, role: str) -> None:
    bv_nemo = network == "bv-nemo"
    net = REG.org(f, network, NAMES[network], "federal" if bv_nemo else "network", "Dortmund" if bv_nemo else "Düsseldorf")
    founding = role == "founding-member" and start is not None
    m = model.membership(f, org, net, None if founding else start, role=role, key=f"{key}--{network}--{row.row_id}",
                         name=f"{name} im {NAMES[network].split('(')[-1].rstrip(')')}")
    if founding:
        # the row says "founding member" (or gives the year); the day is the founding date its own row states
        with f.row(FOUNDING_ROW[network]):
            f.add(m, ORG.memberDuring, model.interval(f, start))
        f.derive(m, ORG.memberDuring, "member-since-founding")


def _founded(f: FileGraph, founding_events: FoundingEvents) -> None:
    """ikg:founded on the organisation from the first row that dates it (attributed to that row)."""
    for key, events in founding_events.items():
        d, ev = events[0]
        row_id = str(ev).rsplit("-founding-", 1)[1]
        with f.row(row_id):
            model.founded(f, thing("organisation", key), d)


def _summary(fields: dict[str, str]) -> str:
    parts = [f"{k}: {v}" for k, v in fields.items() if k not in ("name", "source_url") and v]
    return "; ".join(parts) if parts else "named in the source"
