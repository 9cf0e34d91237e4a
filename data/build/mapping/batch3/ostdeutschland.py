"""Batch 3, East Germany: Brandenburg (Brandenburg an der Havel, Cottbus/Chóśebuz, Frankfurt (Oder), Potsdam),
Mecklenburg-Vorpommern (Rostock, Schwerin), Sachsen (Chemnitz, Leipzig), Sachsen-Anhalt (Dessau-Roßlau, Magdeburg)
and Thüringen (Erfurt, Gera, Jena, Weimar): 93 rows of batch3/infrastructure.csv, every clause read and given a
disposition. Dresden and Halle (Saale) have no batch-3 rows; Suhl has none at all. Schwerin's first-batch nodes
(Fachstelle, Beauftragte) are not named by its batch-3 rows, which are about a planned Beirat only."""

from __future__ import annotations

from rdflib.namespace import RDF

from dates import SourceDate, vague
from mapping.batch3.api import (drafted_by, votes_cast, Ctx, Election, Fact, _checked, _d, _election_checks, _election_values, adopted,
                                body, chair, classifies, constituted, election, established, head, inferred_year,
                                keep, legal_basis, located_in, members_count, note, noted, office_holder, one,
                                publication, renamed, rest, row, season, term, within)
from model import instant, undated, undated_until
from model.nodes import label, local_name
from vocab import IKG, concept, thing

LANDS = ("Brandenburg", "Mecklenburg-Vorpommern", "Sachsen", "Sachsen-Anhalt", "Thüringen")

# ------------------------------------------------------------------ local helpers (api.py's patterns)

# A count, chair or holder whose clause gives no time (the page itself may be dated): no value, read day as latest.
UNSTATED = undated(note="Zeitpunkt in der Aussage nicht genannt; spätestens am Lesetag 25.11.2026")
INFERRED_MONTH = "Monat und Jahr in Klammern: aus dem Datum der Seite erschlossen, nicht von der Quelle genannt"


def inferred_month(month: str) -> SourceDate:
    """'(Dec 2015)', '(June 2017)' in a value: a month the fact base inferred from the page's date (as
    inferred_year for a year): month precision and a note."""
    return vague(month, month, month, INFERRED_MONTH)


def day_of_inferred_year(day: str, words: str) -> SourceDate:
    """'24 June (2010)': the day is stated, the year in brackets inferred; the value is the year (the precision
    the row's own wording gives), narrowed to the stated day."""
    return vague(day[:4], day, day, f"{words}; Jahr in Klammern aus dem Datum der Seite erschlossen")


def to_election(row_number: int, when: str, **stated) -> Fact:
    """Values of an election that another row (`row_number`) dates and makes: a result row that names the
    election only by its label (e.g. 'election_2019_result')."""
    def write(c: Ctx) -> None:
        node = thing("election", f"{local_name(c.node)}-batch3-infrastructure-{row_number:03d}-{_d(when).value}")
        if (node, RDF.type, IKG.Election) not in c.f.triples:
            raise SystemExit(f"{c.row.row_id}: no election of row {row_number} at {when}")
        _election_values(c.f, node, stated)
    return _checked(write, *_election_checks(stated))


class UndatedElection(Election):
    """An election whose day the row does not give (only results): an instant without a value, with a note."""

    def __init__(self, when: SourceDate, **stated) -> None:
        super().__init__(when, **stated)
        self.checks = _election_checks(stated)  # no stated date to check

    def _node(self, c: Ctx):
        return thing("election", f"{local_name(c.node)}-{c.row.row_id}-undated")

    def __call__(self, c: Ctx) -> None:
        node = self._node(c)
        if (node, RDF.type, IKG.Election) not in c.f.triples:
            c.f.add(node, RDF.type, IKG.Election)
            c.f.add(node, IKG.electedBody, c.node)
            c.f.add(node, IKG.date, instant(c.f, self.when))
            label(c.f, node, "Wahl (Wahltag nicht genannt)")
            c.made.append(node)
        _election_values(c.f, node, self.stated)


def in_mayors_office(name: str) -> Fact:
    """The post sits in the mayor's office the clause names ('Büro des Oberbürgermeisters'): located_in, and the
    unit is a mayor's office, not the integration office its word 'Büro' would give."""
    place = located_in(name)

    def write(c: Ctx) -> None:
        place(c)
        unit = c.x.actor(c.f, c.city, "office", name)
        c.f.remove(unit, IKG.unitKind, concept("unit-kind", "integration-office"))
        c.f.add(unit, IKG.unitKind, concept("unit-kind", "office-of-the-mayor"))
    return _checked(write, *place.checks)


def mo_network() -> Fact:
    """The row's actor is a network of migrant organisations (its actor_type mo_network names no organisation
    of organisations.py): an ikg:MigrantOrganisationNetwork instead of the civil-society organisation made."""
    def write(c: Ctx) -> None:
        c.f.remove(c.node, RDF.type, IKG.CivilSocietyOrganisation)
        c.f.add(c.node, RDF.type, IKG.MigrantOrganisationNetwork)
    return _checked(write)


def statement() -> Fact:
    """The row's actor node itself is the row's statement (one node per claim, for ikg:conflictsWith)."""
    return _checked(lambda c: c.made.append(c.node))


# ------------------------------------------------------------------ names

# Sachsen
LE_MB = "Migrantenbeirat der Stadt Leipzig"
CH_MB = "Migrationsbeirat der Stadt Chemnitz"
CH_AB = "Ausländerbeirat der Stadt Chemnitz"  # the rows: "… (predecessor of the Migrationsbeirat)"
# Sachsen-Anhalt
MD_BIM = "Beirat für Integration und Migration der Landeshauptstadt Magdeburg"
MD_DEZERNAT = "Dezernat für Soziales, Jugend und Gesundheit"
DE_IB = "Integrationsbeirat der Stadt Dessau-Roßlau"
# Thüringen
EF_AB = "Ausländerbeirat der Landeshauptstadt Erfurt"
JE_MIB = "Migrations- und Integrationsbeirat der Stadt Jena"
WE_AB = "Ausländerbeirat der Stadt Weimar"
# Mecklenburg-Vorpommern
RO_MIGRO = "Migrantenrat der Hanse- und Universitätsstadt Rostock (MIGRO)"
RO_AB = "Ausländerbeirat (Hanse- und Universitätsstadt Rostock)"
RO_BUERO = "Büro für Integrationsfragen (OE 07), Hanse- und Universitätsstadt Rostock"
# Brandenburg
PD_MB = "Migrantenbeirat der Landeshauptstadt Potsdam"
PD_IK1 = "Integrationskonzept der Landeshauptstadt Potsdam (first)"
# the row's name and that of the 2016–2020 concept share the first 60 characters of their IRI key: the node takes
# the title with the period first (the row's name stays on it as an alternative label)
PD_IK2024 = "Integrationskonzept der Landeshauptstadt Potsdam 2024–2028 („EINE Stadt für ALLE“)"
CB_BIM = "Beirat für Integration und Migration der Stadt Cottbus/Chóśebuz"
BRB_IB = "Beirat für Integration / Integrationsbeirat der Stadt Brandenburg an der Havel"
FFO_AB = "Ausländerbeirat der Stadt Frankfurt (Oder)"

# dates the rows give in their own wording
LE_ELECTION_2025 = within("2025-04", "2025-04-06", "2025-04-30", "Beginn der Wahl am Montag nach dem 6. April 2025")
MD_APPOINTED_2010 = day_of_inferred_year("2010-06-24", "24. Juni")
MD_CONSTITUTED_2019 = day_of_inferred_year("2019-11-27", "27. November")
RO_COUNTED_2020 = within("2020-09-30", "2020-09-30", "2020-09-30", "Tag der Auszählung der Briefwahl")
RO_BEFORE_PRESENTATION = within("2025", "2025-01-01", "2025-09-18",
                                "Wahltag nicht genannt; vor der Vorstellung des neuen Rats am 18.09.2025")
RO_IK2_ADOPTED = undated_until("2021-05-26", "Beschlussdatum nicht genannt; spätestens am Tag der Pressemitteilung "
                                             "vom 26.05.2021")
JE_POSTAL_2019 = within("2019-12-03", "2019-12-03", "2019-12-03", "Ende der Briefwahl")
JE_ELECTION_2025 = undated_until("2025-05-15", "Wahltag nicht genannt; vor der für den 15. Mai (2025) geplanten "
                                               "konstituierenden Sitzung")

le_2025 = election(LE_ELECTION_2025)
ro_2020 = election(RO_COUNTED_2020, eligible=11878, mode="postal")
ro_2010 = election("2010-06-06", candidates=19)
pd_2019 = election("2019-05-26", seats=11)
je_2019 = election(JE_POSTAL_2019, eligible=10240, turnout="12.74", mode="postal")
je_2025 = UndatedElection(JE_ELECTION_2025, eligible=14424, turnout="10.72")

ROWS = {
    # ================================================================== Sachsen: Leipzig
    54: one(established("2009"), rest("represents people with migration history towards the Stadtrat")),
    # the composition's 16 members: how they are chosen the clause does not say (a count, their groups in the note)
    55: row(keep(1, members_count(21, when=UNSTATED),
                 rest("16 members with migration background plus one representative per Stadtrat Fraktion")),
            keep(2, constituted("2015-04-22"), rest("constituted for the 6th Wahlperiode"))),
    # "constitutive session of the 5th Wahlperiode (2010-2014)": the session opens the term, in 2010
    56: one(chair("Marcela Lidia Zuñiga Medina", "2010"),
            rest("elected chair at the constitutive session of the 5th Wahlperiode (2010-2014)")),
    57: one(chair("Kanwal Sethi", inferred_month("2015-12")), rest("elected chair in a special session")),
    # a new election procedure whose Ratsversammlung decision was still planned: no adopted rule, no existing
    # composition; the 22 seats stay a count of their own, as the batch README sets them against row 59's 23
    58: row(note(1, "proposed (2022): online election of 16 members (previously 10), to be confirmed by the "
                    "Ratsversammlung"),
            keep(2, members_count(22, when=UNSTATED),
                 rest("22 seats in total under the new election procedure announced in 2022 (the elected members "
                      "plus one member per Stadtrat Fraktion); the procedure was not yet decided")),
            note(3), note(4), conflicts=(59,)),
    59: row(keep(1, le_2025), keep(2, le_2025.more(seats=23), rest("conflicts with 22 seats announced 2022")),
            conflicts=(58,)),
    60: one(election("2021"), rest("for voters registered in advance")),
    61: row(note(1), note(2)),  # running the Beirat's office; the building: the model has no property for either
    # a proposal whose vote was only scheduled: no plan is typed as existing or adopted; the notes sit on the
    # administration (as Kiel's row 601)
    279: row(note(1, "Leitlinien zur Integration der Migrantinnen und Migranten in Leipzig: proposal DSV/722 "
                     "(following Ratsversammlung decision RBV-57/09 of 2009-12-09), Ratsversammlung vote scheduled "
                     "2011-01-19 (vote itself not seen)"),
             note(2, "the Leitlinien proposal asks the OB to present a Gesamtkonzept in Q1 2012"),
             actor_type="administration"),
    280: one(adopted(season("end of 2012"), by="Stadtrat")),
    281: row(keep(1, adopted("2020-01-29", by="Stadtrat"), rest("40 of 54 members present voted in favour")),
             note(2)),  # fields of action and measures: no property for their number
    282: row(note(1), note(2)),
    283: one(head("Manuela Andrich", inferred_year("2020"))),
    # ================================================================== Sachsen: Chemnitz
    160: row(keep(1, members_count(13, (5, "appointed-from-council"), when=UNSTATED)),
             note(2)),  # "one Stadtrat term": no number of years; the page is a mirror of chemnitz.de (data 2016)
    161: row(keep(1, classifies()), keep(2, classifies())),
    162: row(keep(1, established("2002-04-11", decided_by="Stadtrat"),
                 rest("the Stadtrat approved appointing the first Ausländerbeirat")),
             # the 10 foreign members are appointed (clause 3 of the row); the Stadtrat groups' seats are not counted
             keep(2, members_count(15, (10, "appointed-migrant-representatives"), when=UNSTATED),
                  rest("10 foreign members plus one member per Stadtrat group")),
             keep(3, classifies()),
             keep(4, chair("Sadik Biladi")), actor=CH_AB),
    163: one(chair("Pedro Martin Montero Pérez", UNSTATED), actor=CH_AB),
    164: one(office_holder("Heike Steege", inferred_year("2002")),
             rest("also head of the Abteilung Ausländer-, Aussiedler- und Asylbewerberbetreuung im Sozialamt")),
    165: one(office_holder("Etelka Kobuß", "2016"), rest("page with data as of 2016 (a mirror of chemnitz.de)")),
    602: row(keep(1, adopted("2008-06", by="Stadtrat")),
             note(2)),  # drawn up by the Ausländerbeauftragte on the Stadtrat's behalf (mirror of chemnitz.de)
    # a kick-off event and a survey of the concept's drafting: the model has no link from an event to its plan
    603: row(note(1), note(2)),
    604: noted(),
    # ================================================================== Sachsen-Anhalt: Magdeburg
    172: row(keep(1, established(MD_APPOINTED_2010, decided_by="Stadtrat"),
                  rest("appointed by the Stadtrat on 24 June (2010)")),
             keep(2, constituted("2010-09-15")),
             # the migrants are appointed by the Stadtrat as the whole body is (clause 1; row 175)
             keep(3, members_count(None, (5, "appointed-from-council"), (8, "appointed-migrant-representatives"),
                                   when=UNSTATED),
                  classifies()),
             note(4)),
    173: row(keep(1, members_count(15, (7, "appointed-from-council"), (8, "appointed-migrant-representatives"),
                                   when="2019-10-17"),
                  classifies(), rest("appointed by the Stadtrat on 17 Oct 2019, with 3 substitutes")),
             note(2)),
    174: row(keep(1, members_count(20, (13, "appointed-migrant-representatives"), (7, "appointed-from-council"),
                                   when=UNSTATED),
                  classifies(), rest("20 voting members")),
             note(2),  # non-voting members: Integrationsbeauftragte(r) and Koordinator(in)
             note(3)),  # the Satzung change and appointment of 2024-12-05: no property for a Satzung change
    175: one(classifies(), rest("not elected: appointed by the Stadtrat for its term after an application "
                                "procedure checked by a commission")),
    176: noted(),  # an anniversary event "25 Jahre …" whose subject is not only the Beirat
    # "chair of the Beirat": the Beirat is not named by its name in these rows, so its chair is kept in the note
    177: one(office_holder("Svetlana Oster", "2010"),
             rest("by Satzung the honorary Integrationsbeauftragte chairs the Beirat; she succeeded "
                  "Ausländerbeauftragter Abdoul Coulibaly (13 years in office)")),
    178: one(office_holder("Krzysztof Blau", MD_CONSTITUTED_2019),
             rest("chair of the Beirat and Integrationsbeauftragter, elected at the constitutive session on "
                  "27 November (2019), term to 2024 (website of a society, dpg-sachsen-anhalt.de)")),
    179: row(keep(1, office_holder("Abdoul Coulibaly", "2025-01-22"),
                  rest("named full-time Beauftragter after a Stadtrat decision of 2024-11-14 (DS0434/24)")),
             keep(2, located_in(MD_DEZERNAT))),
    180: noted(),  # in preparation, adoption not seen
    # ================================================================== Sachsen-Anhalt: Dessau-Roßlau
    # the Satzung's seat groups do not all say whether they vote, and the total is not given: no composition node
    499: one(classifies(),
             rest("per the Satzung of 2022-10-05 (§4(3)): 4 voting residents aged 18+ with migration background, "
                  "one voting representative each from 3 organisations active in integration, the honorary "
                  "Ausländerbeauftragte, 2 Stadträte named by the Ausschuss für Gesundheit, Bildung und Soziales, "
                  "1 representative of the Liga der freien Wohlfahrtspflege and 1 administration representative "
                  "for the Oberbürgermeister")),
    500: row(keep(1, classifies(), rest("members are appointed for the term of the Stadtrat")), note(2)),
    501: one(established("2009-01"), rest("with Integrationskoordinierung posts funded by the Land")),
    502: noted(),
    503: row(note(1), note(2)),  # a draft and an aim: no adoption
    504: one(established("2011-07-01"), mo_network(), rest("a network of migrant organisations"),
             actor_type="other"),
    # ================================================================== Thüringen: Erfurt
    199: one(election("1992-03-22"),
             rest("the first election of the Ausländerbeirat, described as the first Ausländerbeirat in the new "
                  "Länder")),
    # 10 elected + 6 named by the Stadtrat groups + the Oberbürgermeister: no total is given, and whether the 6
    # are councillors is not said, so neither a composition nor a classification
    200: row(note(1), note(2)),
    201: one(election("2019-11-24", mode="postal"),
             rest("foreigners aged 18+ resident at least 3 months could vote")),
    202: one(constituted("2020-01-21")),
    203: one(chair("Jose Paca", "2019"), rest("member for decades")),
    204: noted(),
    # a report named only in English words ("city administration report 2008"), on a document-sharing copy
    205: noted(),
    # ================================================================== Thüringen: Jena
    401: row(keep(1, members_count(9, (9, "elected-by-migrant-residents"), when=UNSTATED), term(5), classifies()),
             note(2)),
    402: row(keep(1, je_2019, votes_cast(je_2019, 1305)), keep(2, je_2019.more(candidates=21)),
             note(3)),  # how the 9 seats are allotted (5 by world region, 4 by votes)
    403: row(keep(1, je_2025, votes_cast(je_2025, 1549)), keep(2, je_2025.more(candidates=24, seats=9)),
             note(3), note(4)),  # the constitutive session is only planned; the term's end
    404: row(keep(1, members_count(15, when=UNSTATED), rest("an earlier model of the body: of whom at most 7 Germans")),
             note(2),  # a ballot "13 June (year not stated)": no election can be dated
             note(3),
             keep(4, chair("Rea Mauersberger", UNSTATED))),
    405: one(office_holder("Dörthe Thiele", inferred_year("2019"))),
    728: row(note(1), note(2)),  # a Stabsstelle of the Oberbürgermeister and the Beirat's office: no property
    729: noted(),
    # "dates from 2008" is no adoption; the targets and the role are the magazine's (data for 2011)
    730: row(note(1), note(2), note(3)),
    # ================================================================== Thüringen: Gera (a proposed body)
    427: row(note(1), note(2), planned=True),
    # ================================================================== Thüringen: Weimar
    464: row(keep(1, established("2000")), keep(2, classifies()), keep(3, term(5))),
    465: row(keep(1, election("2011-05-08")), note(2), note(3)),
    # ================================================================== Mecklenburg-Vorpommern: Rostock
    212: one(established("1992"),
             rest("founded as Ausländerbeirat after the racist riots in Rostock-Lichtenhagen (August 1992)")),
    213: one(renamed(RO_AB, "2010-01"), rest("renamed by decision of the Bürgerschaft")),
    214: row(keep(1, members_count(9, (9, "elected-by-migrant-residents"), when=UNSTATED),
                  rest("plus up to 4 advisory members appointed by the council")),
             keep(2, term(5), classifies())),
    215: row(keep(1, ro_2010, rest("19 candidates on 7 proposals")),
             note(2, "about 6,000 eligible voters (a rounded figure, kept as a note)")),
    216: row(keep(1, ro_2020, rest("postal vote only, counted 2020-09-30; turnout just under 10% (double that of "
                                   "5 years before)")),
             keep(2, ro_2020.more(seats=9, candidates=17), rest("9 members from 7 nationalities"))),
    217: one(election(RO_BEFORE_PRESENTATION, turnout="12.2", candidates=27, seats=9),
             rest("new council presented 2025-09-18: 9 members from 6 nations; almost 17,600 eligible (news "
                  "aggregator citing ndr.de)")),
    218: row(keep(1, classifies()), note(2), note(3)),
    219: row(keep(1, chair("Juri Rosov", UNSTATED), rest("chair at the 25th anniversary")),
             note(2)),  # managing the business: no membership role for it
    621: row(keep(1, adopted("2014-01-29", by="Bürgerschaft")), note(2), note(3)),
    622: row(note(1), note(2)),  # the commission to draw up the concept; its update interval
    623: one(drafted_by(RO_BUERO),
             rest("presented to the administration's leadership in September 2016 by the Büro für "
                  "Integrationsfragen (OE 07), instead of a full revision requested by the Bürgerschaft on "
                  "2016-03-02")),
    624: one(adopted(RO_IK2_ADOPTED, by="Bürgerschaft"),
             rest("adopted by a majority, together with the introduction of \"Diversity Mainstreaming\" (press "
                  "release of 2021-05-26, motto \"Bunt ist besser\"); the day of the vote is not given")),
    625: row(note(1), note(2)),
    626: one(office_holder("Stephanie Nelles", inferred_year("2013")),
             rest("presenting the draft concept to local councils")),
    627: one(office_holder("Stephanie Nelles", inferred_month("2017-06"))),
    628: noted(),  # the drafting of the 2016 concept is kept with row 623
    # ================================================================== Mecklenburg-Vorpommern: Schwerin
    # a Beirat decided in principle, then not set up: a planned body, its decisions as notes
    425: row(note(1), note(2), planned=True),
    426: row(note(1), note(2), planned=True),
    # ================================================================== Brandenburg: Potsdam
    232: row(keep(1, established("1992"), rest("founded as Ausländerbeirat")), note(2), note(3)),
    233: row(keep(1, classifies(), rest("directly elected for the term of the Stadtverordnetenversammlung, with the "
                                        "local elections")),
             note(2)),
    234: row(keep(1, pd_2019, rest("the 7th election: 11 members from 11 countries for 2019-2024")),
             keep(2, constituted("2019-06-24"))),
    235: row(note(1, "about 15,000 eligible voters (a rounded figure, kept as a note)"),
             keep(2, to_election(234, "2019-05-26", candidates=30)),
             keep(3, to_election(234, "2019-05-26", turnout="10.9"))),
    236: row(keep(1, chair("Maria Pohle", "2019")),
             keep(2, chair("Ali Taher", "2025-12-11"), chair("Fereshta Hussein", "2025-12-11"),
                  chair("Chuks-Quinn Chukwuedo", "2025-12-11"),
                  rest("three equal chairs from 2025-12-11 under a new Geschäftsordnung"))),
    237: one(office_holder("Magdolna Grasnick", inferred_year("2017")), rest("involved since 1992")),
    614: row(keep(1, adopted("2008")), note(2)),
    615: row(keep(1, adopted("2017-07-05", by="Stadtverordnetenversammlung")),
             note(2)),  # "second update of the 2008 concept": the first update (2011) lies between, no direct link
    616: row(note(1), note(2, about=PD_IK1)),
    # the batch README's conflict: one concept adopted under one title and published under another; one node per
    # title (per claim), linked
    617: row(keep(1, statement(), adopted("2024-05-15", by="Stadtverordnetenversammlung")), note(2), actor=PD_IK2024),
    618: one(statement(),
             publication("\"Migration prägt Potsdam\" – Integrationskonzept der Landeshauptstadt Potsdam 2024–2028",
                         "2024-12-13"),
             rest("published under this title (press release 570): five central goals and 50 measures; the "
                  "concept adopted under another title is kept as a node of its own"),
             conflicts=(617,)),
    619: one(office_holder("Amanda Palenberg", inferred_year("2024"))),
    620: noted(),  # the office responsible for the 2016–2020 concept (document copy)
    # ================================================================== Brandenburg: Cottbus/Chóśebuz
    415: one(established("2018-05-30", decided_by="Stadtverordnetenversammlung"),
             rest("the Stadtverordnetenversammlung amended the Hauptsatzung to allow the Beirat (foreseen in the "
                  "Cottbus integration concept)")),
    416: one(members_count(11, (7, "appointed-migrant-representatives"), (4, "appointed-experts"), when=UNSTATED),
             classifies(),
             rest("11 honorary members named by the Stadtverordnetenversammlung for its term: 7 foreign nationals "
                  "and 4 German citizens engaged in integration")),
    # "to start work for the first time in October 2018": an announcement, not a start seen
    417: row(keep(1, legal_basis("§ 7 Abs. 5 Hauptsatzung"),
                  rest("to start work for the first time in October 2018")),
             note(2)),
    418: row(keep(1, in_mayors_office("Büro des Oberbürgermeisters")), note(2)),
    419: row(note(1), note(2)),
    # ================================================================== Brandenburg: Brandenburg an der Havel
    490: row(keep(1, established("2012-07-02", decided_by="Stadtverordnetenversammlung"),
                  rest("the Satzung of 2012-07-02 (Amtsblatt Nr. 14 of 2012-07-06) adopted by the "
                       "Stadtverordnetenversammlung")),
             note(2), note(3), note(4)),
    # ================================================================== Brandenburg: Frankfurt (Oder)
    491: noted(),  # named in Dec 2009 among seven such councils: no property for an attestation
}

BODIES = {
    ("Leipzig", LE_MB): body("migrantenbeirat", rows=[54]),
    ("Chemnitz", CH_MB): body("migrationsbeirat", function="advisory", rows=[161]),
    ("Chemnitz", CH_AB): body("auslaenderbeirat", "appointed-and-council", rows=[162]),
    ("Magdeburg", MD_BIM): body("beirat-fuer-migration-und-integration", "appointed-and-council",
                                rows=[172, 173, 174, 175]),
    ("Dessau-Roßlau", DE_IB): body("integrationsbeirat", "appointed-and-council", rows=[499, 500]),
    ("Erfurt", EF_AB): body("auslaenderbeirat", rows=[199]),
    ("Jena", JE_MIB): body("beirat-fuer-migration-und-integration", "elected-only", rows=[401]),
    ("Weimar", WE_AB): body("auslaenderbeirat", "elected-only", rows=[464]),
    ("Rostock", RO_MIGRO): body("migrationsrat", "elected-only", "advisory", rows=[214, 218]),
    ("Rostock", RO_AB): body("auslaenderbeirat", rows=[213]),
    ("Potsdam", PD_MB): body("migrantenbeirat", "elected-only", rows=[233]),
    ("Cottbus/Chóśebuz", CB_BIM): body("beirat-fuer-migration-und-integration", "appointed-only", rows=[416]),
    ("Brandenburg an der Havel", BRB_IB): body("integrationsbeirat", rows=[490]),
    ("Frankfurt (Oder)", FFO_AB): body("auslaenderbeirat", rows=[491]),
}
