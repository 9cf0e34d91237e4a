"""Batch 3, Nordrhein-Westfalen (second half): Herne, Krefeld, Köln, Leverkusen, Mülheim an der Ruhr, Münster,
Oberhausen, Remscheid, Solingen, Wuppertal (97 rows of batch3/infrastructure.csv). Every clause read and given a
disposition; the other NRW cities are mapped by the first NRW module (CITIES keeps the two apart)."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import FOAF, ORG, RDF, XSD

import model
from model import undated
from model.temporal import _VALUE_PROPERTY
from model.nodes import local_name
from mapping.batch3.api import (election_node, votes_cast, Ctx, Election, _change, _checked, _council, _d, _date_check, adopted, body,
                                chair, classifies, constituted, election, established, head, inferred_year, keep,
                                legal_basis, located_in, members_count, note, noted, office_holder, on, one,
                                predecessor, rest, row, successor, term, vague)
from vocab import IKG, integer, slug, thing

LANDS = ("Nordrhein-Westfalen",)
CITIES = ("Herne", "Krefeld", "Köln", "Leverkusen", "Mülheim an der Ruhr", "Münster", "Oberhausen", "Remscheid",
          "Solingen", "Wuppertal")

ELECTED, COUNCIL = "elected-by-migrant-residents", "appointed-from-council"


# ------------------------------------------------------------------ local helpers (api.py's patterns)

def about(when: str, words: str):
    """'c. 2011', 'about 2011': the year at its own bounds, with the words as the date's note."""
    return vague(when, f"{when}-01-01", f"{when}-12-31", words)


def said_change(kind: str, other: str, said: str, when=None, before: bool = True, actor_type: str | None = None):
    """A change between the actor and `other` (an existing node's full name), where the clause names the other
    actor only by the word `said` ('the Integrationsrat', 'the KI'): checked against that word."""
    write = _change(kind, other, actor_type, when, before)
    return _checked(write, ("name", said), _date_check(when))


def about_node(name: str, said: str, *facts, actor_type: str | None = None):
    """`on(name, *facts)` for a node the clause (or the row's name) names only by the word `said`."""
    write = on(name, *facts, actor_type=actor_type)
    return _checked(write, ("name", said), *(ch for fact in facts for ch in getattr(fact, "checks", ())))


def results(e: Election, *lists: tuple[str, str | None, int | None]):
    """List results of the row's election `e`: (list name as written, vote share in per cent or None, seats or
    None), as ikg:ElectionResult nodes."""
    def write(c: Ctx) -> None:
        node = election_node(e, c)
        for name, share, seats in lists:
            model.election_result(c.f, node, name, share, seats)
    checks = []
    for name, share, seats in lists:
        checks += [("text", name), ("decimal", share), ("count", seats)]
    return _checked(write, *checks)


def to_election_of_row(number: int, value: str, *, eligible: int | None = None, turnout: str | None = None):
    """Values of an election another row of the same body dates (row `number`, date value `value`): added to
    that row's election node, cited to this row."""
    def write(c: Ctx) -> None:
        node = thing("election", f"{local_name(c.node)}-batch3-infrastructure-{number:03d}-{value}")
        if (node, RDF.type, IKG.Election) not in c.f.triples:
            raise SystemExit(f"{c.row.row_id}: no election of row {number} at {value}")
        c.f.add(node, IKG.eligibleVoters, integer(eligible) if eligible is not None else None)
        if turnout is not None:
            c.f.add(node, IKG.turnoutPercent, Literal(turnout, datatype=XSD.decimal))
        c.made.append(node)
    return _checked(write, ("count", eligible), ("decimal", turnout))


def undated_election(why: str, *, eligible: int | None = None, turnout: str | None = None):
    """An election of the row's body whose date the clause does not give: an undated instant with the reason."""
    def write(c: Ctx) -> None:
        node = thing("election", f"{local_name(c.node)}-{c.row.row_id}-undated")
        c.f.add(node, RDF.type, IKG.Election)
        c.f.add(node, IKG.electedBody, c.node)
        c.f.add(node, IKG.date, model.instant(c.f, undated(note=why)))
        c.f.add(node, IKG.eligibleVoters, integer(eligible) if eligible is not None else None)
        if turnout is not None:
            c.f.add(node, IKG.turnoutPercent, Literal(turnout, datatype=XSD.decimal))
        model.label(c.f, node, "Wahl (Datum in der Zeile nicht genannt)")
        c.made.append(node)
    return _checked(write, ("count", eligible), ("decimal", turnout))


def adoption_also(when: str, by: str | None = None):
    """A second row stating the same adoption as an earlier row of the same plan: the same instant (a plan has
    one adoption date), now cited to this row as well; a different value would be a conflict, not this."""
    def write(c: Ctx) -> None:
        old = [o for (s, p, o) in c.f.triples if s == c.node and p == IKG.adoptedOn]
        if not old:
            raise SystemExit(f"{c.row.row_id}: no earlier adoption to confirm")
        value = _d(when).value
        stated = [v for (s, p, v) in c.f.triples if s == old[0] and p == _VALUE_PROPERTY[value.datatype]]
        if stated != [value]:
            raise SystemExit(f"{c.row.row_id}: the earlier adoption is dated {stated}, not {value}")
        c.f.add(c.node, IKG.adoptedOn, old[0])
        if by:
            c.f.add(c.node, IKG.adoptedBy, _council(c, by))
    return _checked(write, _date_check(when), ("name", by))


def merger(when, *parts: tuple[str, str, str], decided_by: str | None = None):
    """One merger event: the units `parts` (full node name, the word the clause uses, actor type) merged into the
    row's actor at `when` (a date, or None: an undated change), decided by the council the clause names."""
    def write(c: Ctx) -> None:
        originals = [c.x.actor(c.f, c.city, kind, name) for name, _, kind in parts]
        d = _d(when) if when else undated(note="Datum des Zusammenschlusses nicht angegeben; spätestens am Lesetag "
                                                "25.11.2026")
        ev = model.change_event(c.f, f"{local_name(c.node)}-merger-{c.key}", "merger", originals[0], c.node, d,
                                decided_by=_council(c, decided_by) if decided_by else None, name="Zusammenschluss")
        for o in originals[1:]:
            c.f.add(ev, ORG.originalOrganization, o)
        c.made.append(ev)
    return _checked(write, *(("name", said) for _, said, _ in parts), _date_check(when), ("name", decided_by))


def spelling(name: str):
    """Another spelling of a person's name as the clause writes it ('Erdas' for 'Erdaş'), on the same person."""
    def write(c: Ctx) -> None:
        c.f.add(thing("person", slug(name)), FOAF.name, Literal(name))
    return _checked(write, ("person", name))


def planned_period(start: str, end: str):
    """The period the plan is planned for, as its name gives it (ikg:plannedPeriod), while its adoption is only
    scheduled: not a period of validity."""
    def write(c: Ctx) -> None:
        model.planned(c.f, c.node, start, end)
    return _checked(write, ("date", start))


# ------------------------------------------------------------------ names

K_IR = "Integrationsrat der Stadt Köln"
K_AB = "Ausländerbeirat (Stadt Köln)"
K_DEZERNAT = "Integrationsdezernentin (Stadt Köln)"

W_IA = "Integrationsausschuss der Stadt Wuppertal"
W_IR = "Integrationsrat der Stadt Wuppertal"
W_RESSORT = "Ressort Zuwanderung und Integration (Ressort 204), Stadt Wuppertal"

MS_IR = "Integrationsrat der Stadt Münster"
MS_AB = "Ausländerbeirat (Stadt Münster)"
MS_ACI = "Ausschuss für Chancengerechtigkeit und Integration (Münster)"
MS_LB_2019 = 'Leitbild "Migration und Integration Münster" (2019 edition)'

KR_IA_2010 = "Integrationsausschuss der Stadt Krefeld (2010-2014)"
KR_IR = "Integrationsrat der Stadt Krefeld (2014-2020)"
KR_IA_2020 = "Integrationsausschuss der Stadt Krefeld (from 2020)"
KR_BUERO = "Integrationsbüro der Stadt Krefeld"

OB_IR = "Integrationsrat der Stadt Oberhausen"
OB_ACI = "Ausschuss für Chancengerechtigkeit und Integration (Oberhausen)"

MH_IR = "Integrationsrat der Stadt Mülheim an der Ruhr"
MH_ACI = "Ausschuss für Chancengerechtigkeit und Integration (ACI) Mülheim an der Ruhr"
MH_AB = "Ausländerbeirat (Mülheim an der Ruhr)"

LEV_IR = "Integrationsrat der Stadt Leverkusen"
LEV_KK = "Koordinierungskreis zur Integration ausländischer Arbeitnehmer und ihrer Familien"

SG_ZUWI = "Zuwanderer- und Integrationsrat (Zuwi) der Klingenstadt Solingen"
SG_AB = "Ausländerbeirat der Stadt Solingen (predecessor of the Zuwanderer- und Integrationsrat)"

HER_IR = "Integrationsrat der Stadt Herne"
HER_KI = "Kommunales Integrationszentrum Herne"

RS_IR = "Integrationsrat der Stadt Remscheid"
RS_AK = "Arbeitskreis für Angelegenheiten ausländischer Arbeitnehmer"
RS_AB = "Ausländerbeirat (Stadt Remscheid)"

NO_DATE_2020 = ("Datum der Wahl in der Zeile nicht genannt (Spalte property: election_2020_eligible); spätestens am "
                "Lesetag 25.11.2026")
NO_DATE_2010 = ("Datum der Wahl in der Zeile nicht genannt (Amtszeit laut Name des Gremiums 2010-2014); spätestens am "
                "Lesetag 25.11.2026")

# election objects shared by the clauses of one row
E31 = election("2020-09-13", eligible=308000)
E87 = election("2020-09-13")
E107 = election("2020-09-13", eligible=48168)
E183 = election("2020-09-13", eligible=49122, turnout="12.66")
E185 = election("2025-09-14")
E208 = election("2014-05-25", eligible=28000)
E209 = election("2025-09-14", seats=21)
E259 = election("2020-09-13", eligible=30553, turnout="11.9")
E297 = election("2014-05-25", seats=25)
E298 = election("2020-09-13", eligible=40000, turnout="11.3")
E300 = election("2025-09-14")
E323 = election("2020-09-13", eligible=39528, turnout="16.3")
E325 = election("2025-09-14", eligible=45457, turnout="17.67")
E328 = election("2020-09-13")
E394 = election("2020-09-13", eligible=26957, turnout="12.96")

ROWS = {
    # --- Köln: Integrationsrat, Amt für Integration und Vielfalt, integration concept
    29: one(members_count(33, (22, ELECTED), (11, COUNCIL)), classifies()),
    30: one(election("2014-05-25")),
    31: one(E31, rest("held with the elections of the OB, the Rat and the Bezirksvertretungen; about 308,000 "
                      "eligible (an approximate figure), aged 16+")),
    32: row(keep(1, predecessor(K_AB)),
            # the year of the first election is not stated: the composition is kept undated, the election noted
            keep(2, members_count(None, (22, ELECTED), (11, COUNCIL)), classifies(),
                 rest("first election by postal vote until 21 November (year not stated on the page); about "
                      "145,000 eligible"))),
    33: row(keep(1, classifies()), keep(2, classifies())),
    34: one(head("Hans-Jürgen Oster", "2020"), rest("named as Leiter, 2020")),
    274: row(note(1), note(2)),  # participants and working groups of the drafting: no property for them
    275: row(keep(1, adopted(about("2011", "etwa 2011: „vor zwei Jahren“ laut Blogbeitrag vom 12.03.2013"), by="Rat"),
                  rest("adopted by the Rat 'two years ago' according to a blog post of 2013-03-12, i.e. about 2011 "
                       "(a relative date)")),
             note(2)),
    276: row(note(1),  # 260 recommendations: no property for a count of recommendations
             keep(2, on(K_DEZERNAT, office_holder("Henriette Reker"), actor_type="commissioner"),
                  rest("presented by OB Roters with Integrationsdezernentin Henriette Reker and Integrationsrat chair "
                       "Tayfun Keltek"))),
    # a draft plan whose Rat decision was only expected: notes on the administration, no plan or body typed as existing
    277: row(note(1, "Vorläufiges Kölner Integrationskonzept (Grundlagenpapier): Rat decision expected on 2009-03-26 "
                     "(vote not seen)"),
             note(2, "Vorläufiges Kölner Integrationskonzept (Grundlagenpapier): the Beirat für das Integrationskonzept "
                     "first met 2008-03-10"),
             actor_type="administration"),
    278: one(chair("Tayfun Keltek", about("2011", "etwa 2011")),
             rest("chair when the integration concept was presented, c. 2011")),
    # --- Wuppertal
    # an article written before the decision ("Stadtrat approval scheduled"): the replacement was then a plan, so
    # both clauses are notes, on the administration (the Ausschuss is made by rows 86-88, which state it exists)
    85: row(note(1, "Integrationsausschuss der Stadt Wuppertal: it replaces the Integrationsrat from the 13 Sep 2020 "
                    "election (as planned before the Stadtrat's decision)"),
            note(2, "Integrationsausschuss der Stadt Wuppertal: decided by the Integrationsrat, Stadtrat approval "
                    "scheduled 22 Jun 2020 (the vote itself not seen)"),
            actor_type="administration"),
    86: one(members_count(25, (15, ELECTED), (10, COUNCIL)), classifies()),
    87: row(keep(1, E87), keep(2, E87.more(seats=15)),
            keep(3, E87.more(eligible=100000),
                 rest("about 100,000 people eligible (an approximate figure; 16+, resident at least one year in "
                      "Germany)"))),
    88: one(classifies(), rest("one of 7 NRW municipalities that chose an Integrationsausschuss instead of an "
                               "Integrationsrat after the 2020 elections (101 Integrationsräte in NRW)")),
    89: row(keep(1, election("2014-05", seats=15), members_count(25, (15, ELECTED), (10, COUNCIL), when="2014-05"),
                 classifies()),
            keep(2, chair("Johannes van Bebber", "2018-06"), rest("chair since June 2018"))),
    # the turnout of the May 2014 election that row 89 dates (property turnout_2014)
    90: one(to_election_of_row(89, "2014-05", eligible=69511, turnout="9.1")),
    91: row(note(1), note(2)),
    92: one(office_holder("Stefan Kühn", "2020"), rest("named as Dr. Stefan Kühn")),
    # README conflict: merged 2005 (city page) vs created 2002 with the Ausländerbehörde two years later (engels-kultur)
    560: row(keep(1, merger("2005", ("Ausländerbehörde (Stadt Wuppertal)", "Ausländerbehörde", "office"),
                           ("Kommunales Integrationszentrum (Stadt Wuppertal)", "Kommunales Integrationszentrum",
                            "integration_centre")),
                  rest("the Ausländerbehörde, the economic-aid division and the Kommunales Integrationszentrum were "
                       "merged in 2005 (the economic-aid division has no node of its own)")),
             note(2), conflicts=(561,)),
    561: row(keep(1, established("2002", predecessor="Stadtbetrieb Flüchtlinge (Stadt Wuppertal)")),
             note(2),  # "two years later" is 2004 only by arithmetic
             keep(3, head("Hans-Jürgen Lemmer", undated()),
                  members_count(130, when=undated(), unit="staff", qualifier="approximately"),
                  rest("head Hans-Jürgen Lemmer, about 130 staff (undated article)")),
             conflicts=(560,)),
    562: row(note(1), note(2)),  # a review and a realignment, no adoption of the concept dated
    # --- Münster
    104: one(members_count(27, (18, ELECTED), (9, COUNCIL)), classifies(), rest("composition set by Rat decision")),
    105: row(keep(1, predecessor(MS_AB, "2010")),
             keep(2, on(MS_AB, established("1984")),
                  rest("a voluntary Ausländerbeirat existed since 1984 (statutory in NRW from 1994)"))),
    106: one(election("2010-02-07", turnout="9.3")),
    107: row(keep(1, E107), keep(2, E107.more(seats=18), rest("18 members from six alliances elected")),
             keep(3, E107.more(turnout="20.67"), election("2014", turnout="19.8"))),
    108: one(chair("Ömer Lütfü Yavuz", "2020"), rest("Dr. Ömer Lütfü Yavuz, chair until the 2020 election")),
    109: noted(),  # where the body's Geschäftsstelle sits: the body itself is not a unit of the Amt
    110: one(said_change("reorganisation", MS_IR, "Integrationsrat"),
             members_count(27, (18, ELECTED), (9, COUNCIL)), election("2025-09-14", seats=18), classifies(),
             rest("replaces the Integrationsrat; 9 members appointed by the Stadtrat on 2025-11-05")),
    111: row(note(1),  # a publication year: the plan model has no publication date (the adoption is row 639's)
             note(2)),
    639: row(keep(1, adopted("2008", by="Rat"), rest("2008 version adopted unanimously by the Rat")), note(2)),
    640: row(note(1), note(2)),
    641: row(keep(1, planned_period("2025", "2030"),
                  rest("fourth edition, scheduled for adoption by the Rat on 2025-02-26 (not an adoption)")),
             note(2),
             keep(3, about_node(MS_LB_2019, "Leitbild", adopted("2019-04")),
                  rest("third edition adopted April 2019 (regional news site)"))),
    642: row(note(1), note(2)),  # a Stab assigned to the Stadtdirektor: the model has no node for the post
    643: one(head("Jochen Köhnke", "2013"), rest("Dezernent Jochen Köhnke, named as head in 2008 and 2013")),
    # --- Krefeld
    181: row(keep(1, members_count(19, (9, ELECTED), (10, COUNCIL)), classifies()),
             keep(2, undated_election(NO_DATE_2010, eligible=21000, turnout="12.96"),
                  rest("turnout 12.96% of about 21,000 eligible (an approximate figure)"))),
    182: row(keep(1, members_count(19, (10, ELECTED), (9, COUNCIL)), classifies(),
                  rest("9 named by the Rat + 10 elected (migrant majority 10:9)")),
             keep(2, said_change("reorganisation", KR_IA_2010, "Integrationsausschuss")),
             keep(3, chair("Sayhan Yilmaz"))),
    # README conflict: 49,122 eligible (after the election) vs 48,964 (before)
    183: row(keep(1, E183), note(2), conflicts=(184,)),
    184: one(undated_election(NO_DATE_2020, eligible=48964),
             rest("48,964 eligible (pre-election figure; conflicts with 49,122 after the election)"),
             conflicts=(183,)),
    185: row(keep(1, E185, rest("held with the local elections")),
             keep(2, E185.more(eligible=91000), rest("about 91,000 eligible (an approximate figure; 16+)"))),
    635: one(established("2011"), rest("set up in the Oberbürgermeister's Fachbereich (WZ commentary)")),
    636: row(keep(1, merger(None, (KR_BUERO, "Integrationsbüro", "office"), ("RAA (Stadt Krefeld)", "RAA", "office")),
                  located_in("Fachbereich Schule (Stadt Krefeld)"),
                  rest("decided by majority in the Verwaltungsausschuss, on the basis of the city's integration "
                       "concept")),
             note(2)),
    637: row(note(1), note(2)),  # a draft update: no adoption
    638: row(note(1), note(2)),  # which Integrationsausschuss (2010-2014 or from 2020) the undated report means is open
    # --- Oberhausen
    206: one(members_count(31, (21, ELECTED), (10, COUNCIL), when=inferred_year("2014")), classifies(),
             rest("21 elected list seats: Internationale Liste/Türkisch-muslimische Liste 13, Demokratische "
                  "Immigranten 6, United Africa Oberhausen 2")),
    207: row(keep(1, constituted(inferred_year("2014")), rest("constituent session on 16 September (2014)")),
             keep(2, chair("Nagihan Erdaş")),
             note(3)),  # a Geschäftsführer: no role for the body's managing officer
    208: row(keep(1, E208, rest("about 28,000 eligible (an approximate figure; naturalised and dual nationals newly "
                                "included)")),
             keep(2, election("2010", eligible=18500), rest("in 2010 only 18,500 were eligible and turnout was under "
                                                            "20%"))),
    209: row(keep(1, E209, rest("21 members elected by pure list vote")),
             keep(2, chair("Nagihan Erdas"), spelling("Nagihan Erdas"), rest("chair before the 2025 election"))),
    210: row(keep(1, legal_basis("§ 27 GO NRW")), keep(2, legal_basis("Wahlordnung"), rest("Wahlordnung of 2025-04-28"))),
    211: row(keep(1, said_change("renaming", OB_IR, "Integrationsrat"),
                  rest("the Integrationsrat is now named Ausschuss für Chancengerechtigkeit und Integration")),
             keep(2, constituted("2025-12-09"),
                  rest("constitutive session for 2025-2030 on 2025-12-09 (report on a party website)"))),
    654: one(predecessor("Regionale Arbeitsstelle Zuwanderung (RAA)", kind="conversion", actor_type="office"),
             rest("the Rat decided to develop the RAA into a KI on the basis of the NRW integration law of "
                  "2012-02-08")),
    655: row(keep(1, established("2013")), note(2), note(3)),
    656: one(head("Lale Arslanbenzer", undated()),
             rest("new head of the KI (WAZ, on Kommunales Integrationsmanagement with 16 case managers, data for "
                  "2022)")),
    657: row(note(1), note(2), note(3)),  # an interim draft (party website report)
    658: noted(),  # on the Rat's agenda, reported by a party website: no adoption seen
    # --- Mülheim an der Ruhr
    257: one(members_count(24, (16, ELECTED), (8, COUNCIL)), classifies()),
    258: one(election("2025-09-14", eligible=42925, turnout="15.96"), election("2020", turnout="11.9")),
    259: row(keep(1, E259, votes_cast(E259, 3636)), keep(2, election("2014-05", turnout="17.1"))),
    260: one(established("2025-11-01"), legal_basis("§ 27 GO NRW"),
             rest("name since the new term starting 2025-11-01, after the July 2025 amendment of § 27 GO NRW; the "
                  "row names it as a successor body")),
    261: noted(),  # the body's Geschäftsführung, not the body, sits in the Kommunales Integrationszentrum
    262: row(keep(1, predecessor(MH_AB),
                  rest("the NRW interior ministry approved replacing the Ausländerbeirat with an Integrationsrat "
                       "(with Stadtrat members)")),
             note(2),  # the year of the election is not stated
             keep(3, on("Ausländerbeauftragter (Mülheim an der Ruhr)", office_holder("Friedhelm Kreuselberg"),
                        actor_type="commissioner"))),
    263: noted(),  # a future rewriting: no adoption
    710: one(adopted("2013-12", by="Rat")),
    711: row(keep(1, adoption_also("2013-12", by="Rat"), rest("adopted by the Rat in December 2013 with three "
                                                              "abstentions")),
             note(2)),
    712: one(adopted("2018-02-22", by="Rat"),
             rest("update (Vorlage V 17/0924-01) adopted unchanged by the Rat on 2018-02-22 after the Integrationsrat "
                  "(2018-01-15) and Hauptausschuss (2018-02-15)")),
    713: row(keep(1, established("2012-12", decided_by="Rat", predecessor="RAA (Mülheim an der Ruhr)"),
                  rest("set up by Rat decision in December 2012, replacing the former RAA")),
             note(2)),  # 5.5 posts and funds: full-time equivalents and money have no property
    714: one(head("Sonja Clausen", about("2021", "etwa 2021")),
             rest("WAZ report on building up the Kommunales Integrationsmanagement, c. 2021")),
    # --- Leverkusen
    295: row(keep(1, members_count(34, (25, ELECTED), (9, COUNCIL)), classifies(),
                  rest("34 voting members: 25 elected list members + 9 sent by the Stadtrat")),
             note(2)),
    296: row(keep(1, on(LEV_KK, established("1976", decided_by="Rat"))),
             note(2)),  # a ministry's permission: no decision of the city dated
    297: row(keep(1, E297, results(E297, ("Internationale Liste Leverkusen", None, 12)),
                  rest("five lists; elected for 2014-2020"))),
    298: row(keep(1, E298, rest("seven lists; about 40,000 eligible (an approximate figure)")),
             keep(2, results(E298, ("Inter-Lev", None, 10), ("Unser Leverkusen", None, 8))),
             note(3)),  # a constitutive session "planned": not seen
    299: one(chair("Sam Kofi Nyantakyi", inferred_year("2025")), rest("chair for many years (2025)")),
    300: row(keep(1, E300),
             keep(2, E300.more(seats=25), members_count(None, (25, ELECTED), (9, COUNCIL)), classifies(),
                  rest("25 members by list vote + 9 from the Stadtrat"))),
    706: one(adopted("2009", by="Rat")),
    707: row(note(1), keep(2, adopted("2017-12", by="Rat")), note(3), note(4)),
    708: noted(),  # steering groups of the concept: no property for them
    709: row(keep(1, established("2013-05", decided_by="Rat")),
             note(2),  # "twelve staff (2023)": the number is written as a word
             note(3),  # a Stabsstelle assigned to a Dezernent: no node for the Dezernent's post
             keep(4, head("Susann Peters"))),
    # --- Solingen
    322: one(members_count(21, (14, ELECTED), (7, COUNCIL)), classifies()),
    323: row(keep(1, E323, votes_cast(E323, 6442),
                  rest("of the 39,528 eligible: 16,716 naturalised, 11,587 EU citizens, 11,225 third-country "
                       "nationals")),
             keep(2, results(E323, ("ABI", "20.5", None)), rest("ABI strongest list"))),
    324: one(chair("Hassan Firouzkhah", "2020"), rest("of the Internationale Liste, chair elected 2020")),
    325: row(keep(1, E325, rest("news aggregator")),
             keep(2, results(E325, ("ABI", None, 4), ("CDU", None, 4)), rest("ABI 4 seats, CDU 4 seats (news "
                                                                             "aggregator)"))),
    736: one(adopted(None, by="Stadtrat"), rest("developed with many stakeholders; adoption date not stated")),
    737: noted(),  # a prize: no property for it
    738: row(keep(1, predecessor("RAA Solingen", kind="conversion", actor_type="office"),
                  located_in("Stadtdienst Integration (Solingen)")),
             keep(2, head("Anne Wehkamp", inferred_year("2012")),
                  rest("Land funding notice for December (2012) received by head Anne Wehkamp, 170,000 EUR a year "
                       "thereafter"))),
    739: one(office_holder("Anne Wehkamp"),
             rest("head of the Stadtdienst Integration (RP report on the centre's move; earlier described as "
                  "Ausländerbeauftragte)")),
    740: row(keep(1, established("1989"), successor(SG_ZUWI),
                  rest("created by direct election (Urwahl) in 1989, one of the first in NRW")),
             note(2)),  # the city's first integration report: about the city, not the body
    # --- Herne
    326: row(keep(1, members_count(23, (15, ELECTED), (8, COUNCIL)), classifies(),
                  rest("all 23 members vote, the 8 Ratsmitglieder included")),
             keep(2, term(5))),
    327: row(keep(1, chair("Muzaffer Oruc"), rest("re-elected (15 of 23 votes) at the constitutive session")),
             note(2)),  # the seat distribution of an election the clause does not date
    328: row(keep(1, E328, rest("five lists")), keep(2, E328.more(eligible=35500)),
             keep(3, election("2014", turnout="9.5"))),
    741: row(keep(1, adopted("2005", by="Rat")),
             keep(2, on("Herner Integrationsnetzwerk", established("2005-11-22"), actor_type="other"),
                  rest("the Leitlinien were the basis of the Herner Integrationsnetzwerk founded on 2005-11-22 "
                       "(press release of 2025-11-25)"))),
    742: row(note(1), note(2), note(3)),  # presented, not adopted
    743: one(merger(inferred_year("2013"), ("Integrationsbüro (Stadt Herne)", "Integrationsbüro", "office"),
                    ("RAA (Stadt Herne)", "RAA", "office"), decided_by="Rat"),
             on("RAA (Stadt Herne)", established("1981"), actor_type="office"),
             rest("created on 1 August (2013) by Rat decision of May")),
    744: row(keep(1, said_change("reorganisation", HER_KI, "KI", "2024-01-01", actor_type="integration_centre"),
                  members_count(27, when="2024-01-01", unit="staff"),
                  rest("the KI was taken out of the Fachbereich Schule und Weiterbildung and made a Fachbereich of "
                       "its own")),
             keep(2, head("Claudia Heinrich"), rest("KI head since January 2020"))),
    # --- Remscheid
    392: one(members_count(23, (15, ELECTED), (8, COUNCIL)), classifies(), rest("in the 15th Wahlperiode")),
    393: row(keep(1, on(RS_AK, established("1971"))),
             keep(2, on(RS_AB, established("1980"))),
             keep(3, said_change("renaming", RS_AB, "Integrationsrat", "2014"))),
    394: row(keep(1, E394, votes_cast(E394, 3493)),
             keep(2, results(E394, ("Interkulturelle Liste (SPD)", "39.38", None)))),
    395: one(chair("Erden Ankay-Nachtwein", "2020-12"),
             rest("re-elected Dec 2020 (15:8 votes) for five more years")),
}

BODIES = {
    ("Köln", K_IR): body("integrationsrat", "elected-and-council", "council-committee", rows=[29, 32, 33]),
    ("Köln", K_AB): body("auslaenderbeirat", rows=[32]),
    ("Wuppertal", W_IA): body("integration-committee", "elected-and-council", "council-committee", rows=[86, 88]),
    ("Wuppertal", W_IR): body("integrationsrat", "elected-and-council", rows=[89]),
    ("Münster", MS_IR): body("integrationsrat", "elected-and-council", rows=[104]),
    ("Münster", MS_AB): body("auslaenderbeirat", rows=[105]),
    ("Münster", MS_ACI): body("integration-committee", "elected-and-council", rows=[110]),
    ("Krefeld", KR_IA_2010): body("integration-committee", "elected-and-council", rows=[181]),
    ("Krefeld", KR_IR): body("integrationsrat", "elected-and-council", rows=[182]),
    ("Krefeld", KR_IA_2020): body("integration-committee", rows=[183]),
    ("Oberhausen", OB_IR): body("integrationsrat", "elected-and-council", rows=[206]),
    ("Oberhausen", OB_ACI): body("integration-committee", rows=[211]),
    ("Mülheim an der Ruhr", MH_IR): body("integrationsrat", "elected-and-council", rows=[257]),
    ("Mülheim an der Ruhr", MH_ACI): body("integration-committee", rows=[260]),
    ("Mülheim an der Ruhr", MH_AB): body("auslaenderbeirat", rows=[262]),
    ("Leverkusen", LEV_IR): body("integrationsrat", "elected-and-council", rows=[295, 300]),
    ("Leverkusen", LEV_KK): body("other-advisory-board", rows=[296]),
    ("Solingen", SG_ZUWI): body("zuwanderer-und-integrationsrat", "elected-and-council", rows=[322]),
    ("Solingen", SG_AB): body("auslaenderbeirat", rows=[740]),
    ("Herne", HER_IR): body("integrationsrat", "elected-and-council", rows=[326]),
    ("Remscheid", RS_IR): body("integrationsrat", "elected-and-council", rows=[392]),
    ("Remscheid", RS_AK): body("other-advisory-board", rows=[393]),
    ("Remscheid", RS_AB): body("auslaenderbeirat", rows=[393]),
}
