"""Batch 3, Hessen, Berlin and Hamburg: Darmstadt, Frankfurt am Main, Kassel, Offenbach am Main, Wiesbaden, and the
Land-level bodies, commissioners and Senate concepts of the city-states Berlin and Hamburg (rows 9–18, 35–43,
126–132, 142–147, 220–225, 267–273, 317–321, 339–343, 582–586, 609–613, 681–683, 715–720, 745–752 of
batch3/infrastructure.csv). Every clause read and given a disposition.

Local helpers (following api.py's patterns; no shared file is edited):
- `replaces(plan)`: the row's plan replaces an earlier plan (dct:replaces, as the ontology links plan versions);
- `planned_for(start, end)`: a plan's planned period (ikg:plannedPeriod), for a version only in preparation;
- `undated_election(...)`: an election whose clause gives no date (the conflicting result rows 42 and 147);
- `as_written(fact, words)`: the accounting check of an actor a clause names in other words than its node's
  name ("the 2013 concept", "the Interkulturelles Büro"): the words are checked against the clause instead.
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF, RDFS

import model
from model import undated
from model.nodes import local_name
from mapping.batch3.api import (replaces, Election, _checked, _d, _date_check, _election_values, adopted, body, chair,
                                classifies, constituted, dated, election, established, head, inferred_year, keep,
                                legal_basis, located_in, members_count, note, noted, office_holder, on, one,
                                predecessor, publication, renamed, rest, row, season, term, valid)
from vocab import IKG, thing

LANDS = ("Hessen", "Berlin", "Hamburg")

# --- Hamburg (Land-level bodies and Senate concepts)
HH_BEIRAT = "Integrationsbeirat Hamburg (Landesebene)"
HH_MITTE = "Bezirklicher Integrationsbeirat Hamburg-Mitte"
HH_2017 = 'Hamburger Integrationskonzept "Wir in Hamburg! Teilhabe, Interkulturelle Öffnung und Zusammenhalt" (2017)'
HH_2013 = 'Hamburger Integrationskonzept "Teilhabe, Interkulturelle Öffnung und Zusammenhalt" (2013)'
HH_2006 = "Hamburger Integrationskonzept (2006)"
# --- Berlin (Land-level)
BE_BEIRAT = "Landesbeirat für Partizipation (Berlin; formerly Landesbeirat für Integrations- und Migrationsfragen)"
BE_BEZIRK = "Bezirksbeiräte für Partizipation und Integration (12 Berlin districts)"
BE_COMMISSIONER = "Beauftragte des Berliner Senats für Partizipation, Integration und Migration"  # first batch
BE_MASTERPLAN = "Masterplan Integration und Sicherheit"
# --- Frankfurt am Main
F_KAV = "Kommunale Ausländerinnen- und Ausländervertretung (KAV) Frankfurt am Main"
F_DEZERNENT = "Dezernent für Integration"
# --- Offenbach am Main
OF_BEIRAT = "Ausländerbeirat der Stadt Offenbach am Main"
OF_VV = "Vertreterversammlung sachkundiger ausländischer Arbeitnehmer"
OF_KK = "Koordinierungskreis für ausländische Arbeitnehmer"
# --- Wiesbaden
WI_FIRST = "Integrationskonzept der Landeshauptstadt Wiesbaden (2004–2009)"
WI_THIRD = "Integrationskonzept der Landeshauptstadt Wiesbaden (2022–2026)"
WI_PAGE = "Integrationskonzept 2021-2025"
WI_FOURTH = "Integrationskonzept der Landeshauptstadt Wiesbaden (2027–2031)"
# --- Darmstadt
DA_BUERO = "Interkulturelles Büro der Wissenschaftsstadt Darmstadt"

UNDATED_ELECTION = "Datum der Wahl in der Zeile nicht angegeben; spätestens am Lesetag 25.11.2026"

# One body, post or plan = one node: rows that name it otherwise are folded onto the node of its first row.
ALIASES = {
    ("Hamburg", "Integrationsbeirat Hamburg"): HH_BEIRAT,
    ("Hamburg", 'Hamburger Integrationskonzept 2017 "Wir in Hamburg!"'): HH_2017,
    # the Senate's commissioner post, in the first batch (infrastructure-125) under its later, longer title
    ("Berlin", "Beauftragte des Senats für Integration und Migration"): BE_COMMISSIONER,
    ("Berlin", "Beauftragter des Berliner Senats für Integration und Migration"): BE_COMMISSIONER,
}


# ------------------------------------------------------------------ local helpers

def as_written(fact, name: str, words: str):
    """The fact's check of the actor `name` is made with the words the clause uses for it."""
    fact.checks = tuple(("name", words) if ch == ("name", name) else ch for ch in fact.checks)
    return fact


def planned_for(start: str, end: str | None = None):
    """A plan version only in preparation: the period it is planned for (ikg:plannedPeriod), not a validity."""
    return _checked(lambda c: model.planned(c.f, c.node, _d(start), _d(end)), _date_check(start), _date_check(end))


class _UndatedElection(Election):
    """An election whose clause gives no date: an undated instant (no value; technical bounds) and a note."""

    def _node(self, c):
        return thing("election", f"{local_name(c.node)}-{c.row.row_id}-undated")

    def __call__(self, c) -> None:
        node = self._node(c)
        if (node, RDF.type, IKG.Election) not in c.f.triples:
            model.election(c.f, c.node, self.when, key=f"{c.row.row_id}-undated")
            c.f.remove(node, RDFS.label, Literal(f"Wahl {c.row.row_id}-undated", lang="de"))
            model.label(c.f, node, "Wahl (Datum nicht angegeben)")
            c.made.append(node)
        _election_values(c.f, node, self.stated)


def undated_election(**stated) -> _UndatedElection:
    e = _UndatedElection(undated(note=UNDATED_ELECTION), **{k: v for k, v in stated.items() if v is not None})
    e.checks = tuple(ch for ch in e.checks if ch[1] is not None)  # no date value to check
    return e


# ------------------------------------------------------------------ rows

E_KAV_2021 = election("2021-03")
E_OF_2021 = election("2021-03-14")

ROWS = {
    # ---------------------------------------------------------------- Hamburg
    9: one(established("2002")),
    # the reform is announced ("to be cut"): the 70 members are the count before it; 52 (24 + 28) is planned only
    10: row(keep(1, members_count(70, when=undated()),
                 rest("to be cut from 70 to 52 members at the autumn re-election: 24 members with migration "
                      "background elected by migrant associations + 28 representatives of institutions named by "
                      "the Senator (Detlef Scheele); this planned composition is not modelled")),
            note(2, "the article is undated")),
    11: row(keep(1, election(season("autumn 2015"), seats=31),
                 rest("31 members elected from six regions for the 21st Legislaturperiode, in autumn 2015, by "
                      "migrant organisations (not by migrant residents)")),
            note(2)),
    12: one(constituted("2015-12"), chair("Melanie Leonhard", "2015-12"),
            rest("constituted in December 2015, chaired by the Integrationssenatorin Dr. Melanie Leonhard")),
    # plenary rhythm, sessions led by the Behörde, the yearly speaker team: the model has no node for the team
    13: row(note(1), note(2), note(3)),
    # 22nd term: 14 district members (Senate: planned; press: at the constituent session) vs 15 (hamburg.de).
    # The Senate's figure is planned: kept as a count with its words, its groups (method not stated) in the note
    14: row(keep(1, members_count(19),
                 rest("'19 planned' for the 22nd Legislaturperiode: 14 members from the districts (2 per Bezirk) + "
                      "5 Fachexpertinnen/Fachexperten")),
            keep(2, publication("Drucksache 22/3791", "2021-04-21"),
                 rest("the Senate informed the Bürgerschaft of the planned composition by Drucksache 22/3791 on "
                      "2021-04-21"))),
    # the Fachexperten are chosen by the district members: 'appointed-experts' is the nearest selection method
    15: one(members_count(None, (15, "appointed-migrant-representatives"), (5, "appointed-experts")),
            rest("15 district members first proposed by the seven Bezirksversammlungen, who then chose 5 "
                 "Fachexperten; the row notes that other sources give 14"),
            conflicts=(14, 16)),
    16: one(members_count(None, (14, "appointed-migrant-representatives"), (5, "appointed-experts")),
            rest("14 Hamburg residents with migration background, 2 per Bezirk, named by the Bezirksversammlungen "
                 "for the 22nd Legislaturperiode, + 5 Fachexperten")),
    17: one(classifies(),
            rest("no longer elected by migrant organisations from the 22nd term: members nominated via the "
                 "Bezirksversammlungen and district integration bodies")),
    18: row(keep(1, established("2013")), keep(2, classifies()), keep(3, classifies())),
    271: row(keep(1, adopted("2017-09-05"), as_written(replaces(HH_2013), HH_2013, "2013 concept"),
                  rest("adopted by the Senat (the Land government), as update of the 2013 concept")),
             note(2), note(3)),
    272: row(keep(1, adopted("2013-02"), rest("Drucksache 20/7049 (document copy)")),
             keep(2, replaces(HH_2006), rest("further development of the first concept of 2006")),
             note(3)),
    # "(as stated in the 2013 concept)": the row's page is a copy of the 2013 concept itself, not another source
    273: one(dated("2006"),
             rest("the first Hamburg integration concept, of 2006, as the 2013 concept states (document copy)")),
    749: row(keep(1, legal_basis("§ 16 Verwaltungsbehördengesetz"),
                  rest("set up by the Sozialbehörde as an administrative committee")),
             note(2),  # the head of the Sozialbehörde is not named
             note(3),  # the speakers' team: no node for it
             note(4)),  # sessions 'planned': a rhythm, no event
    750: one(established("2002"),
             rest("first set up in 2002, in a text attributed to the Behörde für Arbeit, Soziales, Familie und "
                  "Integration (Amt für Arbeit und Integration) on a member's website")),
    # staff shares (0.5, 0.75 …) are full-time equivalents, which the counts (integers) cannot hold
    751: noted(),
    # requests of the Bürgerschaft behind the concept: no property for them (no legal basis in the model's sense)
    752: noted(),
    # ---------------------------------------------------------------- Berlin
    126: one(constituted("2003")),
    127: row(keep(1, legal_basis("§ 17 Partizipationsgesetz (PartMigG)")), note(2), note(3)),
    # "three years": a number in words, and elected by organisations: kept as a note
    128: noted(),
    129: row(keep(1, election("2023-06-13"), rest("the date on which the election ended")),
             note(2)),  # the next election: scheduled, no election
    130: row(keep(1, election("2023-06", seats=13),
                  rest("about 100 migrant organisations elected 13 representatives in June 2023")),
             note(2),
             keep(3, chair("Cansel Kiziltepe"), rest("chaired by the Integrationssenatorin Cansel Kiziltepe"))),
    131: row(keep(1, legal_basis("§ 19 PartMigG")), note(2)),
    132: one(office_holder("Katarina Niewiedzial", inferred_year("2023"))),
    745: row(keep(1, adopted("2018-12"),
                  rest("the Senat (the Land government) adopted the guidelines (Leitlinien) in December 2018")),
             note(2),  # "was to be submitted": not a submission
             note(3)),
    746: row(note(1),  # a presentation, not an adoption
             keep(2, replaces(BE_MASTERPLAN), on(BE_MASTERPLAN, dated("2016-03"))),
             note(3)),
    747: noted(),  # the drafting process: no property for working groups
    748: one(office_holder("Andreas Germershausen", "2018-12")),
    # ---------------------------------------------------------------- Frankfurt am Main
    35: row(keep(1, established("1991")),
            keep(2, election("1991-12-01", turnout="19.7"), rest("the first election"))),
    36: one(term(5)),
    37: row(keep(1, election("2005-11-27", turnout="5.7"), rest("2005-11-27: 27 lists, about 140,000 eligible")),
            keep(2, election("2010", turnout="7.6"), rest("2010: 35 lists")),
            keep(3, election("2015", eligible=178225, turnout="6.2"))),
    38: row(keep(1, members_count(37), classifies(), rest("37 elected members (plenum)")),
            note(2)),  # the presidium: no node for it
    39: row(note(1), note(2)),
    40: noted(),  # "given as next election date": a scheduled date, not an election (row 41 reports it held)
    41: row(keep(1, E_KAV_2021),
            keep(2, E_KAV_2021.more(seats=37), rest("37 members elected from 33 different lists")),
            note(3)),  # "end of April" without a year
    42: row(keep(1, undated_election(seats=37),
                 rest("30 of 47 competing lists won at least one of the 37 seats; the row gives no election date")),
            note(2),
            conflicts=(41,)),
    # the Dezernent is a post (not the Dezernat's 'head' in the row's words); his successors are not dated
    43: row(keep(1, on(F_DEZERNENT, office_holder("Albrecht Magen", "2000"), actor_type="commissioner"),
                 rest("the Dezernent für Integration was first appointed in 2000 (Albrecht Magen), responsible for "
                      "the Amt für multikulturelle Angelegenheiten and the KAV office")),
            note(2)),
    267: one(established("1989"), rest("the first Dezernent was Daniel Cohn-Bendit")),
    268: row(keep(1, adopted("2010-09-30", by="Stadtverordnetenversammlung"),
                  rest("decision § 8782 on Magistrat proposal M 132 of 2010-06-25")),
             note(2)),
    269: row(note(1),
             keep(2, publication("Integrations- und Diversitätsbericht 2011-2014", inferred_year("2015")),
                  rest("a follow-up report covering 2015-2019 followed (2023)"))),
    # the plan holds one adoption date: the day the Stadtverordnetenversammlung decided, from the row above
    270: row(note(1, "adopted in September 2010 by the city parliament: the Stadtverordnetenversammlung's decision "
                     "that another row dates to the day")),
    # ---------------------------------------------------------------- Darmstadt
    317: one(election("1989-05-07"), rest("the first election")),
    318: one(members_count(21, (21, "elected-by-migrant-residents")), classifies(),
             rest("21 honorary members elected by foreign residents for five years")),
    319: row(note(1), note(2), note(3)),  # clause 3: the next election, scheduled
    320: one(election("2010-11-07", mode="ballot-box"), rest("ballot-box vote only, 21 votes per voter")),
    321: one(chair("Ümit Cengiz", undated())),
    681: row(keep(1, established("1997", decided_by="Stadtverordnetenversammlung")),
             keep(2, located_in("Dezernat V")),
             note(3), note(4)),
    682: row(keep(1, as_written(predecessor(DA_BUERO), DA_BUERO, "Interkulturelles Büro")),
             keep(2, head("Patricia Latorre"), rest("head contact Dr. Patricia Latorre"))),
    683: noted(),  # a report of 155 pages: no property for its size or subject
    # ---------------------------------------------------------------- Offenbach am Main
    339: row(keep(1, classifies(), rest("directly elected since 1987")), keep(2, term(5))),
    340: row(keep(1, on(OF_VV, established("1971"))),
             keep(2, on(OF_KK, established("1972-12-14", decided_by="Stadtverordnetenversammlung"),
                        rest("decided by the Stadtverordnetenversammlung on 1972-12-14: 10 foreign workers "
                             "nominated by the DGB + councillors, Magistrat, unions, welfare")))),
    341: one(members_count(25), rest("25 seats under § 5a Abs. 2 Hauptsatzung")),
    342: row(keep(1, E_OF_2021),
             note(2),  # ballot box only: the voting mode alone leaves nothing the check can read
             note(3), note(4)),
    343: row(keep(1, election("2015-11-29", eligible=40147), election("2010", eligible=30593),
                  rest("2010: about 1,500 of the 30,593 eligible voted")),
             note(2)),  # "latest turnout about 5%": which election is not said
    715: one(publication("Magistratsvorlage 087/04", "2004-03-31"),
             rest("the Magistratsvorlage asked the Stadtverordnetenversammlung to adopt the concept as the guideline "
                  "for municipal integration work (DS I (A) 646, issued 2004-04-06); the vote itself is not in the "
                  "row")),
    716: row(note(1), note(2)),  # presented, not adopted; a stock-taking report, undated
    717: noted(),  # a kick-off for a new concept: no adoption
    718: one(office_holder("Luigi Masala", undated())),
    719: noted(),
    720: row(keep(1, established("2007"), rest("meets since 2007")),
             keep(2, members_count(33, unit="member-organisations", qualifier="approximately"),
                  rest("about 33 associations, religious communities and initiatives")),
             keep(3, chair("Martin Wilhelm", "2022"), chair("Abdelkader Rafoud", "2022"),
                  as_written(on(OF_BEIRAT, chair("Abdelkader Rafoud", "2022")), OF_BEIRAT, "Ausländerbeirat"),
                  rest("co-chaired by Integrationsdezernent Martin Wilhelm and Ausländerbeirat chair Abdelkader "
                       "Rafoud (29th meeting, 2022)"))),
    # ---------------------------------------------------------------- Wiesbaden
    # the Stadtverordnetenversammlung's decision (1970) and the Ordnung (1971): dates the model has no property for
    142: row(note(1), note(2),
             keep(3, election("1971-11"), rest("first elected in November 1971")),
             keep(4, constituted("1972-03-01")),
             note(5)),
    143: one(members_count(31), legal_basis("Hessische Gemeindeordnung"),
             rest("fixed at 31 since its anchoring in the Hessische Gemeindeordnung in 1989; the first Beirat had 17 "
                  "members")),
    144: one(term(5), rest("5 years since 2005")),
    145: noted(),  # "given as next election": scheduled, not held
    146: row(keep(1, election("2015-11-29"), rest("the 13th election")),
             note(2)),  # "about 48,000 eligible": an approximation the election's integer cannot hold
    # the clause does not date the election (the row's property names 2015)
    147: row(keep(1, undated_election(eligible=46695, turnout="5"),
                  rest("turnout 5% of 46,695 eligible (preliminary); the row's property names the 2015 election")),
             keep(2, chair("Salih Dogan"), rest("chair Salih Dogan had led it for over 11 years and did not stand "
                                                "again"))),
    582: row(keep(1, on(WI_FIRST, valid("2004", "2009"), rest("the first concept, developed in a participatory "
                                                                "process"))),
             note(2),
             keep(3, on(WI_THIRD, valid("2022", "2026"),
                        rest("the current (third) update, adopted by the city's political bodies (date not "
                             "stated)")))),
    583: row(keep(1, on(WI_PAGE, valid("2021", "2025"),
                        rest("project page (updated 2020-07-10) citing Stadtverordnetenversammlung decision no. "
                             "0522"))),
             note(2)),
    584: row(keep(1, on(WI_FOURTH, planned_for("2027", "2031"), rest("preparation of the fourth update begun"))),
             note(2),  # a participation event: no node for it
             note(3)),  # "previous update 2020": which version is not said
    585: row(keep(1, renamed("Einwohner- und Integrationsamt", season("end of 2010"))), note(2)),
    586: one(office_holder("Milena Löbcke", inferred_year("2025"))),
    # ---------------------------------------------------------------- Kassel
    220: row(keep(1, election("1981-05-31"), rest("the first election, under a municipal Satzung")),
             note(2)),
    221: row(keep(1, members_count(37), classifies(), rest("37 members, all elected")), keep(2, term(5))),
    222: row(note(1), note(2)),
    223: one(election("2015-11-29"), rest("the last election as of 2016")),
    224: row(keep(1, election("2021-03-14"), rest("first time together with the local elections")),
             note(2)),  # "about 33,000 eligible": an approximation
    225: noted(),  # the Dezernat's responsibility for the Beiräte: no property for it
    609: one(adopted(season("summer 2012"), by="Stadtverordnetenversammlung"),
             rest("adopted unanimously in summer 2012, as the documentation of the 1st Runder Tisch "
                  "Integrationsförderung (2013-11-13) states (a copy on a document-sharing site)")),
    610: one(dated("2012-06"),
             rest("document version June 2012, issued by the Zukunftsbüro in the OB's division, scientific support "
                  "by IEV Hanau (document copy)")),
    611: one(adopted("2019-06", by="Stadtverordnetenversammlung"),
             rest("on a Monday in late June 2019, as an SPD group post of 2019-06-26 reports (party website)")),
    612: row(note(1), note(2), note(3)),
    613: one(office_holder("Alena Schütz", "2025-07-03"),
             rest("named at the Runder Tisch Integration on 2025-07-03 (140 participants), on the upcoming update of "
                  "the concept")),
}


BODIES = {
    ("Hamburg", HH_BEIRAT): body("integrationsbeirat", "appointed-only", rows=[17]),
    ("Hamburg", HH_MITTE): body("integrationsbeirat", "appointed-only", "advisory", rows=[18]),
    ("Berlin", BE_BEIRAT): body("partizipationsbeirat", rows=[126]),
    ("Berlin", BE_BEZIRK): body("partizipationsbeirat", rows=[131]),
    ("Frankfurt am Main", F_KAV): body("auslaendervertretung", "elected-only", rows=[38]),
    ("Darmstadt", "Ausländerbeirat der Wissenschaftsstadt Darmstadt"): body("auslaenderbeirat", "elected-only",
                                                                            rows=[318]),
    ("Offenbach am Main", OF_BEIRAT): body("auslaenderbeirat", "elected-only", rows=[339]),
    ("Offenbach am Main", OF_VV): body("other-advisory-board", rows=[340]),
    ("Offenbach am Main", OF_KK): body("other-advisory-board", rows=[340]),
    ("Wiesbaden", "Ausländerbeirat der Landeshauptstadt Wiesbaden"): body("auslaenderbeirat", rows=[142]),
    ("Kassel", "Ausländerbeirat der Stadt Kassel"): body("auslaenderbeirat", "elected-only", rows=[221]),
}
